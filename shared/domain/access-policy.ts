/**
 * Who may see and do what. Every route's authorisation decision is made here, from records the
 * caller's handler has loaded; nothing here does I/O, so it is tested exhaustively on its own
 * (test/unit/access-policy.test.ts).
 */
import { AppError, forbidden, notFound } from '../errors.ts';
import type { MatterComment } from './comments.ts';
import type { Matter, MatterLists, Party } from './matters.ts';
import type { Candidate, MatterRequest } from './requests.ts';
import { ROOT_FOLDER_ID, type Contact, type CustomerPrincipal, type DriveItem, type StaffPrincipal } from './model.ts';
import { controlAllows, type AttachmentControl } from './settings.ts';

/** Claims as API Gateway's JWT authorizer passes them: every value a string, lists as "[a b]". */
export type JwtClaims = Record<string, string | number | boolean | string[] | undefined>;

export const ADMINS_GROUP = 'admins';
export const CONTACT_CLAIM = 'custom:contactId';

function claimString(claims: JwtClaims, name: string): string | undefined {
  const v = claims[name];
  return v === undefined ? undefined : String(v);
}

/** API Gateway flattens array claims to "[a b c]"; accept both that and a real array. */
export function claimList(value: JwtClaims[string]): string[] {
  if (value === undefined) return [];
  if (Array.isArray(value)) return value.map(String);
  const s = String(value).trim();
  const inner = s.startsWith('[') && s.endsWith(']') ? s.slice(1, -1) : s;
  return inner.split(/[\s,]+/).filter(Boolean);
}

const unauthenticated = () => new AppError(401, 'unauthenticated', 'Sign in again: this token is not an ID token of this portal.');

/** A staff caller. The staff API's authorizer has already checked the token belongs to the staff pool. */
export function staffPrincipal(claims: JwtClaims): StaffPrincipal {
  const sub = claimString(claims, 'sub');
  const email = claimString(claims, 'email');
  if (claimString(claims, 'token_use') !== 'id' || !sub || !email) throw unauthenticated();
  return { kind: 'staff', sub, email, isAdmin: claimList(claims['cognito:groups']).includes(ADMINS_GROUP) };
}

export function requireAdmin(staff: StaffPrincipal): void {
  if (!staff.isAdmin) throw forbidden('admin_only', 'Only portal administrators may do this.');
}

export const portalClosed = (firmName: string) =>
  forbidden('portal_closed', `The ${firmName} portal is closed at the moment. Please try again later or contact the firm.`);

export const staffDisabled = () => forbidden('staff_disabled', 'Your staff account is disabled. Ask an administrator to enable it.');

/** A staff caller whose account an admin has not disabled (checked per request: cognito-local would still let them in). */
export function activeStaff(staff: StaffPrincipal, disabled: boolean): StaffPrincipal {
  if (disabled) throw staffDisabled();
  return staff;
}

export const accessClosed = () =>
  forbidden('access_closed', 'Your access to the portal is closed. Please contact the firm if you need it again.');

/**
 * A customer caller, decided afresh on every request from the contact record, so closing access
 * takes effect at once — also for tokens issued before (cognito-local even lets a disabled user
 * sign in; AWS keeps issued tokens valid until they expire).
 */
export function customerPrincipal(
  claims: JwtClaims,
  contact: Contact | undefined,
  portal: { open: boolean; firmName: string } = { open: true, firmName: 'firm' },
  organisations: readonly Contact[] = [],
): CustomerPrincipal {
  const sub = claimString(claims, 'sub');
  const contactId = claimString(claims, CONTACT_CLAIM);
  if (claimString(claims, 'token_use') !== 'id' || !sub) throw unauthenticated();
  // A closed portal says so to everyone, before anything about their own access.
  if (!portal.open) throw portalClosed(portal.firmName);
  if (!contactId || !contact || contact.contactId !== contactId) throw accessClosed();
  const access = contact.access;
  if (!accessIsOpen(contact)) throw accessClosed();
  // The contact record names the one user that holds its access: a reused or forged link is refused.
  if (access.userSub !== sub) throw accessClosed();
  const issuedAt = Number(claims.iat ?? 0);
  if (access.tokensValidAfter !== undefined && !(issuedAt >= access.tokensValidAfter)) throw accessClosed();
  return {
    kind: 'customer',
    sub,
    email: claimString(claims, 'email') ?? contact.email ?? '',
    contactId,
    name: contact.name,
    language: contact.language,
    granteeIds: [contactId, ...contact.organisationIds.filter((orgId) => organisationOpensShares(contact, organisations.find((o) => o.contactId === orgId)))],
  };
}

