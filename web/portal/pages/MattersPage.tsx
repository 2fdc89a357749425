/** "Your matters" (F20): the customer's matters and their organisations', newest first, in the words the firm uses. */
import { Link } from 'react-router';
import { formatDay } from '../../common/format.ts';
import { useI18n } from '../../common/i18n.ts';
import { PagedList } from '../../common/PagedList.tsx';
import { usePaged } from '../../common/paging.ts';
import { listMatters, type CustomerMatterSummary } from '../components/portalApi.tsx';
import { usePortal, useReportError } from '../components/PortalContext.tsx';

export function MattersPage() {
  const { t } = useI18n();
  const term = usePortal().profile.firm.matterTerm;
  const listing = usePaged(listMatters, []);
  useReportError(listing.error);
  return (
    <>
      <h1>{t('matters.heading', { context: term })}</h1>
      <PagedList listing={listing} empty={t('matters.empty', { context: term })}>
        {(items) => <MatterTable matters={items} />}
      </PagedList>
    </>
  );
}

function MatterTable({ matters }: { matters: CustomerMatterSummary[] }) {
  const { t, locale } = useI18n();
  return (
    <div className="table-wrap">
      <table className="items matters stack-on-phone" role="table">
        <thead role="rowgroup">
          <tr role="row">
            <th role="columnheader" scope="col">{t('matters.reference')}</th>
            <th role="columnheader" scope="col">{t('matters.title')}</th>
            <th role="columnheader" scope="col">{t('matters.status')}</th>
            <th role="columnheader" scope="col" className="optional">
              {t('matters.nextDeadline')}
            </th>
          </tr>
        </thead>
        <tbody role="rowgroup">
          {matters.map((m) => (
            <tr role="row" key={m.matterId}>
              <td role="cell">
                <Link to={`/matters/${encodeURIComponent(m.matterId)}`}>{m.reference}</Link>
              </td>
              <td role="cell">
                {m.title} <Flags flags={m.flags} />
              </td>
              <td role="cell" data-label={t('matters.status')}>
                <MatterState statusLabel={m.statusLabel} approved={m.approved} />
              </td>
              <td role="cell" className="optional" data-label={t('matters.nextDeadline')}>
                {m.deadlines.length ? formatDay(m.deadlines.map((d) => d.date).sort()[0], locale) : <span className="muted">{t('matters.noDeadline')}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function Flags({ flags }: { flags: string[] }) {
  return (
    <>
      {flags.map((f) => (
        <span key={f} className="badge flag">
          {f}
        </span>
      ))}
    </>
  );
}

/** The status as the firm words it for customers, and whether the work was approved. */
export function MatterState({ statusLabel, approved }: { statusLabel?: string; approved: boolean }) {
  const { t } = useI18n();
  return (
    <>
      {statusLabel ?? <span className="muted">{t('matters.noStatus')}</span>} {approved && <span className="badge approved">{t('matters.approved')}</span>}
    </>
  );
}
