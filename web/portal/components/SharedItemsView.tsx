/** One listing of shared items with its states: loading, refused, empty, the table, "Load more", and revised-version uploads. */
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../common/api.ts';
import { useI18n } from '../../common/i18n.ts';
import { ErrorMessage, Loading } from '../../common/ui.tsx';
import { ItemTable, type FolderTrail } from './ItemTable.tsx';
import type { ItemActionHandlers } from './ItemActions.tsx';
import type { ItemPage, PortalItem } from './portalApi.tsx';
import { usePortal, useReportError } from './PortalContext.tsx';
import { UploadList, useUploads } from './uploads.tsx';
import { usePaged } from '../../common/paging.ts';
import { useReloadAfterArrival } from './useReloadAfterArrival.tsx';

/** 403 and 404 mean the item was unshared or removed meanwhile. */
const isGone = (error: unknown) => error instanceof ApiError && (error.status === 403 || error.status === 404);

export function SharedItemsView({
  loadPage,
  deps,
  trail,
  emptyText,
}: {
  loadPage: (cursor?: string) => Promise<ItemPage>;
  deps: unknown[];
  trail: FolderTrail['trail'];
  emptyText: string;
}) {
  const { t } = useI18n();
  const listing = usePaged(loadPage, deps);
  // Before the first page, an error refuses the whole listing; after it, only "Load more" failed.
  const refused = listing.loaded ? undefined : listing.error;
  const moreError = listing.loaded ? listing.error : undefined;
  const { report } = usePortal();
  const [actionError, setActionError] = useState<unknown>();
  useReportError(listing.error);

  const { reload } = listing;
  const refreshAfterUpload = useReloadAfterArrival(reload);
  const revisions = useUploads(refreshAfterUpload);

  const handlers: ItemActionHandlers = {
    revise: (item: PortalItem, file: File) => {
      setActionError(undefined);
      void revisions.upload([file], item.itemId);
    },
    failed: (error) => {
      report(error);
      setActionError(error);
      if (isGone(error)) reload();
    },
    changed: () => {
      setActionError(undefined);
      reload();
    },
    uploading: revisions.busy,
  };

  if (refused) return <RefusedListing error={refused} retry={reload} />;
  if (!listing.loaded) return <Loading />;
  return (
    <>
      {actionError !== undefined && <ActionError error={actionError} offerWayBack={trail.length > 0} />}
      <UploadList entries={revisions.entries} />
      {listing.items.length ? <ItemTable items={listing.items} trail={trail} handlers={handlers} /> : <p className="muted">{emptyText}</p>}
      <ErrorMessage error={moreError} />
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

function RefusedListing({ error, retry }: { error: unknown; retry: () => void }) {
  const { t } = useI18n();
  return (
    <>
      <ErrorMessage error={error} />
      <p>
        {isGone(error) ? (
          <Link to="/">{t('items.backToShared')}</Link>
        ) : (
          <button type="button" className="secondary" onClick={retry}>
            {t('common.tryAgain')}
          </button>
        )}
      </p>
    </>
  );
}

function ActionError({ error, offerWayBack }: { error: unknown; offerWayBack: boolean }) {
  const { t } = useI18n();
  return (
    <div className="action-error">
      <ErrorMessage error={error} />
      {offerWayBack && isGone(error) && (
        <p>
          <Link to="/">{t('items.backToShared')}</Link>
        </p>
      )}
    </div>
  );
}
