/**
 * Isolation in a generated world. A seeded pseudo-random drive, organisations and customers are
 * built through the real staff API, then changed step by step (moves, trash and restore of files
 * and subtrees, shares removed, organisations closed, reopened, archived and unlinked). After each
 * batch every customer walks every list with `limit=1` and tries every item, and each answer is
 * compared with a small oracle written here, independently of the product's access policy.
 *
 * The oracle's rule: a customer sees an item iff the item and every folder above it are ready
 * (not trashed, not a pending upload) and the item or a folder above it is shared with the
 * customer, or with an organisation the customer is linked to whose portal access is open and
 * which is not archived. Anything else must be indistinguishable from an id that does not exist.
 *
 * Matters grow in the same world (F20): a customer sees a matter iff it is not archived and its
 * client is the customer or one of those organisations (never because they are a party), and a
 * matter's document iff they see the matter and the document is a ready file right in the matter's
 * folder, every folder above it ready, with a customer-file type. Steps type documents, archive
 * and bring back, approve and reopen matters, answer, note and hide comments on their threads, and
 * the drive's moves and trash carry documents in and out of matter folders. A customer reads a
 * matter's thread without its internal notes and hidden comments.
 *
 * Reproduce a failure with ISOLATION_SEED=<the printed seed>.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { prng } from '../support/prng.ts';
import { cloud, customerSession, expectStatus, putToUrl, staffSession } from '../support/world.ts';

type Staff = Awaited<ReturnType<typeof staffSession>>;
type Customer = Awaited<ReturnType<typeof customerSession>>;

const ROOT = 'root';
const SEED = Number(process.env.ISOLATION_SEED ?? Math.floor(Math.random() * 2 ** 31));

const random = prng(SEED);

/**
 * Names are unique tokens of letters that are not hex digits, so a name can never be found
 * inside a UUID or inside another name: a substring scan of a response is then meaningful.
 */
const usedTokens = new Set<string>();
function uniqueName(prefix: string, suffix = ''): string {
  const letters = 'ghjkmnpqrstvwxyz';
  for (;;) {
    const token = Array.from({ length: 7 }, () => letters[random.int(letters.length)]).join('');
    if (!usedTokens.has(token)) return usedTokens.add(token), `${prefix} ${token}${suffix}`;
  }
}

// ---------------------------------------------------------------------------------------------
// The oracle: what the world is, and what each customer may see in it.
// ---------------------------------------------------------------------------------------------

type Status = 'ready' | 'pending' | 'trashed';
/** `unfiled`: an upload whose bytes never came, which a restore puts back to pending. */
interface ModelItem { id: string; kind: 'folder' | 'file'; name: string; parent: string; status: Status; size?: number; unfiled?: boolean; documentType?: string }
/** `documents`: every file that was ever in the matter's folder, each tried on every check. */
interface ModelMatter { id: string; title: string; client: string; parties: string[]; folder: string; archived: boolean; approved: boolean; documents: Set<string>; comments: ModelComment[] }
/** A customer's request (F21): `added` is the company they added as new; `reason` a decline's. */
interface ModelRequest { id: string; requester: string; title: string; picked: string[]; added: string; state: 'open' | 'accepted' | 'declined'; reason?: string }
interface ModelComment { id: string; text: string; internal: boolean; hidden: boolean }

/** The world's own lists entries, added for the run: one document type shown to clients, one internal, and a visible party type. */
const CUSTOMER_FILE = `clientfile ${SEED}`;
const INTERNAL_TYPE = `internalnote ${SEED}`;
const PARTY_TYPE = `counterparty ${SEED}`;
interface ModelContact { id: string; name: string; kind: 'person' | 'organisation'; access: 'none' | 'open' | 'closed'; archived: boolean; orgs: string[] }

class Oracle {
  items = new Map<string, ModelItem>();
  contacts = new Map<string, ModelContact>();
  /** contactId → ids shared directly with that contact. */
  shares = new Map<string, Set<string>>();
  matters = new Map<string, ModelMatter>();
  requests = new Map<string, ModelRequest>();
  /** Comments on documents (F18), in the order written: each customer's thread with the firm on a document. */
  docComments: { itemId: string; contactId: string; text: string }[] = [];

  item = (id: string) => this.items.get(id)!;
  all = () => [...this.items.values()];

  /** The item and the folders above it, by parent pointers (the product uses stored ancestry). */
  chain(item: ModelItem): ModelItem[] {
    const out = [item];
    for (let p = item.parent; p !== ROOT; p = this.item(p).parent) out.push(this.item(p));
    return out;
  }

  live = (item: ModelItem) => this.chain(item).every((i) => i.status === 'ready');
  liveFolder = (id: string) => id === ROOT || (this.item(id).kind === 'folder' && this.live(this.item(id)));
  inSubtree = (id: string, of: string) => id !== ROOT && this.chain(this.item(id)).some((i) => i.id === of);

  /** Whose shares reach a person now: their own, and each linked organisation that is open and not archived. */
  grantees(personId: string): string[] {
    const opens = (o: ModelContact | undefined) => !!o && o.kind === 'organisation' && o.access === 'open' && !o.archived;
    return [personId, ...this.contacts.get(personId)!.orgs.filter((o) => opens(this.contacts.get(o)))];
  }

  grants = (personId: string) => new Set(this.grantees(personId).flatMap((g) => [...(this.shares.get(g) ?? [])]));

  sees(personId: string, item: ModelItem, grants = this.grants(personId)): boolean {
    return this.live(item) && this.chain(item).some((i) => grants.has(i.id));
  }

  /** The top level of the portal: what is shared directly and live (an item may also appear inside a shared folder). */
  roots = (personId: string) => [...this.grants(personId)].filter((id) => this.live(this.item(id)));
  children = (folderId: string) => this.all().filter((i) => i.parent === folderId);

  seesMatter = (personId: string, matter: ModelMatter) => !matter.archived && this.grantees(personId).includes(matter.client);

  seesDocument = (personId: string, matter: ModelMatter, item: ModelItem) =>
    this.seesMatter(personId, matter) && item.kind === 'file' && item.parent === matter.folder && this.live(item) && item.documentType === CUSTOMER_FILE;

