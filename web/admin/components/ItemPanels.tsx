import { useId, useState } from 'react';
import { del, get, patch, post, query, type Answer } from '../../common/api.ts';
import { formatDate } from '../../common/format.ts';
import { ErrorMessage, Loading } from '../../common/ui.tsx';
import { ContactSearch } from './ContactSearch.tsx';
import { Dialog } from './Dialog.tsx';
import { FolderTree } from './FolderTree.tsx';
import { useAction, usePaged } from './hooks.tsx';
import type { AuditEntry, Contact, DriveItem, Page } from './types.tsx';

interface PanelProps {
  item: DriveItem;
  /** The change was made; `message` says what happened. */
  onDone: (message: string) => void;
  onCancel: () => void;
}

function Cancel({ onCancel }: { onCancel: () => void }) {
  return (
    <button type="button" className="secondary" onClick={onCancel}>
      Cancel
    </button>
  );
}

export function RenamePanel({ item, onDone, onCancel }: PanelProps) {
  const id = useId();
  const [name, setName] = useState(item.name);
  const action = useAction();
  return (
    <Dialog label={`Rename ${item.name}`} onClose={onCancel}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void action.run(() => patch(`/drive/items/${item.itemId}`, { name })).then((ok) => ok && onDone(`Renamed to ${name.trim()}.`));
        }}
      >
        <label htmlFor={id}>New name</label>
        <div className="row">
          <input id={id} type="text" value={name} onChange={(e) => setName(e.target.value)} required />
          <button type="submit" disabled={action.busy || !name.trim()}>
            Save
          </button>
          <Cancel onCancel={onCancel} />
        </div>
        <ErrorMessage error={action.error} />
      </form>
    </Dialog>
  );
}

export function MovePanel({ item, onDone, onCancel }: PanelProps) {
  const [target, setTarget] = useState<{ id: string; name: string }>();
  const action = useAction();
  return (
    <Dialog label={`Move ${item.name}`} onClose={onCancel}>
      <p>Choose the folder to move {item.name} into:</p>
      <FolderTree currentId={target?.id ?? ''} onChoose={(id, name) => setTarget({ id, name })} disabledId={item.kind === 'folder' ? item.itemId : undefined} />
      <p aria-live="polite">{target ? `Destination: ${target.name}` : 'No folder chosen yet.'}</p>
      <div className="row">
        <button
          type="button"
          disabled={!target || action.busy}
          onClick={() => void action.run(() => patch(`/drive/items/${item.itemId}`, { parentId: target!.id })).then((ok) => ok && onDone(`Moved ${item.name} to ${target!.name}.`))}
        >
          Move here
        </button>
        <Cancel onCancel={onCancel} />
      </div>
      <ErrorMessage error={action.error} />
    </Dialog>
  );
}

export function DeletePanel({ item, onDone, onCancel }: PanelProps) {
  const action = useAction();
  return (
    <Dialog label={`Delete ${item.name}`} onClose={onCancel}>
      <p>
        Move {item.name} to the trash?{item.kind === 'folder' ? ' Everything in it goes along.' : ''} It can be restored from the trash.
      </p>
      <div className="row">
        <button
          type="button"
          className="danger"
          disabled={action.busy}
          onClick={() => void action.run(() => del(`/drive/items/${item.itemId}`)).then((ok) => ok && onDone(`${item.name} was moved to the trash.`))}
        >
          Move to trash
        </button>
        <Cancel onCancel={onCancel} />
      </div>
      <ErrorMessage error={action.error} />
    </Dialog>
  );
}

export function SharePanel({ item, onDone, onCancel }: PanelProps) {
  const [contact, setContact] = useState<Contact>();
  const [notify, setNotify] = useState(true);
  const action = useAction();
  const share = () =>
    action.run(async () => {
      const result = await post<Answer<'staff-share-items'>>(`/contacts/${contact!.contactId}/shares`, { itemIds: [item.itemId], notify });
      const what = result.added.length ? `Shared ${item.name} with ${contact!.name}` : `${item.name} was already shared with ${contact!.name}`;
      const told = result.emailed === 0 ? '' : result.emailed === 1 ? '; they are told by email' : `; ${result.emailed} people are told by email`;
      onDone(`${what}${told}.`);
    });
  return (
    <Dialog label={`Share ${item.name} with a contact`} onClose={onCancel}>
      {contact ? (
        <p className="row">
          <span>
            Share with <strong>{contact.name}</strong>
          </span>
          <button type="button" className="link" onClick={() => setContact(undefined)}>
            Choose someone else
          </button>
        </p>
      ) : (
        <ContactSearch label="Search contacts" onPick={setContact} />
      )}
      <label className="inline">
        <input type="checkbox" checked={notify} onChange={(e) => setNotify(e.target.checked)} /> Notify by email
      </label>
      <div className="row">
        <button type="button" disabled={!contact || action.busy} onClick={() => void share()}>
          Share
        </button>
        <Cancel onCancel={onCancel} />
      </div>
      <ErrorMessage error={action.error} />
    </Dialog>
  );
}

/** A file's download receipts: who downloaded which version, and when (staff and customers alike). */
export function DownloadsPanel({ item, onCancel }: PanelProps) {
  const receipts = usePaged((cursor) => get<Page<AuditEntry>>(`/drive/items/${item.itemId}/downloads${query({ cursor, limit: 50 })}`), [item.itemId]);
  return (
    <Dialog label={`Who downloaded ${item.name}`} onClose={onCancel}>
      {receipts.loading && !receipts.items.length && <Loading />}
      <ErrorMessage error={receipts.error} />
      {!receipts.loading && !receipts.error && !receipts.items.length && <p className="muted">Nobody has downloaded this file yet.</p>}
      {receipts.items.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>When</th>
              <th>Who</th>
              <th>Version</th>
            </tr>
          </thead>
          <tbody>
            {receipts.items.map((r, i) => (
              <tr key={`${r.at}-${i}`}>
                <td>{formatDate(r.at)}</td>
                <td>{r.actor}</td>
                <td>{String(r.details?.version ?? '')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {receipts.hasMore && (
        <button type="button" className="secondary" onClick={receipts.loadMore} disabled={receipts.loading}>
          Load more
        </button>
      )}
      <Cancel onCancel={onCancel} />
    </Dialog>
  );
}
