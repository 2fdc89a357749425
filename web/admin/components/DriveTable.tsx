import { Fragment, useState } from 'react';
import { Link } from 'react-router';
import { get, type Answer } from '../../common/api.ts';
import { formatBytes, formatDate } from '../../common/format.ts';
import { ErrorMessage } from '../../common/ui.tsx';
import { useAction } from './hooks.tsx';
import { DeletePanel, DownloadsPanel, MovePanel, RenamePanel, SharePanel } from './ItemPanels.tsx';
import type { DriveItem } from './types.tsx';

type Action = 'rename' | 'move' | 'delete' | 'share' | 'downloads';
const PANELS = { rename: RenamePanel, move: MovePanel, delete: DeletePanel, share: SharePanel, downloads: DownloadsPanel };
const ACTION_BUTTONS: { action: Action; label: string; ariaLabel: (name: string) => string; filesOnly?: boolean }[] = [
  { action: 'rename', label: 'Rename', ariaLabel: (name) => `Rename ${name}` },
  { action: 'move', label: 'Move', ariaLabel: (name) => `Move ${name}` },
  { action: 'delete', label: 'Delete', ariaLabel: (name) => `Delete ${name}` },
  { action: 'share', label: 'Share with…', ariaLabel: (name) => `Share ${name} with…` },
  { action: 'downloads', label: 'Downloads', ariaLabel: (name) => `Who downloaded ${name}`, filesOnly: true },
];

export const isNewCustomerUpload = (item: DriveItem) => item.createdBy.kind === 'customer' && !item.seenByStaffAt;

function DownloadButton({ item }: { item: DriveItem }) {
  const action = useAction();
  const download = () =>
    action.run(async () => {
      const { url } = await get<Answer<'staff-download-item'>>(`/drive/items/${item.itemId}/download`);
      window.location.assign(url);
    });
  return (
    <>
      <button type="button" className="secondary" aria-label={`Download ${item.name}`} disabled={action.busy} onClick={() => void download()}>
        Download
      </button>
      <ErrorMessage error={action.error} />
    </>
  );
}

function ItemName({ item }: { item: DriveItem }) {
  if (item.kind === 'folder') {
    return (
      <span className="folder">
        <Link to={`/drive/${item.itemId}`}>{item.name}</Link>
      </span>
    );
  }
  return (
    <span>
      {item.name}
      {isNewCustomerUpload(item) && <> <span className="badge new">New</span></>}
      {item.status === 'pending' && <span className="muted"> (upload not finished)</span>}
    </span>
  );
}

/** A folder's items with their actions; one action panel is open at a time, under its item. */
export function DriveTable({ items, onChanged }: { items: DriveItem[]; onChanged: (message: string) => void }) {
  const [open, setOpen] = useState<{ itemId: string; action: Action }>();
  return (
    <div className="table-wrap">
      <table className="stack-on-phone">
        <thead>
          <tr>
            <th>Name</th>
            <th className="optional">Size</th>
            <th>Added</th>
            <th>Added by</th>
            <th>Actions</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const Panel = open?.itemId === item.itemId ? PANELS[open.action] : undefined;
            return (
              <Fragment key={item.itemId}>
                <tr>
                  <td>
                    <ItemName item={item} />
                  </td>
                  <td className="optional">{item.kind === 'file' ? formatBytes(item.size) : ''}</td>
                  <td>{formatDate(item.createdAt)}</td>
                  <td>{item.createdBy.name}</td>
                  <td>
                    <div className="actions">
                      {item.kind === 'file' && item.status === 'ready' && <DownloadButton item={item} />}
                      {ACTION_BUTTONS.filter((b) => !b.filesOnly || item.kind === 'file').map(({ action, label, ariaLabel }) => (
                        <button
                          key={action}
                          type="button"
                          className="secondary"
                          aria-label={ariaLabel(item.name)}
                          aria-expanded={open?.itemId === item.itemId && open.action === action}
                          onClick={() => setOpen(open?.itemId === item.itemId && open.action === action ? undefined : { itemId: item.itemId, action })}
                        >
                          {label}
                        </button>
                      ))}
                    </div>
                  </td>
                </tr>
                {Panel && (
                  <tr className="panel-row">
                    <td colSpan={5}>
                      <Panel
                        item={item}
                        onCancel={() => setOpen(undefined)}
                        onDone={(message) => {
                          setOpen(undefined);
                          onChanged(message);
                        }}
                      />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
