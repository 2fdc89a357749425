import { Fragment, useState } from 'react';
import { Link } from 'react-router';
import { get, type Answer } from '../../common/api.ts';
import { formatBytes, formatDate } from '../../common/format.ts';
import { useI18n } from '../../common/i18n.ts';
import { ErrorMessage } from '../../common/ui.tsx';
import { useAction } from './hooks.tsx';
import { CommentsPanel, DeletePanel, DownloadsPanel, MovePanel, RenamePanel, SharePanel } from './ItemPanels.tsx';
import type { DriveItem } from './types.tsx';

type Action = 'rename' | 'move' | 'delete' | 'share' | 'downloads' | 'comments';
const PANELS = { rename: RenamePanel, move: MovePanel, delete: DeletePanel, share: SharePanel, downloads: DownloadsPanel, comments: CommentsPanel };
/**
 * Each button's words are `<words>.<action>` and, naming the item for a screen reader,
 * `<words>.<action>Label`; `words` is `drive` unless the action's words have a section of their own.
 */
const ACTION_BUTTONS: { action: Action; filesOnly?: boolean; words?: string }[] = [
  { action: 'rename' },
  { action: 'move' },
  { action: 'delete' },
  { action: 'share' },
  { action: 'comments', filesOnly: true, words: 'documentComments' },
  // Last: the phone layout test opens a file's receipts by its last button.
  { action: 'downloads', filesOnly: true },
];

export const isNewCustomerUpload = (item: DriveItem) => item.createdBy.kind === 'customer' && !item.seenByStaffAt;

function DownloadButton({ item }: { item: DriveItem }) {
  const { t } = useI18n();
  const action = useAction();
  const download = () =>
    action.run(async () => {
      const { url } = await get<Answer<'staff-download-item'>>(`/drive/items/${item.itemId}/download`);
      window.location.assign(url);
    });
  return (
    <>
      <button type="button" className="secondary" aria-label={t('drive.downloadLabel', { name: item.name })} disabled={action.busy} onClick={() => void download()}>
        {t('drive.download')}
      </button>
      <ErrorMessage error={action.error} />
    </>
  );
}

function ItemName({ item }: { item: DriveItem }) {
  const { t } = useI18n();
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
      {isNewCustomerUpload(item) && <> <span className="badge new">{t('drive.new')}</span></>}
      {item.status === 'pending' && <span className="muted">{t('drive.pending')}</span>}
    </span>
  );
}

/** A folder's items with their actions; one action panel is open at a time, under its item. */
export function DriveTable({ items, onChanged }: { items: DriveItem[]; onChanged: (message: string) => void }) {
  const { t, locale } = useI18n();
  const [open, setOpen] = useState<{ itemId: string; action: Action }>();
  return (
    <div className="table-wrap">
      <table className="stack-on-phone" role="table">
        <thead role="rowgroup">
          <tr role="row">
            <th role="columnheader">{t('table.name')}</th>
            <th role="columnheader" className="optional">{t('table.size')}</th>
            <th role="columnheader">{t('drive.added')}</th>
            <th role="columnheader">{t('drive.addedBy')}</th>
            <th role="columnheader">{t('table.actions')}</th>
          </tr>
        </thead>
        <tbody role="rowgroup">
          {items.map((item) => {
            const Panel = open?.itemId === item.itemId ? PANELS[open.action] : undefined;
            return (
              <Fragment key={item.itemId}>
                <tr role="row">
                  <td role="cell">
                    <ItemName item={item} />
                  </td>
                  <td role="cell" className="optional" data-label={t('table.size')}>
                    {item.kind === 'file' ? formatBytes(item.size, locale) : ''}
                  </td>
                  <td role="cell" data-label={t('drive.added')}>{formatDate(item.createdAt, locale)}</td>
                  <td role="cell" data-label={t('drive.addedBy')}>{item.createdBy.name}</td>
                  <td role="cell">
                    <div className="actions">
                      {item.kind === 'file' && item.status === 'ready' && <DownloadButton item={item} />}
                      {ACTION_BUTTONS.filter((b) => !b.filesOnly || item.kind === 'file').map(({ action, words = 'drive' }) => (
                        <button
                          key={action}
                          type="button"
                          className="secondary"
                          aria-label={t(`${words}.${action}Label`, { name: item.name })}
                          aria-expanded={open?.itemId === item.itemId && open.action === action}
                          onClick={() => setOpen(open?.itemId === item.itemId && open.action === action ? undefined : { itemId: item.itemId, action })}
                        >
                          {t(`${words}.${action}`)}
                        </button>
                      ))}
                    </div>
                  </td>
                </tr>
                {Panel && (
                  <tr role="row" className="panel-row">
                    <td role="cell" colSpan={5}>
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
