/**
 * Customers send documents into their matter (F20, F17, F22): they land in the matter's "From
 * client" folder inside its folder, made on the first upload, and S3's event files them and tells
 * the staff as for any customer upload. Whether a customer may upload follows the firm's
 * attachment control and, for "before approval", this matter's approval at the moment of asking.
 */
import { isLive, requireMatterAttachmentControl, visibleMatter } from '../domain/access-policy.ts';
import { fromClientFolderId, type Matter } from '../domain/matters.ts';
import { fromClientFolderName } from '../domain/naming.ts';
import type { CustomerPrincipal, DriveItem } from '../domain/model.ts';
import { visiblePage } from '../domain/paging.ts';
import type { DriveStore, FileStore, MatterStore, ObjectKeys, Page } from '../domain/ports.ts';
import type { PortalSettings } from '../domain/settings.ts';
import { conflict } from '../errors.ts';
import { checkUploadBatch, pendingUploads, toPortalItem, type PortalItem, type UploadRequestFile } from './customer-portal.ts';

export interface MatterUploadDeps {
  matters: MatterStore;
  drive: DriveStore;
  files: FileStore;
  keys: ObjectKeys;
}

async function fromClientFolder(drive: DriveStore, matter: Matter, customer: CustomerPrincipal, settings: PortalSettings, now: Date): Promise<DriveItem> {
  const [existing, matterFolder] = await Promise.all([drive.get(fromClientFolderId(matter.matterId)), drive.get(matter.folderId)]);
  // A matter whose folder staff trashed takes nothing until it is restored: files must not land out of sight.
  if (!matterFolder || matterFolder.status !== 'ready') throw conflict('matter_folder_unavailable', "This matter's folder is not available at the moment; ask the firm to restore it.");
  if (existing && existing.status === 'ready' && existing.parentId === matterFolder.itemId) return existing;
  if (existing) throw conflict('matter_folder_unavailable', 'The folder for your documents in this matter has been moved or removed; ask the firm to restore it.');
  const folder: DriveItem = {
    itemId: fromClientFolderId(matter.matterId),
    kind: 'folder',
    name: fromClientFolderName(settings.language),
    parentId: matterFolder.itemId,
    ancestorIds: [...matterFolder.ancestorIds, matterFolder.itemId],
    status: 'ready',
    createdAt: now.toISOString(),
    createdBy: { kind: 'customer', id: customer.contactId, name: customer.name },
  };
  // Two first uploads racing: the one that did not make the folder reads the one that did.
  if (await drive.createIfAbsent(folder)) return folder;
  return (await drive.get(folder.itemId)) ?? folder;
}

export async function startMatterUpload(deps: MatterUploadDeps, customer: CustomerPrincipal, settings: PortalSettings, matterId: string, files: UploadRequestFile[], now = new Date()) {
  const matter = visibleMatter(customer, await deps.matters.get(matterId));
  requireMatterAttachmentControl(settings.attachments.upload, matter, 'upload');
  const names = checkUploadBatch(files);
  const folder = await fromClientFolder(deps.drive, matter, customer, settings, now);
  return pendingUploads(deps, customer, { parentId: folder.itemId, ancestorIds: [...folder.ancestorIds, folder.itemId] }, files, names, now);
}

/** The customer's own filed uploads in the matter, in the folder's order. */
export async function listOwnMatterUploads(deps: Pick<MatterUploadDeps, 'matters' | 'drive'>, customer: CustomerPrincipal, matterId: string, limit: number, cursor?: string): Promise<Page<PortalItem>> {
  const matter = visibleMatter(customer, await deps.matters.get(matterId));
  const folderId = fromClientFolderId(matter.matterId);
  // Out of sight with their folders: a trashed or moved folder hides them, as the drive's routes do.
  const folder = await deps.drive.get(folderId);
  const above = folder ? await deps.drive.getMany(folder.ancestorIds) : [];
  if (!folder || folder.parentId !== matter.folderId || !isLive(folder, above)) return { items: [] };
  const page = await visiblePage(
    { fetch: (n, at) => deps.drive.children(folderId, n, at), cursorAfter: (i) => deps.drive.cursorAfter(i) },
    (item) => item.kind === 'file' && item.status === 'ready' && item.createdBy.kind === 'customer' && item.createdBy.id === customer.contactId,
    limit,
    cursor,
  );
  return { items: page.items.map((item) => toPortalItem(customer, item)), cursor: page.cursor };
}
