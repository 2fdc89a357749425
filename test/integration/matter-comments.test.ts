/**
 * A matter's thread (F18) through both APIs with real tokens: the client comments while the firm
 * takes comments and the matter's responsible staff are emailed; staff answer (the client is
 * emailed) and keep internal notes the client never sees, nor is told of; staff hide a comment;
 * nobody but the client's side reaches the thread; bad input changes nothing.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerSession, expectStatus, mailTo, staffSession } from '../support/world.ts';

type Staff = Awaited<ReturnType<typeof staffSession>>;
type Customer = Awaited<ReturnType<typeof customerSession>>;

const tag = randomUUID().slice(0, 8);
let staff: Staff;
let admin: Staff;
let ann: Customer;
let bob: Customer;
let matter: any;
let commentsBefore: boolean;
let firmName: string;

const thread = async (customer: Customer) => expectStatus(await customer.api.get(`/matters/${matter.matterId}/comments`), 200).items;
const staffThread = async () => expectStatus(await staff.api.get(`/matters/${matter.matterId}/comments`), 200).items;
/** Whether the matter is on staff's "awaiting an answer" list (walked whole: other files' matters may be on it too). */
async function awaiting(): Promise<any> {
  let cursor: string | undefined;
  do {
    const page = expectStatus(await staff.api.get(`/awaiting-answers?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`), 200);
    const found = page.items.find((a: any) => a.matterId === matter.matterId);
    if (found) return found;
    cursor = page.cursor;
  } while (cursor);
  return undefined;
}
const setComments = async (on: boolean) => expectStatus(await admin.api.raw('PATCH', '/settings', { customerComments: on }), 200);

beforeAll(async () => {
  [staff, admin] = await Promise.all([staffSession({ name: 'Comment Staff' }), staffSession({ admin: true, name: 'Comment Admin' })]);
  const settings = expectStatus(await staff.api.get('/settings'), 200);
  commentsBefore = settings.customerComments;
  firmName = settings.branding.firmName;
  [ann, bob] = await Promise.all([customerSession(staff, { name: `Ann Comments ${tag}` }), customerSession(staff, { name: `Bob Comments ${tag}` })]);
  matter = expectStatus(await staff.api.post('/matters', { title: `Thread ${tag}`, clientId: ann.contact.contactId, responsibleStaff: [staff.email] }), 201);
});

afterAll(async () => {
  await setComments(commentsBefore);
});

