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
 *
 * Every page speaks the language the request chose with `lang` (English or French), as Cognito's
 * managed login does; the words are in hosted-login-text.ts and the HTML in hosted-login-pages.ts.
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
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { PasswordPolicy } from '../web/common/password-policy.ts';
import {
  confirmPage,
  forgotPasswordPage,
  newPasswordPage,
  OAUTH_FIELDS,
  refusalPage,
  resetPage,
  signInPage,
  signUpPage,
  speechIn,
  textPage,
  totpPage,
  totpSetupPage,
  type OAuthRequest,
  type Outcome,
  type Speech,
} from './hosted-login-pages.ts';
import { cognitoMessage, DEFAULT_LANGUAGE, languageCookie, languageOf, passwordProblemIn } from './hosted-login-text.ts';
import { UserApi } from './hosted-login-user-api.ts';
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

async function formBody(req: IncomingMessage): Promise<Record<string, string>> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
}

type Form = Record<string, string>;
/** A page of the sign-in site: what the request carried (its query, or the form it posted), in the language it chose. */
type PageRoute = (form: Form, speech: Speech, res: ServerResponse) => Promise<void> | void;
type Challenge = { ChallengeName?: string; Session?: string; AuthenticationResult?: { AccessToken?: string } };

function send(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(html);
}

export class HostedLogin {
  private readonly cognito: CognitoIdentityProviderClient;
  private readonly flows = new Map<string, Flow>();
  private readonly userApi: UserApi;
  /** The pages, by method and path. */
  private readonly pages: Record<string, PageRoute> = {
    'GET /oauth2/authorize': (form, speech, res) => this.signInForm(form, speech, res),
    'POST /oauth2/authorize': (form, speech, res) => this.signIn(form, speech, res),
    'POST /login/new-password': (form, speech, res) => this.newPassword(form, speech, res),
    'POST /login/totp': (form, speech, res) => this.totp(form, speech, res),
    'POST /login/totp-setup': (form, speech, res) => this.totpSetup(form, speech, res),
    'GET /signup': (form, speech, res) => this.signUpForm(form, speech, res),
    'POST /signup': (form, speech, res) => this.signUp(form, speech, res),
    'POST /signup/confirm': (form, speech, res) => this.confirmSignUp(form, speech, res),
    'GET /forgotpassword': (form, speech, res) => this.forgotPasswordForm(form, speech, res),
    'POST /forgotpassword': (form, speech, res) => this.forgotPassword(form, speech, res),
    'POST /forgotpassword/confirm': (form, speech, res) => this.confirmForgotPassword(form, speech, res),
    'GET /logout': (form, speech, res) => this.logout(form, speech, res),
  };

  constructor(private readonly options: HostedLoginOptions) {
    this.cognito = new CognitoIdentityProviderClient({ endpoint: options.cognitoUrl, region: LOCAL_REGION, credentials: localCredentials });
    this.userApi = new UserApi(options.cognitoUrl, options.clients);
  }

  listen(port: number): Promise<Server> {
    const server = createServer((req, res) => {
      this.handle(req, res).catch((error) => send(res, 500, refusalPage(speechIn(DEFAULT_LANGUAGE), 'Sign-in failed', (error as Error).message)));
    });
    server.on('close', () => this.cognito.destroy());
    return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    // cognito-local's router ignores case and a trailing slash; so does this one, or a variant of a path would slip past it.
    const route = `${req.method} ${url.pathname.toLowerCase().replace(/\/+$/, '') || '/'}`;
    if (route === 'POST /' || route === 'OPTIONS /') return this.userApi.handle(req, res);
    // Pages declare an inline icon; a browser that asks anyway gets an empty answer, not a 404.
    if (route === 'GET /favicon.ico') return void res.writeHead(204, { 'cache-control': 'max-age=86400' }).end();
    if (route === 'POST /oauth2/token' || route === 'OPTIONS /oauth2/token' || route === 'OPTIONS /oauth2/revoke') return this.passThrough(req, res, '/oauth2/token');
    if (route === 'POST /oauth2/revoke') return this.revoke(req, res);
    const form = req.method === 'POST' ? await formBody(req) : Object.fromEntries(url.searchParams);
    const speech = this.speechFor(req, form, res);
    const pageRoute = this.pages[route];
    if (!pageRoute) return send(res, 404, textPage(speech, speech.say('notFoundTitle'), speech.say('notFoundBody')));
    try {
      await pageRoute(form, speech, res);
    } catch (error) {
      send(res, 500, refusalPage(speech, speech.say('signInFailedTitle'), (error as Error).message));
    }
  }

