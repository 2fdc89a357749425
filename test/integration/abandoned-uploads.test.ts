/**
 * Uploads started and never finished (issue 9 §5): after a day the hourly clean-up files what did
 * arrive and removes the rest, discarding unfinished multipart parts, with an audit entry each.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { call, cloud, customerSession, expectStatus, putToUrl, staffSession } from '../support/world.ts';

const MiB = 1024 * 1024;
/** Runs the scheduled rules (the hourly clean-up among them) as if `hours` had passed. */
const runSchedules = async (hours: number) =>
  expectStatus(await call('POST', `${cloud().endpoints.control}/_local/schedules`, undefined, { time: new Date(Date.now() + hours * 3600_000).toISOString() }), 200);

describe('uploads that were never finished', () => {
  let staff: Awaited<ReturnType<typeof staffSession>>;
  let customer: Awaited<ReturnType<typeof customerSession>>;
  let folder: any;
  let neverSent: any;
  let sentNotCompleted: any;
  let multipart: any;
  let customerNeverSent: any;

  beforeAll(async () => {
    staff = await staffSession({ admin: true, name: 'Abe Abandon' });
    customer = await customerSession(staff, { name: 'Cora Closed-Tab' });
    folder = expectStatus(await staff.api.post('/drive/folders', { name: 'Half-done uploads' }), 201);
    const start = async (name: string, size: number) => expectStatus(await staff.api.post('/drive/uploads', { parentId: folder.itemId, name, size, contentType: 'application/octet-stream' }), 201);
    neverSent = await start('never sent.pdf', 10);
    sentNotCompleted = await start('sent, tab closed.pdf', 10);
    expect(await putToUrl(sentNotCompleted.upload, '0123456789')).toBe(200);
    multipart = await start('half a video.mp4', 101 * MiB);
    const firstPart = multipart.multipart.parts[0];
    expect((await fetch(firstPart.url, { method: 'PUT', body: new Uint8Array(firstPart.size) })).status).toBe(200);
    customerNeverSent = expectStatus(await customer.api.post('/uploads', { files: [{ name: 'lost upload.pdf', size: 10 }] }), 201).uploads[0];
  }, 120_000);

  const listed = async () => expectStatus(await staff.api.get(`/drive/folders/${folder.itemId}/items`), 200).items;

  it('stay listed as uploading for the first day', async () => {
    await runSchedules(23);
    expect((await listed()).map((i: any) => [i.name, i.status]).sort()).toEqual([
      ['half a video.mp4', 'pending'],
      ['never sent.pdf', 'pending'],
      ['sent, tab closed.pdf', 'pending'],
    ]);
  });

  it('after a day, what arrived is filed and the rest is removed, its multipart parts discarded', async () => {
    await runSchedules(25);
    const items = await listed();
    expect(items.map((i: any) => [i.name, i.status])).toEqual([['sent, tab closed.pdf', 'ready']]);
    const { url } = expectStatus(await staff.api.get(`/drive/items/${sentNotCompleted.item.itemId}/download`), 200);
    expect(await (await fetch(url)).text()).toBe('0123456789');

    for (const gone of [neverSent.item.itemId, multipart.item.itemId]) expect((await staff.api.get(`/drive/items/${gone}/download`)).status).toBe(404);
    // The unfinished multipart upload was aborted in S3: its part URLs no longer take bytes.
    const secondPart = multipart.multipart.parts[1];
    expect((await fetch(secondPart.url, { method: 'PUT', body: new Uint8Array(secondPart.size) })).status).toBe(404);
    // The customer's unsent upload is gone from their inbox folder too, and cannot be completed.
    expect((await customer.api.post(`/uploads/${customerNeverSent.item.itemId}/complete`, { parts: [{ partNumber: 1, etag: '"e"' }] })).status).toBe(404);
    expect(expectStatus(await staff.api.get(`/drive/folders/inbox-${customer.contact.contactId}/items`), 200).items).toEqual([]);
  });

  it('the activity says what was filed and what was removed, by name', async () => {
    const abandoned = expectStatus(await staff.api.get('/audit?action=upload.abandoned&limit=200'), 200).items.map((e: any) => e.details.name);
    expect(abandoned).toEqual(expect.arrayContaining(['never sent.pdf', 'half a video.mp4', 'lost upload.pdf']));
    const filed = expectStatus(await staff.api.get('/audit?action=upload.filed_late&limit=200'), 200).items.map((e: any) => e.details.name);
    expect(filed).toContain('sent, tab closed.pdf');
    // The customer's own record says their upload was removed.
    const trail = expectStatus(await staff.api.get(`/contacts/${customer.contact.contactId}/audit`), 200).items;
    expect(trail.find((e: any) => e.action === 'upload.abandoned').details).toMatchObject({ name: 'lost upload.pdf', startedBy: 'Cora Closed-Tab' });
  });
});
