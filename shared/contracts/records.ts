/**
 * The records the two APIs answer with, as schemas: the response half of the API's contract.
 * They describe what the handlers send (`responses.ts` names one per route) for the OpenAPI
 * description, the types the web UIs are generated from, and the test cloud's check of every
 * success answer. No function imports this module: the contract is checked in the tests, not paid
 * for on every cold start. Objects are strict, so a field we never meant to send fails the tests.
 */
import { LANGUAGES } from '../domain/language.ts';
import { settingsSchema } from '../domain/settings.ts';
import * as z from '../zod.ts';

/** Named schemas become `#/components/schemas/<id>` in the description and named types in the UIs. */
export const components = z.registry<{ id: string; description?: string }>();

function named<S extends z.ZodMiniType>(id: string, schema: S, description?: string): S {
  components.add(schema, { id, ...(description ? { description } : {}) });
  return schema;
}

const instant = z.iso.datetime();
const optional = z.optional;

export const ContactLink = named('ContactLink', z.strictObject({ contactId: z.string(), role: z.string() }));

export const PortalAccess = named(
  'PortalAccess',
  z.strictObject({
    state: z.enum(['none', 'invited', 'active', 'closed']),
    userSub: optional(z.string()),
    username: optional(z.string()),
    invitedAt: optional(instant),
    activatedAt: optional(instant),
    closedAt: optional(instant),
    tokensValidAfter: optional(z.int()),
  }),
  "A contact's portal access; tokens issued before tokensValidAfter (seconds since epoch) are refused.",
);

export const Undeliverable = named(
  'Undeliverable',
  z.strictObject({ since: instant, reason: z.enum(['bounce', 'complaint']) }),
  'Email to this address bounced for good (bounce) or was marked as spam (complaint), since then; staff answers only.',
);

export const Contact = named(
  'Contact',
  z.strictObject({
    contactId: z.string(),
    kind: z.enum(['person', 'organisation']),
    name: z.string(),
    email: optional(z.string()),
    phone: optional(z.string()),
    address: optional(z.string()),
    notes: optional(z.string()),
    accessType: optional(z.enum(['client', 'collaborator', 'both'])),
    language: optional(z.enum(LANGUAGES)),
    responsibleStaff: z.array(z.string()),
    organisationIds: z.array(z.string()),
    links: optional(z.array(ContactLink)),
    access: PortalAccess,
    inboxFolderId: optional(z.string()),
    archived: z.boolean(),
    createdAt: instant,
    createdBy: z.string(),
    undeliverable: optional(Undeliverable),
  }),
);

export const DriveItem = named(
  'DriveItem',
  z.strictObject({
    itemId: z.string(),
    kind: z.enum(['folder', 'file']),
    name: z.string(),
    parentId: z.string(),
    ancestorIds: z.array(z.string()),
    status: z.enum(['pending', 'ready', 'trashed']),
    size: optional(z.int()),
    contentType: optional(z.string()),
    objectKey: optional(z.string()),
    etag: optional(z.string()),
    versionId: optional(z.string()),
    createdAt: instant,
    createdBy: z.strictObject({ kind: z.enum(['staff', 'customer']), id: z.string(), name: z.string() }),
    uploadBatchId: optional(z.string()),
    revisesItemId: optional(z.string()),
    multipartUploadId: optional(z.string()),
    trashedAt: optional(instant),
    trashedBy: optional(z.string()),
    seenByStaffAt: optional(instant),
    documentType: optional(z.string()),
  }),
  "An item of the firm's drive as staff see it, storage fields included; parentId is \"root\" at the top.",
);

export const PortalItem = named(
  'PortalItem',
  z.strictObject({
    itemId: z.string(),
    kind: z.enum(['folder', 'file']),
    name: z.string(),
    size: optional(z.int()),
    contentType: optional(z.string()),
    updatedAt: instant,
    sharedBy: optional(z.string()),
    uploadedByYou: z.boolean(),
  }),
  'An item as a customer sees it: never storage keys, ancestry or staff ids.',
);

export const MatterDocument = named(
  'MatterDocument',
  z.extend(PortalItem, { documentType: z.string() }),
  "A matter's document as its client sees it, with its type (a customer file).",
);

