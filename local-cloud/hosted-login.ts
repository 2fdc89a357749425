/**
 * The hosted login, locally. cognito-local checks passwords, issues the codes and serves
 * `/oauth2/token`; this server sits in front of it and serves, as stand-in pages built on the same
 * Cognito API calls, what the AWS hosted login shows and cognito-local lacks or gets wrong:
 *   - the sign-in form itself (cognito-local's reflects its query parameters unescaped),
 *   - choosing a new password after an invitation (NEW_PASSWORD_REQUIRED),
 *   - a TOTP code at sign-in (SOFTWARE_TOKEN_MFA), and TOTP set-up where the pool requires MFA,
 *   - sign-up with the emailed confirmation code (`/signup`),
 *   - "Forgot your password?" with an emailed reset code (`/forgotpassword`),
 *   - `/logout`,
 *   - the signed-in user's own Cognito API calls from a web UI (`POST /`: ChangePassword, TOTP
 *     set-up), which cognito-local answers without checking the token's signature or the policy.
 * It also refuses what AWS refuses and cognito-local allows: a disabled user, a wrong temporary
 * password, an invited user skipping the new password, a staff user skipping TOTP, and a
 * password the pool's policy (from the template) does not accept.
 */
import {
  AdminGetUserCommand,
  AssociateSoftwareTokenCommand,
  CognitoIdentityProviderClient,
  ConfirmForgotPasswordCommand,
  ConfirmSignUpCommand,
  ForgotPasswordCommand,
  GetUserCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  RevokeTokenCommand,
  SetUserMFAPreferenceCommand,
  SignUpCommand,
  VerifySoftwareTokenCommand,
  type InitiateAuthCommandOutput,
} from '@aws-sdk/client-cognito-identity-provider';
import { JwtRsaVerifier } from 'aws-jwt-verify';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { describePolicy, missingFromPassword, passwordProblem, type PasswordPolicy } from '../web/common/password-policy.ts';
import { localCredentials, LOCAL_REGION } from './provision.ts';

export interface LoginClient {
  clientId: string;
  userPoolId: string;
  /** The pool requires a second factor (the staff pool). */
  mfaRequired: boolean;
  callbackUrls: string[];
  logoutUrls: string[];
  selfSignUp: boolean;
  /** The pool's `Policies.PasswordPolicy` from the template (Cognito's default policy when absent). */
  passwordPolicy?: PasswordPolicy;
}

export interface HostedLoginOptions {
  cognitoUrl: string;
  clients: LoginClient[];
  /** Where a sign-up's confirmation code goes (Cognito emails it in AWS). */
  sendConfirmationCode: (userPoolId: string, email: string) => Promise<void>;
  /** Where a forgotten password's reset code goes (Cognito emails it in AWS); only a code stored at or after `since` (ms) is sent. */
  sendPasswordResetCode: (userPoolId: string, email: string, since: number) => Promise<void>;
  /** Whether the firm has self sign-up switched on now (admin settings, as the PreSignUp trigger reads them). */
  signUpSwitchedOn: () => Promise<boolean>;
}

/** The OAuth parameters of the sign-in under way, carried through every step. */
interface OAuthRequest {
  client_id: string;
  redirect_uri: string;
  response_type: string;
  code_challenge: string;
  code_challenge_method: string;
  scope: string;
  state: string;
}

interface Flow {
  oauth: OAuthRequest;
  client: LoginClient;
  username: string;
  /** The address a person knows the account by; `username` is Cognito's internal id where the pool signs in by email. */
  email?: string;
  password: string;
  session?: string;
  accessToken?: string;
  /** A password reset: false where no code was sent (unknown, disabled or unconfirmed user), so no code can match. */
  resetAllowed?: boolean;
  expires: number;
}

const FLOW_MINUTES = 10;
/** Cognito's password reset codes are valid for an hour. */
const RESET_MINUTES = 60;
/** The signed-in user's own Cognito calls a web UI makes with its access token; nothing else is forwarded. */
const USER_OPERATIONS = ['GetUser', 'ChangePassword', 'AssociateSoftwareToken', 'VerifySoftwareToken', 'SetUserMFAPreference'];
const STAND_IN = 'Local stand-in for this step of the Cognito hosted login.';
const OAUTH_FIELDS: (keyof OAuthRequest)[] = ['client_id', 'redirect_uri', 'response_type', 'code_challenge', 'code_challenge_method', 'scope', 'state'];

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * One page of the hosted login. The icon is declared inline (an empty data URL), so the browser asks
 * for no /favicon.ico and logs no 404 on any page.
 */
