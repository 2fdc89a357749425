import { badRequest } from '../errors.ts';
import { customerCanRevise, customerCanSee, customerPrincipal, isLive, ownUnfinishedUpload, ownUpload, requireAttachmentControl, visibleToCustomer, type Grants, type JwtClaims } from '../domain/access-policy.ts';
import { newId } from '../domain/ids.ts';
import { ROOT_FOLDER_ID, type CustomerPrincipal, type DriveItem } from '../domain/model.ts';
import { inboxFolderName, revisedName } from '../domain/naming.ts';
import { visiblePage } from '../domain/paging.ts';
import type { AuditLog, ContactStore, DriveStore, FileStore, ObjectKeys, Page, ShareStore, Transactions } from '../domain/ports.ts';
import { controlAllows, type PortalSettings } from '../domain/settings.ts';
import { downloadEntry, downloadUrl, finishMultipart, itemName, namesInFolder, MAX_UPLOAD_BYTES, uploadInstructions, type UploadInstructions } from './drive.ts';
import { sharesOfContact } from './sharing.ts';

export interface PortalDeps {
  shares: ShareStore;
  drive: DriveStore;
}

/**
 * Two key reads per request, made in parallel: the contact record decides whether this token
 * still opens the portal, and the settings whether the portal is open at all (F6, F7); a member
 * of organisations adds one batch read of them.
 */
export async function authenticateCustomer(
  deps: { contacts: ContactStore; settings: () => Promise<PortalSettings> },
  claims: JwtClaims,
): Promise<{ caller: CustomerPrincipal; settings: PortalSettings }> {
  const contactId = claims['custom:contactId'];
  const [contact, settings] = await Promise.all([
    typeof contactId === 'string' && contactId ? deps.contacts.get(contactId) : undefined,
    deps.settings(),
  ]);
  // A member's organisations decide, each request, whether their shares still reach the member.
  const organisations = contact?.organisationIds.length ? await deps.contacts.getMany(contact.organisationIds) : [];
  return { caller: customerPrincipal(claims, contact, { open: settings.portalOpen, firmName: settings.branding.firmName }, organisations), settings };
}

export async function grantsOf(shares: ShareStore, customer: CustomerPrincipal): Promise<Grants> {
  return new Set((await shares.sharedWith(customer.granteeIds)).map((s) => s.itemId));
}

export const inboxFolderId = (contactId: string) => `inbox-${contactId}`;

/** An item with the folders above it, for the liveness part of the access decision. */
async function withAncestors(drive: DriveStore, itemId: string): Promise<[DriveItem | undefined, DriveItem[]]> {
  const item = await drive.get(itemId);
  return [item, item?.ancestorIds.length ? await drive.getMany(item.ancestorIds) : []];
}

export interface PortalItem {
  itemId: string;
  kind: DriveItem['kind'];
  name: string;
  size?: number;
  contentType?: string;
  updatedAt: string;
  sharedBy?: string;
  uploadedByYou: boolean;
}

/** What a customer is shown of an item: never internal keys, ancestry or staff ids. */
export function toPortalItem(customer: CustomerPrincipal, item: DriveItem, sharedBy?: string): PortalItem {
  return {
    itemId: item.itemId,
    kind: item.kind,
    name: item.name,
    size: item.size,
    contentType: item.contentType,
    updatedAt: item.createdAt,
    sharedBy,
    uploadedByYou: item.createdBy.kind === 'customer' && item.createdBy.id === customer.contactId,
  };
}

/** The top level of a customer's portal: everything shared with them or their organisations, and their own uploads. */
export async function listSharedRoots(deps: PortalDeps, customer: CustomerPrincipal): Promise<PortalItem[]> {
  const shared = await sharesOfContact(deps, customer.granteeIds);
  const ancestors = await deps.drive.getMany([...new Set(shared.flatMap((s) => s.item.ancestorIds))]);
  const roots = shared.filter((s) => isLive(s.item, ancestors)).map((s) => toPortalItem(customer, s.item, s.sharedBy));
  const inbox = await deps.drive.get(inboxFolderId(customer.contactId));
  if (inbox && !roots.some((r) => r.itemId === inbox.itemId)) roots.push(toPortalItem(customer, inbox));
  return roots;
}

