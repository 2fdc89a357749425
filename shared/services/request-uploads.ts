/**
 * Files a customer sends with an open request (F21), presigned straight to S3 like any upload,
 * into a folder that becomes the "From client" folder of the matter the request may become.
 */
import { requireAttachmentControl, visibleRequest } from '../domain/access-policy.ts';
import { fromClientFolderId, matterFolderName } from '../domain/matters.ts';
import { ROOT_FOLDER_ID, type CustomerPrincipal, type DriveItem } from '../domain/model.ts';
import { requestFolderName } from '../domain/naming.ts';
import type { DriveStore, FileStore, ObjectKeys, RequestStore } from '../domain/ports.ts';
import { requireOpenForFiles } from '../domain/requests.ts';
import { controlAllows, type PortalSettings } from '../domain/settings.ts';
import { conflict } from '../errors.ts';
import { checkUploadBatch, pendingUploads, type UploadRequestFile } from './customer-portal.ts';
import { namesInFolder } from './drive.ts';

/**
 * The folder a request's files land in, made on the first file at the top of the drive. Its id is
 * the "From client" folder id of the matter the request may become (an accepted request's matter
 * takes the request's id), so once accepted the files are the customer's documents in that matter.
 */
async function requestFolder(drive: DriveStore, request: { requestId: string; title: string }, customer: CustomerPrincipal, settings: PortalSettings, now: Date): Promise<DriveItem> {
  const existing = await drive.get(fromClientFolderId(request.requestId));
  if (existing?.status === 'ready') return existing;
  if (existing) throw conflict('request_folder_unavailable', "The folder for this request's files has been removed; ask the firm to restore it.");
  const [name] = await namesInFolder(drive, ROOT_FOLDER_ID, [{ name: matterFolderName('', requestFolderName(settings.language, request.title, customer.name)), kind: 'folder' }]);
  const folder: DriveItem = {
    itemId: fromClientFolderId(request.requestId),
    kind: 'folder',
    name,
    parentId: ROOT_FOLDER_ID,
    ancestorIds: [],
    status: 'ready',
    createdAt: now.toISOString(),
    createdBy: { kind: 'customer', id: customer.contactId, name: customer.name },
  };
  if (await drive.createIfAbsent(folder)) return folder;
  return (await drive.get(folder.itemId)) ?? folder;
}

/**
 * Files sent with an open request, presigned straight to S3 like any upload. Outside a matter
 * there is no approval, so the firm's upload control decides as it does for the drive.
 */
export async function startRequestUpload(
  deps: { requests: RequestStore; drive: DriveStore; files: FileStore; keys: ObjectKeys },
  customer: CustomerPrincipal,
  settings: PortalSettings,
  requestId: string,
  files: UploadRequestFile[],
  now = new Date(),
) {
  const request = visibleRequest(customer, await deps.requests.get(requestId));
  requireAttachmentControl(controlAllows(settings.attachments.upload), 'upload');
  requireOpenForFiles(request);
  const names = checkUploadBatch(files);
  const folder = await requestFolder(deps.drive, request, customer, settings, now);
  return pendingUploads(deps, customer, { parentId: folder.itemId, ancestorIds: [...folder.ancestorIds, folder.itemId] }, files, names, now);
}
