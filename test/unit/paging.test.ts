/** Pages filled with what the caller may see, and sealed cursors that reveal and open nothing else. */
import { describe, expect, it } from 'vitest';
import { mergedPage, visiblePage, type OrderedList } from '../../shared/domain/paging.ts';
import { CURSOR_LIFETIME_SECONDS, cursorKeyFrom, openCursor, sealCursor } from '../../shared/http/cursor.ts';
import { AppError } from '../../shared/errors.ts';

/** A store of numbered items that pages by index; its cursor is the next index. */
function store(count: number) {
  const fetched: number[] = [];
  return {
    fetched,
    source: {
      async fetch(limit: number, cursor?: string) {
        const from = cursor ? Number(cursor) : 0;
        fetched.push(limit);
        const items = Array.from({ length: Math.max(0, Math.min(limit, count - from)) }, (_, i) => from + i);
        return { items, cursor: from + limit < count ? String(from + limit) : undefined };
      },
      cursorAfter: (item: number) => String(item + 1),
    },
  };
}

async function walk(count: number, visible: (n: number) => boolean, limit: number) {
  const { source } = store(count);
  const pages: number[][] = [];
  let cursor: string | undefined;
  do {
    const page = await visiblePage(source, visible, limit, cursor);
    pages.push(page.items);
    cursor = page.cursor;
  } while (cursor && pages.length < 1000);
  return pages;
}

describe('visiblePage', () => {
  const rules: [string, (n: number) => boolean][] = [
    ['everything visible', () => true],
    ['every third visible', (n) => n % 3 === 0],
    ['only the last visible', (n) => n === 29],
    ['only the first visible', (n) => n === 0],
    ['nothing visible', () => false],
    ['a long hidden run in the middle', (n) => n < 3 || n > 25],
  ];
  for (const [name, visible] of rules) {
    for (const limit of [1, 2, 5, 50]) {
      it(`${name}, limit ${limit}: every visible item once, in order, full pages but the last, no hidden item, no empty last page`, async () => {
        const pages = await walk(30, visible, limit);
        const all = pages.flat();
        const expected = Array.from({ length: 30 }, (_, i) => i).filter(visible);
        expect(all).toEqual(expected);
        for (const page of pages.slice(0, -1)) expect(page).toHaveLength(limit);
        if (expected.length) expect(pages.at(-1)!.length).toBeGreaterThan(0);
        expect(pages.length).toBe(Math.max(1, Math.ceil(expected.length / limit)));
      });
    }
  }

  it('a page\'s cursor points just after its last visible item, not at a hidden item read past it', async () => {
    const { source } = store(10);
    const page = await visiblePage(source, (n) => n % 2 === 0, 2);
    expect(page.items).toEqual([0, 2]);
    expect(page.cursor).toBe('3');
  });
});

describe('sealed cursors', () => {
  const key = cursorKeyFrom('a secret of the stack');
  const binding = { route: 'GET /shared/folders/{folderId}/items', scope: { folderId: 'f-1' }, caller: 'customer:c-ann:sub-ann' };
  const codeOf = (fn: () => unknown) => {
    try {
      return fn();
    } catch (e) {
      return e instanceof AppError ? `${e.status} ${e.code}` : `threw ${String(e)}`;
    }
  };

  it('round-trips the position for the same route, parameters and caller, and shows nothing of it', () => {
    const position = Buffer.from(JSON.stringify({ itemId: 'i-secret', sortKey: '1#tax return.pdf#i-secret' })).toString('base64url');
    const sealed = sealCursor(key, position, binding);
    expect(openCursor(key, sealed, binding)).toBe(position);
    const shown = Buffer.from(sealed, 'base64url').toString('latin1');
    expect(sealed).not.toContain(position);
    expect(shown).not.toMatch(/i-secret|tax return/);
    // Two seals of one position differ: nothing can be compared across pages.
    expect(sealCursor(key, position, binding)).not.toBe(sealed);
  });

  it.each([
    ['another route', { ...binding, route: 'GET /drive/folders/{folderId}/items' }],
    ['another folder', { ...binding, scope: { folderId: 'f-2' } }],
    ['another search', { ...binding, scope: { folderId: 'f-1', 'query.search': 'x' } }],
    ['another caller', { ...binding, caller: 'customer:c-bob:sub-bob' }],
  ])('refuses a cursor issued for %s', (_, other) => {
    expect(codeOf(() => openCursor(key, sealCursor(key, 'pos', binding), other))).toBe('400 invalid_cursor');
  });

  it('refuses a cursor sealed with another key, a forged one, a truncated one and an expired one', () => {
    const sealed = sealCursor(key, 'pos', binding);
    expect(codeOf(() => openCursor(cursorKeyFrom('another secret'), sealed, binding))).toBe('400 invalid_cursor');
    const forged = Buffer.from(JSON.stringify({ itemId: 'x', listedUnder: 'root', sortKey: '0#' })).toString('base64url');
    expect(codeOf(() => openCursor(key, forged, binding))).toBe('400 invalid_cursor');
    expect(codeOf(() => openCursor(key, sealed.slice(0, 20), binding))).toBe('400 invalid_cursor');
    expect(codeOf(() => openCursor(key, '', binding))).toBe('400 invalid_cursor');
    const flipped = Buffer.from(sealed, 'base64url');
    flipped[flipped.length - 1] ^= 1;
    expect(codeOf(() => openCursor(key, flipped.toString('base64url'), binding))).toBe('400 invalid_cursor');
    const issued = new Date('2026-01-01T00:00:00Z');
    const old = sealCursor(key, 'pos', binding, issued);
    expect(openCursor(key, old, binding, new Date(issued.getTime() + (CURSOR_LIFETIME_SECONDS - 1) * 1000))).toBe('pos');
    expect(codeOf(() => openCursor(key, old, binding, new Date(issued.getTime() + (CURSOR_LIFETIME_SECONDS + 1) * 1000)))).toBe('400 invalid_cursor');
  });
});