export async function listSharedFolder(
  deps: PortalDeps,
  customer: CustomerPrincipal,
  folderId: string,
  limit: number,
  cursor?: string,
): Promise<Page<PortalItem>> {
  const [grants, [folder, ancestors]] = await Promise.all([grantsOf(deps.shares, customer), withAncestors(deps.drive, folderId)]);
  visibleToCustomer(customer, folder, ancestors, grants, 'folder');
  const source = { fetch: (n: number, c?: string) => deps.drive.children(folderId, n, c), cursorAfter: (i: DriveItem) => deps.drive.cursorAfter(i) };
  const page = await visiblePage(source, (i) => customerCanSee(customer, i, grants), limit, cursor);
  return { items: page.items.map((i) => toPortalItem(customer, i)), cursor: page.cursor };
}

/** A download link for a file the customer may see; the download is on the record (the file's receipts and the contact's trail). */
export async function downloadShared(deps: PortalDeps & { files: FileStore; audit: AuditLog }, customer: CustomerPrincipal, itemId: string, now = new Date()) {
  const [grants, [item, ancestors]] = await Promise.all([grantsOf(deps.shares, customer), withAncestors(deps.drive, itemId)]);
  const file = visibleToCustomer(customer, item, ancestors, grants, 'file');
  const link = await downloadUrl(deps.files, file);
  await deps.audit.record(downloadEntry(file, { actor: customer.name, contactId: customer.contactId, email: customer.email }, now));
  return link;
}

export interface UploadRequestFile {
  name: string;
  size: number;
  contentType: string;
}

export const MAX_FILES_PER_BATCH = 50;

/** Deletes (moves to the staff trash, so nothing is lost) a document the customer uploaded, if the firm allows it. */
export async function deleteOwnUpload(
  deps: PortalDeps & { audit: AuditLog; transactions: Transactions },
  customer: CustomerPrincipal,
  settings: PortalSettings,
  itemId: string,
  now = new Date(),
): Promise<{ deleted: true }> {
  const [grants, [item, ancestors]] = await Promise.all([grantsOf(deps.shares, customer), withAncestors(deps.drive, itemId)]);
  const own = ownUpload(customer, item, ancestors, grants);
  requireAttachmentControl(controlAllows(settings.attachments.delete), 'delete');
  await deps.transactions.commit([
    deps.drive.updateWrite(own, { status: 'trashed', trashedAt: now.toISOString(), trashedBy: `${customer.name} (customer)` }),
    ...deps.audit.recordWrites({ at: now.toISOString(), actor: customer.name, action: 'file.deleted_by_customer', contactId: customer.contactId, details: { name: own.name } }),
  ]);
  return { deleted: true };
}

/**
 * Starts a customer upload batch. New documents land in the contact's inbox folder; a revised
 * version of a shared file lands beside it under a new name. Either way the server makes a
 * fresh key below the customer-upload prefix, so no upload can replace a staff file.
 */
