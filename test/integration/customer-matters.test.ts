/**
 * Matters as customers see them (F20) through the customer API, with real tokens: their own and
 * their open organisations' matters, never one they are only a party to; of each only the parts
 * the firm made visible; and its documents whose type is a customer file, following every change
 * staff make (typing, moving, trash and restore, archiving) at once.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerSession, expectStatus, mailTo, putToUrl, staffSession } from '../support/world.ts';

type Staff = Awaited<ReturnType<typeof staffSession>>;
type Customer = Awaited<ReturnType<typeof customerSession>>;

const tag = randomUUID().slice(0, 8);
const VISIBLE_TYPE = `letter ${tag}`;
const INTERNAL_TYPE = `memo ${tag}`;
const VISIBLE_FLAG = `priority ${tag}`;
const INTERNAL_FLAG = `billing issue ${tag}`;
const VISIBLE_PARTY = `opposing side ${tag}`;
const INTERNAL_PARTY = `informant ${tag}`;

let staff: Staff;
let admin: Staff;
let originalLists: any;
let ann: Customer;
let bob: Customer;
let org: any;
let closedOrg: any;

async function upload(parentId: string, name: string) {
  const bytes = Buffer.from(`${name} ${tag}`);
  const started = expectStatus(await staff.api.post('/drive/uploads', { parentId, name, size: bytes.length, contentType: 'text/plain' }), 201);
  expect(await putToUrl(started.upload, bytes)).toBe(200);
  return expectStatus(await staff.api.post(`/drive/items/${started.item.itemId}/complete`), 200);
}

const newMatter = async (title: string, clientId: string, extra: Record<string, unknown> = {}) =>
  expectStatus(await staff.api.post('/matters', { title: `${title} ${tag}`, clientId, ...extra }), 201);

const typeDocument = (matterId: string, itemId: string, documentType: string | null) => staff.api.raw('PUT', `/matters/${matterId}/documents/${itemId}/type`, { documentType });

/** Every matter of the customer's list, one page at a time: each page holds one, only the last has no cursor. */
async function walk(customer: Customer): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | undefined;
  do {
    const page = expectStatus(await customer.api.get(`/matters?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`), 200);
    expect(page.items.length).toBeLessThanOrEqual(1);
    seen.push(...page.items.map((m: any) => m.matterId));
    cursor = page.cursor;
  } while (cursor && seen.length < 100);
  return seen;
}

const documentNames = async (customer: Customer, matterId: string) =>
  expectStatus(await customer.api.get(`/matters/${matterId}/documents`), 200).items.map((d: any) => d.name).sort();

beforeAll(async () => {
  [staff, admin] = await Promise.all([staffSession({ name: 'Matter Staff' }), staffSession({ admin: true, name: 'Matter Admin' })]);
  originalLists = expectStatus(await staff.api.get('/matter-lists'), 200);
  expectStatus(
    await admin.api.raw('PUT', '/matter-lists', {
      ...originalLists,
      documentTypes: [...originalLists.documentTypes, { name: VISIBLE_TYPE, customerFile: true }, { name: INTERNAL_TYPE, customerFile: false }],
      flags: [...originalLists.flags, { name: VISIBLE_FLAG, customerVisible: true }, { name: INTERNAL_FLAG, customerVisible: false }],
      partyTypes: [...originalLists.partyTypes, { name: VISIBLE_PARTY, customerVisible: true }, { name: INTERNAL_PARTY, customerVisible: false }],
    }),
    200,
  );
  org = expectStatus(await staff.api.post('/contacts', { kind: 'organisation', name: `Ann's Company ${tag}`, email: `org-${tag}@example.test` }), 201);
  closedOrg = expectStatus(await staff.api.post('/contacts', { kind: 'organisation', name: `Closed Company ${tag}`, email: `closed-${tag}@example.test` }), 201);
  expectStatus(await staff.api.post(`/contacts/${org.contactId}/access`), 200);
  [ann, bob] = await Promise.all([
    customerSession(staff, { name: 'Ann Matters', organisationIds: [org.contactId, closedOrg.contactId] }),
    customerSession(staff, { name: 'Bob Matters' }),
  ]);
});