export const AuditEntry = named(
  'AuditEntry',
  z.strictObject({
    at: instant,
    actor: z.string(),
    action: z.string(),
    contactId: optional(z.string()),
    itemId: optional(z.string()),
    matterId: optional(z.string()),
    details: optional(z.record(z.string(), z.unknown())),
  }),
);

const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

export const Matter = named(
  'Matter',
  z.strictObject({
    matterId: z.string(),
    reference: z.string(),
    title: z.string(),
    description: optional(z.string()),
    status: z.string(),
    deadlines: z.array(z.strictObject({ label: z.string(), date: isoDate, customerVisible: z.boolean() })),
    clientId: z.string(),
    parties: z.array(z.strictObject({ contactId: z.string(), partyType: z.string() })),
    responsibleStaff: z.array(z.string()),
    tasks: z.array(z.strictObject({ taskId: z.string(), title: z.string(), dueDate: optional(isoDate), assignee: optional(z.string()), done: z.boolean() })),
    flags: z.array(z.string()),
    approval: z.union([z.strictObject({ state: z.literal('pending') }), z.strictObject({ state: z.literal('approved'), by: z.string(), at: instant })]),
    archived: z.boolean(),
    folderId: z.string(),
    createdAt: instant,
    createdBy: z.string(),
    updatedAt: instant,
  }),
  'A matter as staff see it: tasks, internal flags and every party included.',
);

export const MatterSummary = named(
  'MatterSummary',
  z.strictObject({
    matterId: z.string(),
    reference: z.string(),
    title: z.string(),
    status: z.string(),
    clientId: z.string(),
    responsibleStaff: z.array(z.string()),
    nextDeadline: optional(isoDate),
    approved: z.boolean(),
    archived: z.boolean(),
    createdAt: instant,
    updatedAt: instant,
  }),
  "A matter in a list: what the list shows, with its earliest deadline.",
);

const customerMatterFields = {
  matterId: z.string(),
  reference: z.string(),
  title: z.string(),
  statusLabel: optional(z.string()),
  deadlines: z.array(z.strictObject({ label: z.string(), date: isoDate })),
  flags: z.array(z.string()),
  approved: z.boolean(),
};

export const CustomerMatterSummary = named(
  'CustomerMatterSummary',
  z.strictObject(customerMatterFields),
  "A matter in the customer's list: only what customers may see (the status's customer label, customer-visible deadlines and flags).",
);

export const CustomerMatter = named(
  'CustomerMatter',
  z.strictObject({ ...customerMatterFields, parties: z.array(z.strictObject({ name: z.string(), partyType: z.string() })), uploadsOpen: z.boolean() }),
  'A matter as its client sees it: never tasks, internal flags, staff, or parties of types staff keep internal.',
);

export const MatterComment = named(
  'MatterComment',
  z.strictObject({
    commentId: z.string(),
    matterId: z.string(),
    at: instant,
    author: z.strictObject({ kind: z.enum(['staff', 'customer']), id: z.string(), name: z.string() }),
    text: z.string(),
    internal: z.boolean(),
    hidden: optional(z.strictObject({ by: z.string(), at: instant })),
  }),
  'A comment of a matter\'s thread as staff see it: internal notes and hidden comments included, marked.',
);

export const DocumentComment = named(
  'DocumentComment',
  z.strictObject({
    commentId: z.string(),
    itemId: z.string(),
    contactId: z.string(),
    at: instant,
    author: z.strictObject({ kind: z.enum(['staff', 'customer']), id: z.string(), name: z.string() }),
    text: z.string(),
    internal: z.boolean(),
    hidden: optional(z.strictObject({ by: z.string(), at: instant })),
  }),
  "A comment of one customer's thread on a document as staff see it: internal notes and hidden comments included, marked.",
);

export const CustomerComment = named(
  'CustomerComment',
  z.strictObject({ commentId: z.string(), at: instant, text: z.string(), author: z.string(), byYou: z.boolean(), byFirm: z.boolean() }),
  "A comment as a customer sees it: \"firm\" for the firm's staff, never a staff email.",
);

