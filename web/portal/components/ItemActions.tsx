/** What the customer may do with one item: download, send a revised version, and replace or delete their own uploads. */
import { useState } from 'react';
import { useI18n } from '../../common/i18n.ts';
import { downloadLink, deleteUpload, type PortalItem } from './portalApi.tsx';
import { DownloadButton } from './DownloadButton.tsx';
import { FilePickerButton } from './FilePickerButton.tsx';
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

export function ItemActions({ item, handlers }: { item: PortalItem; handlers: ItemActionHandlers }) {
  const { t } = useI18n();
  const { permissions } = usePortal().profile;
  if (item.kind === 'folder') return null;
  const own = item.uploadedByYou;
  return (
    <div className="row item-actions">
      <DownloadButton name={item.name} link={() => downloadLink(item.itemId)} onError={handlers.failed} />
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
