/**
 * The portal-access lifecycle (F3, F4, F6, F7) through the staff and customer APIs with real
 * tokens: invited → active → closed → reopened, emails only when asked for, and closing that
 * takes effect at once — also for a token issued before (cognito-local would still accept it).
 */
import { AdminGetUserCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../../local-cloud/identities.ts';
import { temporaryPasswordIn } from '../../local-cloud/mailbox.ts';
import { localCredentials } from '../../local-cloud/provision.ts';
import { client, cloud, customerSession, expectStatus, mailTo, staffSession, uniqueEmail } from '../support/world.ts';

const PASSWORD = 'Correct-horse-42!';

describe('portal access lifecycle', () => {
  let admin: Awaited<ReturnType<typeof staffSession>>;
  beforeAll(async () => {
    admin = await staffSession({ admin: true, name: 'Access Admin' });
  });

  it('open → invited (orange) with our own invitation email → first sign-in → active (green)', async () => {
    const email = uniqueEmail('invitee');
    const contact = expectStatus(await admin.api.post('/contacts', { kind: 'person', name: 'Ivy Invitee', email }), 201);
    expect(contact.access.state).toBe('none');
    const opened = expectStatus(await admin.api.post(`/contacts/${contact.contactId}/access`), 200);
    expect(opened.access.state).toBe('invited');

    const [invitation] = await mailTo(email);
    expect(invitation.subject).toContain('has opened a client portal for you');
    expect(invitation.body.text).toContain(`Portal: ${cloud().web.portalUrl}`);
    // The access stays "invited" until the customer chose a password and signed in.
    expect(expectStatus(await admin.api.get(`/contacts/${contact.contactId}`), 200).access.state).toBe('invited');
    await signIn(cloud().endpoints.cognito, cloud().customerPool, { email, password: temporaryPasswordIn(invitation), newPassword: PASSWORD });
    const listed = expectStatus(await admin.api.get(`/contacts?search=Ivy`), 200);
    expect(listed.items.find((c: any) => c.contactId === contact.contactId).access.state).toBe('active');

    // Opening twice is refused and changes nothing.
    const again = await admin.api.post(`/contacts/${contact.contactId}/access`);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('access_exists');
  });

  it('an invitation can be sent again while it is pending, with a new temporary password', async () => {
    const email = uniqueEmail('resend');
    const contact = expectStatus(await admin.api.post('/contacts', { kind: 'person', name: 'Rex Resend', email }), 201);
    expectStatus(await admin.api.post(`/contacts/${contact.contactId}/access`), 200);
    expectStatus(await admin.api.post(`/contacts/${contact.contactId}/access/invitation`), 200);
    const invitations = await mailTo(email);
    expect(invitations).toHaveLength(2);
    const second = temporaryPasswordIn(invitations[1]);
    expect(second).not.toBe(temporaryPasswordIn(invitations[0]));
    await signIn(cloud().endpoints.cognito, cloud().customerPool, { email, password: second, newPassword: PASSWORD });
    const resendActive = await admin.api.post(`/contacts/${contact.contactId}/access/invitation`);
    expect(resendActive.status).toBe(409);
  });

  it('closing with "tell the customer" refuses the old token at once and emails; reopening lets the customer back in', async () => {
    const customer = await customerSession(admin, { name: 'Clara Close' });
    expectStatus(await customer.api.get('/shared'), 200);

    const closed = expectStatus(await admin.api.post(`/contacts/${customer.contact.contactId}/access/close`, { notifyCustomer: true }), 200);
    expect(closed.access.state).toBe('closed');

    // The token issued before the close is refused on every customer route.
    for (const path of ['/shared', '/me']) {
      const refused = await customer.api.get(path);
      expect(refused.status).toBe(403);
      // The firm's branding comes with it, so the portal's notice still looks like the firm's.
      expect(refused.body.error).toEqual({ code: 'access_closed', message: expect.stringContaining('closed'), firm: expect.objectContaining({ firmName: expect.any(String), colour: expect.stringMatching(/^#/) }) });
    }
    const closing = (await mailTo(customer.email)).filter((e) => e.subject.includes('closed'));
    expect(closing).toHaveLength(1);

    // Cognito's side: the user is disabled. AWS would now refuse the sign-in (and our PostAuthentication
    // trigger throws too), but cognito-local signs disabled users in and ignores trigger errors — so
    // the product's own per-request check is what keeps the door shut, and this proves it.
    const cognito = new CognitoIdentityProviderClient({ endpoint: cloud().endpoints.cognito, region: 'us-east-1', credentials: localCredentials });
    expect((await cognito.send(new AdminGetUserCommand({ UserPoolId: cloud().customerPool.userPoolId, Username: customer.email }))).Enabled).toBe(false);
    await new Promise((r) => setTimeout(r, 1100));
    const afterClose = await signIn(cloud().endpoints.cognito, cloud().customerPool, { email: customer.email, password: PASSWORD });
    const refusedAfterClose = await client(cloud().customerApiUrl, afterClose.IdToken!).get('/shared');
    expect(refusedAfterClose.status).toBe(403);
    expect(refusedAfterClose.body.error.code).toBe('access_closed');

    const reopened = expectStatus(await admin.api.post(`/contacts/${customer.contact.contactId}/access/reopen`), 200);
    expect(reopened.access.state).toBe('active');
    // The old token stays refused; a new sign-in works.
    expect((await customer.api.get('/shared')).status).toBe(403);
    await new Promise((r) => setTimeout(r, 1100)); // tokens carry whole seconds
    const fresh = await signIn(cloud().endpoints.cognito, cloud().customerPool, { email: customer.email, password: PASSWORD });
    expect((await client(cloud().customerApiUrl, fresh.IdToken!).get('/shared')).status).toBe(200);
  });

  it('closing without "tell the customer" sends nothing', async () => {
    const customer = await customerSession(admin, { name: 'Quentin Quiet' });
    expectStatus(await admin.api.post(`/contacts/${customer.contact.contactId}/access/close`, { notifyCustomer: false }), 200);
    expect((await mailTo(customer.email)).filter((e) => e.subject.includes('closed'))).toHaveLength(0);
    expect((await customer.api.get('/shared')).status).toBe(403);
    // Closing a closed access is refused and changes nothing.
    expect((await admin.api.post(`/contacts/${customer.contact.contactId}/access/close`, { notifyCustomer: true })).status).toBe(409);
    expect((await mailTo(customer.email)).filter((e) => e.subject.includes('closed'))).toHaveLength(0);
  });

  it('archiving a contact closes its access through the same operation', async () => {
    const customer = await customerSession(admin, { name: 'Arnold Archive' });
    const archived = expectStatus(await admin.api.post(`/contacts/${customer.contact.contactId}/archive`, { notifyCustomer: true }), 200);
    expect(archived).toMatchObject({ archived: true, access: { state: 'closed' } });
    expect((await customer.api.get('/shared')).status).toBe(403);
    expect((await mailTo(customer.email)).filter((e) => e.subject.includes('closed'))).toHaveLength(1);
    const trail = expectStatus(await admin.api.get(`/contacts/${customer.contact.contactId}/audit`), 200);
    // cognito-local has no global sign-out: that failed step is on the record, in words, after the close.
    const steps = trail.items.filter((e: any) => e.action === 'access.cognito_steps_failed');
    expect(steps).toEqual([expect.objectContaining({ actor: 'system', details: expect.objectContaining({ failed: ['signing out everywhere'], contactName: 'Arnold Archive' }) })]);
    const rest = trail.items.filter((e: any) => e.action !== 'access.cognito_steps_failed');
    expect(rest.map((e: any) => e.action)).toEqual(['contact.archived', 'access.closed', 'access.opened', 'contact.created']);
    expect(rest[1]).toMatchObject({ actor: admin.email, details: { customerTold: true, contactName: 'Arnold Archive' } });
  });

  it('the portal switch closes the portal for every customer with a clear answer, and opens it again', async () => {
    const customer = await customerSession(admin, { name: 'Sonja Switch' });
    expectStatus(await admin.api.raw('PATCH', '/settings', { portalOpen: false }), 200);
    try {
      const refused = await customer.api.get('/shared');
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('portal_closed');
      expect(refused.body.error.message).toContain('portal is closed');
      expect(refused.body.error.firm).toMatchObject({ firmName: expect.any(String) });
    } finally {
      expectStatus(await admin.api.raw('PATCH', '/settings', { portalOpen: true }), 200);
    }
    expect((await customer.api.get('/shared')).status).toBe(200);
  });

  it('refuses bad input with a 4xx JSON error and changes nothing', async () => {
    const contact = expectStatus(await admin.api.post('/contacts', { kind: 'person', name: 'Val Invalid', email: uniqueEmail('val') }), 201);
    const cases = [
      await admin.api.post(`/contacts/${contact.contactId}/access/close`, {}),
      await admin.api.post(`/contacts/${contact.contactId}/access/close`, { notifyCustomer: 'yes' }),
      await admin.api.post(`/contacts/${contact.contactId}/access/reopen`),
      await admin.api.post('/contacts/..%2F..%2Fetc/access'),
      await admin.api.raw('POST', `/contacts/${contact.contactId}/access/close`, '{not json', { 'content-type': 'application/json' }),
      await admin.api.raw('POST', `/contacts/${contact.contactId}/access/close`, 'notifyCustomer=true', { 'content-type': 'application/x-www-form-urlencoded' }),
      await admin.api.post('/contacts', { kind: 'robot', name: 'R2' }),
      await admin.api.post('/contacts', { kind: 'person', name: '' }),
      await admin.api.post('/contacts/does-not-exist/access'),
    ];
    for (const res of cases) {
      expect(res.status, JSON.stringify(res.body)).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.body.error).toEqual({ code: expect.any(String), message: expect.any(String) });
    }
    expect(expectStatus(await admin.api.get(`/contacts/${contact.contactId}`), 200).access.state).toBe('none');
  });
});
