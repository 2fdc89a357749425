/** What the customer may do with one item: download, comment, send a revised version, and replace or delete their own uploads. */
import { useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../common/i18n.ts';
import { downloadLink, deleteUpload, type PortalItem } from './portalApi.tsx';
import { DownloadButton } from './DownloadButton.tsx';
import { FilePickerButton } from './FilePickerButton.tsx';
import type { FolderTrail } from './ItemTable.tsx';
import { usePortal } from './PortalContext.tsx';

export interface ItemActionHandlers {
  /** Sends `file` as a revised version of (or, for an own upload, a replacement for) `item`. */
  revise: (item: PortalItem, file: File) => void;
  /** An action failed; the list shows the message. */
  failed: (error: unknown) => void;
  /** The item is gone from the list (deleted). */
  changed: () => void;
  /** An upload is running: upload buttons wait for it. */
  uploading: boolean;
}

/** Where a file's comments page goes back to, and its name: passed in the link, like a folder's trail. */
export interface DocumentTrail extends FolderTrail {
  name: string;
}

export function ItemActions({ item, trail, handlers }: { item: PortalItem; trail: FolderTrail['trail']; handlers: ItemActionHandlers }) {
  const { t } = useI18n();
  const { permissions, email: viewer } = usePortal().profile;
  if (item.kind === 'folder') return null;
  const own = item.uploadedByYou;
  return (
    <div className="row item-actions">
      <DownloadButton name={item.name} link={() => downloadLink(item.itemId)} onError={handlers.failed} />
      {/* The customer's own thread with the firm on this file: readable even while the firm takes no comments. */}
      <Link
        className="button secondary"
        to={`/items/${encodeURIComponent(item.itemId)}/comments`}
        state={{ viewer, trail, name: item.name } satisfies DocumentTrail}
        aria-label={t('documentComments.openLabel', { name: item.name })}
      >
        {t('documentComments.open')}
      </Link>
      {!own && permissions.upload && (
        <FilePickerButton label={t('items.uploadRevisedLabel', { name: item.name })} disabled={handlers.uploading} onFile={(f) => handlers.revise(item, f)}>
          {t('items.uploadRevised')}
        </FilePickerButton>
      )}
      {/* Replacing is uploading too: the API asks for both controls. */}
      {own && permissions.upload && permissions.replaceOwnUploads && (
        <FilePickerButton label={t('items.replaceLabel', { name: item.name })} disabled={handlers.uploading} onFile={(f) => handlers.revise(item, f)}>
          {t('items.replace')}
        </FilePickerButton>
      )}
      {own && permissions.deleteOwnUploads && <DeleteButton item={item} handlers={handlers} />}
    </div>
  );
}

function DeleteButton({ item, handlers }: { item: PortalItem; handlers: ItemActionHandlers }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const remove = async () => {
    if (!window.confirm(t('items.confirmDelete', { name: item.name }))) return;
    setBusy(true);
    try {
      await deleteUpload(item.itemId);
      handlers.changed();
    } catch (error) {
      handlers.failed(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <button type="button" className="danger" aria-label={t('items.deleteLabel', { name: item.name })} disabled={busy} onClick={() => void remove()}>
      {t('items.delete')}
    </button>
  );
}
