/** Contacts (F8): create, read, update, list by name, search, organisations and the consolidated account. */
import { beforeAll, describe, expect, it } from 'vitest';
import { customerSession, expectStatus, mailTo, staffSession, uniqueEmail } from '../support/world.ts';

let staff: Awaited<ReturnType<typeof staffSession>>;
beforeAll(async () => {
  staff = await staffSession({ name: 'Contact Staff' });
});

describe('contacts', () => {
  it('creates, reads and updates a contact; the audit trail lists the changes', async () => {
    const created = expectStatus(
      await staff.api.post('/contacts', { kind: 'person', name: 'Petra Person', email: uniqueEmail('petra'), phone: '+49 30 1234', address: 'Hauptstr. 1, Berlin', notes: 'Prefers email' }),
      201,
    );
    expect(created).toMatchObject({ kind: 'person', name: 'Petra Person', phone: '+49 30 1234', responsibleStaff: [staff.email], access: { state: 'none' }, archived: false });
    const updated = expectStatus(await staff.api.raw('PATCH', `/contacts/${created.contactId}`, { name: 'Petra Person-Meier', notes: 'Call after 10' }), 200);
    expect(updated).toMatchObject({ name: 'Petra Person-Meier', notes: 'Call after 10', phone: '+49 30 1234' });
    expect(expectStatus(await staff.api.get(`/contacts/${created.contactId}`), 200).name).toBe('Petra Person-Meier');
    const trail = expectStatus(await staff.api.get(`/contacts/${created.contactId}/audit`), 200);
    expect(trail.items.map((e: any) => e.action)).toEqual(['contact.updated', 'contact.created']);
  });

  it('lists by name with pages, and searches by the beginning of a name', async () => {
    const tag = `Zed${Date.now()}`;
    for (const n of ['c', 'a', 'b']) expectStatus(await staff.api.post('/contacts', { kind: 'person', name: `${tag} ${n}` }), 201);
    const first = expectStatus(await staff.api.get(`/contacts?search=${tag}&limit=2`), 200);
    expect(first.items.map((c: any) => c.name)).toEqual([`${tag} a`, `${tag} b`]);
    const second = expectStatus(await staff.api.get(`/contacts?search=${tag}&limit=2&cursor=${first.cursor}`), 200);
    expect(second.items.map((c: any) => c.name)).toEqual([`${tag} c`]);
    expect((await staff.api.get(`/contacts?cursor=not-a-cursor`)).status).toBe(400);
  });

  it('refuses invalid changes, including an email change under open access, and changes nothing', async () => {
    const customer = await customerSession(staff, { name: 'Olga Open' });
    const before = expectStatus(await staff.api.get(`/contacts/${customer.contact.contactId}`), 200);
    const cases = [
      await staff.api.raw('PATCH', `/contacts/${customer.contact.contactId}`, { email: uniqueEmail('other') }),
      await staff.api.raw('PATCH', `/contacts/${customer.contact.contactId}`, { name: '' }),
      await staff.api.raw('PATCH', `/contacts/${customer.contact.contactId}`, { access: { state: 'active' } }),
      await staff.api.raw('PATCH', `/contacts/${customer.contact.contactId}`, { organisationIds: ['no-such-org'] }),
      await staff.api.raw('PATCH', `/contacts/no-such-contact`, { name: 'X' }),
    ];
    expect(cases.map((c) => c.status)).toEqual([409, 400, 400, 400, 404]);
    expect(expectStatus(await staff.api.get(`/contacts/${customer.contact.contactId}`), 200)).toEqual(before);
  });

  it('a person linked to an organisation sees what is shared with the organisation, plus their own shares', async () => {
    const org = expectStatus(await staff.api.post('/contacts', { kind: 'organisation', name: 'Globex GmbH', email: uniqueEmail('globex') }), 201);
    // An organisation's shares reach its members while its own portal access is open.
    expectStatus(await staff.api.post(`/contacts/${org.contactId}/access`), 200);
    const member = await customerSession(staff, { name: 'Mia Member', organisationIds: [org.contactId] });
    const outsider = await customerSession(staff, { name: 'Otto Outsider' });
    const orgFolder = expectStatus(await staff.api.post('/drive/folders', { name: 'Globex payroll' }), 201);
    const personal = expectStatus(await staff.api.post('/drive/folders', { name: 'Mia personal' }), 201);
    // Sharing with the organisation tells the organisation and each linked person with open access, one email each.
    expect(expectStatus(await staff.api.post(`/contacts/${org.contactId}/shares`, { itemIds: [orgFolder.itemId] }), 200)).toEqual({ added: [orgFolder.itemId], emailed: 2 });
    expect((await mailTo(member.email)).filter((e) => e.body.text?.includes('Globex payroll'))).toHaveLength(1);
    expect((await mailTo(outsider.email)).filter((e) => e.body.text?.includes('Globex payroll'))).toHaveLength(0);
    expectStatus(await staff.api.post(`/contacts/${member.contact.contactId}/shares`, { itemIds: [personal.itemId], notify: false }), 200);
    const seen = expectStatus(await member.api.get('/shared'), 200).items.map((i: any) => i.name);
    expect(seen.sort()).toEqual(['Globex payroll', 'Mia personal']);
    expect(expectStatus(await outsider.api.get('/shared'), 200).items).toEqual([]);
    expect((await outsider.api.get(`/shared/folders/${orgFolder.itemId}/items`)).status).toBe(404);
  });
});

