/** What the domain needs from the outside world; adapters in shared/adapters implement these. */
import type { Language } from './language.ts';
import type { ActivityFilter } from './activity.ts';
import type { UndeliverableMark } from './deliverability.ts';
import type { OrderedList } from './paging.ts';
import type { AwaitingAnswer, DocumentComment, DocumentThread, MatterComment } from './comments.ts';
import type { Matter, MatterFilter, MatterLists, MatterSummary } from './matters.ts';
import type { MatterRequest, RequestState, RequestSummary } from './requests.ts';
import type { Contact, DriveItem, PortalAccess, Share } from './model.ts';

export interface Page<T> {
  items: T[];
  /** Opaque; pass back to get the next page. Absent on the last page. */
  cursor?: string;
}

/**
 * One write prepared by a store, to be committed with others as one transaction: a use case
 * validates everything first, then commits its state change, its audit entries and the emails it
 * promises together, so a refused request changes nothing and an answered one loses nothing.
 */
export interface PendingWrite {
  readonly pending: true;
}

export interface Transactions {
  /** Commits every write or none; a write whose condition no longer holds throws its own 409. */
  commit(writes: PendingWrite[]): Promise<void>;
}

export interface ContactStore {
  get(contactId: string): Promise<Contact | undefined>;
  /** The contacts that exist among these ids, in no particular order. */
  getMany(contactIds: string[]): Promise<Contact[]>;
  create(contact: Contact): Promise<void>;
  listByName(limit: number, cursor?: string): Promise<Page<Contact>>;
  /** Changes the contact's details (never its access); false if the contact does not exist. */
  updateDetails(contactId: string, details: ContactDetails): Promise<boolean>;
  /** The persons in an organisation's consolidated account, by name. */
  membersOf(organisationId: string, limit: number, cursor?: string): Promise<Page<Contact>>;
  /** Contacts with this exact email address (case-insensitive). */
  findByEmail(email: string): Promise<Contact[]>;
  /** Contacts whose name starts with `prefix` (case-insensitive), by name. */
  searchByName(prefix: string, limit: number, cursor?: string): Promise<Page<Contact>>;
  /** `setAccess` as a write of a transaction; it fails with a 409 if the access was changed meanwhile. */
  setAccessWrite(contactId: string, access: PortalAccess, expected: PortalAccess['state'][]): PendingWrite;
  /** A new contact (and its memberships) as writes of a transaction. */
  createWrites(contact: Contact): PendingWrite[];
  /** Replaces the access record only if it is still in `expected` state; returns false if it was not. */
  setAccess(contactId: string, access: PortalAccess, expected: PortalAccess['state'][]): Promise<boolean>;
  /**
   * Marks the contact undeliverable while its address is still `email` and it has no mark yet (the
   * first bounce's date stays); false when nothing changed, so a redelivered event is a no-op.
   */
  markUndeliverable(contactId: string, email: string, mark: UndeliverableMark): Promise<boolean>;
}

/** `undeliverable: null` removes the mark (a new address has not bounced). */
export type ContactDetails = Partial<Pick<Contact, 'name' | 'email' | 'phone' | 'address' | 'notes' | 'responsibleStaff' | 'organisationIds' | 'links' | 'language' | 'archived'>> & {
  undeliverable?: null;
};

export interface ShareStore {
  /** The shares that exist between any of these contacts and any of these items (keyed reads, no listing). */
  find(contactIds: string[], itemIds: string[]): Promise<Share[]>;
  /** New shares as writes of a transaction; each fails if the share appeared meanwhile. */
  addWrites(shares: Share[]): PendingWrite[];
  /** One page of what is shared directly with a contact, most recently shared first. */
  newestFirst(contactId: string, limit: number, cursor?: string): Promise<Page<Share>>;
  /** The position just after a share in its contact's `newestFirst` list. */
  cursorAfter(share: Share): string;
  /** Adds shares that do not exist yet; returns only the ones that were new. */
  addNew(shares: Share[]): Promise<Share[]>;
  /** Removing one share as a write of a transaction; it fails with 409 if the share went meanwhile. */
  removeWrite(contactId: string, itemId: string): PendingWrite;
  /** The contacts an item is shared with directly. */
  sharedItemWith(itemId: string): Promise<Share[]>;
}

