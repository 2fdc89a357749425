/**
 * Comments on documents shared with customers (F18) through both APIs with real tokens: each
 * customer has a thread of their own with the firm on a document, so two customers a document is
 * shared with never read each other; staff see every thread, answer (the customer is emailed),
 * keep notes the customer never sees, and hide comments; a document out of a customer's sight
 * takes its thread with it; bad input changes nothing.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerSession, expectStatus, mailTo, putToUrl, staffSession } from '../support/world.ts';

type Staff = Awaited<ReturnType<typeof staffSession>>;
type Customer = Awaited<ReturnType<typeof customerSession>>;

const tag = randomUUID().slice(0, 8);
let staff: Staff;
let admin: Staff;
let ann: Customer;
let bob: Customer;
let carol: Customer;
let file: any;
let commentsBefore: boolean;
let firmName: string;

const customerThread = async (who: Customer) => expectStatus(await who.api.get(`/shared/items/${file.itemId}/comments`), 200).items;
const staffThread = async (who: Customer) => expectStatus(await staff.api.get(`/drive/items/${file.itemId}/comments/${who.contact.contactId}`), 200).items;
const setComments = async (on: boolean) => expectStatus(await admin.api.raw('PATCH', '/settings', { customerComments: on }), 200);

beforeAll(async () => {
  [staff, admin] = await Promise.all([staffSession({ name: 'Doc Comment Staff' }), staffSession({ admin: true, name: 'Doc Comment Admin' })]);
  const settings = expectStatus(await staff.api.get('/settings'), 200);
  commentsBefore = settings.customerComments;
  firmName = settings.branding.firmName;
  [ann, bob, carol] = await Promise.all([
    customerSession(staff, { name: `Ann Docs ${tag}` }),
    customerSession(staff, { name: `Bob Docs ${tag}` }),
    customerSession(staff, { name: `Carol Docs ${tag}` }),
  ]);
  const bytes = Buffer.from('lease');
  const started = expectStatus(await staff.api.post('/drive/uploads', { parentId: 'root', name: `lease-${tag}.txt`, size: bytes.length, contentType: 'text/plain' }), 201);
  expect(await putToUrl(started.upload, bytes)).toBe(200);
  file = expectStatus(await staff.api.post(`/drive/items/${started.item.itemId}/complete`), 200);
  for (const who of [ann, bob]) expectStatus(await staff.api.post(`/contacts/${who.contact.contactId}/shares`, { itemIds: [file.itemId], notify: false }), 200);
});

afterAll(async () => {
  await setComments(commentsBefore);
});

describe('comments on a shared document', () => {
  it("while the firm takes no comments, a customer's comment is refused and nothing is written", async () => {
    await setComments(false);
    expect(expectStatus(await ann.api.post(`/shared/items/${file.itemId}/comments`, { text: 'Hello?' }), 403).error.code).toBe('comments_off');
    expect(expectStatus(await staff.api.get(`/drive/items/${file.itemId}/comments`), 200).items).toEqual([]);
  });

  it("a customer comments in a thread of their own: the other customer the document is shared with never reads it; their staff are emailed without its text", async () => {
    await setComments(true);
    const posted = expectStatus(await ann.api.post(`/shared/items/${file.itemId}/comments`, { text: `Is clause 4 final? ${tag}` }), 201);
    expect(posted).toMatchObject({ text: `Is clause 4 final? ${tag}`, byYou: true, byFirm: false });
    expect((await customerThread(ann)).map((c: any) => c.text)).toEqual([`Is clause 4 final? ${tag}`]);
    expect(await customerThread(bob)).toEqual([]);
    const threads = expectStatus(await staff.api.get(`/drive/items/${file.itemId}/comments`), 200).items;
    expect(threads).toEqual([{ itemId: file.itemId, contactId: ann.contact.contactId, contactName: ann.contact.name, lastAt: expect.any(String), lastBy: 'customer' }]);
    const mails = (await mailTo(staff.email)).filter((m) => m.subject === `${ann.contact.name} commented on lease-${tag}.txt`);
    expect(mails).toHaveLength(1);
    expect(mails[0].body.text).not.toContain('clause 4');
  });

  it('staff answer (the customer is emailed) and keep a note the customer never sees; a thread nobody started cannot be written in', async () => {
    expectStatus(await staff.api.post(`/drive/items/${file.itemId}/comments/${ann.contact.contactId}`, { text: `Yes, final. ${tag}` }), 201);
    expectStatus(await staff.api.post(`/drive/items/${file.itemId}/comments/${ann.contact.contactId}`, { text: `Check with the partner ${tag}`, internal: true }), 201);
    expect((await customerThread(ann)).map((c: any) => [c.text, c.author])).toEqual([
      [`Is clause 4 final? ${tag}`, ann.contact.name],
      [`Yes, final. ${tag}`, 'firm'],
    ]);
    expect((await staffThread(ann)).map((c: any) => c.internal)).toEqual([false, false, true]);
    const mails = (await mailTo(ann.email)).filter((m) => m.subject === `${firmName} answered you on lease-${tag}.txt`);
    expect(mails).toHaveLength(1);
    expect(mails[0].body.text).not.toContain('Yes, final');
    expect(expectStatus(await staff.api.get(`/drive/items/${file.itemId}/comments`), 200).items[0].lastBy).toBe('staff');
    expect(expectStatus(await staff.api.post(`/drive/items/${file.itemId}/comments/${bob.contact.contactId}`, { text: 'Unasked' }), 404).error.code).toBe('not_found');
    expect(await customerThread(bob)).toEqual([]);
  });

  it('staff hide a comment: the customer no longer sees it; hiding twice is a conflict', async () => {
    const [first] = await staffThread(ann);
    const hidden = expectStatus(await staff.api.post(`/drive/items/${file.itemId}/comments/${ann.contact.contactId}/${first.commentId}/hide`), 200);
    expect(hidden.hidden).toMatchObject({ by: staff.email });
    expect((await customerThread(ann)).map((c: any) => c.text)).toEqual([`Yes, final. ${tag}`]);
    expect(expectStatus(await staff.api.post(`/drive/items/${file.itemId}/comments/${ann.contact.contactId}/${first.commentId}/hide`), 409).error.code).toBe('already_hidden');
    const trail = expectStatus(await staff.api.get(`/contacts/${ann.contact.contactId}/audit?limit=10`), 200).items.map((e: any) => e.action);
    expect(trail).toEqual(expect.arrayContaining(['comment.added', 'comment.noted', 'comment.hidden']));
  });

  it('a customer the document is not shared with reaches nothing: the same 404 as a missing document; unsharing takes the thread out of sight', async () => {
    const missing = expectStatus(await carol.api.get(`/shared/items/nosuch${tag}/comments`), 404);
    expect(expectStatus(await carol.api.get(`/shared/items/${file.itemId}/comments`), 404)).toEqual(missing);
    expect(expectStatus(await carol.api.post(`/shared/items/${file.itemId}/comments`, { text: 'intruding' }), 404)).toEqual(missing);
    expectStatus(await staff.api.raw('DELETE', `/contacts/${bob.contact.contactId}/shares/${file.itemId}`), 200);
    expect(expectStatus(await bob.api.get(`/shared/items/${file.itemId}/comments`), 404)).toEqual(missing);
    expect(expectStatus(await bob.api.post(`/shared/items/${file.itemId}/comments`, { text: 'after unshare' }), 404)).toEqual(missing);
    expect(expectStatus(await staff.api.get(`/drive/items/${file.itemId}/comments`), 200).items.map((t: any) => t.contactId)).toEqual([ann.contact.contactId]);
  });

  it('an empty or overlong comment is a clear 400 and changes nothing', async () => {
    const before = await staffThread(ann);
    for (const text of ['   ', 'x'.repeat(4001)]) expect(expectStatus(await ann.api.post(`/shared/items/${file.itemId}/comments`, { text }), 400).error.code).toBe('invalid_request');
    expect(expectStatus(await staff.api.post(`/drive/items/${file.itemId}/comments/${ann.contact.contactId}`, { text: '' }), 400).error.code).toBe('invalid_request');
    expect(await staffThread(ann)).toEqual(before);
    expectStatus(await staff.api.get(`/drive/items/nosuch${tag}/comments`), 404);
  });
});