function page(title: string, body: string, error?: string, options: { notice?: string; standIn?: string } = {}): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,"><title>${escape(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:26rem;margin:2rem auto;padding:0 1rem;color:#1d2330}label{display:block;margin:.8rem 0 .2rem;font-weight:500}input{font:inherit;width:100%;padding:.4rem;box-sizing:border-box}button{font:inherit;margin-top:1rem;padding:.5rem 1rem}.error{color:#a4262c;background:#fdecea;padding:.5rem}.notice{background:#e8f1fb;padding:.5rem}.hint{font-size:.9rem;color:#5b6475;margin:.2rem 0 0}.stand-in{font-size:.85rem;color:#5b6475;border-top:1px solid #ddd;margin-top:2rem;padding-top:.5rem}code{word-break:break-all}</style></head>
<body><h1>${escape(title)}</h1>${error ? `<p class="error" role="alert">${escape(error)}</p>` : ''}${options.notice ? `<p class="notice" role="status">${escape(options.notice)}</p>` : ''}${body}
<p class="stand-in">${escape(options.standIn ?? STAND_IN)}</p></body></html>`;
}

/** A new-password field with the pool's policy beside it, read out with the field. */
function newPasswordFields(policy: PasswordPolicy | undefined): string {
  return `<label for="password">New password</label><input id="password" name="password" type="password" autocomplete="new-password" required aria-describedby="password-rules">