/** A contact's portal access is open while the contact is not archived and its access is invited or active. */
export function accessIsOpen(contact: Contact): boolean {
  return !contact.archived && (contact.access.state === 'active' || contact.access.state === 'invited');
}

/**
 * A person sees what is shared with an organisation (its consolidated account) only while the
 * person is linked to it and the organisation itself is live with its portal access open: closing
 * or archiving the organisation, or unlinking the person, takes its shares away on the next request.
 */
export function organisationOpensShares(person: Contact, organisation: Contact | undefined): boolean {
  return (
    !!organisation &&
    organisation.kind === 'organisation' &&
    person.organisationIds.includes(organisation.contactId) &&
    accessIsOpen(organisation)
  );
}

/**
 * Which ids are shared with a customer (with them or their organisations), as read for the items
 * in question: the service reads exactly the shares on each item's line (the item and the folders
 * above it), never every share of the customer.
 */
export type Grants = ReadonlySet<string>;

/**
 * A customer sees an item when it, or a folder above it, is shared with them or one of their
 * organisations, or when they uploaded it themselves. Unfinished uploads are never shown.
 */
export function customerCanSee(customer: CustomerPrincipal, item: DriveItem, grants: Grants): boolean {
  if (item.status !== 'ready') return false;
  if (grants.has(item.itemId) || item.ancestorIds.some((id) => grants.has(id))) return true;
  return item.createdBy.kind === 'customer' && item.createdBy.id === customer.contactId;
}

/**
 * An item is live when it and every folder above it are ready, and each of those folders sits
 * where the item's ancestry says. A subtree whose ancestry was not (yet) rewritten after a move
 * therefore counts as not live: it fails closed rather than open through its old place.
 */
export function isLive(item: DriveItem, ancestors: DriveItem[]): boolean {
  if (item.status !== 'ready') return false;
  const found = new Map(ancestors.map((a) => [a.itemId, a]));
  const parentOf = (index: number) => (index === 0 ? ROOT_FOLDER_ID : item.ancestorIds[index - 1]);
  const placed = item.ancestorIds.every((id, index) => {
    const folder = found.get(id);
    return folder?.status === 'ready' && folder.kind === 'folder' && folder.parentId === parentOf(index);
  });
  return placed && item.parentId === parentOf(item.ancestorIds.length);
}

/**
 * The item if the customer may see it, it is live and of the expected kind; otherwise the same
 * 404 as a missing item. `ancestors` are the folders named by `item.ancestorIds`.
 */
export function visibleToCustomer(
  customer: CustomerPrincipal,
  item: DriveItem | undefined,
  ancestors: DriveItem[],
  grants: Grants,
  kind: DriveItem['kind'],
): DriveItem {
  if (!item || item.kind !== kind || !isLive(item, ancestors) || !customerCanSee(customer, item, grants)) throw notFound(kind);
  return item;
}

/** Attachment controls (F17): what a customer may do with uploads, given the firm's settings. */
export function requireAttachmentControl(allowed: boolean, action: 'upload' | 'replace' | 'delete'): void {
  const what = { upload: 'upload documents', replace: 'replace your uploads', delete: 'delete your uploads' }[action];
  if (!allowed) throw forbidden('not_allowed', `The firm does not let customers ${what} at the moment. Documents you can see stay available to view and download.`);
}

/** A customer may delete only a file they uploaded themselves, never a staff file or anyone else's. */
export function ownUpload(customer: CustomerPrincipal, item: DriveItem | undefined, ancestors: DriveItem[], grants: Grants): DriveItem {
  const file = visibleToCustomer(customer, item, ancestors, grants, 'file');
  if (file.createdBy.kind !== 'customer' || file.createdBy.id !== customer.contactId) {
    throw forbidden('not_your_upload', 'You can only delete documents you uploaded yourself.');
  }
  return file;
}

/**
 * A customer may finish only their own multipart upload that is still unfinished; anything else,
 * even a file they can see, is "not found", so the route reveals nothing about other items.
 */
export function ownUnfinishedUpload(customer: CustomerPrincipal, item: DriveItem | undefined): DriveItem {
  if (!item || item.createdBy.kind !== 'customer' || item.createdBy.id !== customer.contactId || item.status !== 'pending' || !item.multipartUploadId) {
    throw notFound('upload');
  }
  return item;
}

