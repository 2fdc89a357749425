import { badRequest } from '../errors.ts';
import { customerCanRevise, customerCanSee, customerPrincipal, ownUnfinishedUpload, ownUpload, requireAttachmentControl, requireMatterAttachmentControl, visibleToCustomer, type Grants, type JwtClaims } from '../domain/access-policy.ts';
import { newId } from '../domain/ids.ts';
import { ROOT_FOLDER_ID, type CustomerPrincipal, type DriveItem } from '../domain/model.ts';
import { inboxFolderName, revisedName } from '../domain/naming.ts';
import { visiblePage, type FilteredSource } from '../domain/paging.ts';
import { matterOfFromClientFolder } from '../domain/matters.ts';
import type { AuditLog, ContactStore, DriveStore, FileStore, MatterStore, ObjectKeys, Page, ShareStore, Transactions } from '../domain/ports.ts';
import type { Language } from '../domain/language.ts';
import { controlAllows, type AttachmentControl, type PortalSettings } from '../domain/settings.ts';
import { downloadEntry, downloadUrl, finishMultipart, itemName, namesInFolder, MAX_UPLOAD_BYTES, uploadInstructions, type UploadInstructions } from './drive.ts';

export interface PortalDeps {
  shares: ShareStore;
  drive: DriveStore;
}

/** What the attachment controls need beside the portal's stores: a matter's approval, for uploads in a matter. */
export type ControlDeps = PortalDeps & { matters: Pick<MatterStore, 'get'> };

/**
 * The attachment control on a customer's own upload: for one in a matter's "From client" folder,
 * "before approval" follows that matter's approval at the moment of asking (F22); elsewhere in
 * the drive there is no approval, so "before approval" always allows (as the README says).
 */
