import { Link } from 'react-router';
import { get, query, type Answer } from '../../common/api.ts';
import { formatDate } from '../../common/format.ts';
import { useI18n } from '../../common/i18n.ts';
import { PagedList } from '../../common/PagedList.tsx';
import { usePaged } from '../components/hooks.tsx';
import { useMatterWords } from '../components/matterTerm.tsx';

/**
 * Matters whose client wrote and the firm has not answered (F18), the longest waiting first: a
 * matter leaves the list with an answer the client can read, not with an internal note.
 */
export function AwaitingAnswersPage() {
  const { t, locale } = useI18n();
  const words = useMatterWords();
  const awaiting = usePaged((cursor) => get<Answer<'staff-list-awaiting-answers'>>(`/awaiting-answers${query({ cursor, limit: 50 })}`), []);
  return (
    <>
      <h1>{t('awaiting.title')}</h1>
      <p className="muted">{t('awaiting.explain', words)}</p>
      <PagedList listing={awaiting} empty={t('awaiting.none')}>
        {(items) => (
          <div className="table-wrap">
            <table className="stack-on-phone" role="table" aria-label={t('awaiting.title')}>
              <thead role="rowgroup">
                <tr role="row">
                  <th role="columnheader">{t('awaiting.column.matter', words)}</th>
                  <th role="columnheader">{t('awaiting.column.author')}</th>
                  <th role="columnheader">{t('awaiting.column.since')}</th>
                </tr>
              </thead>
              <tbody role="rowgroup">
                {items.map((a) => (
                  <tr role="row" key={a.matterId}>
                    <td role="cell" className="break">
                      <Link to={`/matters/${a.matterId}`}>{`${a.reference} ${a.title}`}</Link>
                    </td>
                    <td role="cell" className="break" data-label={t('awaiting.column.author')}>
                      {a.author}
                    </td>
                    <td role="cell" data-label={t('awaiting.column.since')}>
                      {formatDate(a.since, locale)}
                    </td>
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