afterAll(async () => {
  await admin.api.raw('PUT', '/matter-lists', originalLists);
});

describe("a customer's matters", () => {
  let own: any;
  let organisations: any;
  let bobs: any;
  let asParty: any;
  let ofClosedOrg: any;
  beforeAll(async () => {
    own = await newMatter('Ann own', ann.contact.contactId);
    organisations = await newMatter('Company matter', org.contactId);
    bobs = await newMatter('Bob matter', bob.contact.contactId, { parties: [{ contactId: ann.contact.contactId, partyType: VISIBLE_PARTY }] });
    ofClosedOrg = await newMatter('Closed company matter', closedOrg.contactId);
    asParty = bobs;
  });

  it('lists their own and their open organisation\'s matters, newest first, never one they are a party to or of a closed organisation', async () => {
    const page = expectStatus(await ann.api.get('/matters'), 200);
    const ids = page.items.map((m: any) => m.matterId);
    expect(ids).toEqual([organisations.matterId, own.matterId]);
    expect(ids).not.toContain(asParty.matterId);
    expect(ids).not.toContain(ofClosedOrg.matterId);
    expect(await walk(ann)).toEqual(ids);
    expect(await walk(bob)).toEqual([bobs.matterId]);
  });

  it('a matter they may not see is the same 404 as a missing one, for the matter and its documents', async () => {
    const missing = expectStatus(await ann.api.get(`/matters/nosuchmatter${tag.replace(/-/g, '')}`), 404);
    for (const path of [`/matters/${bobs.matterId}`, `/matters/${ofClosedOrg.matterId}`, `/matters/${bobs.matterId}/documents`]) {
      expect(expectStatus(await ann.api.get(path), 404)).toEqual(missing);
    }
    expect(missing).toEqual({ error: { code: 'not_found', message: 'No such matter, or it is not shared with you.' } });
  });

  it('archiving takes a matter out of the list and its page at once; bringing it back returns it', async () => {
    const archived = await newMatter('To archive', ann.contact.contactId);
    expect(await walk(ann)).toContain(archived.matterId);
    expectStatus(await staff.api.raw('PATCH', `/matters/${archived.matterId}`, { archived: true }), 200);
    expect(await walk(ann)).not.toContain(archived.matterId);
    expectStatus(await ann.api.get(`/matters/${archived.matterId}`), 404);
    expectStatus(await staff.api.raw('PATCH', `/matters/${archived.matterId}`, { archived: false }), 200);
    expect(await walk(ann)).toContain(archived.matterId);
  });

  it('closing the organisation\'s access takes its matters away; reopening gives them back', async () => {
    expectStatus(await staff.api.post(`/contacts/${org.contactId}/access/close`, { notifyCustomer: false }), 200);
    expect(await walk(ann)).not.toContain(organisations.matterId);
    expectStatus(await ann.api.get(`/matters/${organisations.matterId}`), 404);
    expectStatus(await staff.api.post(`/contacts/${org.contactId}/access/reopen`), 200);
    expect(await walk(ann)).toContain(organisations.matterId);
  });
});