  /** Whether any route may show the item to the person: a share, or a matter of theirs. */
  reaches = (personId: string, item: ModelItem, grants = this.grants(personId)) =>
    this.sees(personId, item, grants) || [...this.matters.values()].some((m) => this.seesDocument(personId, m, item));

  /** Whom a request may name: their open organisations and the parties of the matters they see (all of a visible type), never themselves or an archived contact. */
  candidates(personId: string): string[] {
    const ids = new Set(this.grantees(personId));
    for (const m of this.matters.values()) if (this.seesMatter(personId, m)) m.parties.forEach((p) => ids.add(p));
    ids.delete(personId);
    return [...ids].filter((id) => !this.contacts.get(id)!.archived);
  }

  /** Where a restore puts an item: back in its folder if that folder is live, else at the top level. */
  restorePlace = (item: ModelItem) => (this.liveFolder(item.parent) ? item.parent : ROOT);
}

// ---------------------------------------------------------------------------------------------
// Staff actions: each calls the real API, expects it to succeed, and applies the same change to the oracle.
// ---------------------------------------------------------------------------------------------

const oracle = new Oracle();
const journal: string[] = [];
let staff: Staff;

/** What happened, in order: printed with the seed when the test fails, so a failure reads as a story. */
function note(line: string) {
  journal.push(line);
}

const label = (id: string) => oracle.items.get(id)?.name ?? oracle.contacts.get(id)?.name ?? id;

async function createFolder(parent: string): Promise<ModelItem> {
  const name = uniqueName('Folder');
  const body = expectStatus(await staff.api.post('/drive/folders', { parentId: parent, name }), 201);
  const item: ModelItem = { id: body.itemId, kind: 'folder', name, parent, status: 'ready' };
  oracle.items.set(item.id, item);
  return item;
}

/** A staff upload as the admin UI does it: start, PUT the bytes to the presigned URL, complete. */
async function uploadFile(parent: string, finish = true): Promise<ModelItem> {
  const name = uniqueName('Doc', '.txt');
  const bytes = Buffer.from(`contents of ${name} `.repeat(1 + random.int(5)));
  const started = expectStatus(await staff.api.post('/drive/uploads', { parentId: parent, name, size: bytes.length, contentType: 'text/plain' }), 201);
  const item: ModelItem = { id: started.item.itemId, kind: 'file', name, parent, status: 'pending', size: bytes.length, unfiled: !finish };
  oracle.items.set(item.id, item);
  if (!finish) return item;
  expect(await putToUrl(started.upload, bytes)).toBe(200);
  expectStatus(await staff.api.post(`/drive/items/${item.id}/complete`), 200);
  item.status = 'ready';
  return item;
}

async function share(contactId: string, itemIds: string[]) {
  if (!itemIds.length) return;
  expectStatus(await staff.api.post(`/contacts/${contactId}/shares`, { itemIds, notify: false }), 200);
  const set = oracle.shares.get(contactId) ?? new Set<string>();
  itemIds.forEach((i) => set.add(i));
  oracle.shares.set(contactId, set);
  note(`share ${itemIds.map(label).join(', ')} with ${label(contactId)}`);
}

async function unshare(contactId: string, itemId: string) {
  expectStatus(await staff.api.raw('DELETE', `/contacts/${contactId}/shares/${itemId}`), 200);
  oracle.shares.get(contactId)!.delete(itemId);
  note(`unshare ${label(itemId)} from ${label(contactId)}`);
}

async function move(itemId: string, parent: string) {
  expectStatus(await staff.api.raw('PATCH', `/drive/items/${itemId}`, { parentId: parent }), 200);
  oracle.item(itemId).parent = parent;
  note(`move ${label(itemId)} into ${label(parent)}`);
}

async function trash(itemId: string) {
  expectStatus(await staff.api.raw('DELETE', `/drive/items/${itemId}`), 200);
  oracle.item(itemId).status = 'trashed';
  note(`trash ${label(itemId)}`);
}

async function restore(itemId: string) {
  const item = oracle.item(itemId);
  const place = oracle.restorePlace(item);
  expectStatus(await staff.api.post(`/drive/items/${itemId}/restore`), 200);
  // A file that never finished uploading goes back to pending; everything else is ready again.
  Object.assign(item, { parent: place, status: item.unfiled ? 'pending' : 'ready' });
  note(`restore ${label(itemId)} into ${label(place)}`);
}

async function createMatter(client: string, parties: string[] = []): Promise<ModelMatter> {
  const title = uniqueName('Matter');
  const body = expectStatus(await staff.api.post('/matters', { title, clientId: client, parties: parties.map((contactId) => ({ contactId, partyType: PARTY_TYPE })) }), 201);
  oracle.items.set(body.folderId, { id: body.folderId, kind: 'folder', name: `${body.reference} ${title}`, parent: ROOT, status: 'ready' });
  const matter: ModelMatter = { id: body.matterId, title, client, parties, folder: body.folderId, archived: false, approved: false, documents: new Set(), comments: [] };
  oracle.matters.set(matter.id, matter);
  note(`create matter ${title} for ${label(client)}`);
  return matter;
}

/** A customer asks for new work, naming up to two of the contacts the form offers and a company of their own. */
async function submitRequest(person: Person) {
  const form = expectStatus(await person.customer.api.get('/request-form'), 200);
  const picked: string[] = form.contacts.filter(() => random.chance(0.5)).slice(0, 2).map((c: any) => c.contactId);
  const title = uniqueName('Request');
  const added = uniqueName('Newco');
  const involved = [...picked.map((contactId) => ({ contactId })), { name: added, kind: 'organisation' }];
  const body = expectStatus(await person.customer.api.post('/requests', { kind: form.kinds[0], title, involved }), 201);
  oracle.requests.set(body.requestId, { id: body.requestId, requester: person.id, title, picked, added, state: 'open' });
  note(`${person.name} requests ${title} naming [${picked.map(label).join(', ')}] and new ${added}`);
}

/** A customer comments on a document they see; staff sometimes answer in that thread. */
async function commentOnDocument(person: Person, file: ModelItem) {
  const text = uniqueName('Remark');
  expectStatus(await person.customer.api.post(`/shared/items/${file.id}/comments`, { text }), 201);
  oracle.docComments.push({ itemId: file.id, contactId: person.id, text });
  note(`${person.name} comments ${text} on ${file.name}`);
}

