/** A listing loaded a page at a time: the first page with `useAsync`, further pages appended on request. */
import { useState } from 'react';
import { useAsync } from '../../common/ui.tsx';
import type { ItemPage, PortalItem } from './portalApi.tsx';

export function usePagedItems(loadPage: (cursor?: string) => Promise<ItemPage>, deps: unknown[]) {
  const first = useAsync(() => loadPage(), deps);
  // Pages loaded after `base`; a reload makes a new first page, so older extra pages fall away by themselves.
  const [more, setMore] = useState<{ base: ItemPage; items: PortalItem[]; cursor?: string }>();
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<unknown>();

  const extra = more && more.base === first.data ? more : undefined;
  const items = [...(first.data?.items ?? []), ...(extra?.items ?? [])];
  const cursor = extra ? extra.cursor : first.data?.cursor;

  const loadMore = async () => {
    const base = first.data;
    if (!base || !cursor) return;
    setLoadingMore(true);
    setMoreError(undefined);
    try {
      const page = await loadPage(cursor);
      setMore((m) => {
        const previous = m && m.base === base ? m.items : [];
        return { base, items: [...previous, ...page.items], cursor: page.cursor };
      });
    } catch (error) {
      setMoreError(error);
    } finally {
      setLoadingMore(false);
    }
  };

  return {
    items,
    loaded: first.data !== undefined,
    loading: first.loading,
    error: first.error,
    moreError,
    hasMore: Boolean(cursor),
    loadingMore,
    loadMore,
    reload: first.reload,
  };
}