describe('what a customer sees of a matter', () => {
  it('exactly the customer label of its status, visible deadlines, flags and parties by name, and approval; never tasks, notes, staff or internal parts', async () => {
    const opponent = expectStatus(await staff.api.post('/contacts', { kind: 'organisation', name: `Opponent Ltd ${tag}` }), 201);
    const informant = expectStatus(await staff.api.post('/contacts', { kind: 'person', name: `Secret Informant ${tag}` }), 201);
    const matter = await newMatter('Visible parts', ann.contact.contactId, {
      description: `Internal summary ${tag}`,
      deadlines: [
        { label: 'Hearing', date: '2027-03-01', customerVisible: true },
        { label: `Internal review ${tag}`, date: '2027-02-01', customerVisible: false },
      ],
      flags: [VISIBLE_FLAG, INTERNAL_FLAG],
      parties: [
        { contactId: opponent.contactId, partyType: VISIBLE_PARTY },
        { contactId: informant.contactId, partyType: INTERNAL_PARTY },
      ],
      tasks: [{ title: `Draft reply ${tag}`, done: false }],
    });
    const lists = expectStatus(await staff.api.get('/matter-lists'), 200);
    const seen = expectStatus(await ann.api.get(`/matters/${matter.matterId}`), 200);
    expect(seen).toEqual({
      matterId: matter.matterId,
      reference: matter.reference,
      title: matter.title,
      statusLabel: lists.statuses.find((s: any) => s.name === matter.status).customerLabel,
      deadlines: [{ label: 'Hearing', date: '2027-03-01' }],
      flags: [VISIBLE_FLAG],
      parties: [{ name: opponent.name, partyType: VISIBLE_PARTY }],
      approved: false,
      uploadsOpen: expect.any(Boolean),
    });
    const listed = expectStatus(await ann.api.get('/matters?limit=50'), 200).items.find((m: any) => m.matterId === matter.matterId);
    const { parties: _parties, uploadsOpen: _uploadsOpen, ...summary } = seen;
    expect(listed).toEqual(summary);
    const text = JSON.stringify([seen, listed]);
    for (const hidden of [`Internal summary ${tag}`, `Internal review ${tag}`, INTERNAL_FLAG, INTERNAL_PARTY, informant.name, `Draft reply ${tag}`, staff.email, matter.folderId, opponent.contactId]) {
      expect(text).not.toContain(hidden);
    }
    expectStatus(await staff.api.post(`/matters/${matter.matterId}/approval`), 200);
    expect(expectStatus(await ann.api.get(`/matters/${matter.matterId}`), 200).approved).toBe(true);
  });

  it('the profile names what the firm calls a matter', async () => {
    expect(expectStatus(await ann.api.get('/me'), 200).firm.matterTerm).toMatch(/^(matter|order|contract|file)$/);
  });
});