async function answerOnDocument(itemId: string, contactId: string) {
  const text = uniqueName('Reply');
  expectStatus(await staff.api.post(`/drive/items/${itemId}/comments/${contactId}`, { text }), 201);
  oracle.docComments.push({ itemId, contactId, text });
  note(`staff reply ${text} to ${label(contactId)} on ${label(itemId)}`);
}

/** Staff accept (a matter for the requester, the added company a new contact and a party) or decline with a reason. */
async function decideRequest(request: ModelRequest, accept: boolean) {
  if (!accept) {
    request.reason = uniqueName('Reason');
    expectStatus(await staff.api.post(`/requests/${request.id}/decline`, { reason: request.reason }), 200);
    request.state = 'declined';
    note(`decline request ${request.title}`);
    return;
  }
  const involved = [...request.picked, request.added].map(() => ({ partyType: PARTY_TYPE }));
  const { matter: body } = expectStatus(await staff.api.post(`/requests/${request.id}/accept`, { involved }), 201);
  const parties: string[] = body.parties.map((p: any) => p.contactId);
  const added = parties.find((id) => !request.picked.includes(id))!;
  oracle.contacts.set(added, { id: added, name: request.added, kind: 'organisation', access: 'none', archived: false, orgs: [] });
  oracle.items.set(body.folderId, { id: body.folderId, kind: 'folder', name: `${body.reference} ${request.title}`, parent: ROOT, status: 'ready' });
  oracle.matters.set(body.matterId, { id: body.matterId, title: request.title, client: request.requester, parties, folder: body.folderId, archived: false, approved: false, documents: new Set(), comments: [] });
  request.state = 'accepted';
  note(`accept request ${request.title} as matter ${body.reference}`);
}

async function typeDocument(matter: ModelMatter, itemId: string, documentType: string | null) {
  expectStatus(await staff.api.raw('PUT', `/matters/${matter.id}/documents/${itemId}/type`, { documentType }), 200);
  oracle.item(itemId).documentType = documentType ?? undefined;
  matter.documents.add(itemId);
  note(`type ${label(itemId)} in ${matter.title} as ${documentType ?? 'nothing'}`);
}

/** A staff answer, or an internal note, on a matter's thread (F18). */
async function comment(matter: ModelMatter, internal: boolean) {
  const text = uniqueName(internal ? 'Note' : 'Answer');
  const body = expectStatus(await staff.api.post(`/matters/${matter.id}/comments`, { text, internal }), 201);
  matter.comments.push({ id: body.commentId, text, internal, hidden: false });
  note(`${internal ? 'note' : 'answer'} ${text} on ${matter.title}`);
}

async function hide(matter: ModelMatter, c: ModelComment) {
  expectStatus(await staff.api.post(`/matters/${matter.id}/comments/${c.id}/hide`), 200);
  c.hidden = true;
  note(`hide ${c.text} on ${matter.title}`);
}

async function archiveMatter(matter: ModelMatter, archived: boolean) {
  expectStatus(await staff.api.raw('PATCH', `/matters/${matter.id}`, { archived }), 200);
  matter.archived = archived;
  note(`${archived ? 'archive' : 'bring back'} matter ${matter.title}`);
}

async function approveMatter(matter: ModelMatter, approved: boolean) {
  expectStatus(await staff.api.raw(approved ? 'POST' : 'DELETE', `/matters/${matter.id}/approval`), 200);
  matter.approved = approved;
  note(`${approved ? 'approve' : 'reopen'} matter ${matter.title}`);
}

async function closeAccess(contactId: string) {
  expectStatus(await staff.api.post(`/contacts/${contactId}/access/close`, { notifyCustomer: false }), 200);
  oracle.contacts.get(contactId)!.access = 'closed';
  note(`close access of ${label(contactId)}`);
}

async function reopenAccess(contactId: string) {
  expectStatus(await staff.api.post(`/contacts/${contactId}/access/reopen`, { notifyCustomer: false }), 200);
  oracle.contacts.get(contactId)!.access = 'open';
  note(`reopen access of ${label(contactId)}`);
}

/** Archiving closes an open access first, by the same operation; there is no way back. */
async function archive(contactId: string) {
  expectStatus(await staff.api.post(`/contacts/${contactId}/archive`, { notifyCustomer: false }), 200);
  const contact = oracle.contacts.get(contactId)!;
  Object.assign(contact, { archived: true, access: contact.access === 'open' ? 'closed' : contact.access });
  note(`archive ${label(contactId)}`);
}

async function setOrganisations(personId: string, orgs: string[]) {
  expectStatus(await staff.api.raw('PATCH', `/contacts/${personId}`, { organisationIds: orgs }), 200);
  oracle.contacts.get(personId)!.orgs = [...orgs];
  note(`link ${label(personId)} to [${orgs.map(label).join(', ')}]`);
}

// ---------------------------------------------------------------------------------------------
// What a customer receives, compared with the oracle.
// ---------------------------------------------------------------------------------------------

interface Got { path: string; status: number; text: string; body: any }
interface Person { customer: Customer; id: string; name: string }