async function requireControlOn(matters: ControlDeps['matters'], control: AttachmentControl, item: DriveItem, action: 'upload' | 'replace' | 'delete'): Promise<void> {
  const matterId = matterOfFromClientFolder(item.parentId);
  const matter = matterId ? await matters.get(matterId) : undefined;
  if (matter) requireMatterAttachmentControl(control, matter, action);
  else requireAttachmentControl(controlAllows(control), action);
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

export const inboxFolderId = (contactId: string) => `inbox-${contactId}`;

/**
 * Which of these items, or the folders above them, are shared with the customer or one of their
 * organisations: keyed reads of exactly those shares, so the cost follows the depth of the
 * items, never how much is shared with the customer.
 */
export async function grantsOn(shares: ShareStore, customer: CustomerPrincipal, items: DriveItem[]): Promise<Set<string>> {
  const ids = items.flatMap((i) => [i.itemId, ...i.ancestorIds]);
  if (!ids.length || !customer.granteeIds.length) return new Set();
  return new Set((await shares.find(customer.granteeIds, ids)).map((s) => s.itemId));
}

/** What the access decision about one item needs: the item, the folders above it, and the shares on that line. */
async function accessContext(deps: PortalDeps, customer: CustomerPrincipal, itemId: string): Promise<[DriveItem | undefined, DriveItem[], Grants]> {
  const item = await deps.drive.get(itemId);
  if (!item) return [undefined, [], new Set()];
  const [ancestors, grants] = await Promise.all([item.ancestorIds.length ? deps.drive.getMany(item.ancestorIds) : [], grantsOn(deps.shares, customer, [item])]);
  return [item, ancestors, grants];
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

export async function listSharedFolder(
  deps: PortalDeps,
  customer: CustomerPrincipal,
  folderId: string,
  limit: number,
  cursor?: string,
): Promise<Page<PortalItem> & { folder: { itemId: string; name: string } }> {
  // The first page is read beside the access check and used only once the check has passed.
  let firstPage: Promise<Page<DriveItem>> | undefined = deps.drive.children(folderId, limit + 1, cursor);
  firstPage.catch(() => undefined);
  const [item, ancestors, folderGrants] = await accessContext(deps, customer, folderId);
  const folder = visibleToCustomer(customer, item, ancestors, folderGrants, 'folder');
  // Shared as a whole (it or a folder above it), the folder's grants decide for every child; otherwise each page asks about its own children.
  const grants = new Set(folderGrants);
  const source: FilteredSource<DriveItem> = {
    fetch: async (n, at) => {
      const early = firstPage;
      firstPage = undefined;
      const page = await (early ?? deps.drive.children(folderId, n, at));
      // The folders above the children are already known not to be shared: ask only about the children.
      if (!folderGrants.size && page.items.length && customer.granteeIds.length) {
        for (const share of await deps.shares.find(customer.granteeIds, page.items.map((i) => i.itemId))) grants.add(share.itemId);
      }
      return page;
    },
    cursorAfter: (i) => deps.drive.cursorAfter(i),
  };
  const page = await visiblePage(source, (i) => customerCanSee(customer, i, grants), limit, cursor);
  return { folder: { itemId: folder.itemId, name: folder.name }, items: page.items.map((i) => toPortalItem(customer, i)), cursor: page.cursor };
}

/** A file the customer may see now, by the same decision as its download; otherwise the same 404 as a missing one. */
export async function visibleFile(deps: PortalDeps, customer: CustomerPrincipal, itemId: string): Promise<DriveItem> {
  const [item, ancestors, grants] = await accessContext(deps, customer, itemId);
  return visibleToCustomer(customer, item, ancestors, grants, 'file');
}

/** A download link for a file the customer may see; the download is on the record (the file's receipts and the contact's trail). */
export async function downloadShared(deps: PortalDeps & { files: FileStore; audit: AuditLog }, customer: CustomerPrincipal, itemId: string, now = new Date()) {
  const [item, ancestors, grants] = await accessContext(deps, customer, itemId);
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
  deps: ControlDeps & { audit: AuditLog; transactions: Transactions },
  customer: CustomerPrincipal,
  settings: PortalSettings,
  itemId: string,
  now = new Date(),
): Promise<{ deleted: true }> {
  const [item, ancestors, grants] = await accessContext(deps, customer, itemId);
  const own = ownUpload(customer, item, ancestors, grants);
  await requireControlOn(deps.matters, settings.attachments.delete, own, 'delete');
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
  deps: ControlDeps & { files: FileStore; keys: ObjectKeys },
  customer: CustomerPrincipal,
  settings: PortalSettings,
  input: { files: UploadRequestFile[]; revisesItemId?: string },
  now = new Date(),
): Promise<{ batchId: string; uploads: ({ item: PortalItem } & UploadInstructions)[] }> {
  const { attachments } = settings;
  requireAttachmentControl(controlAllows(attachments.upload), 'upload');
  const names = checkUploadBatch(input.files);

  let placement: { parentId: string; ancestorIds: string[] };
  let nameOf = (name: string) => name;
  let revisesItemId: string | undefined;
  if (input.revisesItemId) {
    if (input.files.length !== 1) throw badRequest('invalid_request', 'files: a revised version is one file.');
    const [item, ancestors, grants] = await accessContext(deps, customer, input.revisesItemId);
    const original = customerCanRevise(customer, item, ancestors, grants);
    // A revision lands beside the original: in a matter, the matter's approval decides the upload too.
    await requireControlOn(deps.matters, attachments.upload, original, 'upload');
    // Revising one's own upload is replacing it (F17); revising a staff file is always a new document beside it.
    if (original.createdBy.kind === 'customer' && original.createdBy.id === customer.contactId) {
      await requireControlOn(deps.matters, attachments.replace, original, 'replace');
    }
    placement = { parentId: original.parentId, ancestorIds: original.ancestorIds };
    nameOf = () => revisedName(original.name, customer.name, now, settings.language);
    revisesItemId = original.itemId;
  } else {
    const inbox = await ensureInbox(deps.drive, customer, settings.language, now);
    placement = { parentId: inbox.itemId, ancestorIds: [...inbox.ancestorIds, inbox.itemId] };
  }

  return pendingUploads(deps, customer, placement, input.files, names.map(nameOf), now, revisesItemId);
}

/** The names of a batch a customer sends, checked: 1 to 50 files, none over the size limit. */
export function checkUploadBatch(files: UploadRequestFile[]): string[] {
  if (files.length === 0 || files.length > MAX_FILES_PER_BATCH) {
    throw badRequest('invalid_request', `files: send 1 to ${MAX_FILES_PER_BATCH} files per upload.`);
  }
  const tooLarge = files.find((f) => f.size > MAX_UPLOAD_BYTES);
  if (tooLarge) throw badRequest('file_too_large', `files: "${tooLarge.name}" is over ${MAX_UPLOAD_BYTES / 1024 ** 3} GB.`);
  return files.map((f) => itemName(f.name));
}

/**
 * A batch's pending files in `placement`, each under a name unique in that folder and a fresh
 * server-made key below the customer-upload prefix, with where to send its bytes. S3's "object
 * created" event files each one and tells the staff, whichever folder it lands in.
 */
export async function pendingUploads(
  deps: { drive: DriveStore; files: FileStore; keys: ObjectKeys },
  customer: CustomerPrincipal,
  placement: { parentId: string; ancestorIds: string[] },
  files: UploadRequestFile[],
  names: string[],
  now: Date,
  revisesItemId?: string,
): Promise<{ batchId: string; uploads: ({ item: PortalItem } & UploadInstructions)[] }> {
  const arriving = await namesInFolder(deps.drive, placement.parentId, names.map((name) => ({ name, kind: 'file' as const })));
  const batchId = newId();
  const uploads = [];
  for (const [i, file] of files.entries()) {
    const itemId = newId();
    const objectKey = deps.keys.customerUpload({ contactId: customer.contactId, batchId, batchSize: files.length, itemId });
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

/** The customer's inbox folder; a new one is named in the firm's language (`firmLanguage`), an existing one keeps its name. */
async function ensureInbox(drive: DriveStore, customer: CustomerPrincipal, firmLanguage: Language, now: Date): Promise<DriveItem> {
  const existing = await drive.get(inboxFolderId(customer.contactId));
  if (existing) return existing;
  const inbox: DriveItem = {
    itemId: inboxFolderId(customer.contactId),
    kind: 'folder',
    // Two customers of the same name get "From Ann" and "From Ann (2)".
    name: (await namesInFolder(drive, ROOT_FOLDER_ID, [{ name: inboxFolderName(customer.name, firmLanguage), kind: 'folder' }]))[0],
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
