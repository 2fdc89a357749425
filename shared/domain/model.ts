/** The portal's records as the domain sees them; adapters map them to tables and keys. */
import type { UndeliverableMark } from './deliverability.ts';
import type { Language } from './language.ts';

export type ContactKind = 'person' | 'organisation';

export interface ContactLink {
  contactId: string;
  role: string;
}
export type AccessState = 'none' | 'invited' | 'active' | 'closed';

export interface PortalAccess {
  state: AccessState;
  /** The customer user's `sub` in the customer pool. */
  userSub?: string;
  username?: string;
  invitedAt?: string;
  activatedAt?: string;
  closedAt?: string;
  /** Tokens issued before this instant (seconds since epoch) are refused, even after a reopen. */
  tokensValidAfter?: number;
}

export interface Contact {
  contactId: string;
  kind: ContactKind;
  name: string;
  email?: string;
  phone?: string;
  address?: string;
  notes?: string;
  /** What a self sign-up was given (F5); staff-created contacts are clients. */
  accessType?: 'client' | 'collaborator' | 'both';
  /** The language of this contact's emails, chosen in the portal or by staff; unset: the firm's default. */
  language?: Language;
  /** Staff emails told when this contact uploads. */
  responsibleStaff: string[];
  /** Organisations this person belongs to; their shares are visible to the person too. */
  organisationIds: string[];
  /** Links to other contacts with a role from the admins' list (partner, accountant, employee…). */
  links?: ContactLink[];
  access: PortalAccess;
  /** The drive folder where this contact's uploads land ("From <name>"). */
  inboxFolderId?: string;
  archived: boolean;
  createdAt: string;
  createdBy: string;
  /** Its address bounced for good or complained (staff only see this); cleared when the address changes. */
  undeliverable?: UndeliverableMark;
}

export type ItemKind = 'folder' | 'file';
export type ItemStatus = 'pending' | 'ready' | 'trashed';

export interface DriveItem {
  itemId: string;
  kind: ItemKind;
  name: string;
  /** `ROOT_FOLDER_ID` for top-level items. */
  parentId: string;
  /** Folder ids from the top down to the parent: an item inside a shared folder is shared. */
  ancestorIds: string[];
  status: ItemStatus;
  size?: number;
  contentType?: string;
  /** The S3 key; made by the server, never from a user's file name. */
  objectKey?: string;
  /** The ETag and (in the versioned bucket) version id of the bytes filed when the upload completed. */
  etag?: string;
  versionId?: string;
  createdAt: string;
  createdBy: { kind: 'staff' | 'customer'; id: string; name: string };
  /** For customer uploads: the batch they came in, for one email per batch. */
  uploadBatchId?: string;
  /** For a revised version uploaded by a customer: the staff file it revises. */
  revisesItemId?: string;
  /** The S3 multipart upload under way for this file, until it is completed. */
  multipartUploadId?: string;
  /** When and by whom it was moved to the trash; restoring clears it. */
  trashedAt?: string;
  trashedBy?: string;
  /** When a staff member first downloaded this customer upload; until then the staff UI marks it new. */
  seenByStaffAt?: string;
  /** In a matter's folder: the kind of document, from the matter lists; a customer file is shown to the matter's client (F20). */
  documentType?: string;
}

export const ROOT_FOLDER_ID = 'root';

export interface Share {
  contactId: string;
  itemId: string;
  sharedAt: string;
  sharedBy: string;
}

export interface StaffPrincipal {
  kind: 'staff';
  sub: string;
  email: string;
  isAdmin: boolean;
}

export interface CustomerPrincipal {
  kind: 'customer';
  sub: string;
  email: string;
  contactId: string;
  name: string;
  /** The language the customer chose for their emails (the contact's). */
  language?: Language;
  /** The contact itself plus its organisations: whose shares this customer sees. */
  granteeIds: string[];
}
