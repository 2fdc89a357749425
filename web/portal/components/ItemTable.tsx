/** The items of one listing: folders link further in, files carry their actions. */
import { Link } from 'react-router';
import { formatBytes, formatDate } from '../../common/format.ts';
import { useI18n } from '../../common/i18n.ts';
import { ItemActions, type ItemActionHandlers } from './ItemActions.tsx';
import { usePortal } from './PortalContext.tsx';
import type { PortalItem } from './portalApi.tsx';

/** The folders above a listing, passed along in the link so a folder page can name itself and its breadcrumb. */
export interface FolderTrail {
  /** Whose browsing made this trail: the tab's history outlives a sign-out, and one customer's folder names must never show to the next. */
  viewer?: string;
  trail: { folderId: string; name: string }[];
}

export function ItemTable({ items, trail, handlers }: { items: PortalItem[]; trail: FolderTrail['trail']; handlers: ItemActionHandlers }) {
  const { t, locale } = useI18n();
  return (
    <div className="table-wrap">
      <table className="items stack-on-phone" role="table">
        <thead role="rowgroup">
          <tr role="row">
            <th role="columnheader" scope="col">{t('items.name')}</th>
            <th role="columnheader" scope="col" className="optional">
              {t('items.size')}
            </th>
            <th role="columnheader" scope="col">{t('items.date')}</th>
            <th role="columnheader" scope="col">
              <span className="visually-hidden">{t('items.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody role="rowgroup">
          {items.map((item) => (
            <tr role="row" key={item.itemId}>
              <td role="cell" className="item-name">
                <ItemName item={item} trail={trail} />
              </td>
              {/* On a phone the cells stack, each named by its column ("Size", "Date"); a folder's "Folder" names itself. */}
              <td role="cell" className="optional item-size" data-label={item.kind === 'file' ? t('items.size') : undefined}>
                {item.kind === 'file' ? formatBytes(item.size, locale) : <span className="muted">{t('items.folder')}</span>}
              </td>
              <td role="cell" className="item-date" data-label={t('items.date')}>
                {formatDate(item.updatedAt, locale)}
              </td>
              <td role="cell">
                <ItemActions item={item} trail={trail} handlers={handlers} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ItemName({ item, trail }: { item: PortalItem; trail: FolderTrail['trail'] }) {
  const { t } = useI18n();
  const viewer = usePortal().profile.email;
  const mine = item.uploadedByYou && item.kind === 'file' && <span className="badge mine">{t('items.yourUpload')}</span>;
  if (item.kind === 'file') {
    return (
      <>
        <span className="file-name">{item.name}</span> {mine}
      </>
    );
  }
  const state: FolderTrail = { viewer, trail: [...trail, { folderId: item.itemId, name: item.name }] };
  return (
    <Link to={`/folders/${encodeURIComponent(item.itemId)}`} state={state}>
      {item.name}
    </Link>
  );
}
