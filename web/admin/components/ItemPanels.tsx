import { useId, useState } from 'react';
import { Trans } from 'react-i18next';
import { del, get, patch, post, query, type Answer } from '../../common/api.ts';
import { formatDate } from '../../common/format.ts';
import { useI18n } from '../../common/i18n.ts';
import { ErrorMessage, Loading } from '../../common/ui.tsx';
import { ContactSearch } from './ContactSearch.tsx';
import { DocumentCommentsPanel } from './DocumentComments.tsx';
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
  const { t } = useI18n();
  return (
    <button type="button" className="secondary" onClick={onCancel}>
      {t('common.cancel')}
    </button>
  );
}

export function RenamePanel({ item, onDone, onCancel }: PanelProps) {
  const { t } = useI18n();
  const id = useId();
  const [name, setName] = useState(item.name);
  const action = useAction();
  return (
    <Dialog label={t('drive.renameLabel', { name: item.name })} onClose={onCancel}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void action.run(() => patch(`/drive/items/${item.itemId}`, { name })).then((ok) => ok && onDone(t('drive.renamed', { name: name.trim() })));
        }}
      >
        <label htmlFor={id}>{t('drive.newName')}</label>
        <div className="row">
          <input id={id} type="text" value={name} onChange={(e) => setName(e.target.value)} required />
          <button type="submit" disabled={action.busy || !name.trim()}>
            {t('common.save')}
          </button>
          <Cancel onCancel={onCancel} />
        </div>
        <ErrorMessage error={action.error} />
      </form>
    </Dialog>
  );
}

export function MovePanel({ item, onDone, onCancel }: PanelProps) {
  const { t } = useI18n();
  const [target, setTarget] = useState<{ id: string; name: string }>();
  const action = useAction();
  return (
    <Dialog label={t('drive.moveLabel', { name: item.name })} onClose={onCancel}>
      <p>{t('drive.moveInto', { name: item.name })}</p>
      <FolderTree currentId={target?.id ?? ''} onChoose={(id, name) => setTarget({ id, name })} disabledId={item.kind === 'folder' ? item.itemId : undefined} />
      <p aria-live="polite">{target ? t('drive.destination', { name: target.name }) : t('drive.noDestination')}</p>
      <div className="row">
        <button
          type="button"
          disabled={!target || action.busy}
          onClick={() => void action.run(() => patch(`/drive/items/${item.itemId}`, { parentId: target!.id })).then((ok) => ok && onDone(t('drive.moved', { name: item.name, target: target!.name })))}
        >
          {t('drive.moveHere')}
        </button>
        <Cancel onCancel={onCancel} />
      </div>
      <ErrorMessage error={action.error} />
    </Dialog>
  );
}

export function DeletePanel({ item, onDone, onCancel }: PanelProps) {
  const { t } = useI18n();
  const action = useAction();
  return (
    <Dialog label={t('drive.deleteLabel', { name: item.name })} onClose={onCancel}>
      <p>{t(item.kind === 'folder' ? 'drive.trashFolder' : 'drive.trashFile', { name: item.name })}</p>
      <div className="row">
        <button
          type="button"
          className="danger"
          disabled={action.busy}
          onClick={() => void action.run(() => del(`/drive/items/${item.itemId}`)).then((ok) => ok && onDone(t('drive.trashed', { name: item.name })))}
        >
          {t('drive.moveToTrash')}
        </button>
        <Cancel onCancel={onCancel} />
      </div>
      <ErrorMessage error={action.error} />
    </Dialog>
  );
}

export function SharePanel({ item, onDone, onCancel }: PanelProps) {
  const { t } = useI18n();
  const [contact, setContact] = useState<Contact>();
  const [notify, setNotify] = useState(true);
  const action = useAction();
  const share = () =>
    action.run(async () => {
      const result = await post<Answer<'staff-share-items'>>(`/contacts/${contact!.contactId}/shares`, { itemIds: [item.itemId], notify });
      const names = { name: item.name, contact: contact!.name };
      const what = result.added.length ? t('drive.sharedWith', names) : t('drive.alreadySharedWith', names);
      onDone(result.emailed ? t('drive.told', { what, count: result.emailed }) : t('shares.result', { what }));
    });
  return (
    <Dialog label={t('drive.shareDialog', { name: item.name })} onClose={onCancel}>
      {contact ? (
        <p className="row">
          <span>
            <Trans i18nKey="drive.shareWith" components={{ name: <strong>{contact.name}</strong> }} />
          </span>
          <button type="button" className="link" onClick={() => setContact(undefined)}>
            {t('links.chooseOther')}
          </button>
        </p>
      ) : (
        <ContactSearch label={t('drive.searchContacts')} onPick={setContact} />
      )}
      <label className="inline">
        <input type="checkbox" checked={notify} onChange={(e) => setNotify(e.target.checked)} /> {t('shares.notify')}
      </label>
      <div className="row">
        <button type="button" disabled={!contact || action.busy} onClick={() => void share()}>
          {t('drive.shareButton')}
        </button>
        <Cancel onCancel={onCancel} />
      </div>
      <ErrorMessage error={action.error} />
    </Dialog>
  );
}

/** A file's download receipts: who downloaded which version, and when (staff and customers alike). */
export function DownloadsPanel({ item, onCancel }: PanelProps) {
  const { t, locale } = useI18n();
  const receipts = usePaged((cursor) => get<Page<AuditEntry>>(`/drive/items/${item.itemId}/downloads${query({ cursor, limit: 50 })}`), [item.itemId]);
  return (
    <Dialog label={t('drive.downloadsLabel', { name: item.name })} onClose={onCancel}>
      {receipts.loading && !receipts.items.length && <Loading />}
      <ErrorMessage error={receipts.error} />
      {!receipts.loading && !receipts.error && !receipts.items.length && <p className="muted">{t('drive.noDownloads')}</p>}
      {receipts.items.length > 0 && (
        <table className="stack-on-phone" role="table">
          <thead role="rowgroup">
            <tr role="row">
              <th role="columnheader">{t('table.when')}</th>
              <th role="columnheader">{t('table.who')}</th>
              <th role="columnheader">{t('table.version')}</th>
            </tr>
          </thead>
          <tbody role="rowgroup">
            {receipts.items.map((r, i) => (
              <tr role="row" key={`${r.at}-${i}`}>
                <td role="cell">{formatDate(r.at, locale)}</td>
                <td role="cell" className="break" data-label={t('table.who')}>
                  {r.actor}
                </td>
                <td role="cell" data-label={t('table.version')}>{String(r.details?.version ?? '')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {receipts.hasMore && (
        <button type="button" className="secondary" onClick={receipts.loadMore} disabled={receipts.loading}>
          {t('common.loadMore')}
        </button>
      )}
      <Cancel onCancel={onCancel} />
    </Dialog>
  );
}

/** A file's comments (F18): the customers who wrote on it, each one's thread with the firm, answers and internal notes. */
export function CommentsPanel({ item, onCancel }: PanelProps) {
  return <DocumentCommentsPanel item={item} onCancel={onCancel} />;
}
