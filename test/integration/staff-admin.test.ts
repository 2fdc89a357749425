/** Settings, staff users and the firm's audit trail (F1, F5, F6, F17–F19) through the staff API. */
import { randomUUID } from 'node:crypto';
import { AdminConfirmSignUpCommand, CognitoIdentityProviderClient, SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../../local-cloud/identities.ts';
import { temporaryPasswordIn } from '../../local-cloud/mailbox.ts';
import { localCredentials } from '../../local-cloud/provision.ts';
import { seatsUsed } from '../support/seats.ts';
import { client, cloud, customerSession, expectStatus, mailTo, staffSession, uniqueEmail } from '../support/world.ts';

const PASSWORD = 'Correct-horse-42!';
let admin: Awaited<ReturnType<typeof staffSession>>;
beforeAll(async () => {
  admin = await staffSession({ admin: true, name: 'Settings Admin' });
});

describe('settings', () => {
  afterAll(async () => {
    await admin.api.raw('PATCH', '/settings', { selfSignUp: { enabled: false }, branding: { firmName: 'Portico Demo Firm' } });
  });

  it('has sensible defaults any staff member can read', async () => {
    const settings = expectStatus(await admin.api.get('/settings'), 200);
    expect(settings).toMatchObject({ portalOpen: true, selfSignUp: { enabled: false, accessType: 'client' }, attachments: { upload: 'allowed' }, branding: { firmName: 'Portico Demo Firm' } });
  });

  it('an admin changes a section; the rest stays; the customer sees the branding', async () => {
    const changed = expectStatus(await admin.api.raw('PATCH', '/settings', { branding: { firmName: 'Acme Accountants', colour: '#aa3300' }, attachments: { delete: 'forbidden' } }), 200);
    expect(changed.branding).toMatchObject({ firmName: 'Acme Accountants', colour: '#aa3300' });
    expect(changed.attachments).toEqual({ upload: 'allowed', replace: 'beforeApproval', delete: 'forbidden' });
    expect(expectStatus(await admin.api.get('/settings'), 200).branding.firmName).toBe('Acme Accountants');
    const trail = expectStatus(await admin.api.get('/audit?limit=5'), 200);
    expect(trail.items[0]).toMatchObject({ action: 'settings.changed', actor: admin.email });
  });

  it('a logo and a portal address can be set, and removed again with an empty value', async () => {
    const set = expectStatus(await admin.api.raw('PATCH', '/settings', { branding: { logoUrl: 'https://example.com/logo.png', portalAddress: 'https://portal.example.com' } }), 200);
    expect(set.branding).toMatchObject({ logoUrl: 'https://example.com/logo.png', portalAddress: 'https://portal.example.com' });
    const removed = expectStatus(await admin.api.raw('PATCH', '/settings', { branding: { logoUrl: '', portalAddress: '' } }), 200);
    expect(removed.branding).not.toHaveProperty('logoUrl');
    expect(removed.branding).not.toHaveProperty('portalAddress');
    expect(expectStatus(await admin.api.get('/settings'), 200).branding).not.toHaveProperty('logoUrl');
  });

  it('shows the seats used and left: opening access takes a seat, closing it frees the seat', async () => {
    const seats = async () => expectStatus(await admin.api.get('/settings'), 200);
    const before = await seats();
    expect(before.seatUsage).toEqual({ used: await seatsUsed(), left: Math.max(0, before.selfSignUp.seats - (await seatsUsed())) });
    const customer = await customerSession(admin, { name: 'Seth Seat' });
    expect((await seats()).seatUsage.used).toBe(before.seatUsage.used + 1);
    expectStatus(await admin.api.post(`/contacts/${customer.contact.contactId}/access/close`, { notifyCustomer: false }), 200);
    expect((await seats()).seatUsage.used).toBe(before.seatUsage.used);

    // The answer to a change says the same, for the number of seats just saved; left is never negative.
    const none = expectStatus(await admin.api.raw('PATCH', '/settings', { selfSignUp: { seats: 0 } }), 200);
    expect(none.seatUsage).toEqual({ used: before.seatUsage.used, left: 0 });
    const more = expectStatus(await admin.api.raw('PATCH', '/settings', { selfSignUp: { seats: before.seatUsage.used + 4 } }), 200);
    expect(more.seatUsage).toEqual({ used: before.seatUsage.used, left: 4 });
    expectStatus(await admin.api.raw('PATCH', '/settings', { selfSignUp: { seats: before.selfSignUp.seats } }), 200);
  });

  it.each([
    [{ branding: { colour: 'red' } }, 'branding.colour'],
    [{ selfSignUp: { seats: -1 } }, 'selfSignUp.seats'],
    [{ attachments: { upload: 'sometimes' } }, 'attachments.upload'],
    [{ portalOpen: 'yes' }, 'portalOpen'],
    [{ unknownSetting: true }, 'unknownSetting'],
    [{ branding: { logoUrl: 'javascript:alert(1)' } }, 'branding.logoUrl'],
  ])('refuses %j with a message naming %s, and changes nothing', async (patch, field) => {
    const before = expectStatus(await admin.api.get('/settings'), 200);
    const res = await admin.api.raw('PATCH', '/settings', patch);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(field.split('.').pop());
    expect(expectStatus(await admin.api.get('/settings'), 200)).toEqual(before);
  });
});

describe('staff users', () => {
  it('an admin invites a staff user, who gets our email with a temporary password and signs in with TOTP', async () => {
    const email = uniqueEmail('new-staff');
    const invited = expectStatus(await admin.api.post('/staff-users', { email, name: 'Nina New' }), 201);
    expect(invited).toMatchObject({ email, admin: false, enabled: true });
    const [mail] = await mailTo(email);
    expect(mail.subject).toContain('invited');
    const tokens = await signIn(cloud().endpoints.cognito, cloud().staffPool, { email, password: temporaryPasswordIn(mail), newPassword: PASSWORD });
    expect((await client(cloud().staffApiUrl, tokens.IdToken!).get('/contacts')).status).toBe(200);
    // Inviting the same address again is refused.
    expect((await admin.api.post('/staff-users', { email, name: 'Nina Again' })).status).toBe(409);
    const listed = expectStatus(await admin.api.get('/staff-users?limit=60'), 200);
    expect(listed.items.map((u: any) => u.email)).toContain(email);
  });

  it('a disabled staff user is refused at once, also with a token issued before; enabling lets them back', async () => {
    const colleague = await staffSession({ name: 'Dora Disabled' });
    const user = expectStatus(await admin.api.get('/staff-users?limit=60'), 200).items.find((u: any) => u.email === colleague.email);
    expectStatus(await admin.api.raw('PUT', `/staff-users/${user.username}/enabled`, { enabled: false }), 200);
    const refused = await colleague.api.get('/contacts');
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('staff_disabled');
    expectStatus(await admin.api.raw('PUT', `/staff-users/${user.username}/enabled`, { enabled: true }), 200);
    expect((await colleague.api.get('/contacts')).status).toBe(200);
  });

  it('the last enabled admin cannot be disabled', async () => {
    // Disable every other admin first, so this test does not depend on who else exists.
    const users = expectStatus(await admin.api.get('/staff-users?limit=60'), 200).items;
    const me = users.find((u: any) => u.email === admin.email);
    const others = users.filter((u: any) => u.admin && u.enabled && u.email !== admin.email);
    for (const o of others) expectStatus(await admin.api.raw('PUT', `/staff-users/${o.username}/enabled`, { enabled: false }), 200);
    try {
      const res = await admin.api.raw('PUT', `/staff-users/${me.username}/enabled`, { enabled: false });
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('last_admin');
      expect((await admin.api.get('/settings')).status).toBe(200);
    } finally {
      for (const o of others) await admin.api.raw('PUT', `/staff-users/${o.username}/enabled`, { enabled: true });
    }
  });

  it('a password reset emails a new temporary password', async () => {
    const colleague = await staffSession({ name: 'Rita Reset' });
    const user = expectStatus(await admin.api.get('/staff-users?limit=60'), 200).items.find((u: any) => u.email === colleague.email);
    expectStatus(await admin.api.post(`/staff-users/${user.username}/password-reset`), 200);
    const [mail] = (await mailTo(colleague.email)).filter((m) => m.subject.includes('reset'));
    await signIn(cloud().endpoints.cognito, cloud().staffPool, { email: colleague.email, password: temporaryPasswordIn(mail), newPassword: 'Another-horse-43!', totpSecret: colleague.credentials.totpSecret });
    expect((await admin.api.post(`/staff-users/${randomUUID()}/password-reset`)).status).toBe(404);
  });
});

describe('self sign-up', () => {
  let cog: CognitoIdentityProviderClient;
  beforeAll(() => {
    cog = new CognitoIdentityProviderClient({ endpoint: cloud().endpoints.cognito, region: 'us-east-1', credentials: localCredentials });
  });
  afterAll(async () => {
    await admin.api.raw('PATCH', '/settings', { selfSignUp: { enabled: false } });
  });
  const signUp = (email: string) =>
    cog.send(new SignUpCommand({ ClientId: cloud().customerPool.clientId, Username: email, Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: email }, { Name: 'name', Value: 'Sally Signup' }] }));

  it('is refused while switched off, with a message naming the firm', async () => {
    await expect(signUp(uniqueEmail('early'))).rejects.toThrow(/Sign-up is not open\. Please contact Portico Demo Firm/);
  });

  it('when on: the new account is an active contact, staff are told, and the portal opens', async () => {
    expectStatus(await admin.api.raw('PATCH', '/settings', { selfSignUp: { enabled: true, accessType: 'both', seats: 100_000 } }), 200);
    const email = uniqueEmail('sally');
    await signUp(email);
    // Confirming the emailed code; the admin call fires the same PostConfirmation trigger.
    await cog.send(new AdminConfirmSignUpCommand({ UserPoolId: cloud().customerPool.userPoolId, Username: email }));
    const tokens = await signIn(cloud().endpoints.cognito, cloud().customerPool, { email, password: PASSWORD });
    expect(expectStatus(await client(cloud().customerApiUrl, tokens.IdToken!).get('/shared'), 200).items).toEqual([]);
    const contact = expectStatus(await admin.api.get('/contacts?search=Sally&limit=200'), 200).items.find((c: any) => c.email === email);
    expect(contact).toMatchObject({ access: { state: 'active' }, accessType: 'both' });
    const told = (await mailTo('office@example.com')).filter((m) => m.body.text?.includes(email));
    expect(told).toHaveLength(1);
  });

  it('two sign-ups racing for the last seat: exactly one wins, the other is told no seats are left', async () => {
    const used = seatsUsed;
    const taken = await used();
    expectStatus(await admin.api.raw('PATCH', '/settings', { selfSignUp: { enabled: true, seats: taken + 1 } }), 200);
    const results = await Promise.allSettled([signUp(uniqueEmail('racer-a')), signUp(uniqueEmail('racer-b'))]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const loser = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(String(loser.reason)).toMatch(/No seats left — please contact Portico Demo Firm/);
    expect(await used()).toBe(taken + 1);
  });
});
