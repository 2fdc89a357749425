import { badRequest, conflict, notFound } from '../errors.ts';
import { newId } from '../domain/ids.ts';
import { isLive } from '../domain/access-policy.ts';
import { visiblePage } from '../domain/paging.ts';
import { ROOT_FOLDER_ID, type DriveItem, type StaffPrincipal } from '../domain/model.ts';
import { cleanItemName, firstFreeName, namePrefix } from '../domain/naming.ts';
import { MULTIPART_PART_SIZE, type AuditEntry, type AuditLog, type DriveStore, type Transactions, type FileStore, type MultipartTarget, type ObjectKeys, type Page, type UploadTarget } from '../domain/ports.ts';

/** Files above this go up in parts (S3 allows one PUT of up to 5 GB, but a large single PUT cannot resume). */
export const MULTIPART_THRESHOLD_BYTES = 100 * 1024 ** 2;
/** The largest file the portal accepts, in parts. */
export const MAX_UPLOAD_BYTES = 50 * 1024 ** 3;

export type UploadInstructions = { upload: UploadTarget; multipart?: never } | { multipart: MultipartTarget; upload?: never };

/** A presigned single PUT for a small file, or presigned part PUTs for a large one; each signed for its exact length. */
export async function uploadInstructions(files: FileStore, objectKey: string, contentType: string, size: number): Promise<UploadInstructions> {
  if (size > MAX_UPLOAD_BYTES) throw badRequest('file_too_large', `size: files up to ${MAX_UPLOAD_BYTES / 1024 ** 3} GB are accepted.`);
  return size > MULTIPART_THRESHOLD_BYTES
    ? { multipart: await files.startMultipart(objectKey, contentType, size) }
    : { upload: await files.uploadTarget(objectKey, contentType, size) };
}

/** Finishes a multipart upload from the part ETags the client collected; a wrong or missing part is the client's to fix. */
export async function finishMultipart(files: FileStore, item: DriveItem, parts: { partNumber: number; etag: string }[] | undefined): Promise<void> {
  if (!item.multipartUploadId) return;
  // S3 would assemble any subset of the parts; a file missing a part would be silently short.
  const expected = Math.max(1, Math.ceil((item.size ?? 0) / MULTIPART_PART_SIZE));
  const numbers = new Set(parts?.map((p) => p.partNumber));
  if (!parts?.length || parts.length !== expected || numbers.size !== expected || ![...numbers].every((n) => n >= 1 && n <= expected)) {
    throw badRequest('parts_required', `parts: list all ${expected} parts (partNumber 1 to ${expected}) with the ETag S3 returned for each.`);
  }
  try {
    await files.completeMultipart(item.objectKey!, item.multipartUploadId, parts);
  } catch (error) {
    const name = (error as { name?: string }).name ?? '';
    if (/InvalidPart|InvalidPartOrder|EntityTooSmall|NoSuchUpload|MalformedXML/.test(name)) {
      throw badRequest('upload_incomplete', `parts: S3 refused to assemble the file (${name}); upload every part, then complete with their ETags.`);
    }
    throw error;
  }
}

export interface DriveDeps {
  drive: DriveStore;
  files: FileStore;
  keys: ObjectKeys;
}

export function itemName(raw: string): string {
  const name = cleanItemName(raw);
  if (!name) throw badRequest('invalid_name', 'name: use 1–255 characters, without "/", "\\" or control characters.');
  return name;
}

/**
 * The names items take on arriving in a folder, in order: each the one asked for, or the first free
 * "name (n)" beside what is already there and what came before it in the list (see `firstFreeName`).
 * `itemId` is the item itself when it is renamed or moved, which never collides with itself.
 */
export async function namesInFolder(drive: DriveStore, parentId: string, wanted: { name: string; kind: DriveItem['kind']; itemId?: string }[]): Promise<string[]> {
  const prefixes = [...new Set(wanted.map((w) => namePrefix(w.name, w.kind)))];
  const siblings = (await Promise.all(prefixes.map((p) => drive.namesStartingWith(parentId, p)))).flat();
  const taken = siblings.filter((s) => !wanted.some((w) => w.itemId === s.itemId)).map((s) => s.name);
  return wanted.map((w) => {
    const name = firstFreeName(w.name, w.kind, taken);
    taken.push(name);
    return name;
  });
}

const nameInFolder = async (drive: DriveStore, parentId: string, name: string, kind: DriveItem['kind'], itemId?: string) =>
  (await namesInFolder(drive, parentId, [{ name, kind, itemId }]))[0];