describe("a matter's thread", () => {
  it('while the firm takes no comments, a customer\'s comment is refused and nothing is written or sent', async () => {
    await setComments(false);
    const refused = expectStatus(await ann.api.post(`/matters/${matter.matterId}/comments`, { text: 'Hello?' }), 403);
    expect(refused.error.code).toBe('comments_off');
    expect(await staffThread()).toEqual([]);
    expect((await mailTo(staff.email)).filter((m) => m.subject.includes(matter.reference))).toEqual([]);
  });

  it('the client comments: staff see it with its author, and the matter\'s responsible staff are emailed without its text', async () => {
    await setComments(true);
    const posted = expectStatus(await ann.api.post(`/matters/${matter.matterId}/comments`, { text: `  When is the hearing? ${tag}  ` }), 201);
    expect(posted).toMatchObject({ text: `When is the hearing? ${tag}`, author: ann.contact.name, byYou: true, byFirm: false });
    const [seen] = await staffThread();
    expect(seen).toMatchObject({ text: `When is the hearing? ${tag}`, internal: false, author: { kind: 'customer', id: ann.contact.contactId, name: ann.contact.name } });
    const mails = (await mailTo(staff.email)).filter((m) => m.subject === `${ann.contact.name} commented on ${matter.reference}`);
    expect(mails).toHaveLength(1);
    expect(mails[0].body.text).toContain(`/matters/${matter.matterId}`);
    expect(mails[0].body.text).not.toContain('When is the hearing?');
    expect(await awaiting()).toMatchObject({ reference: matter.reference, title: matter.title, clientId: ann.contact.contactId, author: ann.contact.name, since: seen.at });
    // A second comment before any answer keeps the first one's place in the list.
    expectStatus(await ann.api.post(`/matters/${matter.matterId}/comments`, { text: `Also: which court? ${tag}` }), 201);
    expect((await awaiting()).since).toBe(seen.at);
  });

  it('staff answer (the client is emailed) and keep an internal note (the client never sees it, nor hears of it)', async () => {
    const early = expectStatus(await staff.api.post(`/matters/${matter.matterId}/comments`, { text: `Client seems anxious ${tag}`, internal: true }), 201);
    // A note is not an answer: the client still awaits one.
    expect(await awaiting()).toBeDefined();
    expectStatus(await staff.api.post(`/matters/${matter.matterId}/comments`, { text: `On 3 March. ${tag}` }), 201);
    expect(await awaiting()).toBeUndefined();
    const note = expectStatus(await staff.api.post(`/matters/${matter.matterId}/comments`, { text: `Client seems worried ${tag}`, internal: true }), 201);
    expect(early.internal).toBe(true);
    expect(note.internal).toBe(true);
    const seen = await thread(ann);
    expect(seen.map((c: any) => [c.text, c.author, c.byFirm])).toEqual([
      [`When is the hearing? ${tag}`, ann.contact.name, false],
      [`Also: which court? ${tag}`, ann.contact.name, false],
      [`On 3 March. ${tag}`, 'firm', true],
    ]);
    expect(JSON.stringify(seen)).not.toContain(staff.email);
    const mails = (await mailTo(ann.email)).filter((m) => m.subject.includes(matter.reference));
    expect(mails.map((m) => m.subject)).toEqual([`${firmName} wrote to you on ${matter.reference}`]);
    expect(mails[0].body.text).not.toContain('On 3 March');
    expect((await staffThread()).map((c: any) => c.internal)).toEqual([false, false, true, false, true]);
  });

  it('staff hide a comment: the client no longer sees it, staff see it marked, and hiding twice is a conflict', async () => {
    const [first] = await staffThread();
    const hidden = expectStatus(await staff.api.post(`/matters/${matter.matterId}/comments/${first.commentId}/hide`), 200);
    expect(hidden.hidden).toMatchObject({ by: staff.email });
    expect((await thread(ann)).map((c: any) => c.text)).toEqual([`Also: which court? ${tag}`, `On 3 March. ${tag}`]);
    expect(expectStatus(await staff.api.post(`/matters/${matter.matterId}/comments/${first.commentId}/hide`), 409).error.code).toBe('already_hidden');
    expectStatus(await staff.api.post(`/matters/${matter.matterId}/comments/nosuchcomment/hide`), 404);
    const trail = expectStatus(await staff.api.get(`/contacts/${ann.contact.contactId}/audit?limit=10`), 200).items.map((e: any) => e.action);
    expect(trail).toEqual(expect.arrayContaining(['comment.added', 'comment.noted', 'comment.hidden']));
  });

  it('another customer reaches nothing of the thread: the same 404 as a missing matter', async () => {
    const missing = expectStatus(await bob.api.get(`/matters/nosuch${tag.replace(/-/g, '')}/comments`), 404);
    expect(expectStatus(await bob.api.get(`/matters/${matter.matterId}/comments`), 404)).toEqual(missing);
    expect(expectStatus(await bob.api.post(`/matters/${matter.matterId}/comments`, { text: 'intruding' }), 404)).toEqual(missing);
    expect((await staffThread()).map((c: any) => c.text)).not.toContain('intruding');
  });

  it('an empty or overlong comment is a clear 400 and changes nothing', async () => {
    const before = await staffThread();
    for (const text of ['   ', 'x'.repeat(4001)]) {
      const refused = expectStatus(await ann.api.post(`/matters/${matter.matterId}/comments`, { text }), 400);
      expect(refused.error.code).toBe('invalid_request');
    }
    expect(expectStatus(await staff.api.post(`/matters/${matter.matterId}/comments`, { text: '' }), 400).error.code).toBe('invalid_request');
    expect(expectStatus(await ann.api.post(`/matters/${matter.matterId}/comments`, { text: 'hi', internal: true }), 400).error.code).toBe('invalid_request');
    expect(await staffThread()).toEqual(before);
  });
});