/** A customer may upload a revised version of a staff file they can see; it lands beside it as a new file. */
export function customerCanRevise(customer: CustomerPrincipal, item: DriveItem | undefined, ancestors: DriveItem[], grants: Grants): DriveItem {
  return visibleToCustomer(customer, item, ancestors, grants, 'file');
}

/**
 * A staff token's admin claim counts only if the token was issued after the user was last made a
 * regular staff member: an ID token keeps its `cognito:groups` claim until it expires, so a demotion
 * is recorded per user and checked on every admin request. `adminClaimsValidAfter` is epoch seconds,
 * rounded up, so a token issued in the second of the demotion no longer counts either.
 */
export function currentRole(staff: StaffPrincipal, issuedAt: JwtClaims[string], adminClaimsValidAfter: number | undefined): StaffPrincipal {
  if (!staff.isAdmin || adminClaimsValidAfter === undefined) return staff;
  const iat = Number(issuedAt);
  return Number.isFinite(iat) && iat >= adminClaimsValidAfter ? staff : { ...staff, isAdmin: false };
}

/** What staff do with matters: every staff member works on them; the lists they draw on are the admins'. */
export type MatterAction = 'read' | 'create' | 'edit' | 'approve' | 'reopen' | 'readLists' | 'maintainLists';

export function staffMayOnMatters(staff: StaffPrincipal, action: MatterAction): boolean {
  return action !== 'maintainLists' || staff.isAdmin;
}

export function requireMatterAction(staff: StaffPrincipal, action: MatterAction): void {
  if (!staffMayOnMatters(staff, action)) throw forbidden('admin_only', 'Only portal administrators may change the lists matters draw on.');
}

/**
 * A customer sees a matter when its client is them, or an organisation whose shares they see
 * (linked, live, access open: `granteeIds`), and it is not archived. Being a party (an opponent,
 * an expert) never shows a matter: only the client's side does.
 */
export function customerSeesMatter(customer: CustomerPrincipal, matter: Pick<Matter, 'clientId' | 'archived'>): boolean {
  return !matter.archived && customer.granteeIds.includes(matter.clientId);
}

/** The matter if the customer may see it; otherwise the same 404 as a missing one. */
export function visibleMatter(customer: CustomerPrincipal, matter: Matter | undefined): Matter {
  if (!matter || !customerSeesMatter(customer, matter)) throw notFound('matter');
  return matter;
}

/** What a customer may see of a matter they see: never tasks, internal flags, staff-only parties or staff names. */
export interface CustomerMatterView {
  matterId: string;
  reference: string;
  title: string;
  /** The status's customer label; absent when an admin has removed the matter's status from the list. */
  statusLabel?: string;
  deadlines: { label: string; date: string }[];
  flags: string[];
  parties: Party[];
  approved: boolean;
}

/**
 * The customer's view, decided by the lists as they are now: a flag or party type that is not (or
 * no longer) in the list counts as internal, so a removed entry hides rather than shows.
 */
export function customerViewOfMatter(matter: Matter, lists: MatterLists): CustomerMatterView {
  const visibleFlags = new Set(lists.flags.filter((f) => f.customerVisible).map((f) => f.name));
  const visibleParties = new Set(lists.partyTypes.filter((p) => p.customerVisible).map((p) => p.name));
  return {
    matterId: matter.matterId,
    reference: matter.reference,
    title: matter.title,
    statusLabel: lists.statuses.find((s) => s.name === matter.status)?.customerLabel,
    deadlines: matter.deadlines.filter((d) => d.customerVisible).map(({ label, date }) => ({ label, date })),
    flags: matter.flags.filter((f) => visibleFlags.has(f)),
    parties: matter.parties.filter((p) => visibleParties.has(p.partyType)),
    approved: matter.approval.state === 'approved',
  };
}

/**
 * A matter's document a customer sees (F20): a live file right in the folder of a matter they see,
 * whose document type is, in the lists as they are now, a customer file. A type removed from the
 * list hides the document, as a removed flag does. `ancestors` are the folders the item's
 * `ancestorIds` name (the matter's folder among them). Documents shared explicitly are the
 * drive's shares, decided above.
 */
