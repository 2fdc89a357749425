/** What the customer may do with one item: download, send a revised version, and replace or delete their own uploads. */
import { useState } from 'react';
import { downloadLink, deleteUpload, type PortalItem } from './portalApi.tsx';
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
  const { permissions } = usePortal().profile;
  if (item.kind === 'folder') return null;
  const own = item.uploadedByYou;
  return (
    <div className="row item-actions">
      <DownloadButton item={item} onError={handlers.failed} />
      {!own && permissions.upload && (
        <FilePickerButton label={`Upload a revised version of ${item.name}`} disabled={handlers.uploading} onFile={(f) => handlers.revise(item, f)}>
          Upload a revised version
        </FilePickerButton>
      )}
      {/* Replacing is uploading too: the API asks for both controls. */}
      {own && permissions.upload && permissions.replaceOwnUploads && (
        <FilePickerButton label={`Replace ${item.name}`} disabled={handlers.uploading} onFile={(f) => handlers.revise(item, f)}>
          Replace
        </FilePickerButton>
      )}
      {own && permissions.deleteOwnUploads && <DeleteButton item={item} handlers={handlers} />}
    </div>
  );
}

function DownloadButton({ item, onError }: { item: PortalItem; onError: (error: unknown) => void }) {
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      const { url } = await downloadLink(item.itemId);
      window.location.assign(url);
    } catch (error) {
      onError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <button type="button" aria-label={`Download ${item.name}`} disabled={busy} onClick={() => void download()}>
      Download
    </button>
  );
}

function DeleteButton({ item, handlers }: { item: PortalItem; handlers: ItemActionHandlers }) {
  const [busy, setBusy] = useState(false);
  const remove = async () => {
    if (!window.confirm(`Delete “${item.name}”? It will no longer be in your portal.`)) return;
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
    <button type="button" className="danger" aria-label={`Delete ${item.name}`} disabled={busy} onClick={() => void remove()}>
      Delete
    </button>
  );
}
