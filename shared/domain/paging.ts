/** Pages of what a caller may see, filled from a store that also holds what they may not. */
import type { Page } from './ports.ts';

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
