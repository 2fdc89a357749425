import { customerUploadEmail } from '../domain/emails.ts';
import type { ContactStore, DriveStore, Mailer, ObjectKeys, UploadLedger } from '../domain/ports.ts';

export interface NotifyDeps {
  contacts: ContactStore;
  drive: DriveStore;
  ledger: UploadLedger;
  mailer: Mailer;
  keys: ObjectKeys;
  firmName: string;
  driveUrl: string;
}

export type ArrivalOutcome = 'ignored' | 'waiting' | 'emailed' | 'already-emailed';

/**
 * Handles one "object created" event of a customer upload. The file becomes visible, and once
 * every file of its batch has arrived the responsible staff get one email for the batch.
 * S3 delivers events at least once and may deliver twice at the same time: the ledger's
 * conditional claim lets exactly one delivery send. If sending fails the claim is released and
 * the error propagates, so Lambda retries and finally parks the event in the failure queue.
 */
export async function handleCustomerUpload(deps: NotifyDeps, objectKey: string, size: number, now = new Date()): Promise<ArrivalOutcome> {
  const key = deps.keys.parseCustomerUpload(objectKey);
  if (!key) return 'ignored';
  const item = await deps.drive.get(key.itemId);
  // An object with no item was not made through the portal's upload route: nothing to announce.
  if (!item || item.uploadBatchId !== key.batchId || item.createdBy.id !== key.contactId) return 'ignored';
  await deps.drive.markReady(key.itemId, size);
  const arrived = await deps.ledger.recordArrival(key.batchId, key.itemId);
  if (arrived.length < key.batchSize) return 'waiting';
  if (!(await deps.ledger.claimNotification(key.batchId, now))) return 'already-emailed';

  try {
    const contact = await deps.contacts.get(key.contactId);
    const batchFiles = await deps.drive.getMany(arrived);
    if (contact && contact.responsibleStaff.length > 0) {
      await deps.mailer.send(
        customerUploadEmail({
          firmName: deps.firmName,
          driveUrl: `${deps.driveUrl}?folder=${encodeURIComponent(item.parentId)}`,
          to: contact.responsibleStaff,
          contactName: contact.name,
          fileNames: batchFiles.map((f) => f.name).sort((a, b) => a.localeCompare(b)),
        }),
      );
    }
  } catch (error) {
    await deps.ledger.releaseClaim(key.batchId);
    throw error;
  }
  await deps.ledger.markNotified(key.batchId, now);
  return 'emailed';
}
