import { Link } from 'react-router';
import { get, query } from '../../common/api.ts';
import { formatDate } from '../../common/format.ts';
import { useI18n } from '../../common/i18n.ts';
import { actionWords, detailsWords } from './auditWords.ts';
import { ErrorMessage, Loading } from '../../common/ui.tsx';
import { usePaged } from './hooks.tsx';
import type { AuditEntry, Page } from './types.tsx';

/** An audit trail, newest first: the firm's ("firm") or one contact's. */
export function AuditList({ path, showContact = false, version, filter = {} }: { path: string; showContact?: boolean; version?: number; filter?: Record<string, string | undefined> }) {
  const { t, locale } = useI18n();
  const filterKey = JSON.stringify(filter);
  const entries = usePaged((cursor) => get<Page<AuditEntry>>(`${path}${query({ ...filter, cursor, limit: 50 })}`), [path, version, filterKey]);
  if (entries.loading && !entries.items.length) return <Loading />;
  return (
    <>
      <ErrorMessage error={entries.error} />
      {!entries.error && !entries.items.length && <p className="muted">{t('audit.empty')}</p>}
      {entries.items.length > 0 && (
        <div className="table-wrap">
          <table className="stack-on-phone" role="table">
            <thead role="rowgroup">
              <tr role="row">
                <th role="columnheader">{t('table.time')}</th>
                <th role="columnheader">{t('table.who')}</th>
                <th role="columnheader">{t('table.what')}</th>
              </tr>
            </thead>
            <tbody role="rowgroup">
              {entries.items.map((e, i) => (
                <tr role="row" key={`${e.at}-${i}`}>
                  <td role="cell">{formatDate(e.at, locale)}</td>
                  <td role="cell" className="break" data-label={t('table.who')}>
                    {e.actor}
                  </td>
                  <td role="cell" className="break" data-label={t('table.what')}>
                    {actionWords(e.action, t)}
                    {showContact && e.contactId && (
                      <>
                        {' '}
                        <Link to={`/contacts/${e.contactId}`}>{t('audit.viewContact')}</Link>
                      </>
                    )}
                    {e.details && <div className="muted small">{detailsWords(e.details, t)}</div>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {entries.hasMore && (
        <button type="button" className="secondary" onClick={entries.loadMore} disabled={entries.loading}>
          {entries.loading ? t('common.loading') : t('common.loadMore')}
        </button>
      )}
    </>
  );
}