export async function startCustomerUpload(
  deps: PortalDeps & { files: FileStore; keys: ObjectKeys },
  customer: CustomerPrincipal,
  settings: PortalSettings,
  input: { files: UploadRequestFile[]; revisesItemId?: string },
  now = new Date(),
): Promise<{ batchId: string; uploads: ({ item: PortalItem } & UploadInstructions)[] }> {
  const { attachments } = settings;
  requireAttachmentControl(controlAllows(attachments.upload), 'upload');
  if (input.files.length === 0 || input.files.length > MAX_FILES_PER_BATCH) {
    throw badRequest('invalid_request', `files: send 1 to ${MAX_FILES_PER_BATCH} files per upload.`);
  }
  const tooLarge = input.files.find((f) => f.size > MAX_UPLOAD_BYTES);
  if (tooLarge) throw badRequest('file_too_large', `files: "${tooLarge.name}" is over ${MAX_UPLOAD_BYTES / 1024 ** 3} GB.`);
  const names = input.files.map((f) => itemName(f.name));

  let placement: { parentId: string; ancestorIds: string[] };
  let nameOf = (name: string) => name;
  let revisesItemId: string | undefined;
  if (input.revisesItemId) {
    if (input.files.length !== 1) throw badRequest('invalid_request', 'files: a revised version is one file.');
    const [grants, [item, ancestors]] = await Promise.all([grantsOf(deps.shares, customer), withAncestors(deps.drive, input.revisesItemId)]);
    const original = customerCanRevise(customer, item, ancestors, grants);
    // Revising one's own upload is replacing it (F17); revising a staff file is always a new document beside it.
    if (original.createdBy.kind === 'customer' && original.createdBy.id === customer.contactId) {
      requireAttachmentControl(controlAllows(attachments.replace), 'replace');
    }
    placement = { parentId: original.parentId, ancestorIds: original.ancestorIds };
    nameOf = () => revisedName(original.name, customer.name, now);
    revisesItemId = original.itemId;
  } else {
    const inbox = await ensureInbox(deps.drive, customer, now);
    placement = { parentId: inbox.itemId, ancestorIds: [...inbox.ancestorIds, inbox.itemId] };
  }

  const arriving = await namesInFolder(deps.drive, placement.parentId, names.map((name) => ({ name: nameOf(name), kind: 'file' as const })));
  const batchId = newId();
  const uploads = [];
  for (const [i, file] of input.files.entries()) {
    const itemId = newId();
    const objectKey = deps.keys.customerUpload({ contactId: customer.contactId, batchId, batchSize: input.files.length, itemId });
    const instructions = await uploadInstructions(deps.files, objectKey, file.contentType, file.size);
    const item: DriveItem = {
      itemId,
      kind: 'file',
      name: arriving[i],
      ...placement,
      status: 'pending',
      size: file.size,
      contentType: file.contentType,
      objectKey,
      multipartUploadId: instructions.multipart?.uploadId,
      createdAt: now.toISOString(),
      createdBy: { kind: 'customer', id: customer.contactId, name: customer.name },
      uploadBatchId: batchId,
      revisesItemId,
    };
    await deps.drive.createIfAbsent(item);
    uploads.push({ item: toPortalItem(customer, item), ...instructions });
  }
  return { batchId, uploads };
}

/**
 * Completes a customer's multipart upload; S3's "object created" event then makes the file
 * visible and notifies the staff, as for a single PUT.
 */
export async function completeCustomerUpload(
  deps: PortalDeps & { files: FileStore },
  customer: CustomerPrincipal,
  itemId: string,
  parts: { partNumber: number; etag: string }[],
): Promise<{ completed: true }> {
  const item = ownUnfinishedUpload(customer, await deps.drive.get(itemId));
  await finishMultipart(deps.files, item, parts);
  return { completed: true };
}

async function ensureInbox(drive: DriveStore, customer: CustomerPrincipal, now: Date): Promise<DriveItem> {
  const existing = await drive.get(inboxFolderId(customer.contactId));
  if (existing) return existing;
  const inbox: DriveItem = {
    itemId: inboxFolderId(customer.contactId),
    kind: 'folder',
    // Two customers of the same name get "From Ann" and "From Ann (2)".
    name: (await namesInFolder(drive, ROOT_FOLDER_ID, [{ name: inboxFolderName(customer.name), kind: 'folder' }]))[0],
    parentId: ROOT_FOLDER_ID,
    ancestorIds: [],
    status: 'ready',
    createdAt: now.toISOString(),
    createdBy: { kind: 'customer', id: customer.contactId, name: customer.name },
  };
  // Two first uploads racing both end with the same folder.
  await drive.createIfAbsent(inbox);
  return inbox;
}
