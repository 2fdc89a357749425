/**
 * A customer's requests (F21): the form's choices, sending a request (with its email to the
 * customer's responsible staff and its audit entry in one transaction), its files, and the
 * customer's own list. Whom a customer may name is the access policy's `requestCandidates`: the
 * contacts tied to their own matters and organisations, never a search of the firm's contacts.
 */
import { customerViewOfRequest, requestCandidates, requireAttachmentControl, visibleRequest, type CustomerRequestView } from '../domain/access-policy.ts';
import { newId } from '../domain/ids.ts';
import { matterFolderName, fromClientFolderId } from '../domain/matters.ts';
import { ROOT_FOLDER_ID, type CustomerPrincipal, type DriveItem } from '../domain/model.ts';
import { requestFolderName } from '../domain/naming.ts';
import type { AuditLog, ContactStore, DriveStore, FileStore, MatterStore, ObjectKeys, Outbox, Page, RequestStore, Transactions } from '../domain/ports.ts';
import { newRequest, requireOpenForFiles, type Candidate, type RequestInput, type RequestSummary } from '../domain/requests.ts';
import { controlAllows, type PortalSettings } from '../domain/settings.ts';
import { conflict } from '../errors.ts';
import { checkUploadBatch, pendingUploads, toPortalItem, type PortalItem, type UploadRequestFile } from './customer-portal.ts';
import { namesInFolder } from './drive.ts';
import { currentMatterLists } from './matters.ts';

export interface RequestPortalDeps {
  requests: RequestStore;
  matters: MatterStore;
  contacts: ContactStore;
  audit: AuditLog;
  outbox: Outbox;
  transactions: Transactions;
}

/** How many of each client's newest matters the contacts to pick from are drawn from. */
export const CANDIDATE_MATTERS_PER_CLIENT = 100;

/** What the request form offers: the kinds the admins list and the contacts this customer may name. */
export async function requestForm(deps: Pick<RequestPortalDeps, 'matters' | 'contacts'>, customer: CustomerPrincipal): Promise<{ kinds: string[]; contacts: Candidate[] }> {
  const [lists, pages] = await Promise.all([
    currentMatterLists(deps.matters),
    Promise.all(customer.granteeIds.map((clientId) => deps.matters.clientMatters(clientId).fetch(CANDIDATE_MATTERS_PER_CLIENT))),
  ]);
  const matters = await deps.matters.getMany(pages.flatMap((p) => p.items.map((s) => s.matterId)));
  const ids = new Set([...customer.granteeIds, ...matters.flatMap((m) => [m.clientId, ...m.parties.map((p) => p.contactId)])]);
  ids.delete(customer.contactId);
  const contacts = await deps.contacts.getMany([...ids]);
  return { kinds: lists.requestKinds.map((k) => k.name), contacts: requestCandidates(customer, matters, contacts, lists) };
}

/** Sends a request: checked whole first, then the request, its audit entry and its email in one transaction. */
export async function submitRequest(deps: RequestPortalDeps, customer: CustomerPrincipal, input: RequestInput, now = new Date()): Promise<CustomerRequestView> {
  const [{ kinds, contacts }, requester] = await Promise.all([requestForm(deps, customer), deps.contacts.get(customer.contactId)]);
  const request = newRequest(input, { requestId: newId(), requesterId: customer.contactId, requesterName: customer.name }, kinds.map((name) => ({ name })), contacts, now);
  const staff = requester?.responsibleStaff ?? [];
  await deps.transactions.commit([
    ...deps.requests.createWrites(request),
    ...deps.audit.recordWrites({ at: now.toISOString(), actor: customer.name, action: 'request.submitted', contactId: customer.contactId, details: { requestId: request.requestId, kind: request.kind, title: request.title } }),
    // The title stays behind the sign-in: the email says who asked and for what kind of work.
    ...(staff.length ? [deps.outbox.enqueueWrite({ kind: 'requestSubmitted', to: staff, customerName: customer.name, requestKind: request.kind, requestId: request.requestId })] : []),
  ]);
  return customerViewOfRequest(request);
}

export async function listOwnRequests(requests: RequestStore, customer: CustomerPrincipal, limit: number, cursor?: string): Promise<Page<Omit<RequestSummary, 'requesterId'>>> {
  const page = await requests.requesterRequests(customer.contactId, limit, cursor);
  return { items: page.items.map(({ requesterId: _me, ...summary }) => summary), cursor: page.cursor };
}

/** How many of a request's files its page lists; more stay in the firm's drive. */
export const REQUEST_FILES_SHOWN = 100;

/** The files the requester sent with a request, wherever its folder now is (an accepted one's is in its matter's). */
export async function requestFiles(drive: DriveStore, requestId: string, requesterId: string): Promise<DriveItem[]> {
  const page = await drive.children(fromClientFolderId(requestId), REQUEST_FILES_SHOWN);
  return page.items.filter((item) => item.kind === 'file' && item.status === 'ready' && item.createdBy.kind === 'customer' && item.createdBy.id === requesterId);
}

export async function getOwnRequest(deps: { requests: RequestStore; drive: DriveStore }, customer: CustomerPrincipal, requestId: string): Promise<CustomerRequestView & { files: PortalItem[] }> {
  const request = visibleRequest(customer, await deps.requests.get(requestId));
  const files = await requestFiles(deps.drive, request.requestId, customer.contactId);
  return { ...customerViewOfRequest(request), files: files.map((item) => toPortalItem(customer, item)) };
}

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