export const MatterLists = named(
  'MatterLists',
  z.strictObject({
    statuses: z.array(z.strictObject({ name: z.string(), customerLabel: z.string() })),
    partyTypes: z.array(z.strictObject({ name: z.string(), customerVisible: z.boolean() })),
    flags: z.array(z.strictObject({ name: z.string(), customerVisible: z.boolean() })),
    documentTypes: z.array(z.strictObject({ name: z.string(), customerFile: z.boolean() })),
    requestKinds: z.array(z.strictObject({ name: z.string() })),
  }),
  "The admins' lists matters draw on; the first status is a new matter's.",
);

const contactKind = z.enum(['person', 'organisation']);

export const RequestCandidate = named(
  'RequestCandidate',
  z.strictObject({ contactId: z.string(), name: z.string(), kind: contactKind }),
  "A contact a customer may name in a request: one of their organisations, or a client or customer-visible party of their matters.",
);

export const Involved = named(
  'Involved',
  z.union([
    z.strictObject({ source: z.literal('existing'), contactId: z.string(), name: z.string(), kind: contactKind }),
    z.strictObject({ source: z.literal('customer'), name: z.string(), email: optional(z.string()), kind: contactKind }),
  ]),
  'Someone a request names: an existing contact, or one the customer added ("customer"), for staff to review.',
);

const requestFields = {
  requestId: z.string(),
  requesterName: z.string(),
  kind: z.string(),
  title: z.string(),
  state: z.enum(['open', 'accepted', 'declined']),
  createdAt: instant,
  decidedAt: optional(instant),
  matterId: optional(z.string()),
};

export const RequestSummary = named('RequestSummary', z.strictObject({ ...requestFields, requesterId: z.string() }), "A request as staff's queue lists it.");
export const CustomerRequestSummary = named('CustomerRequestSummary', z.strictObject(requestFields), 'A request as its customer lists it.');

const requestDetail = { ...requestFields, description: optional(z.string()), involved: z.array(Involved), declineReason: optional(z.string()) };

export const CustomerRequest = named(
  'CustomerRequest',
  z.strictObject({ ...requestDetail, files: optional(z.array(PortalItem)) }),
  'A request as its customer sees it, with the files they sent: never who of the staff decided it.',
);

export const StaffUser = named(
  'StaffUser',
  z.strictObject({
    username: z.string(),
    sub: z.string(),
    email: z.string(),
    name: optional(z.string()),
    enabled: z.boolean(),
    admin: z.boolean(),
    status: z.string(),
    createdAt: optional(instant),
    undeliverable: optional(Undeliverable),
  }),
);

export const SharedItem = named('SharedItem', z.strictObject({ item: DriveItem, sharedAt: instant, sharedBy: z.string() }), 'An item shared with a contact: when and by whom.');

export const ItemShare = named(
  'ItemShare',
  z.strictObject({ contactId: z.string(), name: optional(z.string()), sharedAt: instant, sharedBy: z.string() }),
  'A contact an item is shared with.',
);

export const PortalSettings = named('PortalSettings', settingsSchema());
export const SettingsView = named(
  'SettingsView',
  z.extend(settingsSchema(), { seatUsage: z.strictObject({ used: z.int(), left: z.int() }) }),
  'The settings, and how many portal seats are in use.',
);

export const UploadTarget = named(
  'UploadTarget',
  z.strictObject({ url: z.url(), method: z.literal('PUT'), headers: z.record(z.string(), z.string()) }),
  'One presigned PUT; send the headers exactly as given, they are part of the signature.',
);
export const MultipartTarget = named(
  'MultipartTarget',
  z.strictObject({ uploadId: z.string(), partSize: z.int(), parts: z.array(z.strictObject({ partNumber: z.int(), url: z.url(), size: z.int() })) }),
  'A multipart upload: one presigned PUT per part, each for its exact size; complete it with the ETags.',
);

/** A pending file and where the browser sends its bytes: one PUT, or one per part of a multipart upload. */
export const withUploadInstructions = <S extends z.ZodMiniType>(item: S) =>
  z.union([z.strictObject({ item, upload: UploadTarget }), z.strictObject({ item, multipart: MultipartTarget })]);

export const DownloadLink = named('DownloadLink', z.strictObject({ url: z.url(), name: z.string(), size: optional(z.int()) }), 'A short-lived presigned link to the file.');

/** A page of a list; `cursor` is opaque and absent on the last page. */
export const page = <S extends z.ZodMiniType>(items: S) => z.strictObject({ items: z.array(items), cursor: optional(z.string()) });