export interface Placement {
  parentId: string;
  ancestorIds: string[];
}

/** The live folder items go into, with the ancestry they inherit; the root is virtual. A trashed folder (or one inside the trash) takes nothing. */
export async function parentFolder(drive: DriveStore, parentId: string): Promise<Placement> {
  if (parentId === ROOT_FOLDER_ID) return { parentId, ancestorIds: [] };
  const parent = await drive.get(parentId);
  if (!parent || parent.kind !== 'folder' || !isLive(parent, await drive.getMany(parent.ancestorIds))) throw notFound('folder');
  return { parentId, ancestorIds: [...parent.ancestorIds, parent.itemId] };
}

function staffAuthor(staff: StaffPrincipal): DriveItem['createdBy'] {
  return { kind: 'staff', id: staff.sub, name: staff.email };
}

export async function createFolder(drive: DriveStore, staff: StaffPrincipal, parentId: string, rawName: string, now = new Date()): Promise<DriveItem> {
  const place = await parentFolder(drive, parentId);
  const folder: DriveItem = {
    itemId: newId(),
    kind: 'folder',
    name: await nameInFolder(drive, place.parentId, itemName(rawName), 'folder'),
    ...place,
    status: 'ready',
    createdAt: now.toISOString(),
    createdBy: staffAuthor(staff),
  };
  await drive.createIfAbsent(folder);
  return folder;
}

/** A page of a folder (or the trash) for staff, who see everything in it: the cursor is exact, never a last empty page. */
export async function listFolder(drive: DriveStore, folderId: string, limit: number, cursor?: string): Promise<Page<DriveItem>> {
  // Staff may look inside a trashed folder too (what would a restore bring back?); the page is read beside that check.
  const isFolder = async () => {
    if (folderId !== 'trash' && folderId !== ROOT_FOLDER_ID && (await drive.get(folderId))?.kind !== 'folder') throw notFound('folder');
  };
  const fetch = (n: number, c?: string) => (folderId === 'trash' ? drive.trash(n, c) : drive.children(folderId, n, c));
  const [, page] = await Promise.all([isFolder(), visiblePage({ fetch, cursorAfter: (i) => drive.cursorAfter(i) }, () => true, limit, cursor)]);
  return page;
}

/** Starts a staff upload: the item stays `pending` (invisible to customers) until the upload is completed. */
export async function startStaffUpload(
  deps: DriveDeps,
  staff: StaffPrincipal,
  input: { parentId: string; name: string; size: number; contentType: string },
  now = new Date(),
): Promise<{ item: DriveItem } & UploadInstructions> {
  const wanted = itemName(input.name);
  const place = await parentFolder(deps.drive, input.parentId);
  const itemId = newId();
  const objectKey = deps.keys.staffFile(itemId);
  const instructions = await uploadInstructions(deps.files, objectKey, input.contentType, input.size);
  const item: DriveItem = {
    itemId,
    kind: 'file',
    name: await nameInFolder(deps.drive, place.parentId, wanted, 'file'),
    ...place,
    status: 'pending',
    size: input.size,
    contentType: input.contentType,
    objectKey,
    multipartUploadId: instructions.multipart?.uploadId,
    createdAt: now.toISOString(),
    createdBy: staffAuthor(staff),
  };
  await deps.drive.createIfAbsent(item);
  return { item, ...instructions };
}

/**
 * Completes a staff upload once its bytes are in the bucket: the item is filed with the real size
 * and the ETag and version of those bytes, once. Completing again changes nothing.
 */
export async function completeStaffUpload(deps: DriveDeps, itemId: string, parts?: { partNumber: number; etag: string }[]): Promise<DriveItem> {
  const item = await deps.drive.get(itemId);
  if (!item || item.kind !== 'file' || !item.objectKey) throw notFound('file');
  if (item.status !== 'pending') return item;
  await finishMultipart(deps.files, item, parts);
  const stored = await deps.files.stored(item.objectKey);
  if (!stored) throw conflict('upload_missing', 'The file has not been uploaded yet; upload it, then complete.');
  if (!(await deps.drive.markReady(itemId, stored))) return (await deps.drive.get(itemId)) ?? item;
  if (item.multipartUploadId) await deps.drive.update(itemId, { multipartUploadId: undefined });
  return { ...item, status: 'ready', size: stored.size, etag: stored.etag, versionId: stored.versionId, multipartUploadId: undefined };
}

