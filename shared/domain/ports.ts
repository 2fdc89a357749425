/** What the domain needs from the outside world; adapters in shared/adapters implement these. */
import type { Contact, DriveItem, PortalAccess, Share } from './model.ts';

export interface Page<T> {
  items: T[];
  /** Opaque; pass back to get the next page. Absent on the last page. */
  cursor?: string;
}

export interface ContactStore {
  get(contactId: string): Promise<Contact | undefined>;
  create(contact: Contact): Promise<void>;
  listByName(limit: number, cursor?: string): Promise<Page<Contact>>;
  /** Replaces the access record only if it is still in `expected` state; returns false if it was not. */
  setAccess(contactId: string, access: PortalAccess, expected: PortalAccess['state'][]): Promise<boolean>;
}

export interface ShareStore {
  /** Every share of every given contact (a contact has tens of shares, not thousands). */
  sharedWith(contactIds: string[]): Promise<Share[]>;
  /** Adds shares that do not exist yet; returns only the ones that were new. */
  addNew(shares: Share[]): Promise<Share[]>;
}

export interface DriveStore {
  get(itemId: string): Promise<DriveItem | undefined>;
  getMany(itemIds: string[]): Promise<DriveItem[]>;
  /** Creates an item; false if an item with that id already exists. */
  createIfAbsent(item: DriveItem): Promise<boolean>;
  children(parentId: string, limit: number, cursor?: string): Promise<Page<DriveItem>>;
  /** Marks an uploaded file ready with its real size; false if the item does not exist. */
  markReady(itemId: string, size: number): Promise<boolean>;
}

export interface UploadTarget {
  url: string;
  method: 'PUT';
  /** Headers the client must send with the PUT, exactly as given: they are part of the signature. */
  headers: Record<string, string>;
}

export interface FileStore {
  uploadTarget(objectKey: string, contentType: string, size: number): Promise<UploadTarget>;
  downloadUrl(objectKey: string, fileName: string): Promise<string>;
  /** The stored object's size, or undefined if nothing was uploaded at that key. */
  sizeOf(objectKey: string): Promise<number | undefined>;
}

export interface Email {
  to: string[];
  subject: string;
  text: string;
}

export interface Mailer {
  send(email: Email): Promise<void>;
}

export interface CustomerDirectory {
  /** Creates a customer user tied to a contact; Cognito's own invitation is suppressed, ours is sent instead. */
  createUser(input: { email: string; name: string; contactId: string; temporaryPassword: string }): Promise<{ username: string; sub: string }>;
  linkContact(username: string, contactId: string): Promise<void>;
}

export interface UploadLedger {
  /** Records one arrived file of a batch; returns the distinct item ids of the batch arrived so far. */
  recordArrival(batchId: string, itemId: string): Promise<string[]>;
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
