/** A list the APIs page with a cursor, loaded a page at a time. */
import { useCallback, useEffect, useRef, useState } from 'react';

export interface Page<T> {
  items: T[];
  /** Absent on the last page. */
  cursor?: string;
}

interface PagedState<T> {
  items: T[];
  cursor?: string;
  /** The first page of the current list has arrived. */
  loaded: boolean;
  loading: boolean;
  error?: unknown;
}

/**
 * The first page loads whenever `deps` change and starts empty, so rows of the previous folder or
 * search never stay clickable meanwhile; `reload` keeps the rows on screen until the new first
 * page arrives; `loadMore` appends the next page. An answer for an older list never overwrites a newer one.
 */
export function usePaged<T>(load: (cursor?: string) => Promise<Page<T>>, deps: unknown[]) {
  const [state, setState] = useState<PagedState<T>>({ items: [], loaded: false, loading: true });
  const generation = useRef(0);
  const fetchPage = useCallback((cursor?: string, keepItems = false) => {
    const mine = cursor ? generation.current : ++generation.current;
    setState((s) => (cursor || keepItems ? { ...s, loading: true, error: undefined } : { items: [], loaded: false, loading: true }));
    load(cursor).then(
      (page) =>
        mine === generation.current &&
        setState((s) => ({ items: cursor ? [...s.items, ...page.items] : page.items, cursor: page.cursor, loaded: true, loading: false })),
      (error) => mine === generation.current && setState((s) => ({ ...s, loading: false, error })),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  useEffect(() => fetchPage(), [fetchPage]);
  return {
    ...state,
    hasMore: !!state.cursor,
    loadMore: () => state.cursor && fetchPage(state.cursor),
    reload: () => fetchPage(undefined, true),
    update: (change: (items: T[]) => T[]) => setState((s) => ({ ...s, items: change(s.items) })),
  };
}