export async function downloadUrl(files: FileStore, item: DriveItem): Promise<{ url: string; name: string; size?: number }> {
  if (item.status !== 'ready' || !item.objectKey) throw conflict('upload_incomplete', 'This file has not finished uploading.');
  return { url: await files.downloadUrl(item.objectKey, item.name, item.versionId), name: item.name, size: item.size };
}

/** The audit entry of a download: who, which file and which version (the filing time), listed on the file as a receipt. */
export function downloadEntry(file: DriveItem, by: { actor: string; contactId?: string; email?: string }, now: Date): AuditEntry {
  return {
    at: now.toISOString(),
    actor: by.actor,
    action: 'file.downloaded',
    contactId: by.contactId,
    itemId: file.itemId,
    details: { name: file.name, version: `of ${file.createdAt.slice(0, 16).replace('T', ' ')} UTC`, ...(by.email ? { email: by.email } : {}) },
  };
}

/** A staff download, on the record; the first one of a customer's upload marks it seen, so it is no longer "new" for any staff member. */
export async function staffDownload(deps: DriveDeps & { audit: AuditLog }, staff: StaffPrincipal, itemId: string, now = new Date()) {
  const item = await deps.drive.get(itemId);
  if (!item || item.kind !== 'file') throw notFound('file');
  const link = await downloadUrl(deps.files, item);
  if (item.createdBy.kind === 'customer' && !item.seenByStaffAt) await deps.drive.update(itemId, { seenByStaffAt: now.toISOString() });
  await deps.audit.record(downloadEntry(item, { actor: staff.email }, now));
  return link;
}

async function liveItem(drive: DriveStore, itemId: string): Promise<DriveItem> {
  const item = await drive.get(itemId);
  if (!item || item.status === 'trashed') throw notFound('item');
  return item;
}

export interface ChangeDeps {
  drive: DriveStore;
  audit: AuditLog;
  transactions: Transactions;
}

/**
 * Renames and/or moves an item. Everything is checked first (the name, the target folder: live,
 * a folder, not the item itself or below it), then the item and its audit entries are written in
 * one transaction, so a refused request changes nothing. A moved folder's subtree then follows.
 */
export async function updateItem(deps: ChangeDeps, staff: StaffPrincipal, itemId: string, change: { name?: string; parentId?: string }, now = new Date()): Promise<DriveItem> {
  const item = await liveItem(deps.drive, itemId);
  const wanted = change.name === undefined ? item.name : itemName(change.name);
  const place = change.parentId === undefined || change.parentId === item.parentId ? undefined : await moveTarget(deps.drive, item, change.parentId);
  const name = wanted === item.name && !place ? item.name : await nameInFolder(deps.drive, place?.parentId ?? item.parentId, wanted, item.kind, item.itemId);
  const at = now.toISOString();
  const entries = [
    ...(name !== item.name ? [{ at, actor: staff.email, action: 'drive.renamed', details: { itemId, from: item.name, to: name } }] : []),
    ...(place ? [{ at, actor: staff.email, action: 'drive.moved', details: { itemId, name, from: item.parentId, to: place.parentId } }] : []),
  ];
  if (!entries.length) return item;
  await deps.transactions.commit([deps.drive.updateWrite(item, { name, ...place }), ...entries.flatMap((e) => deps.audit.recordWrites(e))]);
  if (place && item.kind === 'folder') await placeSubtree(deps.drive, itemId, [...place.ancestorIds, itemId]);
  return { ...item, name, ...place };
}

/** Where a move puts an item: into a live folder that is neither the item nor below it. */
async function moveTarget(drive: DriveStore, item: DriveItem, newParentId: string): Promise<Placement> {
  if (newParentId === item.itemId) throw badRequest('invalid_move', 'parentId: a folder cannot be moved into itself or one of its subfolders.');
  const target = await parentFolder(drive, newParentId);
  if (target.ancestorIds.includes(item.itemId)) throw badRequest('invalid_move', 'parentId: a folder cannot be moved into itself or one of its subfolders.');
  return target;
}

/**
 * Gives every item below a folder, whatever its state (trashed ones too, so a later restore
 * cannot bring back an old place), the ancestry of where the folder now is. One write per item.
 * Until it has run, the access policy treats the subtree as not live (its recorded path no longer
 * matches), so an interrupted rewrite hides items rather than showing them in their old place.
 */