describe('links, roles and search by email', () => {
  it('links a person to an organisation with a role from the admins\' list; the person joins its consolidated account', async () => {
    const admin = await staffSession({ admin: true, name: 'Roles Admin' });
    const roles = expectStatus(await admin.api.get('/roles'), 200).roles;
    expect(roles).toContain('accountant');
    const org = expectStatus(await staff.api.post('/contacts', { kind: 'organisation', name: 'Initech AG' }), 201);
    const person = expectStatus(await staff.api.post('/contacts', { kind: 'person', name: 'Lena Link', links: [{ contactId: org.contactId, role: 'Accountant' }] }), 201);
    expect(person).toMatchObject({ links: [{ contactId: org.contactId, role: 'accountant' }], organisationIds: [org.contactId] });

    expect((await staff.api.post('/contacts', { kind: 'person', name: 'Bad Role', links: [{ contactId: org.contactId, role: 'astronaut' }] })).status).toBe(400);
    expect((await staff.api.raw('PUT', '/roles', { roles: ['partner'] })).status).toBe(403);
    expectStatus(await admin.api.raw('PUT', '/roles', { roles: [...roles, 'Astronaut'] }), 200);
    try {
      const relinked = expectStatus(await staff.api.raw('PATCH', `/contacts/${person.contactId}`, { links: [{ contactId: org.contactId, role: 'astronaut' }] }), 200);
      expect(relinked.links).toEqual([{ contactId: org.contactId, role: 'astronaut' }]);
      expect((await admin.api.raw('PUT', '/roles', { roles: [] })).status).toBe(400);
    } finally {
      expectStatus(await admin.api.raw('PUT', '/roles', { roles }), 200);
    }
  });

  it('finds a contact by its email address', async () => {
    const email = uniqueEmail('findme');
    const created = expectStatus(await staff.api.post('/contacts', { kind: 'person', name: 'Finn Findme', email }), 201);
    const found = expectStatus(await staff.api.get(`/contacts?search=${encodeURIComponent(email.toUpperCase())}`), 200);
    expect(found.items.map((c: any) => c.contactId)).toEqual([created.contactId]);
  });
});

describe('an organisation\'s persons', () => {
  it('lists the persons of an organisation by name, following renames and changes of membership', async () => {
    const org = expectStatus(await staff.api.post('/contacts', { kind: 'organisation', name: 'Umbrella plc' }), 201);
    const b = expectStatus(await staff.api.post('/contacts', { kind: 'person', name: 'Bea Member', organisationIds: [org.contactId] }), 201);
    const a = expectStatus(await staff.api.post('/contacts', { kind: 'person', name: 'Zoe Member', links: [{ contactId: org.contactId, role: 'employee' }] }), 201);
    const members = async () => expectStatus(await staff.api.get(`/contacts?organisationId=${org.contactId}`), 200).items.map((c: any) => c.name);
    expect(await members()).toEqual(['Bea Member', 'Zoe Member']);
    expectStatus(await staff.api.raw('PATCH', `/contacts/${a.contactId}`, { name: 'Ada Member' }), 200);
    expect(await members()).toEqual(['Ada Member', 'Bea Member']);
    expectStatus(await staff.api.raw('PATCH', `/contacts/${b.contactId}`, { organisationIds: [] }), 200);
    expect(await members()).toEqual(['Ada Member']);
  });
});