/** The raw answer too, so "identical to a missing id" means the same bytes, not just the same status. */
async function fetchAs(token: string, path: string): Promise<Got> {
  const res = await fetch(`${cloud().customerApiUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const text = await res.text();
  let body: any = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON: keep the text */
  }
  return { path, status: res.status, text, body };
}

const withLimit = (path: string) => `${path}?limit=1`;
const tally = { visible: 0, hidden: 0, cursors: 0, replays: 0, checks: 0 };

/** One customer's answers during one check, all kept so they can be scanned for anything hidden from them. */
class View {
  answers: Got[] = [];
  cursors: { path: string; cursor: string }[] = [];
  constructor(
    readonly person: Person,
    readonly step: string,
  ) {}

  async get(path: string): Promise<Got> {
    const got = await fetchAs(this.person.customer.idToken, path);
    this.answers.push(got);
    return got;
  }

  where = (what: string) => `seed ${SEED}, after "${this.step}", ${this.person.name}: ${what}`;

  /**
   * Follows the cursor with `limit=1`: a page with a cursor holds exactly one item (never short
   * because something hidden was skipped) and no page after the first is empty (the cursor
   * promised one more visible item). The top level is paged like any folder.
   */
  async walk(path: string): Promise<{ first: Got; items: any[] }> {
    const first = await this.get(withLimit(path));
    if (first.status !== 200) return { first, items: [] };
    const items: any[] = [];
    for (let page = first, n = 0; ; n++) {
      const { items: got, cursor } = page.body;
      if (n > 0) expect(got.length, this.where(`page ${n} of ${path} holds one item`)).toBe(1);
      items.push(...got);
      if (typeof cursor !== 'string') return { first, items };
      expect(got.length, this.where(`page ${n} of ${path} has a cursor and one item`)).toBe(1);
      expect(n, this.where(`the walk of ${path} ends`)).toBeLessThan(100);
      this.cursors.push({ path, cursor });
      page = await this.get(`${withLimit(path)}&cursor=${encodeURIComponent(cursor)}`);
      expect(page.status, this.where(`next page of ${path}: ${page.text}`)).toBe(200);
    }
  }
}

/** Exactly the expected items, each once, each with its own kind, name and size. */
function expectExactly(view: View, where: string, got: any[], expected: ModelItem[]) {
  const ids = got.map((i) => i.itemId);
  expect(new Set(ids).size, view.where(`${where} lists an item twice`)).toBe(ids.length);
  const named = (list: string[]) => list.map((id) => `${label(id)} (${id})`).sort();
  expect(named(ids), view.where(where)).toEqual(named(expected.map((i) => i.id)));
  for (const i of got) {
    const m = oracle.item(i.itemId);
    expect({ kind: i.kind, name: i.name, size: i.size }, view.where(`${where}: ${m.name}`)).toEqual({ kind: m.kind, name: m.name, size: m.size });
  }
}

async function checkFolders(view: View, missingFolder: Got) {
  const grants = oracle.grants(view.person.id);
  for (const folder of oracle.all().filter((i) => i.kind === 'folder')) {
    const { first, items } = await view.walk(`/shared/folders/${folder.id}/items`);
    if (oracle.sees(view.person.id, folder, grants)) {
      expect(first.status, view.where(`browse visible ${folder.name}: ${first.text}`)).toBe(200);
      expectExactly(view, `inside ${folder.name}`, items, oracle.children(folder.id).filter((c) => oracle.sees(view.person.id, c, grants)));
      tally.visible++;
    } else {
      expect({ status: first.status, text: first.text }, view.where(`hidden ${folder.name} answers as a missing folder`)).toEqual({ status: 404, text: missingFolder.text });
      tally.hidden++;
    }
  }
}

async function checkFiles(view: View, missingFile: Got) {
  const grants = oracle.grants(view.person.id);
  for (const file of oracle.all().filter((i) => i.kind === 'file')) {
    const got = await view.get(`/shared/items/${file.id}/download`);
    if (oracle.sees(view.person.id, file, grants)) {
      expect(got.status, view.where(`download visible ${file.name}: ${got.text}`)).toBe(200);
      expect({ name: got.body.name, size: got.body.size }).toEqual({ name: file.name, size: file.size });
      tally.visible++;
    } else {
      expect({ status: got.status, text: got.text }, view.where(`hidden ${file.name} answers as a missing file`)).toEqual({ status: 404, text: missingFile.text });
      tally.hidden++;
    }
  }
  // Every document anyone commented on: their own thread where they see it, else the missing file's 404.
  for (const itemId of new Set(oracle.docComments.map((c) => c.itemId))) {
    const file = oracle.item(itemId);
    const thread = await view.walk(`/shared/items/${itemId}/comments`);
    if (oracle.sees(view.person.id, file, grants)) {
      const own = oracle.docComments.filter((c) => c.itemId === itemId && c.contactId === view.person.id).map((c) => c.text);
      expect(thread.items.map((c) => c.text), view.where(`your thread on ${file.name}`)).toEqual(own);
      tally.visible++;
    } else {
      expect({ status: thread.first.status, text: thread.first.text }, view.where(`the thread of hidden ${file.name}`)).toEqual({ status: 404, text: missingFile.text });
      tally.hidden++;
    }
  }
}

/** The customer's matters, each matter's page and documents, and every document that was ever in a matter's folder. */
async function checkMatters(view: View, missingFile: Got) {
  const person = view.person.id;
  const matters = [...oracle.matters.values()];
  const list = await view.walk('/matters');
  expect(list.first.status, view.where(`your matters: ${list.first.text}`)).toBe(200);
  const ids = list.items.map((m) => m.matterId);
  expect(new Set(ids).size, view.where('your matters lists a matter twice')).toBe(ids.length);
  const titled = (ms: { title: string }[]) => ms.map((m) => m.title).sort();
  expect(titled(list.items), view.where('your matters')).toEqual(titled(matters.filter((m) => oracle.seesMatter(person, m))));
  const missingMatter = await view.get(`/matters/${randomUUID()}`);
  expect(missingMatter.status, view.where('a matter that does not exist')).toBe(404);
  for (const matter of matters) {
    const seen = oracle.seesMatter(person, matter);
    const page = await view.get(`/matters/${matter.id}`);
    const documents = await view.walk(`/matters/${matter.id}/documents`);
    if (seen) {
      expect({ status: page.status, title: page.body.title, approved: page.body.approved }, view.where(`matter ${matter.title}`)).toEqual({ status: 200, title: matter.title, approved: matter.approved });
      expect(documents.first.status, view.where(`documents of ${matter.title}`)).toBe(200);
      expectExactly(view, `documents of ${matter.title}`, documents.items, oracle.children(matter.folder).filter((i) => oracle.seesDocument(person, matter, i)));
      const thread = await view.walk(`/matters/${matter.id}/comments`);
      expect(thread.items.map((c) => c.text), view.where(`the thread of ${matter.title}`)).toEqual(matter.comments.filter((c) => !c.internal && !c.hidden).map((c) => c.text));
      tally.visible++;
    } else {
      const thread = await view.walk(`/matters/${matter.id}/comments`);
      for (const got of [page, documents.first, thread.first]) expect({ status: got.status, text: got.text }, view.where(`hidden matter ${matter.title} (${got.path})`)).toEqual({ status: 404, text: missingMatter.text });
      tally.hidden++;
    }
    for (const itemId of matter.documents) {
      const item = oracle.item(itemId);
      const got = await view.get(`/matters/${matter.id}/documents/${itemId}/download`);
      if (oracle.seesDocument(person, matter, item)) {
        expect({ status: got.status, name: got.body.name, size: got.body.size }, view.where(`download ${item.name} of ${matter.title}`)).toEqual({ status: 200, name: item.name, size: item.size });
        tally.visible++;
      } else {
        const expected = seen ? missingFile.text : missingMatter.text;
        expect({ status: got.status, text: got.text }, view.where(`hidden ${item.name} of ${matter.title}`)).toEqual({ status: 404, text: expected });
        tally.hidden++;
      }
    }
  }
}

/** The customer's requests with limit=1, every request of the world by id, and whom the form offers. */
async function checkRequests(view: View) {
  const person = view.person.id;
  const requests = [...oracle.requests.values()];
  const list = await view.walk('/requests');
  expect(list.first.status, view.where(`your requests: ${list.first.text}`)).toBe(200);
  const described = (rs: { title: string; state: string }[]) => rs.map((r) => `${r.title} ${r.state}`).sort();
  expect(described(list.items), view.where('your requests')).toEqual(described(requests.filter((r) => r.requester === person)));
  const missing = await view.get(`/requests/${randomUUID()}`);
  expect(missing.status, view.where('a request that does not exist')).toBe(404);
  for (const request of requests) {
    const got = await view.get(`/requests/${request.id}`);
    if (request.requester === person) {
      expect({ status: got.status, state: got.body.state, reason: got.body.declineReason }, view.where(`request ${request.title}`)).toEqual({ status: 200, state: request.state, reason: request.reason });
      tally.visible++;
    } else {
      expect({ status: got.status, text: got.text }, view.where(`another's request ${request.title}`)).toEqual({ status: 404, text: missing.text });
      tally.hidden++;
    }
  }
  const form = await view.get('/request-form');
  expect(form.body.contacts.map((c: any) => label(c.contactId)).sort(), view.where('whom the request form offers')).toEqual(oracle.candidates(person).map(label).sort());
}

