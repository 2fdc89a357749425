import { matterOfFromClientFolder } from '../domain/matters.ts';
import type { Contact } from '../domain/model.ts';
import type { AuditLog, ContactStore, DriveStore, MatterStore, ObjectKeys, Outbox, StoredObject, UploadLedger } from '../domain/ports.ts';

export interface NotifyDeps {
  contacts: ContactStore;
  drive: DriveStore;
  ledger: UploadLedger;
  outbox: Outbox;
  audit: AuditLog;
  keys: ObjectKeys;
  matters: Pick<MatterStore, 'get'>;
  /** Told of each upload filed (once per document, however often S3 reports it): the handler counts it. */
  onFiled?: () => void;
}

export type ArrivalOutcome = 'ignored' | 'overwrite-refused' | 'waiting' | 'emailed' | 'already-emailed';

/**
 * Handles one "object created" event of a customer upload. The file becomes visible, and once
 * every file of its batch has arrived the responsible staff get one email for the batch.
 * S3 delivers events at least once and may deliver twice at the same time: the ledger's
 * conditional claim lets exactly one delivery send. If sending fails the claim is released and
 * the error propagates, so Lambda retries and finally parks the event in the failure queue.
 */
export async function handleCustomerUpload(deps: NotifyDeps, objectKey: string, stored: StoredObject, now = new Date()): Promise<ArrivalOutcome> {
  const key = deps.keys.parseCustomerUpload(objectKey);
  if (!key) return 'ignored';
  const item = await deps.drive.get(key.itemId);
  // An object with no item was not made through the portal's upload route: nothing to announce.
  if (!item || item.uploadBatchId !== key.batchId || item.createdBy.id !== key.contactId) return 'ignored';
  // Filed once: a second event for the same bytes is a duplicate delivery; one for other bytes
  // at the same key is a later write, which never replaces the filed document.
  const filed = await deps.drive.markReady(key.itemId, stored);
  if (!filed && item.etag && stored.etag && item.etag !== stored.etag) return 'overwrite-refused';
  if (filed) {
    deps.onFiled?.();
    await deps.audit.record({ at: now.toISOString(), actor: item.createdBy.name, action: 'file.uploaded', contactId: key.contactId, details: { name: item.name, size: stored.size } });
  }
  const arrived = await deps.ledger.recordArrival(key.batchId, key.itemId, key.contactId, now);
  if (arrived.length < key.batchSize) return 'waiting';
  return (await emailBatch(deps, key.batchId, key.contactId, arrived, now)) ? 'emailed' : 'already-emailed';
}

/**
 * Sends a batch's one email, if no other delivery has: the ledger's conditional claim lets
 * exactly one caller through. If sending fails the claim is released and the error propagates,
 * so Lambda retries the event and finally parks it in the failure queue.
 */
async function emailBatch(deps: NotifyDeps, batchId: string, contactId: string, itemIds: string[], now: Date): Promise<boolean> {
  if (!(await deps.ledger.claimNotification(batchId, now))) return false;
  try {
    const contact = await deps.contacts.get(contactId);
    const files = await deps.drive.getMany(itemIds);
    const to = contact ? await recipients(deps, contact, files[0]?.parentId) : [];
    if (contact && to.length > 0) {
      // Keyed by the batch: however many deliveries get here, the outbox keeps one email.
      await deps.outbox.enqueue(
        {
          kind: 'customerUpload',
          to,
          contactName: contact.name,
          fileNames: files.map((f) => f.name).sort((a, b) => a.localeCompare(b)),
          // The email links to the admin UI's page of the folder the files landed in.
          folderId: files[0]?.parentId ?? 'root',
        },
        `upload-batch#${batchId}`,
        now,
      );
    }
  } catch (error) {
    await deps.ledger.releaseClaim(batchId);
    throw error;
  }
  await deps.ledger.markNotified(batchId, now);
  return true;
}

/**
 * Who hears of a batch: files sent into a matter (its "From client" folder) go to that matter's
 * responsible staff; anything else to the contact's.
 */
async function recipients(deps: Pick<NotifyDeps, 'matters'>, contact: Contact, folderId: string | undefined): Promise<string[]> {
  const matterId = folderId === undefined ? undefined : matterOfFromClientFolder(folderId);
  const matter = matterId ? await deps.matters.get(matterId) : undefined;
  return matter?.responsibleStaff.length ? matter.responsibleStaff : contact.responsibleStaff;
}

/** A batch is announced once its last file arrives, or, if some never come, this long after its first. */
export const BATCH_FLUSH_AFTER_MINUTES = 60;

/** Hourly: announces the files of batches whose remaining files never arrived, so no upload goes unannounced. */
export async function flushStaleBatches(deps: NotifyDeps, now: Date): Promise<number> {
  const stale = await deps.ledger.openBefore(new Date(now.getTime() - BATCH_FLUSH_AFTER_MINUTES * 60_000), 100);
  let emailed = 0;
  for (const batch of stale) {
    if (await emailBatch(deps, batch.batchId, batch.contactId, batch.arrived, now)) emailed++;
    else await deps.ledger.close(batch.batchId);
  }
  return emailed;
}