<p class="hint" id="password-rules">${escape(describePolicy(policy).replace(/^./, (c) => c.toUpperCase()))}.</p>
<label for="confirm">Confirm the new password</label><input id="confirm" name="confirm" type="password" autocomplete="new-password" required>`;
}

const hidden = (name: string, value: string) => `<input type="hidden" name="${name}" value="${escape(value)}">`;

async function formBody(req: IncomingMessage): Promise<Record<string, string>> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
}

function send(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(html);
}

/**
 * What a trigger that refused said, without Cognito's wrapping: Cognito answers
 * "PreSignUp failed with error <message>." (cognito-local names its function, "trigger-PreSignUp …"),
 * and a message that ends with a full stop then ends with two.
 */
export function triggerMessage(raw: string): string {
  const message = raw.replace(/^[\w-]+ failed with error\s+/, '').replace(/[\s.]+$/, '');
  return /[!?…]$/.test(message) ? message : `${message}.`;
}

/** Cognito's error in words a person can act on; `code` says where the code they typed came from. */
function cognitoMessage(error: unknown, code: 'app' | 'email' = 'app'): string {
  const e = error as { name?: string; message?: string };
  if (e.name === 'NotAuthorizedException' || e.name === 'UserNotFoundException') return 'Incorrect username or password.';
  if (e.name === 'CodeMismatchException' || e.name === 'EnableSoftwareTokenMFAException' || e.name === 'ExpiredCodeException') {
    return code === 'email'
      ? 'That code is not right. Enter the code from the latest email we sent you, or ask for a new one.'
      : 'That code is not right. Enter the current code from your authenticator app.';
  }
  if (e.name === 'UserLambdaValidationException') return triggerMessage(e.message ?? '');
  if (e.name === 'UsernameExistsException') return 'There is already an account with this email. Sign in instead, or use "Forgot your password?" on the sign-in page.';
  return e.message ?? 'Something went wrong. Please try again.';
}

/** Cognito's InvalidPasswordException text for the first rule a password breaks, as the AWS API words it. */
function cognitoPolicyReason(policy: PasswordPolicy | undefined, password: string): string | undefined {
  const missing = missingFromPassword(policy, password);
  if (!missing.length) return undefined;
  const first = missing[0];
  if (first.startsWith('at least')) return 'Password not long enough';
  if (first.startsWith('an upper')) return 'Password must have uppercase characters';
  if (first.startsWith('a lower')) return 'Password must have lowercase characters';
  if (first.startsWith('a number')) return 'Password must have numeric characters';
  if (first.startsWith('a symbol')) return 'Password must have symbol characters';
  return 'Password must not begin or end with a space';
}

export class HostedLogin {
  private readonly cognito: CognitoIdentityProviderClient;
  private readonly flows = new Map<string, Flow>();
  private readonly verifiers = new Map<string, ReturnType<typeof JwtRsaVerifier.create>>();

  constructor(private readonly options: HostedLoginOptions) {
    this.cognito = new CognitoIdentityProviderClient({ endpoint: options.cognitoUrl, region: LOCAL_REGION, credentials: localCredentials });
  }

  listen(port: number): Promise<Server> {
    const server = createServer((req, res) => {
      this.handle(req, res).catch((error) => send(res, 500, page('Sign-in failed', '', (error as Error).message)));
    });
    server.on('close', () => this.cognito.destroy());
    return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    // cognito-local's router ignores case and a trailing slash; so does this one, or a variant of a path would slip past it.
    const route = `${req.method} ${url.pathname.toLowerCase().replace(/\/+$/, '') || '/'}`;
    if (route === 'GET /oauth2/authorize') return this.signInForm(url.searchParams, res);
    if (route === 'POST /oauth2/authorize') return this.signIn(await formBody(req), res);
    if (route === 'POST /login/new-password') return this.newPassword(await formBody(req), res);
    if (route === 'POST /login/totp') return this.totp(await formBody(req), res);
    if (route === 'POST /login/totp-setup') return this.totpSetup(await formBody(req), res);
    if (route === 'GET /signup') return this.signUpForm(url.searchParams, res);
    if (route === 'POST /signup') return this.signUp(await formBody(req), res);
    if (route === 'POST /signup/confirm') return this.confirmSignUp(await formBody(req), res);
    if (route === 'GET /forgotpassword') return this.forgotPasswordForm(url.searchParams, res);
    if (route === 'POST /forgotpassword') return this.forgotPassword(await formBody(req), res);
    if (route === 'POST /forgotpassword/confirm') return this.confirmForgotPassword(await formBody(req), res);
    if (route === 'POST /' || route === 'OPTIONS /') return this.userApi(req, res);
    // Pages declare an inline icon; a browser that asks anyway gets an empty answer, not a 404.
    if (route === 'GET /favicon.ico') return void res.writeHead(204, { 'cache-control': 'max-age=86400' }).end();
    if (route === 'GET /logout') return this.logout(url.searchParams, res);
    if (route === 'POST /oauth2/token' || route === 'OPTIONS /oauth2/token' || route === 'OPTIONS /oauth2/revoke') return this.passThrough(req, res, '/oauth2/token');
    if (route === 'POST /oauth2/revoke') return this.revoke(req, res);
    send(res, 404, page('Not found', '<p>There is no such page on the sign-in site.</p>'));
  }

  private corsFor(req: IncomingMessage): Record<string, string> {
    const origin = req.headers.origin;
    return origin ? { 'access-control-allow-origin': origin, 'access-control-allow-headers': 'content-type', 'access-control-allow-methods': 'POST', vary: 'origin' } : {};
  }

  /** Sign-out revokes the refresh token (and the tokens issued with it), as Cognito's /oauth2/revoke does. */
  private async revoke(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const form = await formBody(req);
    await this.cognito.send(new RevokeTokenCommand({ ClientId: form.client_id ?? '', Token: form.token ?? '' })).catch(() => undefined);
    res.writeHead(200, { ...this.corsFor(req), 'content-type': 'application/json' }).end('{}');
  }

  /** The token endpoint is cognito-local's, with CORS for the UIs' calls. */
  private async passThrough(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const cors = this.corsFor(req);
    if (req.method === 'OPTIONS') {
      res.writeHead(204, cors).end();
      return;
    }
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const headers = Object.fromEntries(Object.entries(req.headers).filter(([k, v]) => typeof v === 'string' && !['host', 'origin', 'content-length'].includes(k))) as Record<string, string>;
    const upstream = await fetch(`${this.options.cognitoUrl}${path}`, {
      method: req.method,
      headers,
      body: chunks.length ? Buffer.concat(chunks) : undefined,
      redirect: 'manual',
    });
    const out: Record<string, string> = { ...cors, 'content-type': upstream.headers.get('content-type') ?? 'text/plain' };
    if (upstream.headers.get('location')) out.location = upstream.headers.get('location')!;
    res.writeHead(upstream.status, out);
    res.end(Buffer.from(await upstream.arrayBuffer()));
  }

  private clientOf(oauth: Partial<OAuthRequest>): LoginClient | undefined {
    const client = this.options.clients.find((c) => c.clientId === oauth.client_id);
    return client && oauth.redirect_uri && client.callbackUrls.includes(oauth.redirect_uri) ? client : undefined;
  }

  private oauthOf(form: Record<string, string>): OAuthRequest {
    return Object.fromEntries(OAUTH_FIELDS.map((k) => [k, form[k] ?? ''])) as unknown as OAuthRequest;
  }

  /**
   * The sign-in form, with a password reset, as the AWS hosted login shows it; a refused sign-in keeps the username.
   * It offers sign-up only while the pool allows it (deploy setting) and the firm has switched self
   * sign-up on (admin settings): a link that can only lead to "Sign-up is not open" is a dead end.
   * This is where the stand-in differs from AWS on purpose: Cognito's hosted login cannot read the
   * firm's switch and shows its sign-up link whenever the pool allows sign-up; there a sign-up while
   * the switch is off is refused by the PreSignUp trigger with the firm's message ("Sign-up is not
   * open. Please contact <firm> …"), before any account is created or seat taken.
   */
  private async loginForm(oauth: OAuthRequest, client: LoginClient, res: ServerResponse, error?: string, username = '', notice?: string): Promise<void> {
    const query = escape(new URLSearchParams({ ...oauth }).toString());
    const offersSignUp = client.selfSignUp && (await this.options.signUpSwitchedOn());
    const signUp = offersSignUp ? `<p><a href="/signup?${query}">Create an account</a></p>` : '';
    const focus = username ? ' autofocus' : '';
    send(
      res,
      200,
      page(
        'Sign in',
        `<form method="post" action="/oauth2/authorize">${OAUTH_FIELDS.map((k) => hidden(k, oauth[k])).join('')}
