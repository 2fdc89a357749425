/**
 * Large files go up in parts straight to S3 (F9, F15): presigned part URLs, each signed for its
 * exact length, completed with the ETags; the customer's completed upload is filed and announced
 * like any other.
 */
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { customerSession, eventually, expectStatus, mailTo, staffSession } from '../support/world.ts';

const MiB = 1024 * 1024;

async function putParts(multipart: { parts: { partNumber: number; url: string; size: number }[] }, bytes: Buffer) {
  let offset = 0;
  const done = [];
  for (const part of multipart.parts) {
    const res = await fetch(part.url, { method: 'PUT', body: new Uint8Array(bytes.subarray(offset, offset + part.size)) });
    expect(res.status).toBe(200);
    done.push({ partNumber: part.partNumber, etag: res.headers.get('etag')! });
    offset += part.size;
  }
  return done;
}

describe('large uploads', () => {
  let staff: Awaited<ReturnType<typeof staffSession>>;
  let customer: Awaited<ReturnType<typeof customerSession>>;
  beforeAll(async () => {
    staff = await staffSession({ name: 'Large Staff' });
    customer = await customerSession(staff, { name: 'Lars Large' });
  });

  it('a customer uploads a 130 MiB file in parts; it lands whole in the drive and the staff are told', async () => {
    const bytes = Buffer.alloc(130 * MiB);
    for (let i = 0; i < bytes.length; i += 4096) bytes.writeUInt32BE(i, i);
    const batch = expectStatus(await customer.api.post('/uploads', { files: [{ name: 'scan archive.zip', size: bytes.length, contentType: 'application/zip' }] }), 201);
    const { item, multipart, upload } = batch.uploads[0];
    expect(upload).toBeUndefined();
    expect(multipart.parts.map((p: any) => p.size)).toEqual([64 * MiB, 64 * MiB, 2 * MiB]);

    const parts = await putParts(multipart, bytes);
    // Completing with a missing part is refused and changes nothing.
    expect((await customer.api.post(`/uploads/${item.itemId}/complete`, { parts: parts.slice(0, 1) })).status).toBe(400);
    expectStatus(await customer.api.post(`/uploads/${item.itemId}/complete`, { parts }), 200);

    await eventually(async () => (await mailTo(staff.email)).find((e) => e.body.text?.includes('scan archive.zip')), 'the upload email');
    const { url } = expectStatus(await staff.api.get(`/drive/items/${item.itemId}/download`), 200);
    const downloaded = Buffer.from(await (await fetch(url)).arrayBuffer());
    expect(createHash('sha256').update(downloaded).digest('hex')).toBe(createHash('sha256').update(bytes).digest('hex'));
  }, 120_000);

  it('only the uploader can complete their upload; staff multipart completion needs its parts', async () => {
    const other = await customerSession(staff, { name: 'Olaf Other' });
    const batch = expectStatus(await customer.api.post('/uploads', { files: [{ name: 'big.bin', size: 101 * MiB }] }), 201);
    const itemId = batch.uploads[0].item.itemId;
    expect((await other.api.post(`/uploads/${itemId}/complete`, { parts: [{ partNumber: 1, etag: 'x' }] })).status).toBe(404);

    const started = expectStatus(await staff.api.post('/drive/uploads', { name: 'video.mp4', size: 200 * MiB, contentType: 'video/mp4' }), 201);
    expect(started.multipart.parts).toHaveLength(4);
    const refused = await staff.api.post(`/drive/items/${started.item.itemId}/complete`, {});
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('parts_required');
    expect((await staff.api.post('/drive/uploads', { name: 'huge.bin', size: 51 * 1024 ** 3 })).status).toBe(400);
  });
});