  /**
   * The request's language (see languageOf). One the request names is remembered for the next
   * pages, as Cognito's managed login remembers `lang` in a cookie.
   */
  private speechFor(req: IncomingMessage, form: Form, res: ServerResponse): Speech {
    const { language, chosen } = languageOf(form.lang, req.headers.cookie);
    if (chosen) res.setHeader('set-cookie', languageCookie(language));
    return speechIn(language);
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

  /** Stores a flow for its next step and answers the id its page posts back. */
  private keep(flow: Flow): string {
    const id = randomUUID();
    this.flows.set(id, flow);
    this.forgetExpired();
    return id;
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
  private async loginForm(oauth: OAuthRequest, client: LoginClient, speech: Speech, res: ServerResponse, shown: Outcome & { username?: string } = {}): Promise<void> {
    const offersSignUp = client.selfSignUp && (await this.options.signUpSwitchedOn());
    send(res, 200, signInPage(speech, oauth, { ...shown, offersSignUp }));
  }

  private async signInForm(form: Form, speech: Speech, res: ServerResponse): Promise<void> {
    const oauth = this.oauthOf(form);
    const client = this.clientOf(oauth);
    if (!client || oauth.response_type !== 'code' || !oauth.code_challenge || oauth.code_challenge_method !== 'S256') {
      return send(res, 400, refusalPage(speech, speech.say('signInFailedTitle'), speech.say('badSignInLinkPkce')));
    }
    return this.loginForm(oauth, client, speech, res);
  }

  private async signIn(form: Form, speech: Speech, res: ServerResponse): Promise<void> {
    const { say } = speech;
    const oauth = this.oauthOf(form);
    const client = this.clientOf(oauth);
    if (!client) return send(res, 400, refusalPage(speech, say('signInFailedTitle'), say('badSignInLink')));
    const username = (form.username ?? '').trim();
    const password = form.password ?? '';
    const refuse = (error: string) => this.loginForm(oauth, client, speech, res, { error, username });
    // cognito-local's form checks the password (a temporary one too), but not that the user is enabled.
    if (!(await this.passwordMatches(oauth, username, password))) return refuse(say('incorrectCredentials'));
    const user = await this.cognito.send(new AdminGetUserCommand({ UserPoolId: client.userPoolId, Username: username })).catch(() => undefined);
    if (!user?.Enabled) return refuse(say('userDisabled'));
    let out: InitiateAuthCommandOutput;
    try {
      out = await this.cognito.send(
        new InitiateAuthCommand({ ClientId: client.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: username, PASSWORD: password } }),
      );
    } catch (error) {
      return refuse(cognitoMessage(say, error));
    }
    const email = user.UserAttributes?.find((a) => a.Name === 'email')?.Value ?? username;
    const flow: Flow = { oauth, client, username: user.Username ?? username, email, password, expires: Date.now() + FLOW_MINUTES * 60_000 };
    return this.next(flow, out, speech, res);
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
  private async next(flow: Flow, out: Challenge, speech: Speech, res: ServerResponse, error?: string): Promise<void> {
    const id = this.keep(flow);
    flow.session = out.Session;
    if (out.ChallengeName === 'NEW_PASSWORD_REQUIRED') return send(res, 200, newPasswordPage(speech, id, flow.email ?? flow.username, flow.client.passwordPolicy, error));
    if (out.ChallengeName === 'SOFTWARE_TOKEN_MFA') return send(res, 200, totpPage(speech, id, error));
    if (!out.AuthenticationResult?.AccessToken) {
      return send(res, 400, refusalPage(speech, speech.say('signInFailedTitle'), speech.say('unexpectedStep', { step: out.ChallengeName ?? '' })));
    }
    flow.accessToken = out.AuthenticationResult.AccessToken;
    // Where the pool requires MFA, AWS makes a user without TOTP set it up before finishing (MFA_SETUP); cognito-local does not.
    if (flow.client.mfaRequired) {
      const me = await this.cognito.send(new GetUserCommand({ AccessToken: flow.accessToken }));
      if (!me.UserMFASettingList?.includes('SOFTWARE_TOKEN_MFA')) return this.askTotpSetup(id, flow, speech, res, error);
    }
    this.flows.delete(id);
    return this.finish(flow, speech, res);
  }

  private async askTotpSetup(id: string, flow: Flow, speech: Speech, res: ServerResponse, error?: string): Promise<void> {
    const { SecretCode } = await this.cognito.send(new AssociateSoftwareTokenCommand({ AccessToken: flow.accessToken }));
    const uri = `otpauth://totp/Portico:${encodeURIComponent(flow.username)}?secret=${SecretCode}&issuer=Portico`;
    send(res, 200, totpSetupPage(speech, id, SecretCode!, uri, error));
  }

  private takeFlow(form: Form): Flow | undefined {
    const flow = this.flows.get(form.flow ?? '');
    this.flows.delete(form.flow ?? '');
    return flow && flow.expires > Date.now() ? flow : undefined;
  }

  private expired(speech: Speech, res: ServerResponse): void {
    send(res, 400, textPage(speech, speech.say('signInExpiredTitle'), speech.say('expiredBody')));
  }

  private async newPassword(form: Form, speech: Speech, res: ServerResponse): Promise<void> {
    const flow = this.takeFlow(form);
    if (!flow) return this.expired(speech, res);
    const again = (error: string) => this.next(flow, { ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: flow.session }, speech, res, error);
    if (form.password !== form.confirm) return again(speech.say('passwordsDiffer'));
    // Cognito checks the pool's policy here; cognito-local takes any password.
    const weak = passwordProblemIn(speech.say, flow.client.passwordPolicy, form.password ?? '');
    if (weak) return again(weak);
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
      return this.next(flow, out, speech, res);
    } catch (error) {
      return again(cognitoMessage(speech.say, error));
    }
  }

  private async totp(form: Form, speech: Speech, res: ServerResponse): Promise<void> {
    const flow = this.takeFlow(form);
    if (!flow) return this.expired(speech, res);
    try {
      const out = await this.cognito.send(
        new RespondToAuthChallengeCommand({
          ClientId: flow.client.clientId,
          ChallengeName: 'SOFTWARE_TOKEN_MFA',
          Session: flow.session,
          ChallengeResponses: { USERNAME: flow.username, SOFTWARE_TOKEN_MFA_CODE: (form.code ?? '').trim() },
        }),
      );
      return this.next(flow, out, speech, res);
    } catch (error) {
      return this.next(flow, { ChallengeName: 'SOFTWARE_TOKEN_MFA', Session: flow.session }, speech, res, cognitoMessage(speech.say, error));
    }
  }

  private async totpSetup(form: Form, speech: Speech, res: ServerResponse): Promise<void> {
    const flow = this.takeFlow(form);
    if (!flow) return this.expired(speech, res);
    try {
      const verified = await this.cognito.send(new VerifySoftwareTokenCommand({ AccessToken: flow.accessToken, UserCode: (form.code ?? '').trim(), FriendlyDeviceName: 'authenticator' }));
      if (verified.Status !== 'SUCCESS') throw Object.assign(new Error('code'), { name: 'CodeMismatchException' });
      await this.cognito.send(new SetUserMFAPreferenceCommand({ AccessToken: flow.accessToken, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } }));
      return this.finish(flow, speech, res);
    } catch (error) {
      return this.askTotpSetup(this.keep(flow), flow, speech, res, cognitoMessage(speech.say, error));
    }
  }

