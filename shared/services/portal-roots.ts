/**
 * The top level of a customer's portal, paged like any folder: their own "From <name>" folder
 * first, then everything shared with them or their organisations, most recently shared first.
 *
 * Each grantee (the customer, each organisation whose shares reach them) has its own list of
 * shares, newest first; a page merges the heads of those lists. The position in every list travels
 * in the cursor, so a page costs one query per grantee and two batch reads, whatever the number
 * of shares.
 */
import { customerCanSee, isLive } from '../domain/access-policy.ts';
import type { CustomerPrincipal, DriveItem, Share } from '../domain/model.ts';
import { visiblePage, type FilteredSource } from '../domain/paging.ts';
import type { Page, ShareStore } from '../domain/ports.ts';
import { badRequest } from '../errors.ts';
import { inboxFolderId, toPortalItem, type PortalDeps, type PortalItem } from './customer-portal.ts';

/** Where a walk of the roots stands: past the inbox or not, and each grantee's list position ("end" once read to the end). */
interface RootsPosition {
  pastInbox: boolean;
  lists: Record<string, string>;
}

interface Candidate {
  itemId: string;
  share?: Share;
  /** The walk's position just after this candidate. */
  after: RootsPosition;
}

const START: RootsPosition = { pastInbox: false, lists: {} };
const END = 'end';

export async function listSharedRoots(deps: PortalDeps, customer: CustomerPrincipal, limit: number, cursor?: string): Promise<Page<PortalItem>> {
  const shown = new Map<string, { item: DriveItem; share?: Share }>();
  const source: FilteredSource<Candidate> = {
    fetch: async (n, at) => {
      const page = await candidates(deps.shares, customer, n, at ? readPosition(at) : START);
      for (const [id, entry] of await showable(deps, customer, page.items)) shown.set(id, entry);
      return page;
    },
    cursorAfter: (c) => JSON.stringify(c.after),
  };
  const page = await visiblePage(source, (c) => shown.has(key(c)), limit, cursor);
  return {
    items: page.items.map((c) => {
      const { item, share } = shown.get(key(c))!;
      return toPortalItem(customer, item, share?.sharedBy);
    }),
    cursor: page.cursor,
  };
}

const key = (c: Candidate) => (c.share ? `${c.share.contactId}/${c.itemId}` : c.itemId);

/** The next candidates in order: the inbox (once, besides the `n`), then `n` of the grantees' shares merged newest first. */
async function candidates(shares: ShareStore, customer: CustomerPrincipal, n: number, from: RootsPosition): Promise<Page<Candidate>> {
  const position: RootsPosition = { pastInbox: from.pastInbox, lists: { ...from.lists } };
  const out: Candidate[] = [];
  if (!position.pastInbox) {
    position.pastInbox = true;
    out.push({ itemId: inboxFolderId(customer.contactId), after: snapshot(position) });
  }
  const open = customer.granteeIds.filter((g) => position.lists[g] !== END);
  const heads = await Promise.all(open.map(async (g) => ({ grantee: g, page: await shares.newestFirst(g, n, position.lists[g]) })));
  const merged = heads.flatMap((h) => h.page.items).sort(listedBefore);
  // The inbox rides along without taking a share's place: it may not exist, and a page that comes
  // back one short would cost a second round of reads.
  const taken = merged.slice(0, n);
  for (const share of taken) {
    position.lists[share.contactId] = shares.cursorAfter(share);
    out.push({ itemId: share.itemId, share, after: snapshot(position) });
  }
  // A list is at its end once everything it returned was taken and it said there is no more.
  for (const h of heads) {
    if (!h.page.cursor && h.page.items.every((s) => taken.includes(s))) {
      position.lists[h.grantee] = END;
      if (out.length) out[out.length - 1].after = snapshot(position);
    }
  }
  const more = merged.length > taken.length || heads.some((h) => position.lists[h.grantee] !== END);
  return { items: out, cursor: more ? JSON.stringify(position) : undefined };
}

/**
 * Which candidates are shown, with their items: the inbox when it is live; a share when its item
 * is live and this is the item's most recent share among the customer's grantees (an item shared
 * with both the customer and their organisation is listed once, where it was last shared).
 */
async function showable(deps: PortalDeps, customer: CustomerPrincipal, page: Candidate[]): Promise<Map<string, { item: DriveItem; share?: Share }>> {
  const ids = [...new Set(page.map((c) => c.itemId))];
  const items = await deps.drive.getMany(ids);
  const [ancestors, others] = await Promise.all([
    deps.drive.getMany([...new Set(items.flatMap((i) => i.ancestorIds))]),
    customer.granteeIds.length > 1 ? deps.shares.find(customer.granteeIds, ids) : Promise.resolve([] as Share[]),
  ]);
  const byId = new Map(items.map((i) => [i.itemId, i]));
  const inbox = inboxFolderId(customer.contactId);
  const result = new Map<string, { item: DriveItem; share?: Share }>();
  for (const c of page) {
    const item = byId.get(c.itemId);
    if (!item || !isLive(item, ancestors)) continue;
    if (!c.share) {
      if (customerCanSee(customer, item, new Set())) result.set(key(c), { item });
      continue;
    }
    const share = c.share;
    const newer = others.some((o) => o.itemId === share.itemId && o.contactId !== share.contactId && listedBefore(o, share) < 0);
    if (item.itemId !== inbox && !newer && customerCanSee(customer, item, new Set([share.itemId]))) result.set(key(c), { item, share });
  }
  return result;
}

/**
 * The order of the merged lists: newest share first; at the same instant, by grantee, then as each
 * grantee's own list orders them (item id, descending), so the merge keeps every list's order.
 */
function listedBefore(a: Share, b: Share): number {
  if (a.sharedAt !== b.sharedAt) return a.sharedAt > b.sharedAt ? -1 : 1;
  if (a.contactId !== b.contactId) return a.contactId < b.contactId ? -1 : 1;
  return a.itemId > b.itemId ? -1 : a.itemId < b.itemId ? 1 : 0;
}

const snapshot = (p: RootsPosition): RootsPosition => ({ pastInbox: p.pastInbox, lists: { ...p.lists } });

/** The position inside a cursor the route already opened (sealed, so only a position we made can arrive). */
function readPosition(cursor: string): RootsPosition {
  try {
    const p = JSON.parse(cursor) as RootsPosition;
    if (typeof p.pastInbox === 'boolean' && p.lists && typeof p.lists === 'object' && Object.values(p.lists).every((v) => typeof v === 'string')) return p;
  } catch {
    // falls through to the refusal
  }
  throw badRequest('invalid_cursor', 'cursor: use the cursor value a previous page returned.');
}
