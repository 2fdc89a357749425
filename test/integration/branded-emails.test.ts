/**
 * Emails carry the firm's run-time branding (issue 9 §5): after an admin changes the firm's name,
 * colour, logo and portal address in the settings, the next emails — to a customer and to staff —
 * come from that name, link to that portal address and show that logo and colour, as HTML with a
 * plain-text part. Nothing of the deploy-time name is left.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailsArriving } from '../../local-cloud/mailbox.ts';
import { cloud, customerSession, expectStatus, staffSession } from '../support/world.ts';

const branding = { firmName: 'Harbour & Sons <Notaries>', colour: '#8a2be2', logoUrl: 'https://harbour.test/logo.png', portalAddress: 'https://clients.harbour.test' };

describe('emails with the run-time branding', () => {
  let admin: Awaited<ReturnType<typeof staffSession>>;
  let before: any;

  beforeAll(async () => {
    admin = await staffSession({ admin: true, name: 'Brand Admin' });
    before = expectStatus(await admin.api.get('/settings'), 200).branding;
    expectStatus(await admin.api.raw('PATCH', '/settings', { branding }), 200);
  });
  afterAll(async () => {
    // Other files share this cloud: put the firm back as it was.
    await admin.api.raw('PATCH', '/settings', { branding: { ...before, logoUrl: before.logoUrl ?? '', portalAddress: before.portalAddress ?? '' } });
  });

  it('a customer\'s share email comes from the firm\'s current name, with its logo, colour and portal address', async () => {
    const customer = await customerSession(admin, { name: 'Bea Branded' });
    const folder = expectStatus(await admin.api.post('/drive/folders', { name: 'Branded folder' }), 201);
    expectStatus(await admin.api.post(`/contacts/${customer.contact.contactId}/shares`, { itemIds: [folder.itemId] }), 200);
    const [email] = await emailsArriving(cloud().endpoints.ses, customer.email, (e) => !!e.body.text?.includes('Branded folder'));

    expect(email.subject).toBe('Harbour & Sons <Notaries> shared a document with you');
    expect(email.from).toContain(`=?UTF-8?B?${Buffer.from(branding.firmName).toString('base64')}?=`);
    expect(email.body.text).toContain('Open your portal to see them: https://clients.harbour.test');
    expect(email.body.html).toContain('<span>Harbour &amp; Sons &lt;Notaries&gt;</span>');
    expect(email.body.html).toContain('background:#8a2be2');
    expect(email.body.html).toContain('<img src="https://harbour.test/logo.png"');
    expect(email.body.html).toContain('href="https://clients.harbour.test"');
    const deployTimeName = JSON.parse(readFileSync('cdk.json', 'utf8')).context['portico:firmName'];
    expect(deployTimeName).toBeTruthy();
    expect(`${email.subject}${email.body.text}${email.body.html}`).not.toContain(deployTimeName);
  });

  it('a staff invitation also comes from the current name', async () => {
    const email = `branded-staff-${Date.now()}@example.test`;
    expectStatus(await admin.api.post('/staff-users', { email, name: 'New Staff', admin: false }), 201);
    const [invitation] = await emailsArriving(cloud().endpoints.ses, email);
    expect(invitation.subject).toBe('You have been invited to the Harbour & Sons <Notaries> portal administration');
    expect(invitation.body.html).toContain('Harbour &amp; Sons &lt;Notaries&gt;');
  });
});