export function customerSeesMatterDocument(customer: CustomerPrincipal, matter: Matter, lists: MatterLists, ancestors: DriveItem[], item: DriveItem): boolean {
  const customerFile = lists.documentTypes.some((t) => t.customerFile && t.name === item.documentType);
  return customerSeesMatter(customer, matter) && item.kind === 'file' && item.parentId === matter.folderId && isLive(item, ancestors) && customerFile;
}

/** The document if the customer may see it as a matter's document; otherwise the same 404 as a missing file. */
export function visibleMatterDocument(customer: CustomerPrincipal, matter: Matter, lists: MatterLists, ancestors: DriveItem[], item: DriveItem | undefined): DriveItem {
  if (!item || !customerSeesMatterDocument(customer, matter, lists, ancestors, item)) throw notFound('file');
  return item;
}

/**
 * Attachment controls (F17, F22) on a matter's documents: "before approval" follows the matter's
 * own approval, at once when it changes. Refused after approval with words that say why.
 */
export function matterAttachmentAllowed(control: AttachmentControl, matter: Pick<Matter, 'approval'>): boolean {
  return controlAllows(control, matter.approval.state === 'approved');
}

export function requireMatterAttachmentControl(control: AttachmentControl, matter: Pick<Matter, 'approval'>, action: 'upload' | 'replace' | 'delete'): void {
  if (matterAttachmentAllowed(control, matter)) return;
  if (control === 'forbidden') return requireAttachmentControl(false, action);
  throw forbidden('matter_approved', 'This matter has been approved, so it takes no more documents. Ask the firm to reopen it if you need to send more.');
}

/** Customers comment (F18) only while the firm's setting lets them; reading the thread stays open. */
export function requireCustomerComments(enabled: boolean): void {
  if (!enabled) throw forbidden('comments_off', 'The firm does not take comments through the portal at the moment. You can still read what was written here.');
}

/** A customer sees the thread of a matter they see, never its internal notes or hidden comments. */
export function customerSeesComment(comment: Pick<MatterComment, 'internal' | 'hidden'>): boolean {
  return !comment.internal && !comment.hidden;
}

/** A comment as a customer sees it: who wrote it as a customer reads it, never a staff email or id. */
export interface CustomerComment {
  commentId: string;
  at: string;
  text: string;
  /** `firm` for staff; a customer's name otherwise (another member of the client may write too). */
  author: string;
  byYou: boolean;
  byFirm: boolean;
}

export function customerViewOfComment(customer: CustomerPrincipal, comment: Omit<MatterComment, 'matterId'>): CustomerComment {
  const byFirm = comment.author.kind === 'staff';
  return {
    commentId: comment.commentId,
    at: comment.at,
    text: comment.text,
    author: byFirm ? 'firm' : comment.author.name,
    byYou: !byFirm && comment.author.id === customer.contactId,
    byFirm,
  };
}

/**
 * Whom a customer may name in a request (F21): the organisations whose shares they see, and the
 * customer-visible parties of the matters they see; never anyone else of the firm's
 * contacts, and never an archived contact. `contacts` holds whatever the service read for these.
 */
export function requestCandidates(customer: CustomerPrincipal, matters: readonly Matter[], contacts: readonly Contact[], lists: MatterLists): Candidate[] {
  const visibleTypes = new Set(lists.partyTypes.filter((p) => p.customerVisible).map((p) => p.name));
  // The client of a matter she sees is herself or one of these organisations already.
  const allowed = new Set(customer.granteeIds);
  for (const matter of matters.filter((m) => customerSeesMatter(customer, m))) {
    for (const party of matter.parties) if (visibleTypes.has(party.partyType)) allowed.add(party.contactId);
  }
  allowed.delete(customer.contactId);
  const byId = new Map(contacts.filter((c) => allowed.has(c.contactId) && !c.archived).map((c) => [c.contactId, { contactId: c.contactId, name: c.name, kind: c.kind }]));
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name) || a.contactId.localeCompare(b.contactId));
}

/** A request is its requester's alone; anyone else's is the same 404 as a missing one. */
export function visibleRequest(customer: CustomerPrincipal, request: MatterRequest | undefined): MatterRequest {
  if (!request || request.requesterId !== customer.contactId) throw notFound('request');
  return request;
}

/** What the requester sees of their request: never who of the staff decided it. */
export type CustomerRequestView = Omit<MatterRequest, 'decidedBy' | 'requesterId'>;

export function customerViewOfRequest(request: MatterRequest): CustomerRequestView {
  const { decidedBy: _staff, requesterId: _requester, ...view } = request;
  return view;
}