export async function placeSubtree(drive: DriveStore, folderId: string, ancestry: string[]): Promise<void> {
  let cursor: string | undefined;
  do {
    const page = await drive.childIds(folderId, 100, cursor);
    for (const child of await drive.getMany(page.items)) {
      await drive.update(child.itemId, { ancestorIds: ancestry });
      if (child.kind === 'folder') await placeSubtree(drive, child.itemId, [...ancestry, child.itemId]);
    }
    cursor = page.cursor;
  } while (cursor);
}

/** Deleting moves an item to the trash: its bytes and record stay, and it can be restored. */
export async function trashItem(deps: ChangeDeps, staff: StaffPrincipal, itemId: string, now = new Date()): Promise<DriveItem> {
  const item = await liveItem(deps.drive, itemId);
  const change = { status: 'trashed' as const, trashedAt: now.toISOString(), trashedBy: staff.email };
  await deps.transactions.commit([
    deps.drive.updateWrite(item, change),
    ...deps.audit.recordWrites({ at: now.toISOString(), actor: staff.email, action: 'drive.trashed', details: { itemId, name: item.name } }),
  ]);
  return { ...item, ...change };
}

/**
 * Restores a trashed item to its folder if that folder is live, else to the top level. The
 * ancestry is taken from where the folder is now, never from the record's old one, and a restored
 * folder's subtree follows, so a restore never brings an item back into a place it has left.
 */
export async function restoreItem(deps: ChangeDeps, staff: StaffPrincipal, itemId: string, now = new Date()): Promise<DriveItem> {
  const item = await deps.drive.get(itemId);
  if (!item || item.status !== 'trashed') throw notFound('item in the trash');
  const place = await parentFolder(deps.drive, item.parentId).catch(() => ({ parentId: ROOT_FOLDER_ID, ancestorIds: [] as string[] }));
  // A file whose upload was never filed (it has no ETag) goes back to pending; everything else is ready again.
  const status = item.kind === 'file' && !item.etag ? 'pending' : 'ready';
  // Its folder may have a live item of the same name by now.
  const name = await nameInFolder(deps.drive, place.parentId, item.name, item.kind, item.itemId);
  const change = { ...place, name, status, trashedAt: undefined, trashedBy: undefined } as const;
  await deps.transactions.commit([
    deps.drive.updateWrite(item, change),
    ...deps.audit.recordWrites({ at: now.toISOString(), actor: staff.email, action: 'drive.restored', details: { itemId, name } }),
  ]);
  if (item.kind === 'folder') await placeSubtree(deps.drive, itemId, [...place.ancestorIds, itemId]);
  return { ...item, ...change };
}

/** Every item below a folder, whatever its state, breadth first, a page at a time. */
async function* descendants(drive: DriveStore, folderId: string): AsyncGenerator<DriveItem> {
  const queue = [folderId];
  while (queue.length) {
    const parent = queue.shift()!;
    let cursor: string | undefined;
    do {
      const page = await drive.childIds(parent, 100, cursor);
      for (const child of await drive.getMany(page.items)) {
        yield child;
        if (child.kind === 'folder') queue.push(child.itemId);
      }
      cursor = page.cursor;
    } while (cursor);
  }
}

/**
 * Empties what has been in the trash longer than the retention period: records go, objects get
 * a delete marker (the versioned bucket keeps their bytes until its old-version lifecycle rule
 * expires them). A folder takes everything below it along. Runs daily; returns what it removed.
 */
export async function emptyTrash(
  deps: { drive: DriveStore; files: FileStore; audit: AuditLog },
  asOf: Date,
  retentionDays: number,
  clock: () => Date = () => new Date(),
): Promise<number> {
  // The cutoff follows the schedule's time; the audit trail records when the removal really happened.
  const cutoff = new Date(asOf.getTime() - retentionDays * 24 * 3600 * 1000);
  let removed = 0;
  const removeOne = async (item: DriveItem) => {
    if (item.kind === 'file' && item.objectKey) await deps.files.remove(item.objectKey);
    await deps.drive.remove(item.itemId);
    removed++;
  };
  for (let batch = await deps.drive.trashedBefore(cutoff, 100); batch.length; batch = await deps.drive.trashedBefore(cutoff, 100)) {
    for (const item of batch) {
      if (item.kind === 'folder') {
        const below: DriveItem[] = [];
        for await (const d of descendants(deps.drive, item.itemId)) below.push(d);
        for (const d of below.reverse()) await removeOne(d);
      }
      await removeOne(item);
      await deps.audit.record({ at: clock().toISOString(), actor: 'system', action: 'drive.trash_emptied', details: { itemId: item.itemId, name: item.name, trashedAt: item.trashedAt } });
    }
  }
  return removed;
}
