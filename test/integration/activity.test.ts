/**
 * Issue 9 §4: everything on the record, in words a person reads — shares, downloads (staff and
 * customer, with download receipts per file), customer uploads and deletes — and the firm's
 * activity filtered by person, action and date, and exported as CSV.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { call, cloud, customerSession, eventually, expectStatus, putToUrl, staffSession } from '../support/world.ts';

type Staff = Awaited<ReturnType<typeof staffSession>>;
type Customer = Awaited<ReturnType<typeof customerSession>>;

let admin: Staff;
let customer: Customer;
let file: any;
beforeAll(async () => {
  admin = await staffSession({ name: 'Audit Admin', admin: true });
  customer = await customerSession(admin, { name: 'Ada Client' });
  const bytes = Buffer.from('tax');
  const started = expectStatus(await admin.api.post('/drive/uploads', { parentId: 'root', name: 'Tax return.pdf', size: bytes.length, contentType: 'application/pdf' }), 201);
  expect(await putToUrl(started.upload, bytes)).toBe(200);
  file = expectStatus(await admin.api.post(`/drive/items/${started.item.itemId}/complete`), 200);
  expectStatus(await admin.api.post(`/contacts/${customer.contact.contactId}/shares`, { itemIds: [file.itemId], notify: false }), 200);
});

describe('the record', () => {
  it('a share is recorded with the contact\'s and the items\' names', async () => {
    const trail = expectStatus(await admin.api.get(`/contacts/${customer.contact.contactId}/audit`), 200).items;
    expect(trail.find((e: any) => e.action === 'share.added')).toMatchObject({ actor: admin.email, details: { contactName: 'Ada Client', items: ['Tax return.pdf'] } });
  });

  it('every download, by the customer and by staff, is a receipt on the file with who, when and which version', async () => {
    expectStatus(await customer.api.get(`/shared/items/${file.itemId}/download`), 200);
    expectStatus(await admin.api.get(`/drive/items/${file.itemId}/download`), 200);
    const receipts = expectStatus(await admin.api.get(`/drive/items/${file.itemId}/downloads`), 200).items;
    expect(receipts.map((r: any) => r.actor)).toEqual([admin.email, 'Ada Client']);
    for (const r of receipts) {
      expect(r.action).toBe('file.downloaded');
      expect(r.details.name).toBe('Tax return.pdf');
      expect(r.details.version).toBe(`of ${file.createdAt.slice(0, 16).replace('T', ' ')} UTC`);
    }
    // On the contact: what they downloaded.
    const mine = expectStatus(await admin.api.get(`/contacts/${customer.contact.contactId}/audit`), 200).items.filter((e: any) => e.action === 'file.downloaded');
    expect(mine).toEqual([expect.objectContaining({ actor: 'Ada Client', details: expect.objectContaining({ name: 'Tax return.pdf', email: customer.email }) })]);
    // A refused download records nothing.
    const other = await customerSession(admin, { name: 'Nosy Other' });
    expect((await other.api.get(`/shared/items/${file.itemId}/download`)).status).toBe(404);
    expect(expectStatus(await admin.api.get(`/drive/items/${file.itemId}/downloads`), 200).items).toHaveLength(2);
  });

  it('a customer\'s upload and delete are recorded by name, and the trash says who deleted it in words', async () => {
    const batch = expectStatus(await customer.api.post('/uploads', { files: [{ name: 'Payslip.pdf', size: 2, contentType: 'application/pdf' }] }), 201);
    expect(await putToUrl(batch.uploads[0].upload, 'hi')).toBe(200);
    const itemId = batch.uploads[0].item.itemId;
    // Other files change the firm-wide attachment controls: allow deleting for this step, then put back what was there.
    const before = expectStatus(await admin.api.get('/settings'), 200).attachments.delete;
    expectStatus(await admin.api.raw('PATCH', '/settings', { attachments: { delete: 'allowed' } }), 200);
    const trail = async () => expectStatus(await admin.api.get(`/contacts/${customer.contact.contactId}/audit`), 200).items;
    await eventually(async () => ((await trail()).some((e: any) => e.action === 'file.uploaded') ? true : undefined), 'the upload entry');
    expect((await trail()).find((e: any) => e.action === 'file.uploaded')).toMatchObject({ actor: 'Ada Client', details: { name: 'Payslip.pdf', size: 2 } });
    expectStatus(await customer.api.raw('DELETE', `/uploads/${itemId}`), 200);
    expectStatus(await admin.api.raw('PATCH', '/settings', { attachments: { delete: before } }), 200);
    expect((await trail()).find((e: any) => e.action === 'file.deleted_by_customer')).toMatchObject({ actor: 'Ada Client', details: { name: 'Payslip.pdf' } });
    const trash = expectStatus(await admin.api.get('/drive/folders/trash/items?limit=200'), 200).items;
    expect(trash.find((i: any) => i.itemId === itemId)?.trashedBy).toBe('Ada Client (customer)');
  });
});

describe('the firm\'s activity', () => {
  it('filters by person, action and date, with full pages and the cursor bound to the filter', async () => {
    const byAda = expectStatus(await admin.api.get(`/audit?actor=${encodeURIComponent('ada client')}&limit=1`), 200);
    expect(byAda.items).toHaveLength(1);
    expect(byAda.items[0].actor).toBe('Ada Client');
    expect(byAda.cursor).toBeDefined();
    const next = expectStatus(await admin.api.get(`/audit?actor=${encodeURIComponent('ada client')}&limit=1&cursor=${byAda.cursor}`), 200);
    expect(next.items[0].actor).toBe('Ada Client');
    // The cursor of one filter does not open another.
    expect((await admin.api.get(`/audit?action=file.downloaded&limit=1&cursor=${byAda.cursor}`)).status).toBe(400);
    const downloads = expectStatus(await admin.api.get('/audit?action=file.downloaded&limit=200'), 200).items;
    expect(downloads.length).toBeGreaterThanOrEqual(2);
    expect(downloads.every((e: any) => e.action === 'file.downloaded')).toBe(true);
    const today = new Date().toISOString().slice(0, 10);
    expect(expectStatus(await admin.api.get(`/audit?from=${today}&to=${today}&limit=5`), 200).items.length).toBeGreaterThan(0);
    expect(expectStatus(await admin.api.get('/audit?from=2001-01-01&to=2001-12-31'), 200).items).toEqual([]);
    for (const bad of ['from=yesterday', 'action=DROP%20TABLE', 'from=2026-02-01&to=2026-01-01']) {
      expect((await admin.api.get(`/audit?${bad}`)).status).toBe(400);
    }
  });

  it('exports as CSV with readable actions, and a name that looks like a formula stays text', async () => {
    const sneaky = await customerSession(admin, { name: '=HYPERLINK("http://evil.test")' });
    expectStatus(await admin.api.post(`/contacts/${sneaky.contact.contactId}/shares`, { itemIds: [file.itemId], notify: false }), 200);
    // Their download puts their name at the start of a CSV field (Who).
    expectStatus(await sneaky.api.get(`/shared/items/${file.itemId}/download`), 200);
    const today = new Date().toISOString().slice(0, 10);
    const res = await call('GET', `${cloud().staffApiUrl}/audit/export?from=${today}&to=${today}`, admin.idToken);
    expect(res.status).toBe(200);
    const csv = String(res.body);
    const [header, ...rows] = csv.trim().split('\r\n');
    expect(header).toBe('Time (UTC),Who,What,Details');
    expect(rows.some((r) => r.includes('Ada Client,Downloaded a file,') && r.includes('name: Tax return.pdf'))).toBe(true);
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
    expect(csv).toContain(`'=HYPERLINK`);
    const onlyShares = String((await call('GET', `${cloud().staffApiUrl}/audit/export?action=share.added&from=${today}`, admin.idToken)).body).trim().split('\r\n').slice(1);
    expect(onlyShares.length).toBeGreaterThan(0);
    expect(onlyShares.every((r) => r.includes(',Shared items,'))).toBe(true);
  });
});
