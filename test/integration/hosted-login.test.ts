/**
 * The local hosted login: cognito-local's authorize form plus our stand-in pages for the steps it
 * lacks. These tests drive it over HTTP as a browser would (form posts, redirects) and prove it
 * refuses what the AWS hosted login refuses, where cognito-local on its own would let a user in.
 */
import { AdminDisableUserCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { totpCode } from '../../local-cloud/identities.ts';
import { temporaryPasswordIn } from '../../local-cloud/mailbox.ts';
import { localCredentials } from '../../local-cloud/provision.ts';
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

    const mismatch = await post('/login/new-password', { flow: flowOf(first.html), password: PASSWORD, confirm: `${PASSWORD}x` });
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
      const code = /code is (\d+)/.exec(mail.body.text ?? '')![1];

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

  it('the sign-in page offers sign-up on the portal\'s pool only (the staff pool has no self sign-up)', async () => {
    const page = async (app: 'admin' | 'portal') => (await fetch(`${cloud().endpoints.login}/oauth2/authorize?${new URLSearchParams(authorizeRequest(app).oauth)}`)).text();
    expect(await page('portal')).toContain('Create an account');
    expect(await page('admin')).not.toContain('Create an account');
  });

  it('sign-up while the firm has it switched off is refused with the firm\'s reason', async () => {
    const request = authorizeRequest('portal');
    const refused = await post('/signup', { ...request.oauth, name: 'Late Larry', email: uniqueEmail('larry'), password: PASSWORD });
    expect(refused.status).toBe(400);
    expect(refused.html).toMatch(/role="alert">[^<]+</);
    expect(refused.html).not.toContain('Confirm your email');
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