describe('merged lists', () => {
  /** A list of numbers, largest first (the merge's order), paged by index; it counts its reads. */
  function list(values: number[]): OrderedList<number> & { reads: number } {
    const sorted = [...values].sort((a, b) => b - a);
    const l = {
      reads: 0,
      async fetch(limit: number, cursor?: string) {
        l.reads++;
        const from = cursor ? sorted.indexOf(Number(cursor)) + 1 : 0;
        const items = sorted.slice(from, from + limit);
        // As DynamoDB does: a cursor whenever the limit was reached, even with nothing after it.
        return { items, cursor: items.length === limit ? String(items[items.length - 1]) : undefined };
      },
      cursorAfter: (n: number) => String(n),
    };
    return l;
  }
  const largestFirst = (a: number, b: number) => b - a;

  async function walkAll(lists: Record<string, OrderedList<number>>, limit: number) {
    const pages: number[][] = [];
    let cursor: string | undefined;
    do {
      const page = await mergedPage(lists, largestFirst, limit, cursor);
      pages.push(page.items);
      cursor = page.cursor;
    } while (cursor && pages.length < 100);
    return pages;
  }

  it('walks every item of every list once, in order, with every page size', async () => {
    const values = { a: [1, 4, 5, 9, 12], b: [2, 3, 10], c: [], d: [7, 8, 11, 13, 14, 15] };
    const all = Object.values(values).flat().sort((x, y) => y - x);
    for (const limit of [1, 2, 3, 5, 19, 20, 50]) {
      const pages = await walkAll(Object.fromEntries(Object.entries(values).map(([k, v]) => [k, list(v)])), limit);
      expect(pages.flat()).toEqual(all);
      // Full pages until the last; no empty page at the end.
      for (const page of pages.slice(0, -1)) expect(page).toHaveLength(limit);
      expect(pages[pages.length - 1].length).toBeGreaterThan(0);
    }
  });

  it('has no cursor when the lists are read to the end, and one while any item is left', async () => {
    expect(await mergedPage({ a: list([1, 2]) }, largestFirst, 2)).toEqual({ items: [2, 1] });
    expect((await mergedPage({ a: list([1, 2, 3]) }, largestFirst, 2)).cursor).toBeDefined();
    expect(await mergedPage({}, largestFirst, 5)).toEqual({ items: [] });
    expect(await mergedPage({ a: list([]), b: list([]) }, largestFirst, 5)).toEqual({ items: [] });
  });

  it('reads a list once a page, and no more once it is at its end', async () => {
    const short = list([100]);
    const long = list([1, 2, 3, 4, 5, 6]);
    const first = await mergedPage({ short, long }, largestFirst, 2);
    expect(first.items).toEqual([100, 6]);
    expect([short.reads, long.reads]).toEqual([1, 1]);
    await mergedPage({ short, long }, largestFirst, 2, first.cursor);
    expect([short.reads, long.reads]).toEqual([1, 2]);
  });

  it('gives no cursor when the last page is exactly full, though the store said "more" at its limit', async () => {
    expect(await mergedPage({ a: list([1]) }, largestFirst, 1)).toEqual({ items: [1] });
    expect(await mergedPage({ a: list([1, 2]), b: list([3]) }, largestFirst, 3)).toEqual({ items: [3, 2, 1] });
  });

  it('a list whose items were all fetched but not all taken is read again from where it stopped', async () => {
    // b's one page holds 3 and 1; 3 is taken, 1 is not: b is not at its end yet.
    const pages = await walkAll({ a: list([4, 2]), b: list([3, 1]) }, 2);
    expect(pages).toEqual([[4, 3], [2, 1]]);
  });

  it('a cursor that is not one of its own is a 400, never a crash', async () => {
    for (const bad of ['not json', '[1]', '{"a":1}', '{"a":"x","b":1}', 'null', '"text"', '7']) {
      await expect(mergedPage({ a: list([1]) }, largestFirst, 1, bad), bad).rejects.toMatchObject({
        status: 400,
        code: 'invalid_cursor',
        message: 'cursor: use the cursor value a previous page returned.',
      });
    }
  });

  it('a list its store cuts short (fewer items than asked, with a cursor) is read again from there', async () => {
    // A store that returns at most two items a read, as DynamoDB does at its size limit.
    const capped = (values: number[]): OrderedList<number> => {
      const inner = list(values);
      return { fetch: (limit, cursor) => inner.fetch(Math.min(limit, 2), cursor), cursorAfter: inner.cursorAfter };
    };
    const pages = await walkAll({ a: capped([1, 3, 5, 7, 9]) }, 3);
    expect(pages.flat()).toEqual([9, 7, 5, 3, 1]);
  });

  it('a cursor from a list read to its end reads that list no more', async () => {
    const done = list([50]);
    const rest = list([1, 2, 3, 4]);
    const first = await mergedPage({ done, rest }, largestFirst, 2);
    expect(JSON.parse(first.cursor!).done).toBeNull();
    const second = await mergedPage({ done, rest }, largestFirst, 2, first.cursor);
    expect(second.items).toEqual([3, 2]);
    expect(done.reads).toBe(1);
  });
});
