import { Link, useSearchParams } from 'react-router';
import { get, query, type Answer } from '../../common/api.ts';
import { formatDate } from '../../common/format.ts';
import { useI18n } from '../../common/i18n.ts';
import { PagedList } from '../../common/PagedList.tsx';
import { usePaged } from '../components/hooks.tsx';
import { useMatterWords } from '../components/matterTerm.tsx';
import type { RequestState } from '../components/types.tsx';

export const REQUEST_STATES: readonly RequestState[] = ['open', 'accepted', 'declined'];

const stateOf = (value: string | null): RequestState => (REQUEST_STATES.includes(value as RequestState) ? (value as RequestState) : 'open');

/**
 * Customers' requests (F21): the open ones waiting for a decision, oldest first, or those accepted
 * or declined, newest first. The state is in the address, so going back from a request returns to its list.
 */
export function RequestsPage() {
  const { t, locale } = useI18n();
  const words = useMatterWords();
  const [params] = useSearchParams();
  const state = stateOf(params.get('state'));
  const requests = usePaged((cursor) => get<Answer<'staff-list-requests'>>(`/requests${query({ state, cursor, limit: 50 })}`), [state]);
  const decided = state !== 'open';
  return (
    <>
      <h1>{t('nav.requests')}</h1>
      <nav className="tabs" aria-label={t('requests.byState')}>
        {REQUEST_STATES.map((s) => (
          <Link key={s} to={`/requests${s === 'open' ? '' : `?state=${s}`}`} aria-current={s === state ? 'page' : undefined}>
            {t(`requests.state.${s}`)}
          </Link>
        ))}
      </nav>
      <PagedList listing={requests} empty={t(`requests.none.${state}`)}>
        {(items) => (
          <div className="table-wrap">
            <table className="stack-on-phone" role="table" aria-label={t(`requests.tableLabel.${state}`)}>
              <thead role="rowgroup">
                <tr role="row">
                  <th role="columnheader">{t('requests.column.title')}</th>
                  <th role="columnheader">{t('requests.column.requester')}</th>
                  <th role="columnheader">{t('requests.column.kind')}</th>
                  <th role="columnheader">{t('requests.column.received')}</th>
                  {decided && <th role="columnheader">{t('requests.column.decided')}</th>}
                  {state === 'accepted' && <th role="columnheader">{t('requests.column.matter', words)}</th>}
                </tr>
              </thead>
              <tbody role="rowgroup">
                {items.map((r) => (
                  <tr role="row" key={r.requestId}>
                    <td role="cell" className="break">
                      <Link to={`/requests/${r.requestId}`}>{r.title}</Link>
                    </td>
                    <td role="cell" className="break" data-label={t('requests.column.requester')}>
                      <Link to={`/contacts/${r.requesterId}`}>{r.requesterName}</Link>
                    </td>
                    <td role="cell" className="break" data-label={t('requests.column.kind')}>
                      {r.kind}
                    </td>
                    <td role="cell" data-label={t('requests.column.received')}>
                      {formatDate(r.createdAt, locale)}
                    </td>
                    {decided && (
                      <td role="cell" data-label={t('requests.column.decided')}>
                        {formatDate(r.decidedAt, locale)}
                      </td>
                    )}
                    {state === 'accepted' && (
                      <td role="cell" data-label={t('requests.column.matter', words)}>
                        {r.matterId && (
                          <Link to={`/matters/${r.matterId}`} aria-label={t('requests.openMatterOf', { ...words, title: r.title })}>
                            {t('requests.openMatter', words)}
                          </Link>
                        )}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </PagedList>
    </>
  );
}
