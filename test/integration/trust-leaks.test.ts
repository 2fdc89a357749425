/**
 * Issue 9 §1–2: the ways in that a hostile customer found, each reproduced through the HTTP APIs
 * exactly as reported, and proven closed.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { customerSession, expectStatus, putToUrl, staffSession } from '../support/world.ts';

type Staff = Awaited<ReturnType<typeof staffSession>>;
type Customer = Awaited<ReturnType<typeof customerSession>>;

let staff: Staff;
beforeAll(async () => {
  staff = await staffSession({ name: 'Trust Staff', admin: true });
});

async function upload(parentId: string, name: string, text = name) {
  const bytes = Buffer.from(text);
  const started = expectStatus(await staff.api.post('/drive/uploads', { parentId, name, size: bytes.length, contentType: 'text/plain' }), 201);
  expect(await putToUrl(started.upload, bytes)).toBe(200);
  return expectStatus(await staff.api.post(`/drive/items/${started.item.itemId}/complete`), 200);
}
const folder = async (name: string, parentId = 'root') => expectStatus(await staff.api.post('/drive/folders', { name, parentId }), 201);
const patch = (itemId: string, body: unknown) => staff.api.raw('PATCH', `/drive/items/${itemId}`, body);
const share = async (contactId: string, itemIds: string[]) => expectStatus(await staff.api.post(`/contacts/${contactId}/shares`, { itemIds, notify: false }), 200);

describe('moved-out items never come back through a restore', () => {
  it('trash T and Y inside X, move X out of the shared folder, restore T and Y, add W: the customer reaches none of it', async () => {
    const customer = await customerSession(staff, { name: 'Restore Victim' });
    const s = await folder('S shared');
    const x = await folder('X', s.itemId);
    const t = await upload(x.itemId, 'T.txt');
    const y = await folder('Y', x.itemId);
    const z = await upload(y.itemId, 'Z.txt');
    await share(customer.contact.contactId, [s.itemId]);
    expect((await customer.api.get(`/shared/items/${z.itemId}/download`)).status).toBe(200);

    expectStatus(await staff.api.raw('DELETE', `/drive/items/${t.itemId}`), 200);
    expectStatus(await staff.api.raw('DELETE', `/drive/items/${y.itemId}`), 200);
    const privateFolder = await folder('Private');
    expectStatus(await patch(x.itemId, { parentId: privateFolder.itemId }), 200);
    expectStatus(await staff.api.post(`/drive/items/${t.itemId}/restore`), 200);
    expectStatus(await staff.api.post(`/drive/items/${y.itemId}/restore`), 200);
    const w = await upload(y.itemId, 'W.txt');

    for (const file of [t, z, w]) expect((await customer.api.get(`/shared/items/${file.itemId}/download`)).status).toBe(404);
    expect((await customer.api.get(`/shared/folders/${y.itemId}/items`)).status).toBe(404);
    expect((await customer.api.get(`/shared/folders/${x.itemId}/items`)).status).toBe(404);
    // Deleting W says "not found", exactly as for something that does not exist — not 403.
    const refused = await customer.api.raw('DELETE', `/uploads/${w.itemId}`);
    expect(refused.status).toBe(404);
    expect(refused.body).toEqual((await customer.api.raw('DELETE', '/uploads/no-such-item')).body);
    expect((await customer.api.get(`/shared/folders/${s.itemId}/items`)).body.items).toEqual([]);

    // Staff see the restored items where they really are, below the private folder.
    const inX = expectStatus(await staff.api.get(`/drive/folders/${x.itemId}/items`), 200).items.map((i: any) => i.name).sort();
    expect(inX).toEqual(['T.txt', 'Y']);
    // Moving X back into S shares it all again.
    expectStatus(await patch(x.itemId, { parentId: s.itemId }), 200);
    for (const file of [t, z, w]) expect((await customer.api.get(`/shared/items/${file.itemId}/download`)).status).toBe(200);
  });

  it('a trashed folder restored after its parent moved goes where its parent is now', async () => {
    const customer = await customerSession(staff, { name: 'Restore Victim Two' });
    const shared = await folder('Shared parent');
    const inner = await folder('Inner', shared.itemId);
    const deep = await folder('Deep', inner.itemId);
    const file = await upload(deep.itemId, 'deep.txt');
    await share(customer.contact.contactId, [inner.itemId]);
    expectStatus(await staff.api.raw('DELETE', `/drive/items/${deep.itemId}`), 200);
    expectStatus(await patch(inner.itemId, { parentId: 'root' }), 200);
    expectStatus(await staff.api.post(`/drive/items/${deep.itemId}/restore`), 200);
    // Still shared through Inner (which was shared directly), wherever Inner went.
    expect((await customer.api.get(`/shared/items/${file.itemId}/download`)).status).toBe(200);
    expectStatus(await staff.api.post(`/contacts/${customer.contact.contactId}/shares`, { itemIds: [shared.itemId], notify: false }), 200);
    expectStatus(await staff.api.raw('DELETE', `/contacts/${customer.contact.contactId}/shares/${inner.itemId}`), 200);
    // Shared only through the old parent now: Inner left it, so nothing below Inner is reachable.
    expect((await customer.api.get(`/shared/items/${file.itemId}/download`)).status).toBe(404);
  });
});

describe('an organisation opens its shares to members only while it is live, open and linked', () => {
  it('closing, archiving or unlinking takes the organisation\'s shares away on the next request', async () => {
    const org = expectStatus(await staff.api.post('/contacts', { kind: 'organisation', name: 'Acme Holdings', email: `acme-${Date.now()}@example.test` }), 201);
    const person = await customerSession(staff, { name: 'Pat Member', organisationIds: [org.contactId] });
    const orgFolder = await folder('Acme board papers');
    const paper = await upload(orgFolder.itemId, 'minutes.txt');
    await share(org.contactId, [orgFolder.itemId]);
    const sees = async () => (await person.api.get(`/shared/items/${paper.itemId}/download`)).status === 200;
    const roots = async () => expectStatus(await person.api.get('/shared'), 200).items.map((i: any) => i.itemId);

    // The organisation's access is "none": its shares do not reach members.
    expect(await sees()).toBe(false);
    expect(await roots()).not.toContain(orgFolder.itemId);
    expectStatus(await staff.api.post(`/contacts/${org.contactId}/access`), 200);
    expect(await sees()).toBe(true);
    expect(await roots()).toContain(orgFolder.itemId);

    expectStatus(await staff.api.post(`/contacts/${org.contactId}/access/close`, { notifyCustomer: false }), 200);
    expect(await sees()).toBe(false);
    expect((await person.api.get(`/shared/folders/${orgFolder.itemId}/items`)).status).toBe(404);
    expectStatus(await staff.api.post(`/contacts/${org.contactId}/access/reopen`), 200);
    expect(await sees()).toBe(true);

    // Unlinked: the person no longer belongs to it.
    expectStatus(await staff.api.raw('PATCH', `/contacts/${person.contact.contactId}`, { organisationIds: [] }), 200);
    expect(await sees()).toBe(false);
    expectStatus(await staff.api.raw('PATCH', `/contacts/${person.contact.contactId}`, { organisationIds: [org.contactId] }), 200);
    expect(await sees()).toBe(true);

    // Archived: closes its access, and an archived organisation opens nothing.
    expectStatus(await staff.api.post(`/contacts/${org.contactId}/archive`), 200);
    expect(await sees()).toBe(false);
    expect(await roots()).not.toContain(orgFolder.itemId);
    // The person's own access is untouched.
    expect((await person.api.get('/me')).status).toBe(200);
  });
});

describe('page cursors reveal nothing and open only the list they came from', () => {
  let customer: Customer;
  let other: Customer;
  let shared: any;
  beforeAll(async () => {
    customer = await customerSession(staff, { name: 'Cursor Walker' });
    other = await customerSession(staff, { name: 'Cursor Other' });
    shared = await folder('Cursor folder');
    await share(customer.contact.contactId, [shared.itemId]);
    await upload(shared.itemId, 'a visible.txt');
    // Another customer's unfinished upload and a staff file still uploading sit between the visible files.
    const hidden = expectStatus(await staff.api.post('/drive/uploads', { parentId: shared.itemId, name: 'b HIDDEN pending.txt', size: 3, contentType: 'text/plain' }), 201);
    expect(hidden.item.status).toBe('pending');
    await upload(shared.itemId, 'c visible.txt');
    await upload(shared.itemId, 'd visible.txt');
  });

  it('a walk with limit=1 returns each visible item once, full pages, and cursors that name nothing', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = expectStatus(await customer.api.get(`/shared/folders/${shared.itemId}/items?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`), 200);
      pages++;
      expect(page.items).toHaveLength(1);
      seen.push(...page.items.map((i: any) => i.name));
      cursor = page.cursor;
      if (cursor) {
        const decoded = Buffer.from(cursor, 'base64url').toString('latin1');
        expect(decoded).not.toMatch(/hidden|visible|itemId|sortKey|cursor folder/i);
        expect(cursor).not.toMatch(new RegExp(shared.itemId));
      }
    } while (cursor && pages < 10);
    expect(seen).toEqual(['a visible.txt', 'c visible.txt', 'd visible.txt']);
    expect(pages).toBe(3);
  });

  it('a forged cursor of the right shape, or one issued for another folder, route or caller, is 400 invalid_cursor on both APIs', async () => {
    const forged = Buffer.from(JSON.stringify({ itemId: 'x', listedUnder: 'root', sortKey: '0#' })).toString('base64url');
    const first = expectStatus(await customer.api.get(`/shared/folders/${shared.itemId}/items?limit=1`), 200);
    const staffFirst = expectStatus(await staff.api.get(`/drive/folders/${shared.itemId}/items?limit=1`), 200);
    const otherFolder = await folder('Cursor elsewhere');
    await share(customer.contact.contactId, [otherFolder.itemId]);
    const attempts = [
      () => customer.api.get(`/shared/folders/${shared.itemId}/items?cursor=${forged}`),
      () => staff.api.get(`/drive/folders/${shared.itemId}/items?cursor=${forged}`),
      () => staff.api.get(`/drive/folders/root/items?cursor=${forged}`),
      () => customer.api.get(`/shared/folders/${otherFolder.itemId}/items?cursor=${first.cursor}`),
      () => other.api.get(`/shared/folders/${shared.itemId}/items?cursor=${first.cursor}`),
      () => staff.api.get(`/drive/folders/${shared.itemId}/items?cursor=${first.cursor}`),
      () => customer.api.get(`/shared/folders/${shared.itemId}/items?cursor=${staffFirst.cursor}`),
      () => staff.api.get(`/contacts?cursor=${staffFirst.cursor}`),
      () => staff.api.get(`/audit?cursor=${forged}`),
    ];
    const answers = [];
    for (const attempt of attempts) {
      const res = await attempt();
      answers.push([res.status, res.body?.error?.code]);
    }
    expect(answers).toEqual(attempts.map(() => [400, 'invalid_cursor']));
    // The cursor still works where it was issued.
    expect(expectStatus(await customer.api.get(`/shared/folders/${shared.itemId}/items?limit=1&cursor=${first.cursor}`), 200).items[0].name).toBe('c visible.txt');
  });
});

describe('a refused rename-and-move changes nothing', () => {
  it.each([
    ['a missing parent', async () => 'no-such-folder', 404],
    ['a file as the parent', async () => (await upload('root', 'not a folder.txt')).itemId, 404],
    ['a trashed parent', async () => {
      const f = await folder('Trashed target');
      expectStatus(await staff.api.raw('DELETE', `/drive/items/${f.itemId}`), 200);
      return f.itemId;
    }, 404],
    ['a folder inside the trash', async () => {
      const f = await folder('Trashed outer');
      const inner = await folder('Inner of trashed', f.itemId);
      expectStatus(await staff.api.raw('DELETE', `/drive/items/${f.itemId}`), 200);
      return inner.itemId;
    }, 404],
    ['the item itself', async (self: string) => self, 400],
    ['a folder below the item', async (self: string) => (await folder('Below', self)).itemId, 400],
  ])('with %s: 4xx, the old name kept, no audit entry', async (_, target, status) => {
    const item = await folder(`Keep my name ${Math.random().toString(36).slice(2, 8)}`);
    const parentId = await target(item.itemId);
    const before = expectStatus(await staff.api.get('/audit?limit=5'), 200).items;
    const res = await patch(item.itemId, { name: 'Renamed by a refused request', parentId });
    expect(res.status).toBe(status);
    const listed = expectStatus(await staff.api.get('/drive/folders/root/items?limit=200'), 200).items;
    expect(listed.find((i: any) => i.itemId === item.itemId)?.name).toBe(item.name);
    const after = expectStatus(await staff.api.get('/audit?limit=5'), 200).items;
    expect(after.filter((e: any) => e.details?.itemId === item.itemId)).toEqual(before.filter((e: any) => e.details?.itemId === item.itemId));
  });

  it('a valid rename-and-move is one change with both audit entries', async () => {
    const item = await folder('Move me');
    const target = await folder('Move target');
    const moved = expectStatus(await patch(item.itemId, { name: 'Moved and renamed', parentId: target.itemId }), 200);
    expect(moved).toMatchObject({ name: 'Moved and renamed', parentId: target.itemId, ancestorIds: [target.itemId] });
    const entries = expectStatus(await staff.api.get('/audit?limit=10'), 200).items.filter((e: any) => e.details?.itemId === item.itemId);
    expect(entries.map((e: any) => e.action).sort()).toEqual(['drive.moved', 'drive.renamed']);
  });
});


describe('an upload URL writes once', () => {
  const download = async (url: string) => {
    const res = await fetch(url);
    return res.ok ? Buffer.from(await res.arrayBuffer()).toString('utf8') : `HTTP ${res.status}`;
  };

  it('a customer\'s upload URL, used again after the file was filed, cannot rewrite it (even while the URL is valid)', async () => {
    const customer = await customerSession(staff, { name: 'Once Uploader' });
    const started = expectStatus(await customer.api.post('/uploads', { files: [{ name: 'statement.txt', size: 10, contentType: 'text/plain' }] }), 201);
    const [upload] = started.uploads;
    expect(upload.upload.headers['if-none-match']).toBe('*');
    expect(await putToUrl(upload.upload, '0123456789')).toBe(200);
    const itemId = upload.item.itemId;
    await expect.poll(async () => (await customer.api.get(`/shared/items/${itemId}/download`)).status).toBe(200);
    // The same URL again, with the same length: refused as S3 refuses a conditional write.
    expect(await putToUrl(upload.upload, 'OVERWRITE!')).toBe(412);
    // Without the signed header the signature no longer matches.
    const { 'if-none-match': _dropped, ...unconditional } = upload.upload.headers;
    expect(await putToUrl({ url: upload.upload.url, headers: unconditional }, 'OVERWRITE!')).toBe(403);
    const link = expectStatus(await customer.api.get(`/shared/items/${itemId}/download`), 200);
    expect(await download(link.url)).toBe('0123456789');
    const staffLink = expectStatus(await staff.api.get(`/drive/items/${itemId}/download`), 200);
    expect(await download(staffLink.url)).toBe('0123456789');
  });

  it('a staff upload URL reused after completing cannot change the filed file', async () => {
    const started = expectStatus(await staff.api.post('/drive/uploads', { parentId: 'root', name: 'engagement.txt', size: 10, contentType: 'text/plain' }), 201);
    expect(await putToUrl(started.upload, '0123456789')).toBe(200);
    const done = expectStatus(await staff.api.post(`/drive/items/${started.item.itemId}/complete`), 200);
    expect(done.etag).toMatch(/^[0-9a-f]{32}/);
    expect(await putToUrl(started.upload, 'OVERWRITE!')).toBe(412);
    // Completing again changes nothing.
    expect(expectStatus(await staff.api.post(`/drive/items/${started.item.itemId}/complete`), 200).etag).toBe(done.etag);
    const link = expectStatus(await staff.api.get(`/drive/items/${started.item.itemId}/download`), 200);
    expect(await download(link.url)).toBe('0123456789');
  });

  it('upload URLs expire with the time a slow line needs to send the file, not a fixed quarter hour', async () => {
    const small = expectStatus(await staff.api.post('/drive/uploads', { parentId: 'root', name: 'small.txt', size: 10, contentType: 'text/plain' }), 201);
    const larger = expectStatus(await staff.api.post('/drive/uploads', { parentId: 'root', name: 'larger.bin', size: 90 * 1024 * 1024, contentType: 'application/octet-stream' }), 201);
    const expiry = (u: string) => Number(new URL(u).searchParams.get('X-Amz-Expires'));
    expect(expiry(small.upload.url)).toBe(301);
    expect(expiry(larger.upload.url)).toBeGreaterThan(900);
    expect(expiry(larger.upload.url)).toBeLessThanOrEqual(3600);
  });
});
