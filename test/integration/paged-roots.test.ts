/**
 * The portal's top level and a contact's shares are paged like any folder (issue 10): the
 * customer's own folder first, then what is shared with them or their organisations, most recently
 * shared first, each item once, with the same answer whatever the page size.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { customerSession, expectStatus, staffSession, uniqueEmail } from '../support/world.ts';

type Session = Awaited<ReturnType<typeof staffSession>> | Awaited<ReturnType<typeof customerSession>>;

/** Every item of a paged list, following cursors with `limit`; a page with a cursor is full. */
async function walk(session: Session, path: string, limit: number): Promise<string[]> {
  const names: string[] = [];
  let cursor: string | undefined;
  for (let n = 0; n < 50; n++) {
    const page = expectStatus(await session.api.get(`${path}?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`), 200);
    names.push(...page.items.map((i: any) => i.name ?? i.item.name));
    if (!page.cursor) return names;
    expect(page.items, `a page of ${path} with a cursor holds ${limit}`).toHaveLength(limit);
    cursor = page.cursor;
  }
  throw new Error(`the walk of ${path} does not end`);
}

let staff: Awaited<ReturnType<typeof staffSession>>;
let org: { contactId: string };
let customer: Awaited<ReturnType<typeof customerSession>>;
const ids: Record<string, string> = {};

const share = async (contactId: string, ...names: string[]) =>
  expectStatus(await staff.api.post(`/contacts/${contactId}/shares`, { itemIds: names.map((n) => ids[n]), notify: false }), 200);

beforeAll(async () => {
  staff = await staffSession({ name: 'Roots Staff' });
  org = expectStatus(await staff.api.post('/contacts', { kind: 'organisation', name: 'Roots Org', email: uniqueEmail('roots-org') }), 201);
  expectStatus(await staff.api.post(`/contacts/${org.contactId}/access`), 200);
  customer = await customerSession(staff, { name: 'Rita Roots', organisationIds: [org.contactId] });
  for (const name of ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo']) ids[name] = expectStatus(await staff.api.post('/drive/folders', { name }), 201).itemId;
  // In this order, each a moment after the last: Bravo is last shared through the organisation,
  // Charlie first with Rita and then (more recently) with the organisation.
  await share(customer.contact.contactId, 'Alpha');
  await share(customer.contact.contactId, 'Charlie');
  await share(customer.contact.contactId, 'Bravo');
  await share(org.contactId, 'Charlie', 'Delta', 'Echo');
  await share(org.contactId, 'Bravo');
  expectStatus(await staff.api.raw('DELETE', `/drive/items/${ids.Echo}`), 200);
  // Starting an upload makes Rita's own "From Rita Roots" folder.
  expectStatus(await customer.api.post('/uploads', { files: [{ name: 'scan.pdf', size: 10, contentType: 'application/pdf' }] }), 201);
});

describe('the portal top level, paged', () => {
  it('lists her own folder first, then each live item once, where it was last shared; any page size walks the same list', async () => {
    // Charlie and Delta were shared in one request (one instant): they keep the store's order.
    const expected = ['From Rita Roots', 'Bravo', ...['Charlie', 'Delta'].sort((a, b) => (ids[a] < ids[b] ? 1 : -1)), 'Alpha'];
    for (const limit of [1, 2, 3, 50]) expect(await walk(customer, '/shared', limit), `limit=${limit}`).toEqual(expected);
  });

  it('closing the organisation’s access takes its shares away, and each of hers falls back to when she got it', async () => {
    expectStatus(await staff.api.post(`/contacts/${org.contactId}/access/close`, { notifyCustomer: false }), 200);
    try {
      for (const limit of [1, 2]) expect(await walk(customer, '/shared', limit)).toEqual(['From Rita Roots', 'Bravo', 'Charlie', 'Alpha']);
    } finally {
      expectStatus(await staff.api.post(`/contacts/${org.contactId}/access/reopen`, { notifyCustomer: false }), 200);
    }
  });

  it('a page of a folder names the folder, so a bookmarked folder shows its name', async () => {
    const page = expectStatus(await customer.api.get(`/shared/folders/${ids.Alpha}/items`), 200);
    expect(page.folder).toEqual({ itemId: ids.Alpha, name: 'Alpha' });
  });
});

describe("a contact's shares for staff, paged", () => {
  it('lists newest first, trashed items included (marked so), a page at a time', async () => {
    const newestFirst = ['Bravo', ...['Charlie', 'Delta', 'Echo'].sort((a, b) => (ids[a] < ids[b] ? 1 : -1))];
    for (const limit of [1, 2, 50]) expect(await walk(staff, `/contacts/${org.contactId}/shares`, limit)).toEqual(newestFirst);
    const trashed = expectStatus(await staff.api.get(`/contacts/${org.contactId}/shares`), 200).items.find((s: any) => s.item.itemId === ids.Echo);
    expect(trashed.item.status).toBe('trashed');
  });

  it('a contact that does not exist is a 404, whatever the page size', async () => {
    expect((await staff.api.get('/contacts/no-such-contact/shares?limit=1')).status).toBe(404);
  });
});