describe("a matter's documents", () => {
  let matter: any;
  let letter: any;
  let memo: any;
  let untyped: any;
  beforeAll(async () => {
    matter = await newMatter('Documents', ann.contact.contactId);
    [letter, memo, untyped] = await Promise.all([upload(matter.folderId, 'letter.txt'), upload(matter.folderId, 'memo.txt'), upload(matter.folderId, 'untyped.txt')]);
    expectStatus(await typeDocument(matter.matterId, letter.itemId, VISIBLE_TYPE), 200);
    expectStatus(await typeDocument(matter.matterId, memo.itemId, INTERNAL_TYPE), 200);
  });

  it('staff see every document of the folder with its type, and the typing on the client\'s trail', async () => {
    const page = expectStatus(await staff.api.get(`/matters/${matter.matterId}/documents`), 200);
    expect(Object.fromEntries(page.items.map((i: any) => [i.name, i.documentType ?? null]))).toEqual({ 'letter.txt': VISIBLE_TYPE, 'memo.txt': INTERNAL_TYPE, 'untyped.txt': null });
    const trail = expectStatus(await staff.api.get(`/contacts/${ann.contact.contactId}/audit?limit=5`), 200);
    expect(trail.items.find((e: any) => e.action === 'document.typed' && e.itemId === memo.itemId)).toMatchObject({ actor: staff.email, matterId: matter.matterId, details: { documentType: INTERNAL_TYPE, name: 'memo.txt' } });
  });

  it('the client sees only the customer files, downloads them, and the download is on the record', async () => {
    const page = expectStatus(await ann.api.get(`/matters/${matter.matterId}/documents`), 200);
    expect(page.items).toEqual([expect.objectContaining({ itemId: letter.itemId, name: 'letter.txt', kind: 'file', documentType: VISIBLE_TYPE, uploadedByYou: false })]);
    const link = expectStatus(await ann.api.get(`/matters/${matter.matterId}/documents/${letter.itemId}/download`), 200);
    const bytes = await fetch(link.url).then((r) => r.text());
    expect(bytes).toBe(`letter.txt ${tag}`);
    const receipts = expectStatus(await staff.api.get(`/drive/items/${letter.itemId}/downloads`), 200);
    expect(receipts.items[0]).toMatchObject({ action: 'file.downloaded', contactId: ann.contact.contactId });
  });

  it('an internal or untyped document, or one of another matter, is the same 404 as a missing one', async () => {
    const missing = expectStatus(await ann.api.get(`/matters/${matter.matterId}/documents/nosuchitem${tag.replace(/-/g, '')}/download`), 404);
    expect(missing).toEqual({ error: { code: 'not_found', message: 'No such file, or it is not shared with you.' } });
    for (const item of [memo, untyped]) expect(expectStatus(await ann.api.get(`/matters/${matter.matterId}/documents/${item.itemId}/download`), 404)).toEqual(missing);
    const other = await newMatter('Other', ann.contact.contactId);
    expect(expectStatus(await ann.api.get(`/matters/${other.matterId}/documents/${letter.itemId}/download`), 404)).toEqual(missing);
    // Bob, who is no client of the matter, learns nothing either.
    expectStatus(await bob.api.get(`/matters/${matter.matterId}/documents/${letter.itemId}/download`), 404);
    expectStatus(await bob.api.get(`/matters/${matter.matterId}/documents`), 404);
  });

  it('follows the type at once: made a customer file it shows, its type taken away it hides', async () => {
    expectStatus(await typeDocument(matter.matterId, memo.itemId, VISIBLE_TYPE), 200);
    expect(await documentNames(ann, matter.matterId)).toEqual(['letter.txt', 'memo.txt']);
    expectStatus(await typeDocument(matter.matterId, memo.itemId, null), 200);
    expect(await documentNames(ann, matter.matterId)).toEqual(['letter.txt']);
    expect(expectStatus(await staff.api.get(`/matters/${matter.matterId}/documents`), 200).items.find((i: any) => i.itemId === memo.itemId).documentType).toBeUndefined();
  });

  it('follows the drive: moved out of the folder, trashed, or its folder trashed, it hides; restored or moved back, it shows', async () => {
    const elsewhere = expectStatus(await staff.api.post('/drive/folders', { parentId: 'root', name: `Elsewhere ${tag}` }), 201);
    expectStatus(await staff.api.raw('PATCH', `/drive/items/${letter.itemId}`, { parentId: elsewhere.itemId }), 200);
    expect(await documentNames(ann, matter.matterId)).toEqual([]);
    expectStatus(await ann.api.get(`/matters/${matter.matterId}/documents/${letter.itemId}/download`), 404);
    expectStatus(await staff.api.raw('PATCH', `/drive/items/${letter.itemId}`, { parentId: matter.folderId }), 200);
    expect(await documentNames(ann, matter.matterId)).toEqual(['letter.txt']);

    expectStatus(await staff.api.raw('DELETE', `/drive/items/${matter.folderId}`), 200);
    expect(await documentNames(ann, matter.matterId)).toEqual([]);
    expectStatus(await ann.api.get(`/matters/${matter.matterId}/documents/${letter.itemId}/download`), 404);
    expectStatus(await staff.api.post(`/drive/items/${matter.folderId}/restore`), 200);
    expect(await documentNames(ann, matter.matterId)).toEqual(['letter.txt']);

    // The matter's folder moved inside another folder: its documents still show.
    expectStatus(await staff.api.raw('PATCH', `/drive/items/${matter.folderId}`, { parentId: elsewhere.itemId }), 200);
    expect(await documentNames(ann, matter.matterId)).toEqual(['letter.txt']);
    expectStatus(await ann.api.get(`/matters/${matter.matterId}/documents/${letter.itemId}/download`), 200);
  });

  it('a type that is not in the list, or a document outside the matter\'s folder, is refused and changes nothing', async () => {
    const before = expectStatus(await staff.api.get(`/matters/${matter.matterId}/documents`), 200);
    const refused = expectStatus(await typeDocument(matter.matterId, untyped.itemId, `no such type ${tag}`), 400);
    expect(refused.error.code).toBe('invalid_request');
    expect(refused.error.message).toContain('is not one of the document types');
    const outside = await upload('root', `outside-${tag}.txt`);
    expectStatus(await typeDocument(matter.matterId, outside.itemId, VISIBLE_TYPE), 404);
    expectStatus(await typeDocument(matter.matterId, matter.folderId, VISIBLE_TYPE), 404);
    expect(expectStatus(await staff.api.raw('PUT', `/matters/${matter.matterId}/documents/${untyped.itemId}/type`, {}), 400).error.code).toBe('invalid_request');
    expect(expectStatus(await staff.api.get(`/matters/${matter.matterId}/documents`), 200)).toEqual(before);
  });

  it('a customer-file type removed from the list hides its documents', async () => {
    const lists = expectStatus(await staff.api.get('/matter-lists'), 200);
    expectStatus(await admin.api.raw('PUT', '/matter-lists', { ...lists, documentTypes: lists.documentTypes.filter((t: any) => t.name !== VISIBLE_TYPE) }), 200);
    try {
      expect(await documentNames(ann, matter.matterId)).toEqual([]);
    } finally {
      expectStatus(await admin.api.raw('PUT', '/matter-lists', lists), 200);
    }
    expect(await documentNames(ann, matter.matterId)).toEqual(['letter.txt']);
  });
});

