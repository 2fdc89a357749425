/** Pages of what a caller may see, filled from a store that also holds what they may not. */
import type { Page } from './ports.ts';
import { badRequest } from '../errors.ts';

export interface FilteredSource<T> {
  /** One page of the store, from `cursor`. */
  fetch(limit: number, cursor?: string): Promise<Page<T>>;
  /** The store's position just after `item`, to resume from it. */
  cursorAfter(item: T): string;
}

/**
 * A page of up to `limit` items the caller may see. It is never short because of filtering unless
 * it is the last page, and its cursor points just after its last item (never at an item the
 * caller may not see), so the next page starts right there. There is a cursor only when at least
 * one more visible item exists: the walk looks one visible item ahead.
 */
export async function visiblePage<T>(source: FilteredSource<T>, visible: (item: T) => boolean, limit: number, cursor?: string): Promise<Page<T>> {
  const items: T[] = [];
  let position = cursor;
  for (;;) {
    const page = await source.fetch(limit + 1, position);
    for (const item of page.items) {
      if (!visible(item)) continue;
      if (items.length === limit) return { items, cursor: source.cursorAfter(items[items.length - 1]) };
      items.push(item);
    }
    if (!page.cursor) return { items };
    position = page.cursor;
  }
}

/** One of the lists `mergedPage` merges: pages of it in the merge's order, and the position after an item. */
export interface OrderedList<T> {
  fetch(limit: number, cursor?: string): Promise<Page<T>>;
  cursorAfter(item: T): string;
}

/**
 * A page of up to `limit` items of several lists merged in one order (`before` < 0 when `a` comes
 * first; every list must already be in that order, and no item may be in two lists). The cursor
 * carries each list's own position (null once read to its end), so a page costs one read of each
 * list that is not at its end, however long the lists are.
 */
export async function mergedPage<T>(lists: Record<string, OrderedList<T>>, before: (a: T, b: T) => number, limit: number, cursor?: string): Promise<Page<T>> {
  const position: Record<string, string | null> = cursor ? readPositions(cursor) : {};
  const open = Object.keys(lists).filter((name) => position[name] !== null);
  // One more than a page from each list: a store may say "more" at its limit with nothing left
  // (DynamoDB does), so a cursor is given only when an item beyond this page was actually seen.
  const heads = await Promise.all(open.map(async (name) => ({ name, page: await lists[name].fetch(limit + 1, position[name] ?? undefined) })));
  const merged = heads.flatMap((h) => h.page.items.map((item) => ({ name: h.name, item }))).sort((a, b) => before(a.item, b.item));
  const taken = merged.slice(0, limit);
  for (const { name, item } of taken) position[name] = lists[name].cursorAfter(item);
  const allTaken = (items: T[]) => items.every((item) => taken.some((t) => t.item === item));
  for (const h of heads) if (!h.page.cursor && allTaken(h.page.items)) position[h.name] = null;
  // A list cut short by its store (a read's size limit) may still hold more: look again from there.
  const more = merged.length > limit || heads.some((h) => h.page.cursor && allTaken(h.page.items));
  return { items: taken.map((t) => t.item), cursor: more ? JSON.stringify(position) : undefined };
}

const isPositions = (value: unknown): value is Record<string, string | null> =>
  !!value && typeof value === 'object' && !Array.isArray(value) && Object.values(value).every((v) => v === null || typeof v === 'string');

function readPositions(cursor: string): Record<string, string | null> {
  try {
    const parsed: unknown = JSON.parse(cursor);
    if (isPositions(parsed)) return parsed;
  } catch {
    // Not JSON: refused below, as any cursor that is not one of ours.
  }
  throw badRequest('invalid_cursor', 'cursor: use the cursor value a previous page returned.');
}