  /** Every step is done: cognito-local's own form issues the code and redirects back to the UI. */
  private async finish(flow: Flow, speech: Speech, res: ServerResponse): Promise<void> {
    const upstream = await fetch(`${this.options.cognitoUrl}/oauth2/authorize`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...flow.oauth, username: flow.username, password: flow.password }),
      redirect: 'manual',
    });
    await upstream.arrayBuffer();
    const location = upstream.headers.get('location');
    if (upstream.status !== 302 || !location) return send(res, 400, refusalPage(speech, speech.say('signInFailedTitle'), speech.say('notCompleted')));
    res.writeHead(302, { location, 'cache-control': 'no-store' }).end();
  }

  private signUpForm(form: Form, speech: Speech, res: ServerResponse): void {
    const { say } = speech;
    const oauth = this.oauthOf(form);
    const client = this.clientOf(oauth);
    if (!client) return send(res, 400, refusalPage(speech, say('signUpFailedTitle'), say('badSignUpLink')));
    if (!client.selfSignUp) return send(res, 400, refusalPage(speech, say('signUpUnavailableTitle'), say('signUpClosed')));
    send(res, 200, signUpPage(speech, oauth, client.passwordPolicy));
  }

  private async signUp(form: Form, speech: Speech, res: ServerResponse): Promise<void> {
    const { say } = speech;
    const oauth = this.oauthOf(form);
    const client = this.clientOf(oauth);
    if (!client?.selfSignUp) return send(res, 400, refusalPage(speech, say('signUpFailedTitle'), say('badSignUpLink')));
    const email = (form.email ?? '').trim();
    const refuse = (error: string) => send(res, 400, signUpPage(speech, oauth, client.passwordPolicy, error, { email, name: form.name }));
    // Cognito checks the policy before the PreSignUp trigger runs (so a refused password takes no seat); cognito-local never does.
    const weak = passwordProblemIn(say, client.passwordPolicy, form.password ?? '');
    if (weak) return refuse(weak);
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
      return refuse(cognitoMessage(say, error));
    }
    await this.options.sendConfirmationCode(client.userPoolId, email);
    const id = this.keep({ oauth, client, username: email, password: form.password ?? '', expires: Date.now() + FLOW_MINUTES * 60_000 });
    send(res, 200, confirmPage(speech, id, email));
  }

  private async confirmSignUp(form: Form, speech: Speech, res: ServerResponse): Promise<void> {
    const flow = this.takeFlow(form);
    if (!flow) return this.expired(speech, res);
    try {
      await this.cognito.send(new ConfirmSignUpCommand({ ClientId: flow.client.clientId, Username: flow.username, ConfirmationCode: (form.code ?? '').trim() }));
    } catch (error) {
      return send(res, 200, confirmPage(speech, this.keep(flow), flow.username, cognitoMessage(speech.say, error, 'email')));
    }
    // As in AWS, a confirmed sign-up goes on to sign in (which runs the PostAuthentication trigger).
    const out = await this.cognito.send(
      new InitiateAuthCommand({ ClientId: flow.client.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: flow.username, PASSWORD: flow.password } }),
    );
    return this.next(flow, out, speech, res);
  }

  private forgotPasswordForm(form: Form, speech: Speech, res: ServerResponse): void {
    const oauth = this.oauthOf(form);
    if (!this.clientOf(oauth)) return send(res, 400, refusalPage(speech, speech.say('resetFailedTitle'), speech.say('badLink')));
    send(res, 200, forgotPasswordPage(speech, oauth));
  }

  /**
   * Sends a reset code where Cognito would: a known, enabled user whose email is confirmed. Anyone
   * else sees the same page and gets no code (the app client prevents user-existence errors), except
   * an invited user who never chose a password, whom Cognito refuses with its own reason.
   */
  private async forgotPassword(form: Form, speech: Speech, res: ServerResponse): Promise<void> {
    const { say } = speech;
    const oauth = this.oauthOf(form);
    const client = this.clientOf(oauth);
    if (!client) return send(res, 400, refusalPage(speech, say('resetFailedTitle'), say('badLink')));
    const email = (form.email ?? '').trim();
    const refuse = (error: string) => send(res, 400, forgotPasswordPage(speech, oauth, email, error));
    if (!email) return refuse(say('enterEmail'));
    const user = await this.cognito.send(new AdminGetUserCommand({ UserPoolId: client.userPoolId, Username: email })).catch(() => undefined);
    if (user?.UserStatus === 'FORCE_CHANGE_PASSWORD') return refuse(say('noPasswordYet'));
    const resetAllowed = !!user?.Enabled && (user.UserStatus === 'CONFIRMED' || user.UserStatus === 'RESET_REQUIRED');
    if (resetAllowed) {
      const since = Date.now();
      await this.cognito.send(new ForgotPasswordCommand({ ClientId: client.clientId, Username: email }));
      await this.options.sendPasswordResetCode(client.userPoolId, email, since);
    }
    const id = this.keep({ oauth, client, username: email, email, password: '', resetAllowed, expires: Date.now() + RESET_MINUTES * 60_000 });
    send(res, 200, resetPage(speech, { id, email, oauth, policy: client.passwordPolicy }));
  }

  private async confirmForgotPassword(form: Form, speech: Speech, res: ServerResponse): Promise<void> {
    const flow = this.takeFlow(form);
    if (!flow) return this.expired(speech, res);
    const { say } = speech;
    const again = (error: string) =>
      send(res, 200, resetPage(speech, { id: this.keep(flow), email: flow.email ?? flow.username, oauth: flow.oauth, policy: flow.client.passwordPolicy }, error));
    const password = form.password ?? '';
    if (password !== form.confirm) return again(say('passwordsDiffer'));
    const weak = passwordProblemIn(say, flow.client.passwordPolicy, password);
    if (weak) return again(weak);
    if (!flow.resetAllowed) return again(say('wrongEmailCode'));
    try {
      await this.cognito.send(
        new ConfirmForgotPasswordCommand({ ClientId: flow.client.clientId, Username: flow.username, ConfirmationCode: (form.code ?? '').trim(), Password: password }),
      );
    } catch (error) {
      return again(cognitoMessage(say, error, 'email'));
    }
    // As the AWS hosted login: back to the sign-in form, the email filled in.
    return this.loginForm(flow.oauth, flow.client, speech, res, { username: flow.email ?? flow.username, notice: say('passwordChanged') });
  }

  private logout(form: Form, speech: Speech, res: ServerResponse): void {
    const client = this.options.clients.find((c) => c.clientId === form.client_id);
    const target = form.logout_uri ?? '';
    if (!client || !client.logoutUrls.includes(target)) return send(res, 400, refusalPage(speech, speech.say('signOutFailedTitle'), speech.say('badSignOutLink')));
    res.writeHead(302, { location: target, 'cache-control': 'no-store' }).end();
  }

  private forgetExpired(): void {
    const now = Date.now();
    for (const [id, flow] of this.flows) if (flow.expires < now) this.flows.delete(id);
  }
}
