import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from './types.tsx';

/** Runs one request at a time for a button or form: `busy` disables it, `error` is shown next to it. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const run = useCallback(async (work: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setError(undefined);
    try {
      await work();
      return true;
    } catch (e) {
      setError(e);
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, run, clearError: () => setError(undefined) };
}

/**
 * A list the API pages with a cursor: the first page loads whenever `deps` change, `loadMore`
 * appends the next one. An answer for an older search never overwrites a newer one.
 */
export function usePaged<T>(load: (cursor?: string) => Promise<Page<T>>, deps: unknown[]) {
  const [state, setState] = useState<{ items: T[]; cursor?: string; loading: boolean; error?: unknown }>({ items: [], loading: true });
  const generation = useRef(0);
  const fetchPage = useCallback((cursor?: string) => {
    const mine = cursor ? generation.current : ++generation.current;
    // A first page starts empty: rows of the previous folder or search must not stay clickable meanwhile.
    setState((s) => ({ ...s, items: cursor ? s.items : [], loading: true, error: undefined }));
    load(cursor).then(
      (page) =>
        mine === generation.current &&
        setState((s) => ({ items: cursor ? [...s.items, ...page.items] : page.items, cursor: page.cursor, loading: false })),
      (error) => mine === generation.current && setState((s) => ({ ...s, loading: false, error })),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  useEffect(() => fetchPage(), [fetchPage]);
  return {
    ...state,
    hasMore: !!state.cursor,
    loadMore: () => state.cursor && fetchPage(state.cursor),
    reload: () => fetchPage(),
    update: (change: (items: T[]) => T[]) => setState((s) => ({ ...s, items: change(s.items) })),
  };
}

/** `value`, once it has stopped changing for `ms`: a search waits for the typing to pause. */
export function useDebounced<T>(value: T, ms = 300): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
