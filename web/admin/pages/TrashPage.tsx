import { useState } from 'react';
import { post } from '../../common/api.ts';
import { formatBytes, formatDate } from '../../common/format.ts';
import { ErrorMessage, Loading } from '../../common/ui.tsx';
import { Breadcrumb, listPage, TRASH } from '../components/folders.tsx';
import { useAction, usePaged } from '../components/hooks.tsx';
import type { DriveItem } from '../components/types.tsx';

function RestoreButton({ item, onRestored }: { item: DriveItem; onRestored: () => void }) {
  const action = useAction();
  return (
    <>
      <button
        type="button"
        className="secondary"
        aria-label={`Restore ${item.name}`}
        disabled={action.busy}
        onClick={() => void action.run(() => post(`/drive/items/${item.itemId}/restore`)).then((ok) => ok && onRestored())}
      >
        Restore
      </button>
      <ErrorMessage error={action.error} />
    </>
  );
}

/** What was deleted from the drive, newest first; everything here can be restored. */
export function TrashPage() {
  const items = usePaged((cursor) => listPage(TRASH, cursor), []);
  const [notice, setNotice] = useState<string>();
  return (
    <>
      <h1>Drive</h1>
      <Breadcrumb folderId={TRASH} />
      <h2>Trash</h2>
      <p className="muted">Deleted items stay here for a while before they are removed for good.</p>
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
          <table>
            <thead>
              <tr>
                <th>Name</th>
                <th className="optional">Size</th>
                <th>Deleted</th>
                <th className="optional">Deleted by</th>
                <th>Actions</th>
              </tr>
            </thead>
            <tbody>
              {items.items.map((item) => (
                <tr key={item.itemId}>
                  <td>
                    <span className={item.kind}>{item.name}</span>
                  </td>
                  <td className="optional">{formatBytes(item.size)}</td>
                  <td>{formatDate(item.trashedAt)}</td>
                  <td className="optional">{item.trashedBy}</td>
                  <td>
                    <RestoreButton
                      item={item}
                      onRestored={() => {
                        setNotice(`${item.name} was restored.`);
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
        !items.error && <p className="muted">The trash is empty.</p>
      )}
      {items.hasMore && (
        <button type="button" className="secondary" onClick={items.loadMore} disabled={items.loading}>
          {items.loading ? 'Loading…' : 'Load more'}
        </button>
      )}
    </>
  );
}