<label for="username">Username</label><input id="username" name="username" type="email" autocomplete="username" required value="${escape(username)}">
<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required${focus}>
<button type="submit">Sign in</button></form>
<p><a href="/forgotpassword?${query}">Forgot your password?</a></p>${signUp}`,
        error,
        { notice },
      ),
    );
  }

  private async signInForm(params: URLSearchParams, res: ServerResponse): Promise<void> {
    const oauth = this.oauthOf(Object.fromEntries(params));
    const client = this.clientOf(oauth);
    if (!client || oauth.response_type !== 'code' || !oauth.code_challenge || oauth.code_challenge_method !== 'S256') {
      return send(res, 400, page('Sign-in failed', '', 'This sign-in link is not valid for this application (a registered redirect and a PKCE S256 challenge are required).'));
    }
    return this.loginForm(oauth, client, res);
  }

  private async signIn(form: Record<string, string>, res: ServerResponse): Promise<void> {
    const oauth = this.oauthOf(form);
    const client = this.clientOf(oauth);
    if (!client) return send(res, 400, page('Sign-in failed', '', 'This sign-in link is not valid for this application.'));
    const username = (form.username ?? '').trim();
    const password = form.password ?? '';
    // cognito-local's form checks the password (a temporary one too), but not that the user is enabled.
    if (!(await this.passwordMatches(oauth, username, password))) return this.loginForm(oauth, client, res, 'Incorrect username or password.', username);
    const user = await this.cognito.send(new AdminGetUserCommand({ UserPoolId: client.userPoolId, Username: username })).catch(() => undefined);
    if (!user?.Enabled) return this.loginForm(oauth, client, res, 'User is disabled.', username);
    let out: InitiateAuthCommandOutput;
    try {
      out = await this.cognito.send(
        new InitiateAuthCommand({ ClientId: client.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: username, PASSWORD: password } }),
      );
    } catch (error) {
      return this.loginForm(oauth, client, res, cognitoMessage(error), username);
    }
    const email = user.UserAttributes?.find((a) => a.Name === 'email')?.Value ?? username;
    const flow: Flow = { oauth, client, username: user.Username ?? username, email, password, expires: Date.now() + FLOW_MINUTES * 60_000 };
    return this.next(flow, out, res);
  }

  /** cognito-local issues a code for a right password: proof of the password, nothing more (the code is dropped). */
  private async passwordMatches(oauth: OAuthRequest, username: string, password: string): Promise<boolean> {
    if (!username || !password) return false;
    const res = await fetch(`${this.options.cognitoUrl}/oauth2/authorize`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...oauth, username, password }),
      redirect: 'manual',
    });
    await res.arrayBuffer();
    return res.status === 302;
  }

  /** Shows the page for Cognito's next challenge, or finishes the sign-in. */
  private async next(flow: Flow, out: { ChallengeName?: string; Session?: string; AuthenticationResult?: { AccessToken?: string } }, res: ServerResponse, error?: string): Promise<void> {
    const id = randomUUID();
    this.flows.set(id, flow);
    this.forgetExpired();
    flow.session = out.Session;
    if (out.ChallengeName === 'NEW_PASSWORD_REQUIRED') {
      return send(
        res,
        200,
        page(
          'Choose your password',
          `<p>Welcome. Please choose a password for <strong>${escape(flow.email ?? flow.username)}</strong>.</p>
<form method="post" action="/login/new-password">${hidden('flow', id)}
${newPasswordFields(flow.client.passwordPolicy)}
<button type="submit">Set password and sign in</button></form>`,
          error,
        ),
      );
    }
    if (out.ChallengeName === 'SOFTWARE_TOKEN_MFA') {
      return send(
        res,
        200,
        page(
          'Enter your sign-in code',
          `<form method="post" action="/login/totp">${hidden('flow', id)}
