/**
 * English and French through the APIs (issue 11 §3): a customer's emails follow the language
 * staff set on the contact or the customer chose in the portal; otherwise the firm's default
 * language (a setting), which the portal also receives. Staff emails follow the firm's language.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../../local-cloud/identities.ts';
import { emailsArriving, temporaryPasswordIn } from '../../local-cloud/mailbox.ts';
import { client, cloud, customerSession, expectStatus, putToUrl, staffSession, uniqueEmail } from '../support/world.ts';

const PASSWORD = 'Correct-horse-42!';

describe('languages', () => {
  let admin: Awaited<ReturnType<typeof staffSession>>;
  let folderId: string;
  beforeAll(async () => {
    admin = await staffSession({ admin: true, name: 'Language Admin' });
    folderId = expectStatus(await admin.api.post('/drive/folders', { name: `Lettres ${Date.now()}` }), 201).itemId;
  });
  afterAll(async () => {
    // The firm's language is firm-wide: leave it as every other test file expects it.
    expectStatus(await admin.api.raw('PATCH', '/settings', { language: 'en' }), 200);
  });

  /** The latest email to `address` whose subject matches, once one has arrived (emails go out from the outbox, a moment later). */
  const lastEmailTo = async (address: string, subject: RegExp) => (await emailsArriving(cloud().endpoints.ses, address, (e) => subject.test(e.subject))).at(-1)!;
  const share = async (contactId: string) => expectStatus(await admin.api.post(`/contacts/${contactId}/shares`, { itemIds: [folderId], notify: true }), 200);

  it('staff set French on a contact: the invitation is in French, and the customer signs in with it', async () => {
    const email = uniqueEmail('francoise');
    const contact = expectStatus(await admin.api.post('/contacts', { kind: 'person', name: 'Françoise Fournier', email, language: 'fr' }), 201);
    expect(contact.language).toBe('fr');
    expectStatus(await admin.api.post(`/contacts/${contact.contactId}/access`), 200);
    const [invitation] = await emailsArriving(cloud().endpoints.ses, email);
    expect(invitation.subject).toMatch(/vous a ouvert un portail client$/);
    expect(invitation.body.text).toContain('Bonjour Françoise Fournier,');
    expect(invitation.body.html).toContain('<html lang="fr">');
    const tokens = await signIn(cloud().endpoints.cognito, cloud().customerPool, { email, password: temporaryPasswordIn(invitation), newPassword: PASSWORD });
    const profile = expectStatus(await client(cloud().customerApiUrl, tokens.IdToken!).get('/me'), 200);
    expect(profile.language).toBe('fr');
    expect(profile.firm.language).toBe('en');
  });

  it('a customer switches to English in the portal: their emails follow, and staff see the choice', async () => {
    const customer = await customerSession(admin, { name: 'Paul Portail' });
    expectStatus(await admin.api.raw('PATCH', `/contacts/${customer.contact.contactId}`, { language: 'fr' }), 200);
    expect(expectStatus(await customer.api.raw('PUT', '/me/language', { language: 'en' }), 200)).toEqual({ language: 'en' });
    expect(expectStatus(await customer.api.get('/me'), 200).language).toBe('en');
    expect(expectStatus(await admin.api.get(`/contacts/${customer.contact.contactId}`), 200).language).toBe('en');
    await share(customer.contact.contactId);
    const shared = await lastEmailTo(customer.email, /document/);
    expect(shared.subject).toMatch(/shared a document with you$/);
  });

  it('a language the portal does not speak is refused and changes nothing', async () => {
    const customer = await customerSession(admin, { name: 'Rita Refus' });
    expectStatus(await customer.api.raw('PUT', '/me/language', { language: 'fr' }), 200);
    for (const body of [{ language: 'de' }, { language: 'FR' }, {}, { language: 'fr', extra: 1 }, { language: null }]) {
      const refused = await customer.api.raw('PUT', '/me/language', body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(refused.body.error.code).toBe('invalid_request');
    }
    expect(expectStatus(await customer.api.get('/me'), 200).language).toBe('fr');
    const badContact = await admin.api.raw('PATCH', `/contacts/${customer.contact.contactId}`, { language: 'es' });
    expect(badContact.status).toBe(400);
    expect(expectStatus(await admin.api.get(`/contacts/${customer.contact.contactId}`), 200).language).toBe('fr');
  });

  it('the firm\'s default language: customers who chose none get it, in the portal and by email; one who chose keeps theirs', async () => {
    const undecided = await customerSession(admin, { name: 'Ulysse Indécis' });
    const english = await customerSession(admin, { name: 'Emma English' });
    expectStatus(await english.api.raw('PUT', '/me/language', { language: 'en' }), 200);
    const refused = await admin.api.raw('PATCH', '/settings', { language: 'de' });
    expect(refused.status).toBe(400);
    const changed = expectStatus(await admin.api.raw('PATCH', '/settings', { language: 'fr' }), 200);
    expect(changed.language).toBe('fr');
    expect(expectStatus(await admin.api.get('/settings'), 200).language).toBe('fr');
    const profile = expectStatus(await undecided.api.get('/me'), 200);
    expect(profile.language).toBeUndefined();
    expect(profile.firm.language).toBe('fr');
    await share(undecided.contact.contactId);
    await share(english.contact.contactId);
    expect((await lastEmailTo(undecided.email, /document/)).subject).toMatch(/a partagé un document avec vous$/);
    expect((await lastEmailTo(english.email, /document/)).subject).toMatch(/shared a document with you$/);
  });

  it("a customer's inbox folder is named in the firm's language when it is made, and keeps its name", async () => {
    const upload = { files: [{ name: 'scan.pdf', size: 10, contentType: 'application/pdf' }] };
    // Invited while the firm speaks English (customerSession reads an English invitation).
    expectStatus(await admin.api.raw('PATCH', '/settings', { language: 'en' }), 200);
    const french = await customerSession(admin, { name: 'Inès Envoi' });
    const english = await customerSession(admin, { name: 'Eve Upload' });
    const inboxOf = async (customer: typeof french) => expectStatus(await customer.api.get('/shared'), 200).items[0].name;

    expectStatus(await admin.api.raw('PATCH', '/settings', { language: 'fr' }), 200);
    expectStatus(await french.api.post('/uploads', upload), 201);
    expect(await inboxOf(french)).toBe('Déposés par Inès Envoi');

    expectStatus(await admin.api.raw('PATCH', '/settings', { language: 'en' }), 200);
    expectStatus(await english.api.post('/uploads', upload), 201);
    expect(await inboxOf(english)).toBe('From Eve Upload');
    expectStatus(await french.api.post('/uploads', upload), 201);
    expect(await inboxOf(french)).toBe('Déposés par Inès Envoi');
  });

  it("a customer's revised version is named in the firm's language", async () => {
    expectStatus(await admin.api.raw('PATCH', '/settings', { language: 'en' }), 200);
    const customer = await customerSession(admin, { name: 'Romain Révision' });
    const folder = expectStatus(await admin.api.post('/drive/folders', { name: `Révisions ${Date.now()}` }), 201);
    const started = expectStatus(await admin.api.post('/drive/uploads', { parentId: folder.itemId, name: 'rapport.docx', size: 8, contentType: 'text/plain' }), 201);
    expect(await putToUrl(started.upload, 'ORIGINAL')).toBe(200);
    expectStatus(await admin.api.post(`/drive/items/${started.item.itemId}/complete`), 200);
    expectStatus(await admin.api.post(`/contacts/${customer.contact.contactId}/shares`, { itemIds: [folder.itemId], notify: false }), 200);

    expectStatus(await admin.api.raw('PATCH', '/settings', { language: 'fr' }), 200);
    const revision = { revisesItemId: started.item.itemId, files: [{ name: 'anything.docx', size: 7, contentType: 'text/plain' }] };
    const batch = expectStatus(await customer.api.post('/uploads', revision), 201);
    expect(batch.uploads[0].item.name).toBe(`rapport (révisé par Romain Révision ${new Date().toISOString().slice(0, 10)}).docx`);
  });
});
