import { useState } from 'react';
import { post } from '../../common/api.ts';
import { formatBytes, formatDate } from '../../common/format.ts';
import { useI18n } from '../../common/i18n.ts';
import { ErrorMessage, Loading } from '../../common/ui.tsx';
import { Breadcrumb, listPage, TRASH } from '../components/folders.tsx';
import { useAction, usePaged } from '../components/hooks.tsx';
import type { DriveItem } from '../components/types.tsx';

function RestoreButton({ item, onRestored }: { item: DriveItem; onRestored: () => void }) {
  const { t } = useI18n();
  const action = useAction();
  return (
    <>
      <button
        type="button"
        className="secondary"
        aria-label={t('drive.restoreLabel', { name: item.name })}
        disabled={action.busy}
        onClick={() => void action.run(() => post(`/drive/items/${item.itemId}/restore`)).then((ok) => ok && onRestored())}
      >
        {t('drive.restore')}
      </button>
      <ErrorMessage error={action.error} />
    </>
  );
}

/** What was deleted from the drive, newest first; everything here can be restored. */
export function TrashPage() {
  const { t, locale } = useI18n();
  const items = usePaged((cursor) => listPage(TRASH, cursor), []);
  const [notice, setNotice] = useState<string>();
  return (
    <>
      <h1>{t('nav.drive')}</h1>
      <Breadcrumb folderId={TRASH} />
      <h2>{t('drive.trash')}</h2>
      <p className="muted">{t('drive.trashExplain')}</p>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <ErrorMessage error={items.error} />
      {items.loading && !items.items.length ? (
        <Loading />
      ) : items.items.length ? (
        <div className="table-wrap">
          <table className="stack-on-phone" role="table">
            <thead role="rowgroup">
              <tr role="row">
                <th role="columnheader">{t('table.name')}</th>
                <th role="columnheader" className="optional">{t('table.size')}</th>
                <th role="columnheader">{t('drive.deleted')}</th>
                <th role="columnheader" className="optional">{t('drive.deletedBy')}</th>
                <th role="columnheader">{t('table.actions')}</th>
              </tr>
            </thead>
            <tbody role="rowgroup">
              {items.items.map((item) => (
                <tr role="row" key={item.itemId}>
                  <td role="cell">
                    <span className={item.kind}>{item.name}</span>
                  </td>
                  <td role="cell" className="optional" data-label={t('table.size')}>
                    {formatBytes(item.size, locale)}
                  </td>
                  <td role="cell" data-label={t('drive.deleted')}>{formatDate(item.trashedAt, locale)}</td>
                  <td role="cell" className="optional" data-label={t('drive.deletedBy')}>
                    {item.trashedBy}
                  </td>
                  <td role="cell">
                    <RestoreButton
                      item={item}
                      onRestored={() => {
                        setNotice(t('drive.restored', { name: item.name }));
                        items.update((all) => all.filter((i) => i.itemId !== item.itemId));
                      }}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        !items.error && <p className="muted">{t('drive.trashEmpty')}</p>
      )}
      {items.hasMore && (
        <button type="button" className="secondary" onClick={items.loadMore} disabled={items.loading}>
          {items.loading ? t('common.loading') : t('common.loadMore')}
        </button>
      )}
    </>
  );
}