describe('sending documents into a matter', () => {
  let matter: any;
  const settingsBefore: { attachments?: any } = {};
  beforeAll(async () => {
    settingsBefore.attachments = expectStatus(await staff.api.get('/settings'), 200).attachments;
    expectStatus(await admin.api.raw('PATCH', '/settings', { attachments: { ...settingsBefore.attachments, upload: 'beforeApproval' } }), 200);
    // The admin is this matter's responsible staff; Ann's contact has another (staff).
    matter = await newMatter('Uploads', ann.contact.contactId, { responsibleStaff: [admin.email] });
  });
  afterAll(async () => {
    await admin.api.raw('PATCH', '/settings', { attachments: settingsBefore.attachments });
  });

  const send = (customer: Customer, name: string) => {
    const bytes = Buffer.from(`${name} from the client ${tag}`);
    return customer.api.post(`/matters/${matter.matterId}/uploads`, { files: [{ name, size: bytes.length, contentType: 'text/plain' }] }).then((res) => ({ res, bytes }));
  };

  it('before approval the client sends a document: it lands in the matter\'s "From client" folder and is listed as theirs', async () => {
    const { res, bytes } = await send(ann, 'signed-lease.txt');
    const started = expectStatus(res, 201);
    expect(await putToUrl(started.uploads[0].upload, bytes)).toBe(200);
    const itemId = started.uploads[0].item.itemId;
    await expect.poll(async () => expectStatus(await ann.api.get(`/matters/${matter.matterId}/uploads`), 200).items.map((i: any) => i.name)).toEqual(['signed-lease.txt']);
    const folder = expectStatus(await staff.api.get(`/matters/${matter.matterId}/documents`), 200).items.find((i: any) => i.kind === 'folder');
    expect(folder).toMatchObject({ name: 'From client', parentId: matter.folderId });
    const inside = expectStatus(await staff.api.get(`/drive/folders/${folder.itemId}/items`), 200);
    expect(inside.items.map((i: any) => [i.itemId, i.status])).toEqual([[itemId, 'ready']]);
    // The client downloads what they sent, like any of their uploads.
    expectStatus(await ann.api.get(`/shared/items/${itemId}/download`), 200);
    // The matter's responsible staff are told, not the contact's.
    const told = async (who: string) => (await mailTo(who)).filter((m) => m.body.text?.includes('signed-lease.txt')).length;
    await expect.poll(() => told(admin.email)).toBe(1);
    expect(await told(staff.email)).toBe(0);
  });

  it('after approval the same upload is refused, saying why, and nothing is created; reopening lets it through again', async () => {
    expectStatus(await staff.api.post(`/matters/${matter.matterId}/approval`), 200);
    const before = expectStatus(await staff.api.get(`/matters/${matter.matterId}/documents`), 200);
    const refused = expectStatus((await send(ann, 'late.txt')).res, 403);
    expect(expectStatus(await ann.api.get(`/matters/${matter.matterId}`), 200).uploadsOpen).toBe(false);
    expect(refused.error).toEqual({ code: 'matter_approved', message: 'This matter has been approved, so it takes no more documents. Ask the firm to reopen it if you need to send more.' });
    expect(expectStatus(await staff.api.get(`/matters/${matter.matterId}/documents`), 200)).toEqual(before);
    expectStatus(await staff.api.raw('DELETE', `/matters/${matter.matterId}/approval`), 200);
    expect(expectStatus(await ann.api.get(`/matters/${matter.matterId}`), 200).uploadsOpen).toBe(true);
    expectStatus((await send(ann, 'late.txt')).res, 201);
  });

  it('deleting or replacing what they sent follows the matter\'s approval too', async () => {
    expectStatus(await admin.api.raw('PATCH', '/settings', { attachments: { upload: 'beforeApproval', replace: 'beforeApproval', delete: 'beforeApproval' } }), 200);
    const { res, bytes } = await send(ann, 'draft.txt');
    const started = expectStatus(res, 201);
    expect(await putToUrl(started.uploads[0].upload, bytes)).toBe(200);
    const itemId = started.uploads[0].item.itemId;
    await expect.poll(async () => expectStatus(await ann.api.get(`/matters/${matter.matterId}/uploads`), 200).items.map((i: any) => i.itemId)).toContain(itemId);
    expectStatus(await staff.api.post(`/matters/${matter.matterId}/approval`), 200);
    const replace = await ann.api.post('/uploads', { files: [{ name: 'draft.txt', size: 3, contentType: 'text/plain' }], revisesItemId: itemId });
    expect(expectStatus(replace, 403).error.code).toBe('matter_approved');
    expect(expectStatus(await ann.api.raw('DELETE', `/uploads/${itemId}`), 403).error.code).toBe('matter_approved');
    expect(expectStatus(await ann.api.get(`/matters/${matter.matterId}/uploads`), 200).items.map((i: any) => i.itemId)).toContain(itemId);
    expectStatus(await staff.api.raw('DELETE', `/matters/${matter.matterId}/approval`), 200);
    expectStatus(await ann.api.raw('DELETE', `/uploads/${itemId}`), 200);
    expect(expectStatus(await ann.api.get(`/matters/${matter.matterId}/uploads`), 200).items.map((i: any) => i.itemId)).not.toContain(itemId);
  });

  it('"forbidden" refuses uploads whatever the approval; "allowed" takes them after approval too', async () => {
    expectStatus(await admin.api.raw('PATCH', '/settings', { attachments: { ...settingsBefore.attachments, upload: 'forbidden' } }), 200);
    expect(expectStatus((await send(ann, 'no.txt')).res, 403).error.code).toBe('not_allowed');
    expectStatus(await admin.api.raw('PATCH', '/settings', { attachments: { ...settingsBefore.attachments, upload: 'allowed' } }), 200);
    expectStatus(await staff.api.post(`/matters/${matter.matterId}/approval`), 200);
    expectStatus((await send(ann, 'yes.txt')).res, 201);
    expectStatus(await staff.api.raw('DELETE', `/matters/${matter.matterId}/approval`), 200);
  });

  it('a matter the customer may not see takes nothing from them: the same 404 as a missing one', async () => {
    const missing = expectStatus(await bob.api.post(`/matters/nosuchmatter${tag.replace(/-/g, '')}/uploads`, { files: [{ name: 'x.txt', size: 1, contentType: 'text/plain' }] }), 404);
    expect(expectStatus((await send(bob, 'intruder.txt')).res, 404)).toEqual(missing);
    expectStatus(await bob.api.get(`/matters/${matter.matterId}/uploads`), 404);
  });

  it('a trashed matter folder takes nothing until it is restored', async () => {
    expectStatus(await staff.api.raw('DELETE', `/drive/items/${matter.folderId}`), 200);
    expect(expectStatus((await send(ann, 'lost.txt')).res, 409).error.code).toBe('matter_folder_unavailable');
    expect(expectStatus(await ann.api.get(`/matters/${matter.matterId}/uploads`), 200).items).toEqual([]);
    expectStatus(await staff.api.post(`/drive/items/${matter.folderId}/restore`), 200);
    expectStatus((await send(ann, 'found.txt')).res, 201);
  });
});