export type DriveChange = Partial<Pick<DriveItem, 'name' | 'parentId' | 'ancestorIds' | 'status' | 'trashedAt' | 'trashedBy' | 'multipartUploadId' | 'seenByStaffAt' | 'documentType'>>;

export interface DriveStore {
  get(itemId: string): Promise<DriveItem | undefined>;
  getMany(itemIds: string[]): Promise<DriveItem[]>;
  /** Creates an item; false if an item with that id already exists. */
  createIfAbsent(item: DriveItem): Promise<boolean>;
  /** A folder's listing: its live and pending children, folders first, by name. */
  children(parentId: string, limit: number, cursor?: string): Promise<Page<DriveItem>>;
  /** The listing position just after `item` (in its folder's listing, or the trash's), for `children` and `trash`. */
  cursorAfter(item: DriveItem): string;
  /** The ids of every child of a folder whatever its state (trashed ones too), a page at a time. */
  childIds(parentId: string, limit: number, cursor?: string): Promise<Page<string>>;
  /** The live and pending items in a folder whose lower-cased name starts with `prefix` (for the unique-name rule). */
  namesStartingWith(parentId: string, prefix: string): Promise<{ itemId: string; name: string }[]>;
  /** The change of `update` as a write of a transaction, made only if the item is still as `current` says (status and place). */
  updateWrite(current: DriveItem, change: DriveChange): PendingWrite;
  /** Changes name, place or trash state of an item; false if it does not exist. */
  update(itemId: string, change: DriveChange): Promise<boolean>;
  /** Items in the trash, newest first. */
  trash(limit: number, cursor?: string): Promise<Page<DriveItem>>;
  /** Items trashed before `before`, oldest first. */
  trashedBefore(before: Date, limit: number): Promise<DriveItem[]>;
  /** A new item as a write of a transaction; it fails with 409 if an item with that id exists. */
  createWrite(item: DriveItem): PendingWrite;
  /** Removes an item's record for good (after its retention in the trash). */
  remove(itemId: string): Promise<void>;
  /**
   * Files an upload: ready, with its real size and the ETag and version of its bytes. Only a
   * pending item is filed; false if it was already filed (or does not exist), so a later write at
   * the same key never replaces the filed document.
   */
  markReady(itemId: string, filed: StoredObject): Promise<boolean>;
  /** Removes a file record only while its upload is pending; false if it was filed (or went) meanwhile. */
  removePending(itemId: string): Promise<boolean>;
  /** Files whose upload is still pending and was started before `before`, oldest first. */
  pendingBefore(before: Date, limit: number, cursor?: string): Promise<Page<DriveItem>>;
}

export interface UploadTarget {
  url: string;
  method: 'PUT';
  /** Headers the client must send with the PUT, exactly as given: they are part of the signature. */
  headers: Record<string, string>;
}

/** 64 MiB parts: 80 parts for 5 GB, far below S3's 10,000, and a lost part costs little to resend. */
export const MULTIPART_PART_SIZE = 64 * 1024 * 1024;

export interface MultipartTarget {
  uploadId: string;
  partSize: number;
  /** One presigned PUT per part, each signed for its exact length; send them in any order, then complete with the ETags. */
  parts: { partNumber: number; url: string; size: number }[];
}

/** The object a completed upload filed: its size, and the ETag and version that identify its bytes. */
export interface StoredObject {
  size: number;
  etag?: string;
  versionId?: string;
}

export interface FileStore {
  uploadTarget(objectKey: string, contentType: string, size: number): Promise<UploadTarget>;
  startMultipart(objectKey: string, contentType: string, size: number): Promise<MultipartTarget>;
  completeMultipart(objectKey: string, uploadId: string, parts: { partNumber: number; etag: string }[]): Promise<void>;
  /** A short-lived link to the object, pinned to `versionId` when the bucket gave one. */
  downloadUrl(objectKey: string, fileName: string, versionId?: string): Promise<string>;
  /** Deletes the object; in the versioned bucket its bytes stay as an old version until the lifecycle rule expires them. */
  remove(objectKey: string): Promise<void>;
  /** What is stored at the key, or undefined if nothing was uploaded there. */
  stored(objectKey: string): Promise<StoredObject | undefined>;
  /** Discards a multipart upload's parts; an upload already gone is not an error. */
  abortMultipart(objectKey: string, uploadId: string): Promise<void>;
}

