/**
 * Uploads that were started and never filed (F9, F15). A pending file is listed to staff as
 * "uploading…", so one left behind by a closed tab would stay in the drive for ever. After a day:
 *   - if its bytes did arrive (only the completion was lost), it is filed, because nothing a
 *     person sent is thrown away;
 *   - otherwise its multipart parts are discarded and its record removed.
 * Either way the audit trail says so, by name.
 */
import type { DriveItem } from '../domain/model.ts';
import type { AuditLog, DriveStore, FileStore } from '../domain/ports.ts';

export const ABANDONED_AFTER_HOURS = 24;

export interface AbandonedUploadDeps {
  drive: DriveStore;
  files: FileStore;
  audit: AuditLog;
}

export interface CleanUpResult {
  filed: number;
  removed: number;
  /** Filed, trashed or removed by someone else while the clean-up ran. */
  skipped: number;
}

export async function cleanUpAbandonedUploads(deps: AbandonedUploadDeps, asOf: Date, clock: () => Date = () => new Date()): Promise<CleanUpResult> {
  const cutoff = new Date(asOf.getTime() - ABANDONED_AFTER_HOURS * 3600 * 1000);
  const result: CleanUpResult = { filed: 0, removed: 0, skipped: 0 };
  let cursor: string | undefined;
  do {
    const page = await deps.drive.pendingBefore(cutoff, 100, cursor);
    for (const item of page.items) result[await settle(deps, item, clock)]++;
    cursor = page.cursor;
  } while (cursor);
  return result;
}

async function settle(deps: AbandonedUploadDeps, item: DriveItem, clock: () => Date): Promise<keyof CleanUpResult> {
  // A single PUT may have landed; a multipart upload that was never completed holds no object.
  // Upload URLs live for hours at most, so after a day no further bytes can arrive.
  const stored = item.objectKey && !item.multipartUploadId ? await deps.files.stored(item.objectKey) : undefined;
  const entry = { actor: 'system', contactId: item.createdBy.kind === 'customer' ? item.createdBy.id : undefined };
  const details = { name: item.name, startedBy: item.createdBy.name, startedAt: item.createdAt };
  if (stored) {
    if (!(await deps.drive.markReady(item.itemId, stored))) return 'skipped';
    await deps.audit.record({ ...entry, at: clock().toISOString(), action: 'upload.filed_late', details });
    return 'filed';
  }
  if (item.objectKey && item.multipartUploadId) await deps.files.abortMultipart(item.objectKey, item.multipartUploadId);
  // Only while still pending: a completion that won the race keeps its file.
  if (!(await deps.drive.removePending(item.itemId))) return 'skipped';
  await deps.audit.record({ ...entry, at: clock().toISOString(), action: 'upload.abandoned', details });
  return 'removed';
}
