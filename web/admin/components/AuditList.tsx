import { Link } from 'react-router';
import { get, query } from '../../common/api.ts';
import { formatDate } from '../../common/format.ts';
import { ErrorMessage, Loading } from '../../common/ui.tsx';
import { usePaged } from './hooks.tsx';
import type { AuditEntry, Page } from './types.tsx';

const ACTIONS: Record<string, string> = {
  'contact.created': 'Created a contact',
  'contact.updated': 'Changed contact details',
  'contact.archived': 'Archived a contact',
  'access.opened': 'Opened portal access',
  'access.closed': 'Closed portal access',
  'access.reopened': 'Reopened portal access',
  'access.invitation_resent': 'Sent the invitation again',
  'share.removed': 'Stopped sharing an item',
  'drive.renamed': 'Renamed an item',
  'drive.moved': 'Moved an item',
  'drive.trashed': 'Moved an item to the trash',
  'drive.restored': 'Restored an item from the trash',
  'drive.trash_emptied': 'Emptied an item from the trash',
  'settings.changed': 'Changed the settings',
  'roles.changed': 'Changed the roles',
  'staff.invited': 'Invited a staff user',
  'staff.enabled': 'Enabled a staff user',
  'staff.disabled': 'Disabled a staff user',
  'staff.password_reset': 'Reset a staff password',
  'staff.made_admin': 'Made a staff user an administrator',
  'staff.made_staff': 'Made an administrator a regular staff member',
};

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return value.map(describeValue).join(', ');
  if (value && typeof value === 'object') {
    return Object.entries(value)
      .map(([k, v]) => `${k} ${describeValue(v)}`)
      .join(', ');
  }
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

/** One line of details, e.g. "name: Budget.xlsx · customerTold: yes". */
export function summariseDetails(details: AuditEntry['details']): string {
  return Object.entries(details ?? {})
    .map(([k, v]) => `${k}: ${describeValue(v)}`)
    .join(' · ');
}

/** An audit trail, newest first: the firm's ("firm") or one contact's. */
export function AuditList({ path, showContact = false, version }: { path: string; showContact?: boolean; version?: number }) {
  const entries = usePaged((cursor) => get<Page<AuditEntry>>(`${path}${query({ cursor, limit: 50 })}`), [path, version]);
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
                    {ACTIONS[e.action] ?? e.action}
                    {showContact && e.contactId && (
                      <>
                        {' '}
                        <Link to={`/contacts/${e.contactId}`}>View contact</Link>
                      </>
                    )}
                    {e.details && <div className="muted small">{summariseDetails(e.details)}</div>}
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