/** Every route a customer browses with, for every item in the world, against the oracle. */
async function checkCustomer(person: Person, step: string): Promise<View> {
  const view = new View(person, step);
  const missingFolder = await view.get(withLimit(`/shared/folders/${randomUUID()}/items`));
  const missingFile = await view.get(`/shared/items/${randomUUID()}/download`);
  expect([missingFolder.status, missingFile.status], view.where('ids that do not exist')).toEqual([404, 404]);
  const root = await view.walk('/shared');
  expect(root.first.status, view.where(`the top level: ${root.first.text}`)).toBe(200);
  expectExactly(view, 'the top level', root.items, oracle.roots(person.id).map(oracle.item));
  await checkFolders(view, missingFolder);
  await checkFiles(view, missingFile);
  await checkMatters(view, missingFile);
  await checkRequests(view);
  return view;
}

/** No answer the customer received holds the id or the name of anything hidden from them. */
function expectNothingHidden(view: View) {
  const grants = oracle.grants(view.person.id);
  const hidden = oracle.all().filter((i) => !oracle.reaches(view.person.id, i, grants));
  // A matter made from the customer's own request has that request's id and title, which they wrote and keep seeing on the request.
  const ownRequest = (m: ModelMatter) => oracle.requests.get(m.id)?.requester === view.person.id;
  const hiddenMatters = [...oracle.matters.values()].filter((m) => !oracle.seesMatter(view.person.id, m) && !ownRequest(m));
  // A hidden matter's title is also in its folder's name, which a share of that folder shows.
  const folderShown = (m: ModelMatter) => oracle.reaches(view.person.id, oracle.item(m.folder), grants);
  const tokens = [
    ...hidden.flatMap((i) => [[i.id, i.name], [i.name, i.name]]),
    ...hiddenMatters.flatMap((m) => [[m.id, `matter ${m.title}`], ...(folderShown(m) ? [] : [[m.title, `matter ${m.title}`]])]),
    [INTERNAL_TYPE, 'the internal document type'],
    // Internal notes and hidden comments anywhere, and every comment of a matter hidden from them.
    ...[...oracle.matters.values()].flatMap((m) => m.comments.filter((c) => c.internal || c.hidden || !oracle.seesMatter(view.person.id, m)).map((c) => [c.text, `comment ${c.text}`])),
    // Another customer's words on a document, and the firm's answers to them.
    ...oracle.docComments.filter((c) => c.contactId !== view.person.id).map((c) => [c.text, `comment on a document ${c.text}`]),
    // Another customer's requests: their titles, the companies they added, the reasons they were given.
    ...[...oracle.requests.values()].filter((r) => r.requester !== view.person.id).flatMap((r) => [[r.title, `request ${r.title}`], [r.added, `added contact ${r.added}`], ...(r.reason ? [[r.reason, `decline reason ${r.reason}`]] : [])]),
  ];
  for (const answer of view.answers) {
    for (const [token, what] of tokens) {
      if (answer.text.includes(token)) expect.fail(view.where(`${answer.path} (${answer.status}) reveals hidden ${what} by "${token}"`));
    }
  }
}

/** A cursor is opaque: neither it nor its decoded bytes contain any item's id or name. */
function expectOpaqueCursors(view: View) {
  const tokens = [...oracle.all().flatMap((i) => [i.id, i.name]), ...[...oracle.matters.values()].flatMap((m) => [m.id, m.title]), ...[...oracle.requests.values()].flatMap((r) => [r.id, r.title])];
  for (const { path, cursor } of view.cursors) {
    const decoded = Buffer.from(cursor, 'base64url').toString('latin1');
    const found = tokens.filter((t) => cursor.includes(t) || decoded.includes(t));
    expect(found, view.where(`a cursor of ${path} reveals`)).toEqual([]);
    tally.cursors++;
  }
}