<label for="code">Code from your authenticator app</label><input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" required>
<button type="submit">Sign in</button></form>`,
          error,
        ),
      );
    }
    if (!out.AuthenticationResult?.AccessToken) return send(res, 400, page('Sign-in failed', '', `Unexpected sign-in step ${out.ChallengeName ?? ''}`));
    flow.accessToken = out.AuthenticationResult.AccessToken;
    // Where the pool requires MFA, AWS makes a user without TOTP set it up before finishing (MFA_SETUP); cognito-local does not.
    if (flow.client.mfaRequired) {
      const me = await this.cognito.send(new GetUserCommand({ AccessToken: flow.accessToken }));
      if (!me.UserMFASettingList?.includes('SOFTWARE_TOKEN_MFA')) return this.totpSetupPage(id, flow, res, error);
    }
    this.flows.delete(id);
    return this.finish(flow, res);
  }

  private async totpSetupPage(id: string, flow: Flow, res: ServerResponse, error?: string): Promise<void> {
    const { SecretCode } = await this.cognito.send(new AssociateSoftwareTokenCommand({ AccessToken: flow.accessToken }));
    const uri = `otpauth://totp/Portico:${encodeURIComponent(flow.username)}?secret=${SecretCode}&issuer=Portico`;
    send(
      res,
      200,
      page(
        'Set up your authenticator app',
        `<p>This account needs a second step at sign-in. Add this key to an authenticator app, then enter the code it shows.</p>
<p>Key: <code data-testid="totp-secret">${escape(SecretCode!)}</code></p><p>Or open: <code>${escape(uri)}</code></p>
<form method="post" action="/login/totp-setup">${hidden('flow', id)}
<label for="code">Code from your authenticator app</label><input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" required>
<button type="submit">Verify and sign in</button></form>`,
        error,
      ),
    );
  }

  private takeFlow(form: Record<string, string>): Flow | undefined {
    const flow = this.flows.get(form.flow ?? '');
    this.flows.delete(form.flow ?? '');
    return flow && flow.expires > Date.now() ? flow : undefined;
  }

  private expired(res: ServerResponse): void {
    send(res, 400, page('Sign-in expired', '<p>This sign-in took too long. Please go back to the application and sign in again.</p>'));
  }

  private async newPassword(form: Record<string, string>, res: ServerResponse): Promise<void> {
    const flow = this.takeFlow(form);
    if (!flow) return this.expired(res);
    if (form.password !== form.confirm) return this.next(flow, { ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: flow.session }, res, 'The two passwords are not the same.');
    // Cognito checks the pool's policy here; cognito-local takes any password.
    const weak = passwordProblem(flow.client.passwordPolicy, form.password ?? '');
    if (weak) return this.next(flow, { ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: flow.session }, res, weak);
    try {
      const out = await this.cognito.send(
        new RespondToAuthChallengeCommand({
          ClientId: flow.client.clientId,
          ChallengeName: 'NEW_PASSWORD_REQUIRED',
          Session: flow.session,
          ChallengeResponses: { USERNAME: flow.username, NEW_PASSWORD: form.password ?? '' },
        }),
      );
      flow.password = form.password ?? '';
      return this.next(flow, out, res);
    } catch (error) {
      return this.next(flow, { ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: flow.session }, res, cognitoMessage(error));
    }
  }

  private async totp(form: Record<string, string>, res: ServerResponse): Promise<void> {
    const flow = this.takeFlow(form);
    if (!flow) return this.expired(res);
    try {
      const out = await this.cognito.send(
        new RespondToAuthChallengeCommand({
          ClientId: flow.client.clientId,
          ChallengeName: 'SOFTWARE_TOKEN_MFA',
          Session: flow.session,
          ChallengeResponses: { USERNAME: flow.username, SOFTWARE_TOKEN_MFA_CODE: (form.code ?? '').trim() },
        }),
      );
      return this.next(flow, out, res);
    } catch (error) {
      return this.next(flow, { ChallengeName: 'SOFTWARE_TOKEN_MFA', Session: flow.session }, res, cognitoMessage(error));
    }
  }

  private async totpSetup(form: Record<string, string>, res: ServerResponse): Promise<void> {
    const flow = this.takeFlow(form);
    if (!flow) return this.expired(res);
    const id = randomUUID();
    try {
      const verified = await this.cognito.send(new VerifySoftwareTokenCommand({ AccessToken: flow.accessToken, UserCode: (form.code ?? '').trim(), FriendlyDeviceName: 'authenticator' }));
      if (verified.Status !== 'SUCCESS') throw Object.assign(new Error('code'), { name: 'CodeMismatchException' });
      await this.cognito.send(new SetUserMFAPreferenceCommand({ AccessToken: flow.accessToken, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } }));
      return this.finish(flow, res);
    } catch (error) {
      this.flows.set(id, flow);
      return this.totpSetupPage(id, flow, res, cognitoMessage(error));
    }
  }

  /** Every step is done: cognito-local's own form issues the code and redirects back to the UI. */
  private async finish(flow: Flow, res: ServerResponse): Promise<void> {
    const upstream = await fetch(`${this.options.cognitoUrl}/oauth2/authorize`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...flow.oauth, username: flow.username, password: flow.password }),
      redirect: 'manual',
    });
    await upstream.arrayBuffer();
    const location = upstream.headers.get('location');
    if (upstream.status !== 302 || !location) return send(res, 400, page('Sign-in failed', '', 'The sign-in could not be completed. Please try again.'));
    res.writeHead(302, { location, 'cache-control': 'no-store' }).end();
  }

  private signUpPage(oauth: OAuthRequest, client: LoginClient, res: ServerResponse, error?: string, values: { email?: string; name?: string } = {}): void {
    send(
      res,
      error ? 400 : 200,
      page(
        'Create your account',
        `<form method="post" action="/signup">${OAUTH_FIELDS.map((k) => hidden(k, oauth[k])).join('')}
<label for="name">Your name</label><input id="name" name="name" autocomplete="name" required value="${escape(values.name ?? '')}">
<label for="email">Email</label><input id="email" name="email" type="email" autocomplete="email" required value="${escape(values.email ?? '')}">
<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="new-password" required aria-describedby="password-rules">
<p class="hint" id="password-rules">${escape(describePolicy(client.passwordPolicy).replace(/^./, (c) => c.toUpperCase()))}.</p>
<button type="submit">Sign up</button></form>`,
        error,
      ),
    );
  }

  private signUpForm(params: URLSearchParams, res: ServerResponse): void {
    const oauth = this.oauthOf(Object.fromEntries(params));
    const client = this.clientOf(oauth);
    if (!client) return send(res, 400, page('Sign-up failed', '', 'This sign-up link is not valid for this application.'));
    if (!client.selfSignUp) return send(res, 400, page('Sign-up is not available', '', 'This portal does not accept sign-ups. Ask the firm for an invitation.'));
    this.signUpPage(oauth, client, res);
  }

  private async signUp(form: Record<string, string>, res: ServerResponse): Promise<void> {
    const oauth = this.oauthOf(form);
    const client = this.clientOf(oauth);
    if (!client?.selfSignUp) return send(res, 400, page('Sign-up failed', '', 'This sign-up link is not valid for this application.'));
    const email = (form.email ?? '').trim();
    // Cognito checks the policy before the PreSignUp trigger runs (so a refused password takes no seat); cognito-local never does.
    const weak = passwordProblem(client.passwordPolicy, form.password ?? '');
    if (weak) return this.signUpPage(oauth, client, res, weak, { email, name: form.name });
    try {
      await this.cognito.send(
        new SignUpCommand({
          ClientId: client.clientId,
          Username: email,
          Password: form.password ?? '',
          UserAttributes: [
            { Name: 'email', Value: email },
            { Name: 'name', Value: (form.name ?? '').trim() },
          ],
        }),
      );
    } catch (error) {
      return this.signUpPage(oauth, client, res, cognitoMessage(error), { email, name: form.name });
    }
    await this.options.sendConfirmationCode(client.userPoolId, email);
    const id = randomUUID();
    this.flows.set(id, { oauth, client, username: email, password: form.password ?? '', expires: Date.now() + FLOW_MINUTES * 60_000 });
    this.confirmPage(id, email, res);
  }

  private confirmPage(id: string, email: string, res: ServerResponse, error?: string): void {
    send(
      res,
      200,
      page(
        'Confirm your email',
        `<p>We have sent a code to ${escape(email)}.</p><form method="post" action="/signup/confirm">${hidden('flow', id)}
<label for="code">Confirmation code</label><input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" required>
<button type="submit">Confirm</button></form>`,
        error,
      ),
    );
  }

  private async confirmSignUp(form: Record<string, string>, res: ServerResponse): Promise<void> {
    const flow = this.takeFlow(form);
    if (!flow) return this.expired(res);
    try {
      await this.cognito.send(new ConfirmSignUpCommand({ ClientId: flow.client.clientId, Username: flow.username, ConfirmationCode: (form.code ?? '').trim() }));
    } catch (error) {
      const id = randomUUID();
      this.flows.set(id, flow);
      return this.confirmPage(id, flow.username, res, cognitoMessage(error, 'email'));
    }
    // As in AWS, a confirmed sign-up goes on to sign in (which runs the PostAuthentication trigger).
    const out = await this.cognito.send(
      new InitiateAuthCommand({ ClientId: flow.client.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: flow.username, PASSWORD: flow.password } }),
    );
    return this.next(flow, out, res);
  }

  private static readonly RESET_STAND_IN =
    'Local stand-in for this step of the Cognito hosted login: cognito-local keeps a reset code but emails nothing, never expires it and checks no password policy, so this page mails the code to the local mailbox and checks the pool\'s policy itself.';

  private forgotPasswordPage(oauth: OAuthRequest, res: ServerResponse, error?: string, email = ''): void {
    send(
      res,
      error ? 400 : 200,
      page(
        'Forgot your password?',
        `<p>Enter the email you sign in with. We will send you a code to choose a new password.</p>
<form method="post" action="/forgotpassword">${OAUTH_FIELDS.map((k) => hidden(k, oauth[k])).join('')}
<label for="email">Email</label><input id="email" name="email" type="email" autocomplete="username" required value="${escape(email)}">
<button type="submit">Send me a code</button></form>
<p><a href="/oauth2/authorize?${escape(new URLSearchParams({ ...oauth }).toString())}">Back to sign in</a></p>`,
        error,
        { standIn: HostedLogin.RESET_STAND_IN },
      ),
    );
  }

  private forgotPasswordForm(params: URLSearchParams, res: ServerResponse): void {
    const oauth = this.oauthOf(Object.fromEntries(params));
    if (!this.clientOf(oauth)) return send(res, 400, page('Password reset failed', '', 'This link is not valid for this application.'));
    this.forgotPasswordPage(oauth, res);
  }

  /**
   * Sends a reset code where Cognito would: a known, enabled user whose email is confirmed. Anyone
   * else sees the same page and gets no code (the app client prevents user-existence errors), except
   * an invited user who never chose a password, whom Cognito refuses with its own reason.
   */
  private async forgotPassword(form: Record<string, string>, res: ServerResponse): Promise<void> {
    const oauth = this.oauthOf(form);
    const client = this.clientOf(oauth);
    if (!client) return send(res, 400, page('Password reset failed', '', 'This link is not valid for this application.'));
    const email = (form.email ?? '').trim();
    if (!email) return this.forgotPasswordPage(oauth, res, 'Enter the email you sign in with.');
    const user = await this.cognito.send(new AdminGetUserCommand({ UserPoolId: client.userPoolId, Username: email })).catch(() => undefined);
    if (user?.UserStatus === 'FORCE_CHANGE_PASSWORD') {
      return this.forgotPasswordPage(
        oauth,
        res,
        'This account has no password of its own yet. Sign in with the temporary password from your invitation email; if it has expired, ask the firm to send the invitation again.',
        email,
      );
    }
    const resetAllowed = !!user?.Enabled && (user.UserStatus === 'CONFIRMED' || user.UserStatus === 'RESET_REQUIRED');
    if (resetAllowed) {
      const since = Date.now();
      await this.cognito.send(new ForgotPasswordCommand({ ClientId: client.clientId, Username: email }));
      await this.options.sendPasswordResetCode(client.userPoolId, email, since);
    }
    const id = randomUUID();
    this.flows.set(id, { oauth, client, username: email, email, password: '', resetAllowed, expires: Date.now() + RESET_MINUTES * 60_000 });
    this.forgetExpired();
    this.resetPage(id, email, client, oauth, res);
  }

  private resetPage(id: string, email: string, client: LoginClient, oauth: OAuthRequest, res: ServerResponse, error?: string): void {
    const query = escape(new URLSearchParams({ ...oauth }).toString());
    send(
      res,
      200,
      page(
        'Reset your password',
        `<p>If ${escape(email)} has an account here, we have sent a code to it. Enter the code and choose a new password.</p>
<form method="post" action="/forgotpassword/confirm">${hidden('flow', id)}
<label for="code">Code from the email</label><input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" required>
${newPasswordFields(client.passwordPolicy)}
<button type="submit">Change password</button></form>
<p><a href="/forgotpassword?${query}">Send a new code</a></p><p><a href="/oauth2/authorize?${query}">Back to sign in</a></p>`,
        error,
        { standIn: HostedLogin.RESET_STAND_IN },
      ),
    );
  }

  private async confirmForgotPassword(form: Record<string, string>, res: ServerResponse): Promise<void> {
    const flow = this.takeFlow(form);
    if (!flow) return this.expired(res);
    const again = (error: string) => {
      const id = randomUUID();
      this.flows.set(id, flow);
      return this.resetPage(id, flow.email ?? flow.username, flow.client, flow.oauth, res, error);
    };
    const password = form.password ?? '';
    if (password !== form.confirm) return again('The two passwords are not the same.');
    const weak = passwordProblem(flow.client.passwordPolicy, password);
    if (weak) return again(weak);
    const wrongCode = cognitoMessage({ name: 'CodeMismatchException' }, 'email');
    if (!flow.resetAllowed) return again(wrongCode);
    try {
      await this.cognito.send(
        new ConfirmForgotPasswordCommand({ ClientId: flow.client.clientId, Username: flow.username, ConfirmationCode: (form.code ?? '').trim(), Password: password }),
      );
    } catch (error) {
      return again(cognitoMessage(error, 'email'));
    }
    // As the AWS hosted login: back to the sign-in form, the email filled in.
    return this.loginForm(flow.oauth, flow.client, res, undefined, flow.email ?? flow.username, 'Your password has been changed. Sign in with your new password.');
  }

  private async verifiedClient(accessToken: unknown): Promise<LoginClient | undefined> {
    if (typeof accessToken !== 'string') return undefined;
    let claims: { client_id?: string };
    try {
      claims = JSON.parse(Buffer.from(accessToken.split('.')[1] ?? '', 'base64url').toString('utf8'));
    } catch {
      return undefined;
    }
    const client = this.options.clients.find((c) => c.clientId === claims.client_id);
    if (!client) return undefined;
    const issuer = `${this.options.cognitoUrl}/${client.userPoolId}`;
    let verifier = this.verifiers.get(client.clientId);
    if (!verifier) {
      verifier = JwtRsaVerifier.create({ issuer, audience: null, jwksUri: `${issuer}/.well-known/jwks.json` });
      // aws-jwt-verify's own fetcher refuses plain http.
      verifier.cacheJwks((await (await fetch(`${issuer}/.well-known/jwks.json`)).json()) as never, issuer);
      this.verifiers.set(client.clientId, verifier);
    }
    try {
      const payload = await verifier.verify(accessToken);
      return payload.token_use === 'access' && payload.client_id === client.clientId ? client : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * The Cognito API (`https://cognito-idp.<region>.amazonaws.com/`) for a web UI's signed-in user:
   * only the calls made with the user's own access token, as Cognito takes them from a browser (any
   * origin, no AWS signature). cognito-local decodes the token without checking its signature or
   * expiry, takes any new password, and answers a wrong current password with InvalidPasswordException;
   * here the token is verified, the pool's policy applies, and a wrong password is NotAuthorizedException.
   */
  private async userApi(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const cors = {
      'access-control-allow-origin': '*',
      'access-control-allow-methods': 'POST',
      'access-control-allow-headers': 'content-type, x-amz-target, x-amz-user-agent, amz-sdk-invocation-id, amz-sdk-request',
      'access-control-max-age': '600',
    };
    if (req.method === 'OPTIONS') return void res.writeHead(204, cors).end();
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const reply = (status: number, body: unknown) => void res.writeHead(status, { ...cors, 'content-type': 'application/x-amz-json-1.1' }).end(JSON.stringify(body));
    const fail = (type: string, message: string) => reply(400, { __type: type, message });
    const target = String(req.headers['x-amz-target'] ?? '');
    const operation = target.replace(/^AWSCognitoIdentityProviderService\./, '');
    if (operation === target || !USER_OPERATIONS.includes(operation)) {
      return fail('UnknownOperationException', `The local sign-in site forwards only a signed-in user's own calls: ${USER_OPERATIONS.join(', ')}.`);
    }
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(raw || '{}');
    } catch {
      return fail('SerializationException', 'The request body is not JSON.');
    }
    const client = await this.verifiedClient(body.AccessToken);
    if (!client) return fail('NotAuthorizedException', 'Invalid Access Token');
    if (operation === 'ChangePassword') {
      const reason = cognitoPolicyReason(client.passwordPolicy, String(body.ProposedPassword ?? ''));
      if (reason) return fail('InvalidPasswordException', `Password did not conform with policy: ${reason}`);
    }
    const upstream = await fetch(`${this.options.cognitoUrl}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': target },
      body: raw,
    });
    const text = await upstream.text();
    if (operation === 'ChangePassword' && upstream.status === 400 && /InvalidPassword/.test(text)) {
      return fail('NotAuthorizedException', 'Incorrect username or password.');
    }
    res.writeHead(upstream.status, { ...cors, 'content-type': 'application/x-amz-json-1.1' });
    res.end(text);
  }

  private logout(params: URLSearchParams, res: ServerResponse): void {
    const client = this.options.clients.find((c) => c.clientId === params.get('client_id'));
    const target = params.get('logout_uri') ?? '';
    if (!client || !client.logoutUrls.includes(target)) return send(res, 400, page('Sign-out failed', '', 'This sign-out link is not valid for this application.'));
    res.writeHead(302, { location: target, 'cache-control': 'no-store' }).end();
  }

  private forgetExpired(): void {
    const now = Date.now();
    for (const [id, flow] of this.flows) if (flow.expires < now) this.flows.delete(id);
  }
}