/** An email as it is sent: worded and branded (see emails.ts), with an HTML and a plain-text part. */
export interface Email {
  to: string[];
  /** The display name it comes from: the firm's name. */
  fromName: string;
  subject: string;
  text: string;
  html: string;
}

/**
 * What the portal promised to tell someone, as recorded in the outbox with the change it
 * announces; it is worded and branded only when it is sent, so it carries the firm's branding of
 * that moment. A message to a customer carries the language they chose (the contact's), if any;
 * the rest are written in the firm's default language.
 */
export type Message =
  | { kind: 'invitation'; to: string; name: string; temporaryPassword: string; language?: Language }
  | { kind: 'documentsShared'; to: string; name: string; itemNames: string[]; language?: Language }
  | { kind: 'customerUpload'; to: string[]; contactName: string; fileNames: string[]; folderId: string }
  | { kind: 'newSignUp'; to: string[]; name: string; email: string }
  | { kind: 'accessClosed'; to: string; name: string; language?: Language }
  | { kind: 'accessReopened'; to: string; name: string; language?: Language }
  | { kind: 'staffInvitation'; to: string; temporaryPassword: string; reset?: boolean }
  /** A new comment on a matter (F18), to the other side: never its text, which stays behind the sign-in. */
  | ({ kind: 'matterComment'; to: string[]; author: string; reference: string; title: string; matterId: string } & ({ audience: 'staff' } | { audience: 'customer'; name: string; language?: Language }))
  /** A customer's request (F21), to their responsible staff: its title stays behind the sign-in. */
  | { kind: 'requestSubmitted'; to: string[]; customerName: string; requestKind: string; requestId: string }
  /** Staff's decision on a request, to the customer: the reason is staff's words, written for them. */
  | { kind: 'requestAccepted'; to: string; name: string; title: string; reference: string; matterId: string; language?: Language }
  | { kind: 'requestDeclined'; to: string; name: string; title: string; reason: string; language?: Language }
  /** A comment on a document (F18), to the other side: never its text. */
  | ({ kind: 'documentComment'; to: string[]; author: string; documentName: string } & ({ audience: 'staff'; folderId: string } | { audience: 'customer'; name: string; language?: Language }));

export interface Mailer {
  send(email: Email): Promise<void>;
}

/**
 * Emails the portal has promised, recorded with the change they announce and delivered
 * asynchronously, with retries, exactly once (shared/services/email-delivery.ts).
 */
export interface Outbox {
  /** The message as a write of the transaction that makes the change it announces. */
  enqueueWrite(message: Message, key?: string): PendingWrite;
  /** Records a message on its own; with a `key`, only the first of several enqueues with that key is kept. False if it was already there. */
  enqueue(message: Message, key: string, now: Date): Promise<boolean>;
  /** Takes an unsent message for delivery (no one else may send it meanwhile); undefined if it is sent or claimed. */
  claim(emailId: string, now: Date): Promise<Message | undefined>;
  /** Marks it sent and forgets its text (it may hold a temporary password). */
  markSent(emailId: string, now: Date): Promise<void>;
  /** Hands it back after a failed attempt, so a retry or the sweep sends it. */
  release(emailId: string, failure: string): Promise<void>;
  /** Ids of emails still unsent that were recorded before `before`, oldest first. */
  unsentBefore(before: Date, limit: number): Promise<string[]>;
}

export interface CustomerDirectory {
  /** Creates a customer user tied to a contact; Cognito's own invitation is suppressed, ours is sent instead. */
  createUser(input: { email: string; name: string; contactId: string; temporaryPassword: string }): Promise<{ username: string; sub: string }>;
  linkContact(username: string, contactId: string): Promise<void>;
}

export interface UploadLedger {
  /** Records one arrived file of a batch; returns the distinct item ids of the batch arrived so far. */
  recordArrival(batchId: string, itemId: string, contactId: string, now: Date): Promise<string[]>;
  /** Batches with files arrived but no email yet, whose first file came before `before`. */
  openBefore(before: Date, limit: number): Promise<{ batchId: string; contactId: string; arrived: string[] }[]>;
  /** Takes a batch off the open list (its email went out by another path). */
  close(batchId: string): Promise<void>;
  /** Claims the right to send the batch's email; exactly one caller wins. */
  claimNotification(batchId: string, now: Date): Promise<boolean>;
  markNotified(batchId: string, now: Date): Promise<void>;
  releaseClaim(batchId: string): Promise<void>;
}

