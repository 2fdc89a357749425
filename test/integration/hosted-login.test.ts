/**
 * The local hosted login: cognito-local's authorize form plus our stand-in pages for the steps it
 * lacks. These tests drive it over HTTP as a browser would (form posts, redirects) and prove it
 * refuses what the AWS hosted login refuses, where cognito-local on its own would let a user in.
 */
import { AdminDisableUserCommand, AdminGetUserCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { signIn, totpCode } from '../../local-cloud/identities.ts';
import { cognitoCodeIn, emailsTo, temporaryPasswordIn } from '../../local-cloud/mailbox.ts';
import { localCredentials } from '../../local-cloud/provision.ts';
import { cloudModel, readTemplate } from '../../local-cloud/template.ts';
import { LANGUAGE_COOKIE, passwordProblemIn, sayIn } from '../../local-cloud/hosted-login-text.ts';
import { passwordProblem, type PasswordPolicy } from '../../web/common/password-policy.ts';
import { call, client, cloud, customerSession, eventually, expectStatus, mailTo, staffSession, uniqueEmail } from '../support/world.ts';

const PASSWORD = 'Hosted-login-2026!';

/** The parameters a web UI sends to /oauth2/authorize, with the PKCE verifier it keeps. */
function authorizeRequest(app: 'admin' | 'portal') {
  const c = cloud();
  const verifier = randomBytes(32).toString('base64url');
  const pool = app === 'admin' ? c.staffPool : c.customerPool;
  const origin = app === 'admin' ? c.web.adminUrl : c.web.portalUrl;
  return {
    verifier,
    oauth: {
      client_id: pool.clientId,
      redirect_uri: `${origin}/callback`,
      response_type: 'code',
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
      scope: 'openid email profile',
      state: randomBytes(8).toString('hex'),
    },
  };
}

async function post(path: string, form: Record<string, string>, base = cloud().endpoints.login) {
  const res = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form), redirect: 'manual' });
  return { status: res.status, location: res.headers.get('location') ?? undefined, html: await res.text() };
}

const flowOf = (html: string) => /name="flow" value="([^"]+)"/.exec(html)?.[1] ?? '';
const alertOf = (html: string) => /role="alert">([^<]*)</.exec(html)?.[1];
const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** The customer pool's password policy as the synthesized template declares it (the global setup synthesized into cdk.out). */
function customerPolicy(): PasswordPolicy {
  const model = cloudModel(readTemplate('cdk.out', 'Portico'), 'cdk.out');
  const pool = model.userPools.find((p) => /^Customer/.test(p.logicalId));
  if (!pool?.properties.Policies?.PasswordPolicy) throw new Error('The template declares no customer password policy');
  return pool.properties.Policies.PasswordPolicy;
}

