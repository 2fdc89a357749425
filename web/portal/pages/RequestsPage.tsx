/** "Your requests" (F21): the customer's own requests for new work, newest first, and the way to send a new one. */
import { Link } from 'react-router';
import { formatDate } from '../../common/format.ts';
import { useI18n } from '../../common/i18n.ts';
import { PagedList } from '../../common/PagedList.tsx';
import { usePaged } from '../../common/paging.ts';
import { listRequests, type CustomerRequestSummary } from '../components/portalApi.tsx';
import { usePortal, useReportError } from '../components/PortalContext.tsx';

export function RequestsPage() {
  const { t } = useI18n();
  const { firm } = usePortal().profile;
  const listing = usePaged(listRequests, []);
  useReportError(listing.error);
  return (
    <>
      <h1>{t('requests.heading')}</h1>
      <p className="muted">{t('requests.intro', { firm: firm.firmName })}</p>
      <p>
        <Link className="button" to="/requests/new">
          {t('requests.new')}
        </Link>
      </p>
      <PagedList listing={listing} empty={t('requests.empty')}>
        {(items) => <RequestTable requests={items} />}
      </PagedList>
    </>
  );
}

function RequestTable({ requests }: { requests: CustomerRequestSummary[] }) {
  const { t, locale } = useI18n();
  return (
    <div className="table-wrap">
      <table className="items requests stack-on-phone" role="table">
        <thead role="rowgroup">
          <tr role="row">
            <th role="columnheader" scope="col">{t('requests.title')}</th>
            <th role="columnheader" scope="col">{t('requests.kind')}</th>
            <th role="columnheader" scope="col">{t('requests.state')}</th>
            <th role="columnheader" scope="col">{t('requests.sent')}</th>
          </tr>
        </thead>
        <tbody role="rowgroup">
          {requests.map((r) => (
            <tr role="row" key={r.requestId}>
              <td role="cell" className="item-name">
                <Link to={`/requests/${encodeURIComponent(r.requestId)}`}>{r.title}</Link>
              </td>
              <td role="cell" data-label={t('requests.kind')}>
                {r.kind}
              </td>
              <td role="cell" data-label={t('requests.state')}>
                <RequestState state={r.state} matterId={r.matterId} />
              </td>
              <td role="cell" className="item-date" data-label={t('requests.sent')}>
                {formatDate(r.createdAt, locale)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The state in words, and for an accepted request the way to the matter it became. */
export function RequestState({ state, matterId }: { state: CustomerRequestSummary['state']; matterId?: string }) {
  const { t } = useI18n();
  const term = usePortal().profile.firm.matterTerm;
  return (
    <>
      <span className={`badge request-${state}`}>{t(`requests.states.${state}`)}</span>
      {state === 'accepted' && matterId && (
        <>
          {' '}
          <Link to={`/matters/${encodeURIComponent(matterId)}`}>{t('requests.matterLink', { context: term })}</Link>
        </>
      )}
    </>
  );
}