export interface CustomerUploadKey {
  contactId: string;
  batchId: string;
  batchSize: number;
  itemId: string;
}

/** The bucket's key layout, known only to the file-store adapter. */
export interface ObjectKeys {
  staffFile(itemId: string): string;
  customerUpload(key: CustomerUploadKey): string;
  /** Parses a customer-upload key; undefined for any other key. */
  parseCustomerUpload(objectKey: string): CustomerUploadKey | undefined;
}

export interface ConfigStore {
  /** The stored settings, or undefined before an admin first saves them. */
  settings(): Promise<import('./settings.ts').PortalSettings | undefined>;
  saveSettings(settings: import('./settings.ts').PortalSettings): Promise<void>;
  /** Takes one portal seat if fewer than `limit` are used; false when none is left. Atomic. */
  takeSeat(limit: number): Promise<boolean>;
  releaseSeat(): Promise<void>;
  /** One seat taken (+1) or released (-1) as a write of a transaction, unconditionally: the access change it goes with is the guard. */
  seatWrite(change: 1 | -1): PendingWrite;
  seatsUsed(): Promise<number>;
  /** The roles admins maintain for links between contacts; undefined until first saved. */
  roles(): Promise<string[] | undefined>;
  saveRoles(roles: string[]): Promise<void>;
  /** Staff users disabled by an admin; checked on every staff request. */
  isStaffDisabled(sub: string): Promise<boolean>;
  setStaffDisabled(sub: string, disabled: boolean): Promise<void>;
  /** When a staff user was last made a regular staff member (epoch seconds): older tokens' admin claim no longer counts. */
  adminClaimsValidAfter(sub: string): Promise<number | undefined>;
  /** Records a demotion; undefined (on a promotion) lets every admin claim of the user count again. */
  setAdminClaimsValidAfter(sub: string, epochSeconds: number | undefined): Promise<void>;
  /** Records that mail to this address bounced for good or complained, unless it already is; false if it was. */
  markAddressUndeliverable(email: string, mark: UndeliverableMark): Promise<boolean>;
  /** The address's mark, if it has one (staff users are shown it). */
  addressMark(email: string): Promise<UndeliverableMark | undefined>;
}

export interface AuditEntry {
  at: string;
  /** Who acted: a staff email, a customer contact id, or "system". */
  actor: string;
  action: string;
  /** The contact concerned, if any: the entry is listed on that contact too. */
  contactId?: string;
  /** The file concerned by a download, if any: the entry is listed on that file too (its download receipts). */
  itemId?: string;
  /** The matter concerned, if any: the entry is listed on that matter too (its activity). */
  matterId?: string;
  details?: Record<string, unknown>;
}

export interface AuditLog {
  record(entry: AuditEntry): Promise<void>;
  /** The entry as writes of a transaction (one per scope it is listed in). */
  recordWrites(entry: AuditEntry): PendingWrite[];
  /** Newest first; scope is "firm", a contact id, or `item#<itemId>`; narrowed by `filter` (pages stay full). */
  list(scope: string, limit: number, cursor?: string, filter?: ActivityFilter): Promise<Page<AuditEntry>>;
}

export interface CustomerAccounts {
  disable(username: string): Promise<void>;
  enable(username: string): Promise<void>;
  /** Signs the user out everywhere: refresh tokens stop working. */
  signOutEverywhere(username: string): Promise<void>;
  /** Gives the user a new temporary password (for a re-sent invitation). */
  resetTemporaryPassword(username: string, temporaryPassword: string): Promise<void>;
}

export interface StaffUser {
  username: string;
  sub: string;
  email: string;
  name?: string;
  enabled: boolean;
  admin: boolean;
  status: string;
  createdAt?: string;
  /** The address bounced for good or complained. */
  undeliverable?: UndeliverableMark;
}

export interface StaffDirectory {
  invite(input: { email: string; name: string; admin: boolean; temporaryPassword: string }): Promise<StaffUser>;
  list(limit: number, cursor?: string): Promise<Page<StaffUser>>;
  get(username: string): Promise<StaffUser | undefined>;
  /** Usernames of the members of the admins group. */
  admins(): Promise<StaffUser[]>;
  /** Adds the user to the admins group, or removes them from it. */
  setAdmin(username: string, admin: boolean): Promise<void>;
  setEnabled(username: string, enabled: boolean): Promise<void>;
  signOutEverywhere(username: string): Promise<void>;
  setTemporaryPassword(username: string, temporaryPassword: string): Promise<void>;
}

