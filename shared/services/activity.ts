import { activityCsv, type ActivityFilter } from '../domain/activity.ts';
import type { AuditLog } from '../domain/ports.ts';
import { badRequest } from '../errors.ts';

/** The most entries one export holds; narrow the filter (dates) for more. */
export const MAX_EXPORT_ENTRIES = 10_000;

/** The firm's activity matching `filter`, newest first, as CSV. */
export async function exportActivity(audit: AuditLog, filter: ActivityFilter): Promise<string> {
  const entries = [];
  let cursor: string | undefined;
  do {
    const page = await audit.list('firm', 200, cursor, filter);
    entries.push(...page.items);
    cursor = page.cursor;
    if (entries.length > MAX_EXPORT_ENTRIES) {
      throw badRequest('too_many_entries', `More than ${MAX_EXPORT_ENTRIES} entries match: choose a shorter period (from, to) and export it in parts.`);
    }
  } while (cursor);
  return activityCsv(entries);
}

/** Who downloaded a file, which version and when (its download receipts), newest first. */
export function downloadReceipts(audit: AuditLog, itemId: string, limit: number, cursor?: string) {
  return audit.list(`item#${itemId}`, limit, cursor, { action: 'file.downloaded' });
}
