/**
 * The foundation path (issue 2), end to end through both HTTP APIs with real tokens: staff share
 * a folder, the customer downloads from it and uploads back, the staff are emailed once, and
 * nobody else sees any of it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { client, cloud, customerSession, eventually, expectStatus, mailTo, putToUrl, staffSession } from '../support/world.ts';

describe('share → download → upload → email', () => {
  let staff: Awaited<ReturnType<typeof staffSession>>;
  let ann: Awaited<ReturnType<typeof customerSession>>;
  let bob: Awaited<ReturnType<typeof customerSession>>;
  let folder: any;
  let file: any;
  const bytes = Buffer.from(`Annual accounts 2025 — ${Date.now()}\n`.repeat(50), 'utf8');

  beforeAll(async () => {
    staff = await staffSession({ name: 'Sam Staff' });
    ann = await customerSession(staff, { name: 'Ann Customer' });
    bob = await customerSession(staff, { name: 'Bob Other' });

    folder = expectStatus(await staff.api.post('/drive/folders', { name: 'Accounts 2025' }), 201);
    const started = expectStatus(
      await staff.api.post('/drive/uploads', { parentId: folder.itemId, name: 'Jahresabschluss – März 2025.txt', size: bytes.length, contentType: 'text/plain' }),
      201,
    );
    expect(await putToUrl(started.upload, bytes)).toBe(200);
    file = expectStatus(await staff.api.post(`/drive/items/${started.item.itemId}/complete`), 200);
    const shared = expectStatus(await staff.api.post(`/contacts/${ann.contact.contactId}/shares`, { itemIds: [folder.itemId] }), 200);
    expect(shared).toEqual({ added: [folder.itemId], emailed: 1 });
  });

  it('a customer lists the shared folder and browses inside it', async () => {
    const roots = expectStatus(await ann.api.get('/shared'), 200);
    expect(roots.items.map((i: any) => i.name)).toEqual(['Accounts 2025']);
    const inside = expectStatus(await ann.api.get(`/shared/folders/${folder.itemId}/items`), 200);
    expect(inside.items).toEqual([expect.objectContaining({ itemId: file.itemId, name: 'Jahresabschluss – März 2025.txt', size: bytes.length })]);
  });

  it('a customer downloads a shared file by presigned URL with its original name', async () => {
    const { url, name } = expectStatus(await ann.api.get(`/shared/items/${file.itemId}/download`), 200);
    expect(name).toBe('Jahresabschluss – März 2025.txt');
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
    expect(res.headers.get('content-disposition')).toContain("filename*=UTF-8''Jahresabschluss%20%E2%80%93%20M%C3%A4rz%202025.txt");
  });

  it('the customer was emailed once about the share', async () => {
    const shareEmails = (await mailTo(ann.email)).filter((e) => e.subject.includes('shared'));
    expect(shareEmails).toHaveLength(1);
    expect(shareEmails[0].body.text).toContain('Accounts 2025');
  });

  it('a customer upload lands in the drive and emails the responsible staff exactly once', async () => {
    const content = Buffer.from('signed engagement letter');
    const batch = expectStatus(await ann.api.post('/uploads', { files: [{ name: 'Engagement letter.pdf', size: content.length, contentType: 'application/pdf' }] }), 201);
    expect(await putToUrl(batch.uploads[0].upload, content)).toBe(200);

    const email = await eventually(async () => (await mailTo(staff.email)).find((e) => e.body.text?.includes('Engagement letter.pdf')), 'the upload email');
    expect(email.subject).toBe('Ann Customer uploaded a document');

    // The file is in the staff drive, in Ann's inbox folder, with the bytes she sent.
    const inbox = expectStatus(await staff.api.get(`/drive/folders/inbox-${ann.contact.contactId}/items`), 200);
    const uploaded = inbox.items.find((i: any) => i.name === 'Engagement letter.pdf');
    expect(uploaded).toMatchObject({ status: 'ready', size: content.length, createdBy: { kind: 'customer' } });
    const download = expectStatus(await staff.api.get(`/drive/items/${uploaded.itemId}/download`), 200);
    expect(Buffer.from(await (await fetch(download.url)).arrayBuffer()).toString()).toBe('signed engagement letter');

    // Ann sees her own upload; the staff member got exactly one email for it.
    const roots = expectStatus(await ann.api.get('/shared'), 200);
    expect(roots.items.map((i: any) => i.name)).toContain('From Ann Customer');
    await new Promise((r) => setTimeout(r, 500));
    const uploadEmails = (await mailTo(staff.email)).filter((e) => e.body.text?.includes('Engagement letter.pdf'));
    expect(uploadEmails).toHaveLength(1);
  });

  it('a second customer sees none of it', async () => {
    expect(expectStatus(await bob.api.get('/shared'), 200).items).toEqual([]);
    const folderAttempt = await bob.api.get(`/shared/folders/${folder.itemId}/items`);
    const fileAttempt = await bob.api.get(`/shared/items/${file.itemId}/download`);
    const missing = await bob.api.get(`/shared/items/does-not-exist/download`);
    expect(folderAttempt.status).toBe(404);
    expect(fileAttempt.status).toBe(404);
    // Not shared and not there answer alike, so nothing reveals that an item exists.
    expect(fileAttempt.body).toEqual(missing.body);
    expect(fileAttempt.body.error.code).toBe('not_found');
    expect((await bob.api.get(`/shared/folders/inbox-${ann.contact.contactId}/items`)).status).toBe(404);
  });

  it('a staff token is refused by the customer API and a customer token by the staff API', async () => {
    const c = cloud();
    expect((await client(c.customerApiUrl, staff.idToken).get('/shared')).status).toBe(401);
    expect((await client(c.staffApiUrl, ann.idToken).get('/contacts')).status).toBe(401);
    expect((await client(c.staffApiUrl).get('/contacts')).status).toBe(401);
    expect((await client(c.customerApiUrl, 'not-a-jwt').get('/shared')).status).toBe(401);
  });
});