export interface MatterStore {
  get(matterId: string): Promise<Matter | undefined>;
  /** The admins' lists; undefined until first saved. */
  lists(): Promise<MatterLists | undefined>;
  saveListsWrite(lists: MatterLists): PendingWrite;
  /** The last number taken in a year's sequence (0 before the first). */
  lastSequenceNumber(year: number): Promise<number>;
  /** Taking `number` (the one after `last`) as a write; it fails with 409 `sequence_moved` if another matter took it meanwhile. */
  takeSequenceWrite(year: number, last: number, number: number): PendingWrite;
  /** A new matter with its reference claimed, as writes; 409 `reference_taken` if the reference is in use (any case). */
  createWrites(matter: Matter): PendingWrite[];
  /** Replaces `current` by `next` as writes, only if nobody changed it meanwhile (409); a new reference is claimed as on create. */
  updateWrites(current: Matter, next: Matter): PendingWrite[];
  /** One page of matters narrowed by `filter`: by earliest deadline with `deadlineBefore`, else newest first. */
  list(filter: MatterFilter, limit: number, cursor?: string): Promise<Page<MatterSummary>>;
  /** Matters by id, in one batch read; missing ones are left out. */
  getMany(matterIds: string[]): Promise<Matter[]>;
  /** A client's live matters, newest first, as one of the lists a customer's matters are merged from. */
  clientMatters(clientId: string): OrderedList<MatterSummary>;
  /** A matter's thread, oldest first, a page at a time (F18). */
  comments(matterId: string): OrderedList<MatterComment>;
  comment(matterId: string, commentId: string): Promise<MatterComment | undefined>;
  /** A new comment as a write of a transaction. */
  addCommentWrite(comment: MatterComment): PendingWrite;
  /** A hidden comment as a write, only if nobody hid it meanwhile (409). */
  hideCommentWrite(hidden: MatterComment): PendingWrite;
  /** Whether the matter's client awaits an answer, and since which comment. */
  awaitingAnswer(matterId: string): Promise<AwaitingAnswer | undefined>;
  /** The matter put on the awaiting list, as writes; 409 `already_awaiting` if another comment put it there meanwhile. */
  startAwaitingWrites(awaiting: AwaitingAnswer): PendingWrite[];
  /** The matter taken off the awaiting list, as writes. */
  answeredWrites(awaiting: AwaitingAnswer): PendingWrite[];
  /** Matters awaiting an answer, the longest waiting first. */
  awaitingAnswers(): OrderedList<AwaitingAnswer>;
}

/** Comments on documents (F18): one thread per document and customer. */
export interface DocumentCommentStore {
  thread(itemId: string, contactId: string): OrderedList<DocumentComment>;
  comment(itemId: string, contactId: string, commentId: string): Promise<DocumentComment | undefined>;
  /** The thread's entry in the document's list of threads, if anyone wrote in it. */
  threadOf(itemId: string, contactId: string): Promise<DocumentThread | undefined>;
  /** The document's threads, by customer, a page at a time. */
  threads(itemId: string, limit: number, cursor?: string): Promise<Page<DocumentThread>>;
  /** A new comment and its thread's entry, as writes of a transaction. */
  addWrites(comment: DocumentComment, thread: DocumentThread): PendingWrite[];
  /** A hidden comment as a write, only if nobody hid it meanwhile (409). */
  hideWrite(hidden: DocumentComment): PendingWrite;
}

/** Customer requests (F21). */
export interface RequestStore {
  get(requestId: string): Promise<MatterRequest | undefined>;
  /** A new request and its list rows as writes of a transaction. */
  createWrites(request: MatterRequest): PendingWrite[];
  /** The decided request replacing the open one, as writes; 409 if someone decided it meanwhile. */
  decideWrites(current: MatterRequest, next: MatterRequest): PendingWrite[];
  /** Staff's queue of one state: open ones oldest first, decided ones newest first. */
  queue(state: RequestState, limit: number, cursor?: string): Promise<Page<RequestSummary>>;
  /** A customer's own requests, newest first. */
  requesterRequests(contactId: string, limit: number, cursor?: string): Promise<Page<RequestSummary>>;
}
