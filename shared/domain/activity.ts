/**
 * The audit trail in words a person reads: one label per action, used by the admin UI and the CSV
 * export alike, and the CSV itself.
 */
import type { AuditEntry } from './ports.ts';

export const ACTION_LABELS: Record<string, string> = {
  'contact.created': 'Created a contact',
  'contact.updated': 'Changed contact details',
  'contact.archived': 'Archived a contact',
  'contact.undeliverable': 'Email to the contact bounced for good or was marked as spam',
  'contact.signed_up': 'Signed up to the portal',
  'access.opened': 'Opened portal access',
  'access.closed': 'Closed portal access',
  'access.reopened': 'Reopened portal access',
  'access.invitation_resent': 'Sent the invitation again',
  'access.cognito_steps_failed': 'Could not close the sign-in in Cognito',
  'share.added': 'Shared items',
  'share.removed': 'Stopped sharing an item',
  'file.downloaded': 'Downloaded a file',
  'file.uploaded': 'Uploaded a file',
  'file.deleted_by_customer': 'Deleted their upload',
  'upload.abandoned': 'Removed an upload that was never finished',
  'upload.filed_late': 'Filed an upload whose completion was lost',
  'drive.renamed': 'Renamed an item',
  'drive.moved': 'Moved an item',
  'drive.trashed': 'Moved an item to the trash',
  'drive.restored': 'Restored an item from the trash',
  'drive.trash_emptied': 'Emptied an item from the trash',
  'settings.changed': 'Changed the settings',
  'roles.changed': 'Changed the roles',
  'matter.created': 'Opened a matter',
  'matter.updated': 'Changed a matter',
  'matter.approved': 'Approved a matter',
  'matter.reopened': 'Reopened a matter for approval',
  'matter_lists.changed': 'Changed the lists for matters',
  'document.typed': "Changed a matter document's type",
  'comment.added': 'Commented on a matter',
  'comment.noted': 'Wrote an internal note on a matter',
  'comment.hidden': 'Hid a comment from the client',
  'staff.invited': 'Invited a staff user',
  'staff.enabled': 'Enabled a staff user',
  'staff.disabled': 'Disabled a staff user',
  'staff.password_reset': 'Reset a staff password',
  'staff.made_admin': 'Made a staff user an administrator',
  'staff.made_staff': 'Made an administrator a regular staff member',
};

export const actionLabel = (action: string) => ACTION_LABELS[action] ?? action;

/** What the firm's activity can be narrowed to. */
export interface ActivityFilter {
  /** Who acted (a staff email, a customer's name or email), exactly, case-insensitive. */
  actor?: string;
  action?: string;
  /** ISO dates (inclusive), e.g. "2026-05-12". */
  from?: string;
  to?: string;
}

export function matchesFilter(entry: AuditEntry, filter: ActivityFilter): boolean {
  if (filter.actor && entry.actor.toLowerCase() !== filter.actor.toLowerCase()) return false;
  if (filter.action && entry.action !== filter.action) return false;
  if (filter.from && entry.at < filter.from) return false;
  if (filter.to && entry.at.slice(0, filter.to.length) > filter.to) return false;
  return true;
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return value.map(describe).join(', ');
  if (value && typeof value === 'object') return Object.entries(value).map(([k, v]) => `${k} ${describe(v)}`).join(', ');
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

/** One line of details, e.g. "name: Budget.xlsx · customerTold: yes"; raw ids are left out. */
export function detailsLine(details: AuditEntry['details']): string {
  return Object.entries(details ?? {})
    .filter(([k]) => !/Ids?$/.test(k))
    .map(([k, v]) => `${k}: ${describe(v)}`)
    .join(' · ');
}

/** RFC 4180 field; a leading =, +, - or @ is quoted as text so a spreadsheet never runs it as a formula. */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function activityCsv(entries: AuditEntry[]): string {
  const rows = [['Time (UTC)', 'Who', 'What', 'Details'], ...entries.map((e) => [e.at, e.actor, actionLabel(e.action), detailsLine(e.details)])];
  return `${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}
