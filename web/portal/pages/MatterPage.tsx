/** One matter as its client sees it (F20): status, deadlines, parties, approval and its documents. */
import { useCallback, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../common/api.ts';
import { formatBytes, formatDate, formatDay } from '../../common/format.ts';
import { useI18n } from '../../common/i18n.ts';
import { usePaged } from '../../common/paging.ts';
import { ErrorMessage, Loading, useAsync } from '../../common/ui.tsx';
import { DownloadButton } from '../components/DownloadButton.tsx';
import { getMatter, listMatterDocuments, matterDocumentLink, type CustomerMatter } from '../components/portalApi.tsx';
import { usePortal, useReportError } from '../components/PortalContext.tsx';
import { MatterComments } from '../components/MatterComments.tsx';
import { MatterUploads } from '../components/MatterUploads.tsx';
import { Flags, MatterState } from './MattersPage.tsx';

export function MatterPage() {
  const { t } = useI18n();
  const { matterId = '' } = useParams();
  const term = usePortal().profile.firm.matterTerm;
  const matter = useAsync(() => getMatter(matterId), [matterId]);
  useReportError(matter.error);
  const back = (
    <p>
      <Link to="/matters">{t('matters.back', { context: term })}</Link>
    </p>
  );
  if (matter.loading && !matter.data) return <Loading />;
  if (!matter.data) {
    const gone = matter.error instanceof ApiError && matter.error.status === 404;
    return (
      <>
        {gone ? <p role="alert">{t('matters.notFound', { context: term })}</p> : <ErrorMessage error={matter.error} />}
        {back}
      </>
    );
  }
  const m = matter.data;
  return (
    <>
      {back}
      <h1>{t('matters.pageHeading', { reference: m.reference, title: m.title })}</h1>
      <p>
        <MatterState statusLabel={m.statusLabel} approved={m.approved} /> <Flags flags={m.flags} />
      </p>
      <MatterFacts matter={m} />
      <h2>{t('matters.documents')}</h2>
      <MatterDocuments matterId={m.matterId} />
      <MatterUploads matterId={m.matterId} uploadsOpen={m.uploadsOpen} approved={m.approved} />
      <MatterComments matterId={m.matterId} />
    </>
  );
}

function MatterFacts({ matter }: { matter: CustomerMatter }) {
  const { t, locale } = useI18n();
  return (
    <div className="matter-facts">
      <section aria-labelledby="deadlines-heading">
        <h2 id="deadlines-heading">{t('matters.deadlines')}</h2>
        {matter.deadlines.length ? (
          <ul>
            {matter.deadlines.map((d) => (
              <li key={`${d.date}-${d.label}`}>{t('matters.deadline', { label: d.label, date: formatDay(d.date, locale) })}</li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('matters.noDeadlines')}</p>
        )}
      </section>
      {matter.parties.length > 0 && (
        <section aria-labelledby="parties-heading">
          <h2 id="parties-heading">{t('matters.parties')}</h2>
          <ul>
            {matter.parties.map((p) => (
              <li key={`${p.partyType}-${p.name}`}>{t('matters.party', { name: p.name, type: p.partyType })}</li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

function MatterDocuments({ matterId }: { matterId: string }) {
  const { t, locale } = useI18n();
  const load = useCallback((cursor?: string) => listMatterDocuments(matterId, cursor), [matterId]);
  const listing = usePaged(load, [load]);
  const [downloadError, setDownloadError] = useState<unknown>();
  useReportError(listing.error);
  if (!listing.loaded) return listing.error ? <ErrorMessage error={listing.error} /> : <Loading />;
  if (!listing.items.length) return <p className="muted">{t('matters.noDocuments')}</p>;
  return (
    <>
      <ErrorMessage error={downloadError} />
      <div className="table-wrap">
        <table className="items stack-on-phone" role="table">
          <thead role="rowgroup">
            <tr role="row">
              <th role="columnheader" scope="col">{t('items.name')}</th>
              <th role="columnheader" scope="col">{t('matters.documentType')}</th>
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
            {listing.items.map((d) => (
              <tr role="row" key={d.itemId}>
                <td role="cell" className="item-name">
                  <span className="file-name">{d.name}</span>
                </td>
                <td role="cell" data-label={t('matters.documentType')}>{d.documentType}</td>
                <td role="cell" className="optional item-size" data-label={t('items.size')}>
                  {formatBytes(d.size, locale)}
                </td>
                <td role="cell" className="item-date" data-label={t('items.date')}>
                  {formatDate(d.updatedAt, locale)}
                </td>
                <td role="cell">
                  <DownloadButton name={d.name} link={() => matterDocumentLink(matterId, d.itemId)} onError={setDownloadError} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ErrorMessage error={listing.loaded ? listing.error : undefined} />
      {listing.hasMore && (
        <p>
          <button type="button" className="secondary" disabled={listing.loading} onClick={() => void listing.loadMore()}>
            {t('common.loadMore')}
          </button>
        </p>
      )}
    </>
  );
}
