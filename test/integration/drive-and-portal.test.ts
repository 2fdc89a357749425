/**
 * The drive, sharing and the customer portal (F9–F16) through both APIs: what customers can reach
 * follows every staff action at once, nothing is lost, and upload emails are sent exactly once.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { call, cloud, customerSession, eventually, expectStatus, mailTo, putToUrl, staffSession } from '../support/world.ts';

type Staff = Awaited<ReturnType<typeof staffSession>>;
type Customer = Awaited<ReturnType<typeof customerSession>>;

async function upload(staff: Staff, parentId: string, name: string, text: string) {
  const bytes = Buffer.from(text);
  const started = expectStatus(await staff.api.post('/drive/uploads', { parentId, name, size: bytes.length, contentType: 'text/plain' }), 201);
  expect(await putToUrl(started.upload, bytes)).toBe(200);
  return expectStatus(await staff.api.post(`/drive/items/${started.item.itemId}/complete`), 200);
}

const names = async (customer: Customer, folderId?: string) =>
  expectStatus(await customer.api.get(folderId ? `/shared/folders/${folderId}/items` : '/shared'), 200).items.map((i: any) => i.name).sort();

let staff: Staff;
beforeAll(async () => {
  staff = await staffSession({ name: 'Drive Staff' });
});

describe('the drive and what customers see', () => {
  let customer: Customer;
  let folder: any;
  beforeAll(async () => {
    customer = await customerSession(staff, { name: 'Dirk Drive' });
    folder = expectStatus(await staff.api.post('/drive/folders', { name: 'Tax 2025' }), 201);
    await upload(staff, folder.itemId, 'Return.txt', 'return');
    expectStatus(await staff.api.post(`/contacts/${customer.contact.contactId}/shares`, { itemIds: [folder.itemId] }), 200);
  });

  it('a shared folder shares what is added to it later, including subfolders', async () => {
    const sub = expectStatus(await staff.api.post('/drive/folders', { parentId: folder.itemId, name: 'Receipts' }), 201);
    const receipt = await upload(staff, sub.itemId, 'Receipt 1.txt', 'receipt');
    expect(await names(customer, folder.itemId)).toEqual(['Receipts', 'Return.txt']);
    expect(await names(customer, sub.itemId)).toEqual(['Receipt 1.txt']);
    expect((await customer.api.get(`/shared/items/${receipt.itemId}/download`)).status).toBe(200);
  });

  it('sharing the same thing twice changes nothing and sends nothing; staff see who has it', async () => {
    const before = (await mailTo(customer.email)).length;
    expect(expectStatus(await staff.api.post(`/contacts/${customer.contact.contactId}/shares`, { itemIds: [folder.itemId] }), 200)).toEqual({ added: [], emailed: 0 });
    expect((await mailTo(customer.email)).length).toBe(before);
    const whom = expectStatus(await staff.api.get(`/drive/items/${folder.itemId}/shares`), 200);
    expect(whom.items).toEqual([expect.objectContaining({ contactId: customer.contact.contactId, name: 'Dirk Drive', sharedBy: staff.email })]);
  });

  it('renaming shows the new name; moving out of the shared folder hides an item at once; moving back shows it', async () => {
    const memo = await upload(staff, folder.itemId, 'memo.txt', 'memo');
    expectStatus(await staff.api.raw('PATCH', `/drive/items/${memo.itemId}`, { name: 'Memo – final.txt' }), 200);
    expect(await names(customer, folder.itemId)).toContain('Memo – final.txt');
    const elsewhere = expectStatus(await staff.api.post('/drive/folders', { name: 'Internal' }), 201);
    expectStatus(await staff.api.raw('PATCH', `/drive/items/${memo.itemId}`, { parentId: elsewhere.itemId }), 200);
    expect(await names(customer, folder.itemId)).not.toContain('Memo – final.txt');
    expect((await customer.api.get(`/shared/items/${memo.itemId}/download`)).status).toBe(404);
    expectStatus(await staff.api.raw('PATCH', `/drive/items/${memo.itemId}`, { parentId: folder.itemId }), 200);
    expect((await customer.api.get(`/shared/items/${memo.itemId}/download`)).status).toBe(200);
    // A folder cannot move into itself or below itself.
    expect((await staff.api.raw('PATCH', `/drive/items/${folder.itemId}`, { parentId: folder.itemId })).status).toBe(400);
  });

  it('moving a folder moves what is inside it, and access follows', async () => {
    const outer = expectStatus(await staff.api.post('/drive/folders', { name: 'Archive box' }), 201);
    const inner = expectStatus(await staff.api.post('/drive/folders', { parentId: outer.itemId, name: 'Old letters' }), 201);
    const letter = await upload(staff, inner.itemId, 'Letter 1999.txt', 'old');
    expect((await customer.api.get(`/shared/items/${letter.itemId}/download`)).status).toBe(404);
    expectStatus(await staff.api.raw('PATCH', `/drive/items/${outer.itemId}`, { parentId: folder.itemId }), 200);
    expect((await customer.api.get(`/shared/items/${letter.itemId}/download`)).status).toBe(200);
    expect((await staff.api.raw('PATCH', `/drive/items/${folder.itemId}`, { parentId: inner.itemId })).status).toBe(400);
  });

  it('a delete goes to the trash and hides the item (and what is inside) from the customer; restore brings it back byte-identical', async () => {
    const box = expectStatus(await staff.api.post('/drive/folders', { parentId: folder.itemId, name: 'Contracts' }), 201);
    const contract = await upload(staff, box.itemId, 'Contract.txt', 'the contract v1');
    expectStatus(await staff.api.raw('DELETE', `/drive/items/${box.itemId}`), 200);
    expect(await names(customer, folder.itemId)).not.toContain('Contracts');
    expect((await customer.api.get(`/shared/items/${contract.itemId}/download`)).status).toBe(404);
    const trash = expectStatus(await staff.api.get('/drive/folders/trash/items'), 200);
    expect(trash.items.map((i: any) => i.itemId)).toContain(box.itemId);

    expectStatus(await staff.api.post(`/drive/items/${box.itemId}/restore`), 200);
    const { url } = expectStatus(await customer.api.get(`/shared/items/${contract.itemId}/download`), 200);
    expect(await (await fetch(url)).text()).toBe('the contract v1');
    expect((await staff.api.post(`/drive/items/${box.itemId}/restore`)).status).toBe(404);
  });

  it('removing a share closes it at once', async () => {
    const extra = expectStatus(await staff.api.post('/drive/folders', { name: 'Temporary' }), 201);
    expectStatus(await staff.api.post(`/contacts/${customer.contact.contactId}/shares`, { itemIds: [extra.itemId], notify: false }), 200);
    expect(await names(customer)).toContain('Temporary');
    expectStatus(await staff.api.raw('DELETE', `/contacts/${customer.contact.contactId}/shares/${extra.itemId}`), 200);
    expect(await names(customer)).not.toContain('Temporary');
    expect((await customer.api.get(`/shared/folders/${extra.itemId}/items`)).status).toBe(404);
    expect((await staff.api.raw('DELETE', `/contacts/${customer.contact.contactId}/shares/${extra.itemId}`)).status).toBe(404);
    // The record says which item, by name, in the same write as the removal.
    const trail = expectStatus(await staff.api.get(`/contacts/${customer.contact.contactId}/audit`), 200).items;
    expect(trail.find((e: any) => e.action === 'share.removed').details).toMatchObject({ contactName: customer.contact.name, items: ['Temporary'] });
  });

  it('the shares of a contact or an item that does not exist are a 404, not an empty list', async () => {
    for (const path of ['/contacts/no-such-contact/shares', '/drive/items/no-such-item/shares']) {
      const res = await staff.api.get(path);
      expect(res.status, path).toBe(404);
      expect(res.body.error.code).toBe('not_found');
    }
    expect((await staff.api.raw('DELETE', '/contacts/no-such-contact/shares/no-such-item')).status).toBe(404);
  });

  it('a revised version lands beside the original as a new file; the original stays byte-identical', async () => {
    const original = await upload(staff, folder.itemId, 'report.docx', 'ORIGINAL BYTES');
    const revised = Buffer.from('REVISED BY CUSTOMER');
    const batch = expectStatus(
      await customer.api.post('/uploads', { revisesItemId: original.itemId, files: [{ name: 'anything.docx', size: revised.length, contentType: 'application/octet-stream' }] }),
      201,
    );
    expect(await putToUrl(batch.uploads[0].upload, revised)).toBe(200);
    const revisedName = `report (revised by Dirk Drive ${new Date().toISOString().slice(0, 10)}).docx`;
    await eventually(async () => ((await names(customer, folder.itemId)).includes(revisedName) ? true : undefined), 'the revised file');
    const { url } = expectStatus(await customer.api.get(`/shared/items/${original.itemId}/download`), 200);
    expect(await (await fetch(url)).text()).toBe('ORIGINAL BYTES');
    // Revising an item that is not shared is the same 404 as a missing one, and creates nothing.
    const secret = await upload(staff, 'root', 'secret.txt', 'secret');
    const refused = await customer.api.post('/uploads', { revisesItemId: secret.itemId, files: [{ name: 'x', size: 1 }] });
    expect(refused.status).toBe(404);
  });

  it('refuses bad drive input with a 4xx JSON error', async () => {
    const cases = [
      await staff.api.post('/drive/folders', { name: '../etc' }),
      await staff.api.post('/drive/folders', { name: '' }),
      await staff.api.post('/drive/folders', { parentId: 'no-such-folder', name: 'x' }),
      await staff.api.post('/drive/uploads', { name: 'big.bin', size: 51 * 1024 ** 3 }),
      await staff.api.post('/drive/uploads', { name: 'neg.bin', size: -1 }),
      await staff.api.raw('PATCH', `/drive/items/${folder.itemId}`, {}),
      await staff.api.get('/drive/folders/root/items?limit=100000'),
      await customer.api.post('/uploads', { files: [] }),
      await customer.api.post('/uploads', { files: [{ name: 'a/b', size: 1 }] }),
      await customer.api.get('/shared/folders/%2E%2E/items'),
      await customer.api.get('/shared/items/..%2F..%2Fdrive/download'),
    ];
    for (const res of cases) {
      expect(res.status, JSON.stringify(res.body)).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
    }
  });
});

describe('upload notifications', () => {
  it('a duplicated S3 event and two concurrent deliveries send one email for the batch', async () => {
    const customer = await customerSession(staff, { name: 'Eve Event' });
    const files = ['a.txt', 'b.txt'].map((name) => ({ name, size: 3, contentType: 'text/plain' }));
    const batch = expectStatus(await customer.api.post('/uploads', { files }), 201);
    for (const u of batch.uploads) expect(await putToUrl(u.upload, 'abc')).toBe(200);
    const isBatchEmail = (e: any) => e.body.text?.includes('a.txt') && e.body.text?.includes('b.txt') && e.subject.startsWith('Eve Event');
    await eventually(async () => (await mailTo(staff.email)).find(isBatchEmail), 'the batch email');

    // S3 delivers at least once: replay both objects' events, twice at the same time.
    const key = new URL(batch.uploads[0].upload.url).pathname.split('/').slice(2).join('/');
    const record = { eventVersion: '2.1', eventSource: 'aws:s3', eventName: 'ObjectCreated:Put', s3: { bucket: { name: cloud().bucketName }, object: { key, size: 3 } } };
    await Promise.all([1, 2].map(() => call('POST', `${cloud().endpoints.control}/_local/s3-events`, undefined, { Records: [record] })));
    await new Promise((r) => setTimeout(r, 1500));
    expect((await mailTo(staff.email)).filter(isBatchEmail)).toHaveLength(1);
    expect(expectStatus(await call('GET', `${cloud().endpoints.control}/_local/failed-events`), 200)).toEqual([]);
  });
});

describe('a batch whose last file never comes', () => {
  it('is announced by the hourly flush with the files that did arrive, once', async () => {
    const customer = await customerSession(staff, { name: 'Ida Incomplete' });
    const batch = expectStatus(await customer.api.post('/uploads', { files: [{ name: 'came.txt', size: 3 }, { name: 'never-came.txt', size: 3 }] }), 201);
    expect(await putToUrl(batch.uploads[0].upload, 'abc')).toBe(200);
    await eventually(async () => ((await customer.api.get(`/shared/items/${batch.uploads[0].item.itemId}/download`)).status === 200 ? true : undefined), 'the first file');
    const about = async () => (await mailTo(staff.email)).filter((e) => e.subject.startsWith('Ida Incomplete'));
    expect(await about()).toHaveLength(0);
    const later = new Date(Date.now() + 2 * 3600 * 1000).toISOString();
    expectStatus(await call('POST', `${cloud().endpoints.control}/_local/schedules`, undefined, { time: later }), 200);
    const [email] = await about();
    expect(email.body.text).toContain('came.txt');
    expect(email.body.text).not.toContain('never-came.txt');
    expectStatus(await call('POST', `${cloud().endpoints.control}/_local/schedules`, undefined, { time: later }), 200);
    expect(await about()).toHaveLength(1);
  });
});

describe('isolation in a generated world', () => {
  it('every customer reaches exactly what is shared with them or their organisation, through every route', async () => {
    const orgs = [];
    for (const n of ['North Ltd', 'South Ltd']) {
      const org = expectStatus(await staff.api.post('/contacts', { kind: 'organisation', name: n, email: `${n.replace(/\W/g, '').toLowerCase()}-${Date.now()}@example.test` }), 201);
      // An organisation's shares reach its members only while its own portal access is open.
      expectStatus(await staff.api.post(`/contacts/${org.contactId}/access`), 200);
      orgs.push(org);
    }
    const customers: Customer[] = [];
    for (let i = 0; i < 6; i++) customers.push(await customerSession(staff, { name: `World Customer ${i}`, organisationIds: i < 4 ? [orgs[i % 2].contactId] : [] }));

    // Folders with files, plus loose files; every item id collected.
    const items: { itemId: string; kind: 'folder' | 'file'; parent?: string }[] = [];
    for (let f = 0; f < 4; f++) {
      const folder = expectStatus(await staff.api.post('/drive/folders', { name: `World folder ${f}` }), 201);
      items.push({ itemId: folder.itemId, kind: 'folder' });
      for (let k = 0; k < 2; k++) items.push({ itemId: (await upload(staff, folder.itemId, `file ${f}-${k}.txt`, `${f}-${k}`)).itemId, kind: 'file', parent: folder.itemId });
    }
    for (let k = 0; k < 3; k++) items.push({ itemId: (await upload(staff, 'root', `loose ${k}.txt`, `loose ${k}`)).itemId, kind: 'file' });

    // Random but reproducible shares with persons and organisations.
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const grantees = [...customers.map((c) => c.contact.contactId), ...orgs.map((o) => o.contactId)];
    const shared = new Map<string, Set<string>>(grantees.map((g) => [g, new Set()]));
    for (const item of items.filter((i) => !i.parent || random() < 0.3)) {
      for (const g of grantees) if (random() < 0.3) shared.get(g)!.add(item.itemId);
    }
    for (const [g, ids] of shared) if (ids.size) expectStatus(await staff.api.post(`/contacts/${g}/shares`, { itemIds: [...ids], notify: false }), 200);

    let reachableSeen = 0;
    let hiddenSeen = 0;
    const missingUpload = await customers[0].api.raw('DELETE', '/uploads/no-such-item');
    expect(missingUpload.status).toBe(404);
    const onePart = { parts: [{ partNumber: 1, etag: '"e"' }] };
    const missingCompletion = await customers[0].api.post('/uploads/no-such-item/complete', onePart);
    expect(missingCompletion.status).toBe(404);
    for (const c of customers) {
      const mine = new Set([...shared.get(c.contact.contactId)!, ...(c.contact.organisationIds ?? []).flatMap((o: string) => [...shared.get(o)!])]);
      const reachable = (i: (typeof items)[number]) => mine.has(i.itemId) || (!!i.parent && mine.has(i.parent));
      const roots = expectStatus(await c.api.get('/shared'), 200).items.map((i: any) => i.itemId);
      expect(roots.sort()).toEqual([...mine].sort());
      for (const item of items) {
        const expected = reachable(item);
        if (expected) reachableSeen++;
        else hiddenSeen++;
        if (item.kind === 'folder') {
          expect((await c.api.get(`/shared/folders/${item.itemId}/items`)).status, `${c.contact.name} browse ${item.itemId}`).toBe(expected ? 200 : 404);
          expect((await c.api.get(`/shared/items/${item.itemId}/download`)).status).toBe(404);
        } else {
          expect((await c.api.get(`/shared/items/${item.itemId}/download`)).status, `${c.contact.name} download ${item.itemId}`).toBe(expected ? 200 : 404);
          expect((await c.api.get(`/shared/folders/${item.itemId}/items`)).status).toBe(404);
          const revise = await c.api.post('/uploads', { revisesItemId: item.itemId, files: [{ name: 'x.txt', size: 1 }] });
          expect(revise.status, `${c.contact.name} revise ${item.itemId}`).toBe(expected ? 201 : 404);
        }
        // A customer deletes only their own uploads: a staff file they can see is refused by name;
        // anything else answers exactly as an id that does not exist does. Completing answers as a
        // missing upload for every staff item, seen or not.
        const deleted = await c.api.raw('DELETE', `/uploads/${item.itemId}`);
        if (expected && item.kind === 'file') expect(deleted.body.error.code).toBe('not_your_upload');
        else expect(deleted.body, `${c.contact.name} delete ${item.itemId}`).toEqual(missingUpload.body);
        expect((await c.api.post(`/uploads/${item.itemId}/complete`, onePart)).body).toEqual(missingCompletion.body);
      }
    }
    // The world is mixed enough that a leak or an over-refusal would show.
    expect(reachableSeen).toBeGreaterThan(10);
    expect(hiddenSeen).toBeGreaterThan(10);
  }, 180_000);
});

describe('attachment controls (F17)', () => {
  let admin: Staff;
  beforeAll(async () => {
    admin = await staffSession({ admin: true, name: 'Controls Admin' });
  });

  it('a customer deletes their own upload only while allowed, never a staff file; a deleted upload is in the staff trash', async () => {
    const customer = await customerSession(admin, { name: 'Uma Upload' });
    const batch = expectStatus(await customer.api.post('/uploads', { files: [{ name: 'mine.txt', size: 4, contentType: 'text/plain' }] }), 201);
    expect(await putToUrl(batch.uploads[0].upload, 'mine')).toBe(200);
    const mine = batch.uploads[0].item.itemId;
    await eventually(async () => ((await customer.api.get(`/shared/items/${mine}/download`)).status === 200 ? true : undefined), 'the upload to arrive');

    const staffFile = await upload(admin, 'root', 'staff-only.txt', 'staff');
    expectStatus(await admin.api.post(`/contacts/${customer.contact.contactId}/shares`, { itemIds: [staffFile.itemId], notify: false }), 200);
    const notMine = await customer.api.raw('DELETE', `/uploads/${staffFile.itemId}`);
    expect(notMine.status).toBe(403);
    expect(notMine.body.error.code).toBe('not_your_upload');

    expectStatus(await admin.api.raw('PATCH', '/settings', { attachments: { delete: 'forbidden' } }), 200);
    try {
      const forbidden = await customer.api.raw('DELETE', `/uploads/${mine}`);
      expect(forbidden.status).toBe(403);
      expect(forbidden.body.error.code).toBe('not_allowed');
    } finally {
      expectStatus(await admin.api.raw('PATCH', '/settings', { attachments: { delete: 'beforeApproval' } }), 200);
    }
    expectStatus(await customer.api.raw('DELETE', `/uploads/${mine}`), 200);
    expect((await customer.api.get(`/shared/items/${mine}/download`)).status).toBe(404);
    const trash = expectStatus(await admin.api.get('/drive/folders/trash/items?limit=200'), 200);
    expect(trash.items.map((i: any) => i.itemId)).toContain(mine);
    expect((await customer.api.get(`/shared/items/${staffFile.itemId}/download`)).status).toBe(200);
  });

  it('replacing one\'s own upload follows the replace control; revising a staff file does not', async () => {
    const customer = await customerSession(admin, { name: 'Rhea Replace' });
    const batch = expectStatus(await customer.api.post('/uploads', { files: [{ name: 'draft.txt', size: 5, contentType: 'text/plain' }] }), 201);
    expect(await putToUrl(batch.uploads[0].upload, 'draft')).toBe(200);
    const mine = batch.uploads[0].item.itemId;
    await eventually(async () => ((await customer.api.get(`/shared/items/${mine}/download`)).status === 200 ? true : undefined), 'the upload to arrive');
    const staffFile = await upload(admin, 'root', 'terms.txt', 'terms');
    expectStatus(await admin.api.post(`/contacts/${customer.contact.contactId}/shares`, { itemIds: [staffFile.itemId], notify: false }), 200);

    expectStatus(await admin.api.raw('PATCH', '/settings', { attachments: { replace: 'forbidden' } }), 200);
    try {
      const refused = await customer.api.post('/uploads', { revisesItemId: mine, files: [{ name: 'x', size: 1 }] });
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('not_allowed');
      expect((await customer.api.post('/uploads', { revisesItemId: staffFile.itemId, files: [{ name: 'x', size: 1 }] })).status).toBe(201);
    } finally {
      expectStatus(await admin.api.raw('PATCH', '/settings', { attachments: { replace: 'beforeApproval' } }), 200);
    }
    expect((await customer.api.post('/uploads', { revisesItemId: mine, files: [{ name: 'x', size: 1 }] })).status).toBe(201);
  });

  it('when uploads are forbidden, a customer cannot start one, and can still download', async () => {
    const customer = await customerSession(admin, { name: 'Nora NoUpload' });
    expectStatus(await admin.api.raw('PATCH', '/settings', { attachments: { upload: 'forbidden' } }), 200);
    try {
      const refused = await customer.api.post('/uploads', { files: [{ name: 'x.txt', size: 1 }] });
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('not_allowed');
      expect(expectStatus(await customer.api.get('/me'), 200).permissions.upload).toBe(false);
    } finally {
      expectStatus(await admin.api.raw('PATCH', '/settings', { attachments: { upload: 'allowed' } }), 200);
    }
    expect((await customer.api.post('/uploads', { files: [{ name: 'x.txt', size: 1 }] })).status).toBe(201);
  });
});

describe('hostile paths', () => {
  it('malformed escapes, traversal and oversized ids are 4xx on both APIs, never 5xx', async () => {
    const customer = await customerSession(staff, { name: 'Hugo Hostile' });
    const paths = ['/shared/items/%E0%A4%A/download', '/shared/folders/%2e%2e%2f%2e%2e/items', `/shared/items/${'x'.repeat(500)}/download`, '/shared/items/a%00b/download'];
    for (const p of paths) {
      const res = await customer.api.get(p);
      expect(res.status, p).toBeGreaterThanOrEqual(400);
      expect(res.status, p).toBeLessThan(500);
    }
    for (const p of ['/drive/items/%E0%A4%A/download', '/contacts/%ZZ']) {
      const res = await staff.api.get(p);
      expect(res.status, p).toBeGreaterThanOrEqual(400);
      expect(res.status, p).toBeLessThan(500);
    }
    // API Gateway passes "__proto__" and "constructor" as ordinary query names, and so must the
    // local gateway: a cursor is bound to the query it was issued for, so either one added refuses it.
    await upload(staff, 'root', 'paging probe a.txt', 'a');
    await upload(staff, 'root', 'paging probe b.txt', 'b');
    const { cursor } = expectStatus(await staff.api.get('/drive/folders/root/items?limit=1'), 200);
    expect(cursor).toBeTruthy();
    expect((await staff.api.get(`/drive/folders/root/items?limit=1&cursor=${encodeURIComponent(cursor)}`)).status).toBe(200);
    for (const name of ['__proto__', 'constructor', 'toString']) {
      const res = await staff.api.get(`/drive/folders/root/items?limit=1&cursor=${encodeURIComponent(cursor)}&${name}=x`);
      expect([res.status, res.body.error?.code], name).toEqual([400, 'invalid_cursor']);
    }
  });
});

describe('the trash empties itself after the retention period', () => {
  it('removes what was trashed more than 30 days before the daily run, and keeps what is younger', async () => {
    const old = await upload(staff, 'root', 'old draft.txt', 'old');
    const young = await upload(staff, 'root', 'young draft.txt', 'young');
    const folder = expectStatus(await staff.api.post('/drive/folders', { name: 'Old box' }), 201);
    const inside = await upload(staff, folder.itemId, 'inside.txt', 'inside');
    expectStatus(await staff.api.raw('DELETE', `/drive/items/${old.itemId}`), 200);
    expectStatus(await staff.api.raw('DELETE', `/drive/items/${folder.itemId}`), 200);
    // The daily run is told it is exactly 30 days after a moment between the two deletions.
    await new Promise((r) => setTimeout(r, 20));
    const between = Date.now();
    await new Promise((r) => setTimeout(r, 20));
    expectStatus(await staff.api.raw('DELETE', `/drive/items/${young.itemId}`), 200);
    const runAt = new Date(between + 30 * 24 * 3600 * 1000);
    const result = expectStatus(await call('POST', `${cloud().endpoints.control}/_local/schedules`, undefined, { time: runAt.toISOString() }), 200);
    expect(Object.values(result)[0]).toMatchObject({ removed: expect.any(Number) });

    const trash = expectStatus(await staff.api.get('/drive/folders/trash/items?limit=200'), 200).items.map((i: any) => i.itemId);
    expect(trash).not.toContain(old.itemId);
    expect(trash).not.toContain(folder.itemId);
    expect(trash).toContain(young.itemId);
    expect((await staff.api.post(`/drive/items/${old.itemId}/restore`)).status).toBe(404);
    expect((await staff.api.get(`/drive/items/${inside.itemId}/download`)).status).toBe(404);
    expect((await staff.api.post(`/drive/items/${young.itemId}/restore`)).status).toBe(200);
  });
});

describe('presigned URLs allow exactly one thing', () => {
  it('an upload URL writes one key with the declared length, and nothing else; a download URL reads one key', async () => {
    const customer = await customerSession(staff, { name: 'Pia Presigned' });
    const secret = await upload(staff, 'root', 'staff secret.txt', 'STAFF ORIGINAL');
    const batch = expectStatus(await customer.api.post('/uploads', { files: [{ name: 'five.txt', size: 5, contentType: 'text/plain' }] }), 201);
    const { url, headers } = batch.uploads[0].upload;
    const staffKey = `drive/${secret.itemId}`;
    const otherKeyUrl = url.replace(/customer-uploads\/[^?]+/, staffKey);

    const put = (target: string, body: string) => fetch(target, { method: 'PUT', headers, body }).then(async (r) => (await r.arrayBuffer(), r.status));
    // Another key (a staff file!), another length, another method: all refused as S3 would.
    expect(await put(otherKeyUrl, '12345')).toBe(403);
    expect(await put(url, '1234567890')).toBe(403);
    expect((await fetch(url, { method: 'GET' })).status).toBe(403);
    expect(await put(url, '12345')).toBe(200);

    const { url: download } = expectStatus(await staff.api.get(`/drive/items/${secret.itemId}/download`), 200);
    expect(await (await fetch(download)).text()).toBe('STAFF ORIGINAL');
    expect((await fetch(download.replace(staffKey, 'drive/someone-else'))).status).toBe(403);
  });
});
