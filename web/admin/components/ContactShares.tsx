import { useState } from 'react';
import { del, get, post, query, type Answer } from '../../common/api.ts';
import type { Page } from '../../common/paging.ts';
import { formatDate } from '../../common/format.ts';
import { useI18n } from '../../common/i18n.ts';
import { ErrorMessage, Loading } from '../../common/ui.tsx';
import { listPage, ROOT } from './folders.tsx';
import { useAction, usePaged } from './hooks.tsx';
import type { Contact, DriveItem, SharedItem } from './types.tsx';

function StopSharingButton({ contactId, item, onStopped }: { contactId: string; item: DriveItem; onStopped: () => void }) {
  const { t } = useI18n();
  const action = useAction();
  return (
    <>
      <button
        type="button"
        className="secondary"
        aria-label={t('shares.stopLabel', { name: item.name })}
        disabled={action.busy}
        onClick={() => void action.run(() => del(`/contacts/${contactId}/shares/${item.itemId}`)).then((ok) => ok && onStopped())}
      >
        {t('shares.stop')}
      </button>
      <ErrorMessage error={action.error} />
    </>
  );
}

/** Browses the drive a folder at a time; ticked items stay ticked while moving between folders. */
function SharePicker({ contact, onShared }: { contact: Contact; onShared: (message: string) => void }) {
  const { t } = useI18n();
  // The top's name is left empty: it shows in the reader's language, whatever it is when shown.
  const [trail, setTrail] = useState<{ id: string; name: string }[]>([{ id: ROOT, name: '' }]);
  const folderId = trail[trail.length - 1].id;
  const items = usePaged((cursor) => listPage(folderId, cursor), [folderId]);
  const [selected, setSelected] = useState(new Map<string, string>());
  const [notify, setNotify] = useState(true);
  const action = useAction();
  const toggle = (item: DriveItem, on: boolean) => {
    const next = new Map(selected);
    if (on) next.set(item.itemId, item.name);
    else next.delete(item.itemId);
    setSelected(next);
  };
  const share = () =>
    action.run(async () => {
      const result = await post<Answer<'staff-share-items'>>(`/contacts/${contact.contactId}/shares`, { itemIds: [...selected.keys()], notify });
      setSelected(new Map());
      const count = result.added.length;
      const what = count ? t('shares.added', { count }) : t('shares.alreadyAll');
      onShared(result.emailed ? t('shares.resultEmailed', { what }) : t('shares.result', { what }));
    });

  return (
    <div className="picker">
      <h3>{t('shares.pickerHeading')}</h3>
      <nav aria-label={t('shares.pickerNav')} className="breadcrumb">
        <ol>
          {trail.map((step, i) => (
            <li key={step.id}>
              {i === trail.length - 1 ? (
                <span aria-current="true">{step.name || t('drive.root')}</span>
              ) : (
                <button type="button" className="link" onClick={() => setTrail(trail.slice(0, i + 1))}>
                  {step.name || t('drive.root')}
                </button>
              )}
            </li>
          ))}
        </ol>
      </nav>
      <ErrorMessage error={items.error} />
      {items.loading && !items.items.length ? (
        <Loading />
      ) : (
        <ul className="plain">
          {items.items
            .filter((i) => i.status === 'ready')
            .map((item) => (
              <li key={item.itemId} className="row pick">
                <input type="checkbox" aria-label={t('shares.shareLabel', { name: item.name })} checked={selected.has(item.itemId)} onChange={(e) => toggle(item, e.target.checked)} />
                {item.kind === 'folder' ? (
                  <button type="button" className="link" aria-label={t('shares.openFolder', { name: item.name })} onClick={() => setTrail([...trail, { id: item.itemId, name: item.name }])}>
                    <span className="folder">{item.name}</span>
                  </button>
                ) : (
                  <span>{item.name}</span>
                )}
              </li>
            ))}
          {!items.loading && !items.items.length && <li className="muted">{t('drive.empty')}</li>}
        </ul>
      )}
      {items.hasMore && (
        <button type="button" className="secondary" onClick={items.loadMore} disabled={items.loading}>
          {t('common.loadMore')}
        </button>
      )}
      {selected.size > 0 && <p className="muted">{t('shares.selected', { names: [...selected.values()].join(', ') })}</p>}
      <label className="inline">
        <input type="checkbox" checked={notify} onChange={(e) => setNotify(e.target.checked)} /> {t('shares.notify')}
      </label>
      <div className="row spaced">
        <button type="button" disabled={!selected.size || action.busy || contact.archived} onClick={() => void share()}>
          {t('shares.shareSelected')}
        </button>
      </div>
      <ErrorMessage error={action.error} />
    </div>
  );
}

/** What the contact sees in the portal, shared directly with them, and the picker to share more. */
export function ContactShares({ contact, onChanged }: { contact: Contact; onChanged: () => void }) {
  const { t, locale } = useI18n();
  // Newest share first, a page at a time: a contact may have thousands.
  const shares = usePaged((cursor) => get<Page<SharedItem>>(`/contacts/${contact.contactId}/shares${query({ limit: 50, cursor })}`), [contact.contactId]);
  const [notice, setNotice] = useState<string>();
  const changed = (message: string) => {
    setNotice(message);
    shares.reload();
    onChanged();
  };
  return (
    <section className="card" aria-labelledby="shares-heading">
      <h2 id="shares-heading">{t('shares.heading')}</h2>
      <ErrorMessage error={shares.error} />
      {!shares.loaded ? (
        !shares.error && <Loading />
      ) : shares.items.length ? (
        <ul className="plain">
          {shares.items.map(({ item, sharedAt, sharedBy }) => (
            <li key={item.itemId} className="row">
              <span>
                <span className={item.kind}>{item.name}</span>
                {item.status === 'trashed' && <span className="muted">{t('shares.inTrash')}</span>}
              </span>
              <span className="muted small">
                {t('shares.sharedBy', { date: formatDate(sharedAt, locale), who: sharedBy })}
              </span>
              <StopSharingButton contactId={contact.contactId} item={item} onStopped={() => changed(t('shares.stopped', { name: item.name }))} />
            </li>
          ))}
        </ul>
      ) : (
        !shares.error && <p className="muted">{t('shares.none')}</p>
      )}
      {shares.hasMore && (
        <button type="button" className="secondary" onClick={shares.loadMore} disabled={shares.loading}>
          {shares.loading ? t('common.loading') : t('shares.loadMore')}
        </button>
      )}
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <SharePicker contact={contact} onShared={changed} />
    </section>
  );
}