/** A cursor works only for whom and where it was issued: replayed by another customer or on another folder, it is a 400. */
async function expectBoundCursors(views: View[]) {
  const folders = oracle.all().filter((i) => i.kind === 'folder');
  for (const [n, view] of views.entries()) {
    const sample = view.cursors.find((c) => c.path !== '/shared');
    const other = views[(n + 1) % views.length];
    if (!sample || other === view) continue;
    const elsewhere = folders.find((f) => !sample.path.includes(f.id))!;
    const query = `?limit=1&cursor=${encodeURIComponent(sample.cursor)}`;
    const replays = [await other.get(`${sample.path}${query}`), await view.get(`/shared/folders/${elsewhere.id}/items${query}`)];
    for (const replay of replays) {
      expect({ status: replay.status, code: replay.body?.error?.code }, view.where(`cursor of ${sample.path} replayed as ${replay.path}`)).toEqual({ status: 400, code: 'invalid_cursor' });
      tally.replays++;
    }
  }
}

let people: Person[] = [];
const hasAccess = (p: Person) => oracle.contacts.get(p.id)!.access === 'open';

/** Every customer whose access is open, checked side by side; then cursors and leaks across all their answers. */
async function checkAll(step: string) {
  const started = Date.now();
  const views = await Promise.all(people.filter(hasAccess).map((p) => checkCustomer(p, step)));
  await expectBoundCursors(views);
  for (const view of views) {
    expectOpaqueCursors(view);
    expectNothingHidden(view);
  }
  tally.checks++;
  note(`checked "${step}": ${views.reduce((n, v) => n + v.answers.length, 0)} answers in ${Date.now() - started} ms`);
}

/** A customer whose own access is closed gets one and the same refusal for everything, seen before or not. */
async function checkClosedOut(person: Person, step: string) {
  const view = new View(person, step);
  const refused = await view.get('/shared');
  expect(refused.status, view.where(refused.text)).toBe(403);
  expect(refused.body.error.code).toBe('access_closed');
  for (const item of oracle.all()) {
    const got = await view.get(item.kind === 'folder' ? withLimit(`/shared/folders/${item.id}/items`) : `/shared/items/${item.id}/download`);
    expect({ status: got.status, text: got.text }, view.where(`${item.name} after the close`)).toEqual({ status: 403, text: refused.text });
  }
  for (const path of [withLimit('/matters'), ...[...oracle.matters.values()].flatMap((m) => [`/matters/${m.id}`, withLimit(`/matters/${m.id}/documents`), withLimit(`/matters/${m.id}/comments`)])]) {
    const got = await view.get(path);
    expect({ status: got.status, text: got.text }, view.where(`${path} after the close`)).toEqual({ status: 403, text: refused.text });
  }
}

// ---------------------------------------------------------------------------------------------
// Generated state changes: each planner picks a change that the staff API must accept, or none.
// ---------------------------------------------------------------------------------------------

interface World { P: ModelItem; T0: ModelItem; X: ModelItem; f1: ModelItem; f2: ModelItem; Z: ModelItem; orgs: string[] }
let world: World;
type Plan = () => (() => Promise<void>) | undefined;

/** Items the generated steps may touch: the private folder P stays where it is, unshared, so "into P" always means "out of sight". */
const touchable = () => oracle.all().filter((i) => i.id !== world.P.id);

const planMove: Plan = () => {
  const item = random.maybePick(touchable().filter((i) => i.status !== 'trashed'));
  if (!item) return undefined;
  const folders = oracle.all().filter((f) => f.kind === 'folder' && oracle.liveFolder(f.id) && !oracle.inSubtree(f.id, item.id));
  const target = random.maybePick([ROOT, ...folders.map((f) => f.id)].filter((t) => t !== item.parent));
  return target ? () => move(item.id, target) : undefined;
};

const planTrash: Plan = () => {
  const item = random.maybePick(touchable().filter((i) => i.status !== 'trashed'));
  return item && (() => trash(item.id));
};

const planRestore: Plan = () => {
  const item = random.maybePick(touchable().filter((i) => i.status === 'trashed'));
  return item && (() => restore(item.id));
};

/** Contacts in a fixed order (organisations, then customers 0–4), so a seed replays the same choices. */
const contactIds = () => [...world.orgs, ...people.map((p) => p.id)];
const openGrantees = () => contactIds().filter((id) => !oracle.contacts.get(id)!.archived);

const planShare: Plan = () => {
  const item = random.maybePick(touchable().filter((i) => i.status === 'ready'));
  const grantee = random.maybePick(openGrantees());
  return item && grantee ? () => share(grantee, [item.id]) : undefined;
};

const planUnshare: Plan = () => {
  const pair = random.maybePick([...oracle.shares].flatMap(([c, ids]) => [...ids].map((i) => [c, i] as const)));
  return pair && (() => unshare(...pair));
};

const planOrganisationAccess: Plan = () => {
  const org = oracle.contacts.get(random.maybePick(world.orgs)!)!;
  if (org.archived || org.access === 'none') return undefined;
  return org.access === 'open' ? () => closeAccess(org.id) : () => reopenAccess(org.id);
};

const planLinks: Plan = () => {
  const person = random.maybePick(people)!;
  const orgs = world.orgs.filter(() => random.chance(0.5));
  return () => setOrganisations(person.id, orgs);
};

/** A ready file right in a matter's folder gets another type (a customer file, internal, or none). */
const planTypeDocument: Plan = () => {
  const choices = [...oracle.matters.values()].flatMap((m) => oracle.children(m.folder).filter((i) => i.kind === 'file' && i.status === 'ready').map((i) => [m, i] as const));
  const pair = random.maybePick(choices);
  if (!pair) return undefined;
  const type = random.maybePick([CUSTOMER_FILE, INTERNAL_TYPE, null].filter((t) => t !== (pair[1].documentType ?? null)));
  return () => typeDocument(pair[0], pair[1].id, type ?? null);
};

const planComment: Plan = () => {
  const matter = random.maybePick([...oracle.matters.values()]);
  if (!matter) return undefined;
  const shown = matter.comments.filter((c) => !c.internal && !c.hidden);
  const choice = random.int(3);
  if (choice === 2 && shown.length) {
    const c = random.maybePick(shown)!;
    return () => hide(matter, c);
  }
  return () => comment(matter, choice === 1);
};

const planMatterState: Plan = () => {
  const matter = random.maybePick([...oracle.matters.values()]);
  if (!matter) return undefined;
  return random.chance(0.5) ? () => archiveMatter(matter, !matter.archived) : () => approveMatter(matter, !matter.approved);
};