/** A Cognito API call from a web UI: JSON with the operation in X-Amz-Target, no AWS signature. */
async function userApi(operation: string, body: Record<string, unknown>) {
  const res = await fetch(`${cloud().endpoints.login}/`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSCognitoIdentityProviderService.${operation}`, origin: cloud().web.portalUrl },
    body: JSON.stringify(body),
  });
  return { status: res.status, cors: res.headers.get('access-control-allow-origin'), body: (await res.json()) as { __type?: string; message?: string } & Record<string, any> };
}

/** Trades the code in a callback URL for tokens, as the UI does on /callback. */
async function tokensFrom(location: string, request: ReturnType<typeof authorizeRequest>) {
  const url = new URL(location);
  expect(url.searchParams.get('state')).toBe(request.oauth.state);
  const res = await fetch(`${cloud().endpoints.login}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', client_id: request.oauth.client_id, code: url.searchParams.get('code')!, redirect_uri: request.oauth.redirect_uri, code_verifier: request.verifier }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { id_token: string };
}

describe('local hosted login', () => {
  const cognito = new CognitoIdentityProviderClient({ endpoint: cloud().endpoints.cognito, region: 'us-east-1', credentials: localCredentials });
  afterAll(() => cognito.destroy());

  it('an invited customer must choose a password; the temporary one alone gets no code, a wrong one gets nothing', async () => {
    const staff = await staffSession();
    const email = uniqueEmail('invited');
    const contact = expectStatus(await staff.api.post('/contacts', { kind: 'person', name: 'Ivy Invited', email }), 201);
    expectStatus(await staff.api.post(`/contacts/${contact.contactId}/access`), 200);
    const temporary = temporaryPasswordIn((await mailTo(email))[0]);
    const request = authorizeRequest('portal');

    const wrong = await post('/oauth2/authorize', { ...request.oauth, username: email, password: 'Not-the-temporary-1!' });
    expect(wrong.status).toBe(200);
    expect(wrong.html).toContain('Incorrect username or password.');

    const first = await post('/oauth2/authorize', { ...request.oauth, username: email, password: temporary });
    expect(first.location).toBeUndefined();
    expect(first.html).toContain('Choose your password');
    // The page names the person's email, never Cognito's internal user id.
    const { Username: internalId } = await cognito.send(new AdminGetUserCommand({ UserPoolId: cloud().customerPool.userPoolId, Username: email }));
    expect(internalId).not.toBe(email);
    expect(first.html).toContain(`choose a password for <strong>${email}</strong>`);
    expect(first.html).not.toContain(internalId!);
    // The requirements shown are the template's policy.
    expect(first.html).toContain(`At least ${customerPolicy().MinimumLength} characters`);

    // A password the pool's policy refuses is refused here too, with everything it lacks.
    const weak = await post('/login/new-password', { flow: flowOf(first.html), password: 'weak', confirm: 'weak' });
    expect(weak.location).toBeUndefined();
    expect(unescape(alertOf(weak.html) ?? '')).toBe(passwordProblem(customerPolicy(), 'weak'));
    expect(alertOf(weak.html)).toContain(`at least ${customerPolicy().MinimumLength} characters (this one has 4)`);
    expect(alertOf(weak.html)).toMatch(/an upper-case letter, a number and a symbol/);

    const mismatch = await post('/login/new-password', { flow: flowOf(weak.html), password: PASSWORD, confirm: `${PASSWORD}x` });
    expect(mismatch.html).toContain('The two passwords are not the same.');
    const done = await post('/login/new-password', { flow: flowOf(mismatch.html), password: PASSWORD, confirm: PASSWORD });
    expect(done.status).toBe(302);
    expect(done.location!.startsWith(request.oauth.redirect_uri)).toBe(true);

    const tokens = await tokensFrom(done.location!, request);
    expectStatus(await client(cloud().customerApiUrl, tokens.id_token).get('/me'), 200);
    // The sign-in ran the PostAuthentication trigger: the invitation is now an active access.
    expect(expectStatus(await staff.api.get(`/contacts/${contact.contactId}`), 200).access.state).toBe('active');
  });

  it('refuses a disabled user, whom cognito-local\'s own form would sign in', async () => {
    const staff = await staffSession();
    const customer = await customerSession(staff, { name: 'Dora Disabled' });
    const userPoolId = cloud().customerPool.userPoolId;
    await cognito.send(new AdminDisableUserCommand({ UserPoolId: userPoolId, Username: customer.email }));
    const request = authorizeRequest('portal');

    const emulatorAlone = await post('/oauth2/authorize', { ...request.oauth, username: customer.email, password: 'Correct-horse-42!' }, cloud().endpoints.cognito);
    expect(emulatorAlone.status).toBe(302); // the divergence this stand-in exists to close

    // cognito-local's router ignores case and a trailing slash; a variant of the path must not reach it either.
    for (const path of ['/oauth2/authorize', '/OAuth2/Authorize/', '/oauth2/authorize//']) {
      const refused = await post(path, { ...request.oauth, username: customer.email, password: 'Correct-horse-42!' });
      expect(refused.location).toBeUndefined();
      expect(refused.html).toContain('User is disabled.');
    }
    expect((await post('/login', { ...request.oauth, username: customer.email, password: 'Correct-horse-42!' })).status).toBe(404);
  });

  it('a staff member invited by an admin chooses a password and must set up TOTP before the sign-in finishes', async () => {
    const admin = await staffSession({ admin: true });
    const email = uniqueEmail('new-staff');
    expectStatus(await admin.api.post('/staff-users', { email, name: 'Nora New' }), 201);
    const invitation = await eventually(async () => (await mailTo(email))[0], 'the staff invitation');
    const request = authorizeRequest('admin');

    const first = await post('/oauth2/authorize', { ...request.oauth, username: email, password: temporaryPasswordIn(invitation) });
    expect(first.html).toContain('Choose your password');
    const setup = await post('/login/new-password', { flow: flowOf(first.html), password: PASSWORD, confirm: PASSWORD });
    expect(setup.location).toBeUndefined();
    expect(setup.html).toContain('Set up your authenticator app');
    const secret = /data-testid="totp-secret">([A-Z2-7]+)</.exec(setup.html)![1];

    const wrongCode = await post('/login/totp-setup', { flow: flowOf(setup.html), code: '000000' === totpCode(secret) ? '111111' : '000000' });
    expect(wrongCode.html).toContain('That code is not right.');
    const secretAgain = /data-testid="totp-secret">([A-Z2-7]+)</.exec(wrongCode.html)![1];
    const done = await post('/login/totp-setup', { flow: flowOf(wrongCode.html), code: totpCode(secretAgain) });
    expect(done.status).toBe(302);
    const tokens = await tokensFrom(done.location!, request);
    expectStatus(await client(cloud().staffApiUrl, tokens.id_token).get('/contacts'), 200);

    // The next sign-in asks for the code from the app just set up.
    const next = authorizeRequest('admin');
    const again = await post('/oauth2/authorize', { ...next.oauth, username: email, password: PASSWORD });
    expect(again.html).toContain('Enter your sign-in code');
    const signedIn = await post('/login/totp', { flow: flowOf(again.html), code: totpCode(secretAgain) });
    expect(signedIn.status).toBe(302);
  });

  it('self sign-up: the confirmation code arrives by email, and confirming signs the new customer in', async () => {
    const admin = await staffSession({ admin: true });
    expectStatus(await admin.api.raw('PATCH', '/settings', { selfSignUp: { enabled: true, accessType: 'client', seats: 100_000 } }), 200);
    try {
      const request = authorizeRequest('portal');
      const form = await fetch(`${cloud().endpoints.login}/signup?${new URLSearchParams(request.oauth)}`);
      expect(form.status).toBe(200);
      expect(await form.text()).toContain('Create your account');

      const email = uniqueEmail('signup');
      const signedUp = await post('/signup', { ...request.oauth, name: 'Sam Signup', email, password: PASSWORD });
      expect(signedUp.html).toContain('Confirm your email');
      const mail = await eventually(async () => (await mailTo(email)).find((e) => /verification code/i.test(e.subject)), 'the confirmation code');
      const code = cognitoCodeIn(mail);

      const wrong = await post('/signup/confirm', { flow: flowOf(signedUp.html), code: code === '000000' ? '111111' : '000000' });
      expect(wrong.location).toBeUndefined();
      const done = await post('/signup/confirm', { flow: flowOf(wrong.html), code });
      expect(done.status).toBe(302);
      const tokens = await tokensFrom(done.location!, request);
      expect(expectStatus(await client(cloud().customerApiUrl, tokens.id_token).get('/me'), 200).email).toBe(email);
    } finally {
      await admin.api.raw('PATCH', '/settings', { selfSignUp: { enabled: false } });
    }
  });

  it('the sign-in page offers sign-up on the portal\'s pool only (the staff pool has no self sign-up), and only while the firm has it switched on', async () => {
    const page = async (app: 'admin' | 'portal') => (await fetch(`${cloud().endpoints.login}/oauth2/authorize?${new URLSearchParams(authorizeRequest(app).oauth)}`)).text();
    const admin = await staffSession({ admin: true });
    expectStatus(await admin.api.raw('PATCH', '/settings', { selfSignUp: { enabled: true } }), 200);
    try {
      expect(await page('portal')).toContain('Create an account');
      expect(await page('admin')).not.toContain('Create an account');
    } finally {
      expectStatus(await admin.api.raw('PATCH', '/settings', { selfSignUp: { enabled: false } }), 200);
    }
    // Switched off: no link that could only lead to "Sign-up is not open"; signing in is still offered.
    const off = await page('portal');
    expect(off).not.toContain('Create an account');
    expect(off).toContain('Forgot your password?');
  });

  it('sign-up while the firm has it switched off is refused with the firm\'s reason', async () => {
    const request = authorizeRequest('portal');
    const refused = await post('/signup', { ...request.oauth, name: 'Late Larry', email: uniqueEmail('larry'), password: PASSWORD });
    expect(refused.status).toBe(400);
    // Only the firm's own message (what the PreSignUp trigger threw), without Cognito's "… failed with error" nor a doubled full stop.
    expect(alertOf(refused.html)).toMatch(/^Sign-up is not open\. Please contact .+ to get access to the portal\.$/);
    expect(refused.html).not.toContain('failed with error');
    expect(refused.html).not.toContain('PreSignUp');
    expect(refused.html).not.toContain('Confirm your email');
    // What was typed stays, so the person can try again later without retyping.
    expect(refused.html).toContain('value="Late Larry"');
  });

  it('sign-up refuses a password the pool\'s policy does not accept, before any account or seat is taken', async () => {
    const request = authorizeRequest('portal');
    const email = uniqueEmail('weak-signup');
    const refused = await post('/signup', { ...request.oauth, name: 'Wes Weak', email, password: 'weakpassword' });
    expect(refused.status).toBe(400);
    expect(unescape(alertOf(refused.html) ?? '')).toBe(passwordProblem(customerPolicy(), 'weakpassword'));
    expect(alertOf(refused.html)).toContain('It needs an upper-case letter, a number and a symbol');
    expect(refused.html).toContain(`value="${email}"`);
    await expect(cognito.send(new AdminGetUserCommand({ UserPoolId: cloud().customerPool.userPoolId, Username: email }))).rejects.toThrow();
  });

  it('a wrong password keeps the username filled in', async () => {
    const request = authorizeRequest('portal');
    const email = uniqueEmail('typo');
    const wrong = await post('/oauth2/authorize', { ...request.oauth, username: email, password: 'Not-my-password-1!' });
    expect(wrong.html).toContain('Incorrect username or password.');
    expect(wrong.html).toMatch(new RegExp(`id="username"[^>]*value="${email.replace(/[.]/g, '\\.')}"`));
  });

  it('no page of the sign-in site makes the browser fetch a missing icon', async () => {
    const request = authorizeRequest('portal');
    const query = new URLSearchParams(request.oauth);
    const pages = [
      await (await fetch(`${cloud().endpoints.login}/oauth2/authorize?${query}`)).text(),
      await (await fetch(`${cloud().endpoints.login}/signup?${query}`)).text(),
      await (await fetch(`${cloud().endpoints.login}/forgotpassword?${query}`)).text(),
      await (await fetch(`${cloud().endpoints.login}/no-such-page`)).text(),
    ];
    for (const html of pages) expect(html).toContain('<link rel="icon" href="data:,">');
    const icon = await fetch(`${cloud().endpoints.login}/favicon.ico`);
    expect(icon.status).toBe(204);
  });

  it('forgot password: the emailed code and a new password that meets the policy, then back to sign-in', async () => {
    const staff = await staffSession();
    const customer = await customerSession(staff, { name: 'Fern Forgetful' });
    const request = authorizeRequest('portal');
    const query = new URLSearchParams(request.oauth);
    const signInPage = await (await fetch(`${cloud().endpoints.login}/oauth2/authorize?${query}`)).text();
    expect(signInPage).toContain(`<a href="/forgotpassword?${query.toString().replace(/&/g, '&amp;')}">Forgot your password?</a>`);
    const form = await fetch(`${cloud().endpoints.login}/forgotpassword?${query}`);
    expect(form.status).toBe(200);
    const formHtml = await form.text();
    expect(formHtml).toContain('<label for="email">Email</label>');
    expect(formHtml).toContain('cognito-local keeps a reset code but emails nothing'); // the stand-in says what it adds

    // Asked twice: only the latest code works, and it is the one in the latest email.
    await post('/forgotpassword', { ...request.oauth, email: customer.email });
    const sent = await post('/forgotpassword', { ...request.oauth, email: customer.email });
    expect(sent.html).toContain('Reset your password');
    expect(sent.html).toContain('>Send a new code</a>');
    expect(sent.html).toContain('>Back to sign in</a>');
    const mails = await eventually(async () => {
      const found = (await emailsTo(cloud().endpoints.ses, customer.email)).filter((e) => /password reset code/i.test(e.subject));
      return found.length === 2 ? found : undefined;
    }, 'two reset codes');
    const code = cognitoCodeIn(mails[1]);

    const wrong = await post('/forgotpassword/confirm', { flow: flowOf(sent.html), code: code === '000000' ? '111111' : '000000', password: PASSWORD, confirm: PASSWORD });
    expect(alertOf(wrong.html)).toContain('That code is not right. Enter the code from the latest email');
    const weak = await post('/forgotpassword/confirm', { flow: flowOf(wrong.html), code, password: 'weak', confirm: 'weak' });
    expect(unescape(alertOf(weak.html) ?? '')).toBe(passwordProblem(customerPolicy(), 'weak'));
    const done = await post('/forgotpassword/confirm', { flow: flowOf(weak.html), code, password: PASSWORD, confirm: PASSWORD });
    expect(done.status).toBe(200);
    expect(done.html).toContain('Your password has been changed. Sign in with your new password.');
    expect(done.html).toContain(`value="${customer.email}"`);
    expect(done.html).toContain('action="/oauth2/authorize"');

    // The new password signs in through the same page; the old one no longer does.
    const old = await post('/oauth2/authorize', { ...request.oauth, username: customer.email, password: 'Correct-horse-42!' });
    expect(old.html).toContain('Incorrect username or password.');
    const signedIn = await post('/oauth2/authorize', { ...request.oauth, username: customer.email, password: PASSWORD });
    expect(signedIn.status).toBe(302);
    const tokens = await tokensFrom(signedIn.location!, request);
    expectStatus(await client(cloud().customerApiUrl, tokens.id_token).get('/me'), 200);
  });

  it('forgot password for an unknown email looks the same and sends nothing; an invited user is told to use the invitation', async () => {
    const request = authorizeRequest('portal');
    const nobody = uniqueEmail('nobody');
    const sent = await post('/forgotpassword', { ...request.oauth, email: nobody });
    expect(sent.html).toContain(`If ${nobody} has an account here, we have sent a code to it.`);
    const refused = await post('/forgotpassword/confirm', { flow: flowOf(sent.html), code: '123456', password: PASSWORD, confirm: PASSWORD });
    expect(alertOf(refused.html)).toContain('That code is not right.');
    expect(await emailsTo(cloud().endpoints.ses, nobody)).toEqual([]);

    const staff = await staffSession();
    const email = uniqueEmail('not-yet');
    const contact = expectStatus(await staff.api.post('/contacts', { kind: 'person', name: 'Nat Notyet', email }), 201);
    expectStatus(await staff.api.post(`/contacts/${contact.contactId}/access`), 200);
    const invited = await post('/forgotpassword', { ...request.oauth, email });
    expect(invited.status).toBe(400);
    expect(alertOf(invited.html)).toContain('Sign in with the temporary password from your invitation email');
  });

  it('a signed-in user\'s own Cognito calls from a web UI: the policy applies, a wrong current password or a forged token is refused', async () => {
    const staff = await staffSession();
    const customer = await customerSession(staff, { name: 'Cher Changer' });
    const preflight = await fetch(`${cloud().endpoints.login}/`, {
      method: 'OPTIONS',
      headers: { origin: cloud().web.portalUrl, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-amz-target' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('x-amz-target');

    const weak = await userApi('ChangePassword', { AccessToken: customer.accessToken, PreviousPassword: 'Correct-horse-42!', ProposedPassword: 'weak' });
    expect(weak.status).toBe(400);
    expect(weak.cors).toBe('*');
    expect(weak.body).toEqual({ __type: 'InvalidPasswordException', message: 'Password did not conform with policy: Password not long enough' });
    const wrongCurrent = await userApi('ChangePassword', { AccessToken: customer.accessToken, PreviousPassword: 'Not-the-password-1!', ProposedPassword: PASSWORD });
    expect(wrongCurrent.body.__type).toBe('NotAuthorizedException');
    const [head, payload] = customer.accessToken.split('.');
    const forged = await userApi('ChangePassword', { AccessToken: `${head}.${payload}.${'A'.repeat(86)}`, PreviousPassword: 'Correct-horse-42!', ProposedPassword: PASSWORD });
    expect(forged.body).toEqual({ __type: 'NotAuthorizedException', message: 'Invalid Access Token' });
    const notForwarded = await userApi('AdminGetUser', { UserPoolId: cloud().customerPool.userPoolId, Username: customer.email });
    expect(notForwarded.body.__type).toBe('UnknownOperationException');

    const changed = await userApi('ChangePassword', { AccessToken: customer.accessToken, PreviousPassword: 'Correct-horse-42!', ProposedPassword: PASSWORD });
    expect(changed.status).toBe(200);
    const tokens = await signIn(cloud().endpoints.cognito, cloud().customerPool, { email: customer.email, password: PASSWORD });
    expect(tokens.AccessToken).toBeTruthy();
    const me = await userApi('GetUser', { AccessToken: tokens.AccessToken });
    expect(me.body.UserAttributes.find((a: { Name: string }) => a.Name === 'email').Value).toBe(customer.email);
  });

  it('the sign-in page escapes what the link carries (cognito-local\'s own form reflects it as HTML)', async () => {
    const request = authorizeRequest('portal');
    const html = await (await fetch(`${cloud().endpoints.login}/oauth2/authorize?${new URLSearchParams({ ...request.oauth, state: '"><script>alert(1)</script>' })}`)).text();
    expect(html).toContain('<label for="username">Username</label>');
    expect(html).not.toContain('<script>');
    const unregistered = await fetch(`${cloud().endpoints.login}/oauth2/authorize?${new URLSearchParams({ ...request.oauth, redirect_uri: 'https://evil.example/callback' })}`);
    expect(unregistered.status).toBe(400);
  });

  it('logout returns only to a registered sign-out URL', async () => {
    const c = cloud();
    const ok = await fetch(`${c.endpoints.login}/logout?${new URLSearchParams({ client_id: c.customerPool.clientId, logout_uri: `${c.web.portalUrl}/` })}`, { redirect: 'manual' });
    expect(ok.status).toBe(302);
    expect(ok.headers.get('location')).toBe(`${c.web.portalUrl}/`);
    const elsewhere = await call('GET', `${c.endpoints.login}/logout?${new URLSearchParams({ client_id: c.customerPool.clientId, logout_uri: 'https://evil.example/' })}`);
    expect(elsewhere.status).toBe(400);
  });
});

/**
 * French. Cognito's managed login speaks the language its sign-in link names with `lang`
 * (`/oauth2/authorize?lang=fr`), remembers it in a cookie for the rest of the flow, and speaks
 * English for a language it does not have; the web UIs add `lang=<active language>` to that link.
 * The local cloud's stand-in pages behave the same way, and also carry the language in their own
 * forms and links. These flows post each page's own hidden fields (as a browser submits the form)
 * and send no cookie, so they prove the pages themselves keep the language at every step.
 */
describe('local hosted login in French (lang=fr, as Cognito\'s managed login)', () => {
  const fr = sayIn('fr');
  const hiddenFields = (html: string) =>
    Object.fromEntries([...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1], unescape(m[2])]));
  const hrefOf = (html: string, text: string) => unescape(new RegExp(`<a href="([^"]+)">${text}</a>`).exec(html)?.[1] ?? '');
  /** A French page: its language declared, its alert (if any) French, and none of the English pages' words. */
  const expectFrench = (html: string) => {
    expect(html).toContain('<html lang="fr">');
    expect(html).not.toMatch(/>(Sign in|Username|Password|New password|Confirm the new password|Code from|Email|Forgot your password|Enter your sign-in code|Set up your authenticator app|Choose your password)\b/);
    expect(html).not.toMatch(/(Incorrect username|is not right|not strong enough|not the same|Welcome\.)/);
  };
  const signInPage = async (app: 'admin' | 'portal', lang = 'fr') => {
    const request = authorizeRequest(app);
    const res = await fetch(`${cloud().endpoints.login}/oauth2/authorize?${new URLSearchParams({ ...request.oauth, lang })}`);
    return { request, res, html: await res.text() };
  };

  it('an invited customer signs in in French throughout: the sign-in page, a wrong password, choosing a password under the policy', async () => {
    const staff = await staffSession();
    const email = uniqueEmail('invitee-fr');
    const contact = expectStatus(await staff.api.post('/contacts', { kind: 'person', name: 'Inès Invitée', email }), 201);
    expectStatus(await staff.api.post(`/contacts/${contact.contactId}/access`), 200);
    const temporary = temporaryPasswordIn(await eventually(async () => (await mailTo(email))[0], 'the portal invitation'));

    const { request, html: signIn } = await signInPage('portal');
    expectFrench(signIn);
    expect(signIn).toContain('<h1>Connexion</h1>');
    expect(signIn).toContain('<label for="username">Nom d&#39;utilisateur</label>');
    expect(signIn).toContain('<label for="password">Mot de passe</label>');
    expect(signIn).toContain('<button type="submit">Se connecter</button>');
    expect(hiddenFields(signIn).lang).toBe('fr');

    const wrong = await post('/oauth2/authorize', { ...hiddenFields(signIn), username: email, password: 'Not-the-temporary-1!' });
    expectFrench(wrong.html);
    expect(unescape(alertOf(wrong.html) ?? '')).toBe("Nom d'utilisateur ou mot de passe incorrect.");

    const first = await post('/oauth2/authorize', { ...hiddenFields(wrong.html), username: email, password: temporary });
    expectFrench(first.html);
    expect(first.html).toContain('<h1>Choisissez votre mot de passe</h1>');
    expect(first.html).toContain(`Veuillez choisir un mot de passe pour <strong>${email}</strong>.`);
    expect(first.html).toContain(`Au moins ${customerPolicy().MinimumLength} caractères`);

    const weak = await post('/login/new-password', { ...hiddenFields(first.html), password: 'weak', confirm: 'weak' });
    expectFrench(weak.html);
    expect(unescape(alertOf(weak.html) ?? '')).toBe(passwordProblemIn(fr, customerPolicy(), 'weak'));
    const mismatch = await post('/login/new-password', { ...hiddenFields(weak.html), password: PASSWORD, confirm: `${PASSWORD}x` });
    expectFrench(mismatch.html);
    expect(alertOf(mismatch.html)).toBe('Les deux mots de passe ne sont pas identiques.');

    const done = await post('/login/new-password', { ...hiddenFields(mismatch.html), password: PASSWORD, confirm: PASSWORD });
    expect(done.status).toBe(302);
    const tokens = await tokensFrom(done.location!, request);
    expectStatus(await client(cloud().customerApiUrl, tokens.id_token).get('/me'), 200);
  });

  it('a new staff member sets a password and an authenticator app in French, and the next sign-in asks for the code in French', async () => {
    const admin = await staffSession({ admin: true });
    const email = uniqueEmail('staff-fr');
    expectStatus(await admin.api.post('/staff-users', { email, name: 'Noé Nouveau' }), 201);
    const invitation = await eventually(async () => (await mailTo(email))[0], 'the staff invitation');

    const { request, html: signIn } = await signInPage('admin');
    const first = await post('/oauth2/authorize', { ...hiddenFields(signIn), username: email, password: temporaryPasswordIn(invitation) });
    expectFrench(first.html);
    const setup = await post('/login/new-password', { ...hiddenFields(first.html), password: PASSWORD, confirm: PASSWORD });
    expectFrench(setup.html);
    expect(setup.html).toContain('<h1>Configurez votre application d&#39;authentification</h1>');
    expect(setup.html).toContain('<label for="code">Code de votre application d&#39;authentification</label>');
    expect(setup.html).toContain('<button type="submit">Vérifier et se connecter</button>');
    const secret = /data-testid="totp-secret">([A-Z2-7]+)</.exec(setup.html)![1];

    const wrongCode = await post('/login/totp-setup', { ...hiddenFields(setup.html), code: '000000' === totpCode(secret) ? '111111' : '000000' });
    expectFrench(wrongCode.html);
    expect(unescape(alertOf(wrongCode.html) ?? '')).toBe(fr('wrongAppCode'));
    const secretAgain = /data-testid="totp-secret">([A-Z2-7]+)</.exec(wrongCode.html)![1];
    const done = await post('/login/totp-setup', { ...hiddenFields(wrongCode.html), code: totpCode(secretAgain) });
    expect(done.status).toBe(302);
    await tokensFrom(done.location!, request);

    const { html: again } = await signInPage('admin');
    const askCode = await post('/oauth2/authorize', { ...hiddenFields(again), username: email, password: PASSWORD });
    expectFrench(askCode.html);
    expect(askCode.html).toContain('<h1>Saisissez votre code de connexion</h1>');
    const signedIn = await post('/login/totp', { ...hiddenFields(askCode.html), code: totpCode(secretAgain) });
    expect(signedIn.status).toBe(302);
  });

  it('"Forgot your password?" stays French: the link from the sign-in page, the email form, the code and its refusal', async () => {
    const { html: signIn } = await signInPage('portal');
    const forgotHref = hrefOf(signIn, 'Mot de passe oublié \\?');
    expect(new URL(forgotHref, cloud().endpoints.login).searchParams.get('lang')).toBe('fr');
    const form = await (await fetch(`${cloud().endpoints.login}${forgotHref}`)).text();
    expectFrench(form);
    expect(form).toContain('<label for="email">Adresse e-mail</label>');

    const nobody = uniqueEmail('personne');
    const sent = await post('/forgotpassword', { ...hiddenFields(form), email: nobody });
    expectFrench(sent.html);
    expect(sent.html).toContain(`Si ${nobody} correspond à un compte, nous lui avons envoyé un code.`);
    expect(new URL(hrefOf(sent.html, 'Retour à la connexion'), cloud().endpoints.login).searchParams.get('lang')).toBe('fr');
    const refused = await post('/forgotpassword/confirm', { ...hiddenFields(sent.html), code: '123456', password: PASSWORD, confirm: PASSWORD });
    expectFrench(refused.html);
    expect(unescape(alertOf(refused.html) ?? '')).toBe(fr('wrongEmailCode'));
  });

  it('remembers the language in a cookie for pages asked without lang, as Cognito does; a language it does not speak, or none, is English', async () => {
    const { request, res, html } = await signInPage('portal');
    expect(html).toContain('<html lang="fr">');
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
    expect(cookie).toBe(`${LANGUAGE_COOKIE}=fr`);

    const withCookie = await fetch(`${cloud().endpoints.login}/oauth2/authorize?${new URLSearchParams(request.oauth)}`, { headers: { cookie } });
    expectFrench(await withCookie.text());
    const posted = await fetch(`${cloud().endpoints.login}/oauth2/authorize`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      body: new URLSearchParams({ ...request.oauth, username: uniqueEmail('nobody'), password: 'Not-a-password-1!' }),
    });
    expect(unescape(alertOf(await posted.text()) ?? '')).toBe("Nom d'utilisateur ou mot de passe incorrect.");

    const german = await signInPage('portal', 'de');
    expect(german.html).toContain('<html lang="en">');
    expect(german.html).toContain('<label for="username">Username</label>');
    expect(german.res.headers.get('set-cookie')).toContain(`${LANGUAGE_COOKIE}=en`);
    const english = await fetch(`${cloud().endpoints.login}/oauth2/authorize?${new URLSearchParams(authorizeRequest('portal').oauth)}`);
    expect(english.headers.get('set-cookie')).toBeNull();
    const englishHtml = await english.text();
    expect(englishHtml).toContain('<html lang="en">');
    expect(englishHtml).not.toContain('name="lang"');
  });
});
