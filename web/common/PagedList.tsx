import type { ReactNode } from 'react';
import { useI18n } from './i18n.ts';
import type { usePaged } from './paging.ts';
import { ErrorMessage, Loading } from './ui.tsx';

/**
 * The frame every paged list of both UIs shares: loading, the API's refusal, the rows (drawn by
 * `children`), what to say when there are none, and "Load more" while pages follow.
 */
export function PagedList<T>({ listing, empty, children }: { listing: ReturnType<typeof usePaged<T>>; empty: ReactNode; children: (items: T[]) => ReactNode }) {
  const { t } = useI18n();
  return (
    <>
      {!listing.loaded ? listing.error ? <ErrorMessage error={listing.error} /> : <Loading /> : listing.items.length ? children(listing.items) : <p className="muted">{empty}</p>}
      {listing.loaded && <ErrorMessage error={listing.error} />}
      {listing.loaded && listing.loading && <Loading />}
      {listing.hasMore && (
        <p>
          <button type="button" className="secondary" disabled={listing.loading} onClick={() => void listing.loadMore()}>
            {t('common.loadMore')}
          </button>
        </p>
      )}
    </>
  );
}