/** A file moved into a matter's folder, so documents come and go by the drive too. */
const planMoveIntoMatter: Plan = () => {
  const matter = random.maybePick([...oracle.matters.values()]);
  const file = random.maybePick(touchable().filter((i) => i.kind === 'file' && i.status === 'ready' && i.parent !== matter?.folder));
  if (!matter || !file) return undefined;
  return async () => {
    await move(file.id, matter.folder);
    matter.documents.add(file.id);
  };
};

const planRequest: Plan = () => {
  const person = random.maybePick(people.filter(hasAccess));
  return person && (() => submitRequest(person));
};

const planDecideRequest: Plan = () => {
  const request = random.maybePick([...oracle.requests.values()].filter((r) => r.state === 'open'));
  return request && (() => decideRequest(request, random.chance(0.5)));
};

const planDocumentComment: Plan = () => {
  const person = random.maybePick(people.filter(hasAccess));
  const file = person && random.maybePick(oracle.all().filter((i) => i.kind === 'file' && oracle.sees(person.id, i)));
  if (!person || !file) return undefined;
  const threads = [...new Set(oracle.docComments.map((c) => `${c.itemId} ${c.contactId}`))];
  const answer = random.chance(0.3) && random.maybePick(threads);
  if (answer) {
    const [itemId, contactId] = answer.split(' ');
    return () => answerOnDocument(itemId, contactId);
  }
  return () => commentOnDocument(person, file);
};

const plans: [number, Plan][] = [
  [1, planDocumentComment],
  [1, planRequest],
  [1, planDecideRequest],
  [4, planMove],
  [2, planTrash],
  [2, planRestore],
  [1, planShare],
  [1, planUnshare],
  [1, planOrganisationAccess],
  [1, planLinks],
  [2, planTypeDocument],
  [1, planMatterState],
  [1, planComment],
  [1, planMoveIntoMatter],
];

async function randomStep() {
  const total = plans.reduce((n, [w]) => n + w, 0);
  for (let attempt = 0; attempt < 50; attempt++) {
    let r = random.int(total);
    const [, plan] = plans.find(([w]) => (r -= w) < 0)!;
    const step = plan();
    if (step) return step();
  }
}

let roundsDone = 0;
async function randomRounds(rounds: number, stepsPerRound = 4) {
  for (let round = 0; round < rounds; round++) {
    for (let s = 0; s < stepsPerRound; s++) await randomStep();
    await checkAll(`random round ${++roundsDone}`);
  }
}

// ---------------------------------------------------------------------------------------------
// The world.
// ---------------------------------------------------------------------------------------------

/** A folder with a file or two and, below the top, sometimes one more level. */
async function randomTree(parent: string, depth: number): Promise<void> {
  const folder = await createFolder(parent);
  for (let k = 0, n = 1 + random.int(2); k < n; k++) await uploadFile(folder.id);
  const subfolders = depth === 2 ? 2 : depth === 1 && random.chance(0.5) ? 1 : 0;
  for (let s = 0; s < subfolders; s++) await randomTree(folder.id, depth - 1);
}

/**
 * P: a private folder, never shared. T0 (shared with the first customer) holds X, the folder of
 * the scenario, with two files and a subfolder Z, plus an upload that never finished.
 */
async function buildDrive(): Promise<Omit<World, 'orgs'>> {
  const P = await createFolder(ROOT);
  await uploadFile(P.id);
  const T0 = await createFolder(ROOT);
  const X = await createFolder(T0.id);
  const [f1, f2] = [await uploadFile(X.id), await uploadFile(X.id)];
  const Z = await createFolder(X.id);
  await uploadFile(Z.id);
  await uploadFile(T0.id);
  await uploadFile(T0.id, false);
  for (let t = 0; t < 2; t++) await randomTree(ROOT, 2);
  for (let k = 0; k < 3; k++) await uploadFile(ROOT);
  return { P, T0, X, f1, f2, Z };
}

/** Three organisations: two with their portal access opened, one never (its shares reach nobody). */
async function buildOrganisations(): Promise<string[]> {
  const ids = [];
  for (const [n, opened] of [true, true, false].entries()) {
    const name = `Org ${'ABC'[n]} ${SEED}`;
    const org = expectStatus(await staff.api.post('/contacts', { kind: 'organisation', name, email: `org-${n}-${randomUUID().slice(0, 8)}@example.test` }), 201);
    if (opened) expectStatus(await staff.api.post(`/contacts/${org.contactId}/access`), 200);
    oracle.contacts.set(org.contactId, { id: org.contactId, name, kind: 'organisation', access: opened ? 'open' : 'none', archived: false, orgs: [] });
    ids.push(org.contactId);
  }
  return ids;
}

/** Customers 0–3 belong to organisations (one to two of them), customer 4 to none. */
async function buildPeople(orgs: string[]): Promise<Person[]> {
  const memberships = [[orgs[0]], [orgs[0], orgs[1]], [orgs[1]], [orgs[2]], []];
  return Promise.all(
    memberships.map(async (organisationIds, n) => {
      const name = `Isolated Customer ${n}`;
      const customer = await customerSession(staff, { name, organisationIds });
      const id = customer.contact.contactId;
      oracle.contacts.set(id, { id, name, kind: 'person', access: 'open', archived: false, orgs: organisationIds });
      return { customer, id, name };
    }),
  );
}

/**
 * Matters: one for customer 0; one for open organisation A, with customer 2 as a party; one for
 * organisation C, never opened; one for customer 4, with customer 1 as a party. Each folder holds
 * two or three files: one a customer file, one internal, others typed at random or not at all.
 */
async function buildMatters() {
  const [a, , c] = world.orgs;
  const specs: [string, string[]][] = [[people[0].id, []], [a, [people[2].id]], [c, []], [people[4].id, [people[1].id]]];
  for (const [client, parties] of specs) {
    const matter = await createMatter(client, parties);
    const files = [await uploadFile(matter.folder), await uploadFile(matter.folder)];
    if (random.chance(0.5)) files.push(await uploadFile(matter.folder));
    const types = [CUSTOMER_FILE, INTERNAL_TYPE, ...files.slice(2).map(() => random.maybePick([CUSTOMER_FILE, INTERNAL_TYPE, null]) ?? null)];
    for (const [n, file] of files.entries()) {
      matter.documents.add(file.id);
      if (types[n]) await typeDocument(matter, file.id, types[n]);
    }
    // A thread of two answers and an internal note: the walk with limit=1 must skip the note.
    await comment(matter, false);
    await comment(matter, true);
    await comment(matter, false);
  }
}

