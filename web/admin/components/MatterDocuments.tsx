/** A matter's documents (F20) with their type: a customer-file type shows the document to the matter's client. */
import { useCallback, useState } from 'react';
import { get, put, query } from '../../common/api.ts';
import { formatBytes } from '../../common/format.ts';
import { useI18n } from '../../common/i18n.ts';
import { usePaged, type Page } from '../../common/paging.ts';
import { ErrorMessage, Loading } from '../../common/ui.tsx';
import { useAction } from './hooks.tsx';
import type { DriveItem, MatterLists } from './types.tsx';

export function MatterDocuments({ matterId, lists }: { matterId: string; lists: MatterLists }) {
  const { t } = useI18n();
  const load = useCallback((cursor?: string) => get<Page<DriveItem>>(`/matters/${matterId}/documents${query({ limit: 50, cursor })}`), [matterId]);
  const listing = usePaged(load, [load]);
  const files = listing.items.filter((i) => i.kind === 'file' && i.status === 'ready');
  return (
    <section className="card" aria-labelledby="matter-documents">
      <h2 id="matter-documents">{t('matter.documents.heading')}</h2>
      <p className="muted">{t('matter.documents.intro')}</p>
      {!listing.loaded ? (
        listing.error ? <ErrorMessage error={listing.error} /> : <Loading />
      ) : files.length ? (
        <ul className="plain matter-documents">
          {files.map((item) => (
            <DocumentRow key={item.itemId} matterId={matterId} item={item} lists={lists} />
          ))}
        </ul>
      ) : (
        <p>{t('matter.documents.empty')}</p>
      )}
      {listing.hasMore && (
        <button type="button" className="secondary" disabled={listing.loading} onClick={() => void listing.loadMore()}>
          {t('common.loadMore')}
        </button>
      )}
    </section>
  );
}

function DocumentRow({ matterId, item, lists }: { matterId: string; item: DriveItem; lists: MatterLists }) {
  const { t, locale } = useI18n();
  const [type, setType] = useState(item.documentType ?? '');
  const [saved, setSaved] = useState(false);
  const action = useAction();
  // A type an admin has since removed stays selectable on the document that has it.
  const types = lists.documentTypes.some((d) => d.name === type) || !type ? lists.documentTypes : [...lists.documentTypes, { name: type, customerFile: false }];
  const choose = (documentType: string) =>
    action.run(async () => {
      setSaved(false);
      const typed = await put<DriveItem>(`/matters/${matterId}/documents/${item.itemId}/type`, { documentType: documentType || null });
      setType(typed.documentType ?? '');
      setSaved(true);
    });
  return (
    <li>
      <span className="file-name">{item.name}</span> <span className="muted">{formatBytes(item.size, locale)}</span>
      <select aria-label={t('matter.documents.type', { name: item.name })} value={type} disabled={action.busy} onChange={(e) => void choose(e.target.value)}>
        <option value="">{t('matter.documents.noType')}</option>
        {types.map((d) => (
          <option key={d.name} value={d.name}>
            {d.customerFile ? t('matter.documents.customerFile', { name: d.name }) : t('matter.documents.internal', { name: d.name })}
          </option>
        ))}
      </select>
      {saved && <span role="status"> {t('matter.documents.saved', { name: item.name })}</span>}
      <ErrorMessage error={action.error} />
    </li>
  );
}
