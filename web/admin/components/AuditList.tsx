import { Link } from 'react-router';
import { actionLabel, detailsLine } from '../../../shared/domain/activity.ts';
import { get, query } from '../../common/api.ts';
import { formatDate } from '../../common/format.ts';
import { ErrorMessage, Loading } from '../../common/ui.tsx';
import { usePaged } from './hooks.tsx';
import type { AuditEntry, Page } from './types.tsx';

/** An audit trail, newest first: the firm's ("firm") or one contact's. */
export function AuditList({ path, showContact = false, version, filter = {} }: { path: string; showContact?: boolean; version?: number; filter?: Record<string, string | undefined> }) {
  const filterKey = JSON.stringify(filter);
  const entries = usePaged((cursor) => get<Page<AuditEntry>>(`${path}${query({ ...filter, cursor, limit: 50 })}`), [path, version, filterKey]);
  if (entries.loading && !entries.items.length) return <Loading />;
  return (
    <>
      <ErrorMessage error={entries.error} />
      {!entries.error && !entries.items.length && <p className="muted">Nothing has happened yet.</p>}
      {entries.items.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>Time</th>
                <th>Who</th>
                <th>What</th>
              </tr>
            </thead>
            <tbody>
              {entries.items.map((e, i) => (
                <tr key={`${e.at}-${i}`}>
                  <td>{formatDate(e.at)}</td>
                  <td>{e.actor}</td>
                  <td>
                    {actionLabel(e.action)}
                    {showContact && e.contactId && (
                      <>
                        {' '}
                        <Link to={`/contacts/${e.contactId}`}>View contact</Link>
                      </>
                    )}
                    {e.details && <div className="muted small">{detailsLine(e.details)}</div>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {entries.hasMore && (
        <button type="button" className="secondary" onClick={entries.loadMore} disabled={entries.loading}>
          {entries.loading ? 'Loading…' : 'Load more'}
        </button>
      )}
    </>
  );
}