async function addWorldLists() {
  originalLists = expectStatus(await staff.api.get('/matter-lists'), 200);
  expectStatus(
    await staff.api.raw('PUT', '/matter-lists', {
      ...originalLists,
      documentTypes: [...originalLists.documentTypes, { name: CUSTOMER_FILE, customerFile: true }, { name: INTERNAL_TYPE, customerFile: false }],
      partyTypes: [...originalLists.partyTypes, { name: PARTY_TYPE, customerVisible: true }],
    }),
    200,
  );
}
let originalLists: any;
let commentsBefore: boolean | undefined;

/** Random shares with persons and organisations, but none inside P or X, whose scenario needs them unshared; T0 goes to customer 0. */
async function shareRandomly() {
  const excluded = (i: ModelItem) => oracle.inSubtree(i.id, world.P.id) || oracle.inSubtree(i.id, world.X.id);
  const shareable = oracle.all().filter((i) => i.status === 'ready' && !excluded(i));
  for (const grantee of contactIds()) {
    const ids = shareable.filter(() => random.chance(0.15)).map((i) => i.id);
    // Everyone gets something, so closing, archiving or unlinking an organisation always takes something away.
    if (!ids.length) ids.push(random.maybePick(shareable)!.id);
    if (grantee === people[0].id) ids.push(world.T0.id);
    await share(grantee, [...new Set(ids)]);
  }
}

// ---------------------------------------------------------------------------------------------
// The run.
// ---------------------------------------------------------------------------------------------

beforeAll(async () => {
  console.log(`[isolation] seed ${SEED} (replay with ISOLATION_SEED=${SEED})`);
  staff = await staffSession({ admin: true, name: 'Isolation Staff' });
  const drive = await buildDrive();
  const orgs = await buildOrganisations();
  world = { ...drive, orgs };
  people = await buildPeople(orgs);
  await addWorldLists();
  commentsBefore = expectStatus(await staff.api.get('/settings'), 200).customerComments;
  expectStatus(await staff.api.raw('PATCH', '/settings', { customerComments: true }), 200);
  await buildMatters();
  await shareRandomly();
  // A request from each customer, one accepted and one declined: the rest stay open for the steps.
  for (const person of people.filter(hasAccess)) await submitRequest(person);
  // A comment from each customer on a document they see, one answered: threads to keep apart from the start.
  for (const person of people.filter(hasAccess)) {
    const file = random.maybePick(oracle.all().filter((i) => i.kind === 'file' && oracle.sees(person.id, i)));
    if (file) await commentOnDocument(person, file);
  }
  if (oracle.docComments.length) await answerOnDocument(oracle.docComments[0].itemId, oracle.docComments[0].contactId);
  const [first, second] = oracle.requests.values();
  await decideRequest(first, true);
  await decideRequest(second, false);
});

afterAll(async () => {
  if (originalLists) await staff.api.raw('PUT', '/matter-lists', originalLists);
  if (commentsBefore !== undefined) await staff.api.raw('PATCH', '/settings', { customerComments: commentsBefore });
});

describe('isolation in a generated world of organisations, moves, trash and restores', () => {
  it('every customer sees exactly what the oracle says after every change, and nothing else leaks', async () => {
    onTestFailed(() => console.log(`[isolation] seed ${SEED}; what happened:\n  ${journal.join('\n  ')}`));
    const started = Date.now();
    await checkAll('the world as built');
    await trashedItemsFollowTheirFolder();
    await restoreIntoTrashedFolderGoesToTheTop();

    const [a, b] = world.orgs;
    if (oracle.contacts.get(a)!.access === 'open') await closeAccess(a);
    await checkAll('organisation A closed');
    await randomRounds(2);
    await setOrganisations(people[1].id, oracle.contacts.get(people[1].id)!.orgs.filter((o) => o !== b));
    await checkAll('customer 1 unlinked from organisation B');
    await randomRounds(2);
    if (oracle.contacts.get(a)!.access === 'closed') await reopenAccess(a);
    await archive(b);
    await checkAll('organisation A reopened, organisation B archived');
    await randomRounds(2);

    // The customer's own access closed: their token opens nothing, and says nothing about what exists.
    await closeAccess(people[4].id);
    await checkAll('customer 4 closed');
    await checkClosedOut(people[4], 'customer 4 closed');

    console.log(`[isolation] seed ${SEED}: ${tally.checks} checks, ${journal.length} journal lines, ${JSON.stringify(tally)} in ${Math.round((Date.now() - started) / 1000)} s`);
    // The world is mixed enough that a leak or an over-refusal would show.
    expect(tally.visible).toBeGreaterThan(50);
    expect(tally.hidden).toBeGreaterThan(50);
    expect(tally.replays).toBeGreaterThan(5);
  }, 480_000);
});

/**
 * The scenario: items trashed inside X, X moved into the private folder, the items
 * restored: they come back inside X where X is now (out of sight), never where X used to be.
 * Then X moves back and they are visible again. Z is a trashed subtree, so its file follows too.
 */
async function trashedItemsFollowTheirFolder() {
  const { X, f1, Z, P, T0 } = world;
  await trash(f1.id);
  await trash(Z.id);
  // Z's file is still "ready" itself: only the folder above it says it is gone.
  await checkAll('a file and the subtree Z trashed inside X');
  await move(X.id, P.id);
  await restore(f1.id);
  await restore(Z.id);
  expect([oracle.item(f1.id).parent, oracle.item(Z.id).parent]).toEqual([X.id, X.id]);
  await checkAll('trashed items of X restored after X moved into the private folder');
  await move(X.id, T0.id);
  await checkAll('X moved back into T0');
}

/** A restore whose folder is itself in the trash lands at the top level, where no share above reaches it. */
async function restoreIntoTrashedFolderGoesToTheTop() {
  const { X, f2 } = world;
  await trash(f2.id);
  await trash(X.id);
  await restore(f2.id);
  expect(oracle.item(f2.id).parent).toBe(ROOT);
  await checkAll('f2 restored to the top while X is in the trash');
  await restore(X.id);
  await checkAll('X restored');
}
