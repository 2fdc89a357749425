/**
 * What each HTTP route answers on success, keyed by its handler's file in `functions/`: the status
 * and the body's schema (or, for a download, its content type). `bin/openapi.ts` puts these in the
 * description; the local cloud checks every success answer against them in the tests; a test
 * requires an entry for every route of the template. A new route adds its line here.
 */
import { LANGUAGES } from '../domain/language.ts';
import * as z from '../zod.ts';
import {
  AuditEntry,
  Contact,
  components,
  DownloadLink,
  DriveItem,
  ItemShare,
  Matter,
  MatterLists,
  MatterSummary,
  CustomerMatter,
  CustomerMatterSummary,
  MatterDocument,
  MatterComment,
  DocumentComment,
  CustomerComment,
  CustomerRequest,
  CustomerRequestSummary,
  Involved,
  RequestCandidate,
  RequestSummary,
  page,
  PortalItem,
  PortalSettings,
  SettingsView,
  SharedItem,
  StaffUser,
  withUploadInstructions,
} from './records.ts';

export type ResponseContract = { status: number; schema: z.ZodMiniType; description: string } | { status: number; file: string; description: string };

const named = <S extends z.ZodMiniType>(id: string, schema: S) => (components.add(schema, { id }), schema);
const done = <K extends string>(key: K) => z.strictObject({ [key]: z.literal(true) } as Record<K, z.ZodMiniLiteral<true>>);

const ContactPage = named('ContactPage', page(Contact));
const DriveItemPage = named('DriveItemPage', page(DriveItem));
const AuditPage = named('AuditPage', page(AuditEntry));
const StaffUserPage = named('StaffUserPage', page(StaffUser));
const SharedItemPage = named('SharedItemPage', page(SharedItem));
const PortalItemPage = named('PortalItemPage', page(PortalItem));
const PortalFolderPage = named('PortalFolderPage', z.extend(page(PortalItem), { folder: z.strictObject({ itemId: z.string(), name: z.string() }) }));
const MatterPage = named('MatterPage', page(MatterSummary));
const CustomerMatterSummaryPage = named('CustomerMatterSummaryPage', page(CustomerMatterSummary));
const MatterDocumentPage = named('MatterDocumentPage', page(MatterDocument));
const MatterCommentPage = named('MatterCommentPage', page(MatterComment));
const CustomerCommentPage = named('CustomerCommentPage', page(CustomerComment));
const RequestPage = named('RequestPage', page(RequestSummary));
const CustomerRequestPage = named('CustomerRequestPage', page(CustomerRequestSummary));
const StaffRequestFields = {
  requestId: z.string(),
  requesterId: z.string(),
  requesterName: z.string(),
  kind: z.string(),
  title: z.string(),
  description: z.optional(z.string()),
  involved: z.array(Involved),
  state: z.enum(['open', 'accepted', 'declined']),
  createdAt: z.iso.datetime(),
  decidedBy: z.optional(z.string()),
  decidedAt: z.optional(z.iso.datetime()),
  declineReason: z.optional(z.string()),
  matterId: z.optional(z.string()),
};
const StaffRequest = named('StaffRequest', z.strictObject(StaffRequestFields));
const StaffRequestWithFiles = named('StaffRequestWithFiles', z.strictObject({ ...StaffRequestFields, files: z.array(DriveItem) }));
const Roles = named('Roles', z.strictObject({ roles: z.array(z.string()) }));
const StaffUpload = named('StaffUpload', withUploadInstructions(DriveItem));
const CustomerUploadBatch = named(
  'CustomerUploadBatch',
  z.strictObject({ batchId: z.string(), uploads: z.array(withUploadInstructions(PortalItem)) }),
);
const CustomerProfile = named(
  'CustomerProfile',
  z.strictObject({
    name: z.string(),
    email: z.string(),
    /** The customer's own choice for their emails; unset, they follow firm.language. */
    language: z.optional(z.enum(LANGUAGES)),
    firm: z.extend(PortalSettings.shape.branding, { language: z.enum(LANGUAGES), matterTerm: PortalSettings.shape.matterTerm }),
    permissions: z.strictObject({ upload: z.boolean(), replaceOwnUploads: z.boolean(), deleteOwnUploads: z.boolean(), comment: z.boolean() }),
  }),
);

const json = (status: number, schema: z.ZodMiniType, description: string): ResponseContract => ({ status, schema, description });
const ok = (schema: z.ZodMiniType, description: string) => json(200, schema, description);
const created = (schema: z.ZodMiniType, description: string) => json(201, schema, description);

export const responses: Record<string, ResponseContract> = {
  // Staff API
  'staff-approve-matter': ok(Matter, 'The matter, approved.'),
  'staff-archive-contact': ok(Contact, 'The contact, archived (its portal access closed).'),
  'staff-close-access': ok(Contact, 'The contact, its access closed.'),
  'staff-complete-upload': ok(DriveItem, 'The file, filed.'),
  'staff-create-contact': created(Contact, 'The new contact.'),
  'staff-create-matter': created(Matter, 'The new matter, with its folder in the drive.'),
  'staff-create-folder': created(DriveItem, 'The new folder.'),
  'staff-download-item': ok(DownloadLink, 'A link to the file.'),
  'staff-export-audit': { status: 200, file: 'text/csv', description: 'The activity as a CSV download.' },
  'staff-get-contact': ok(Contact, 'The contact.'),
  'staff-get-matter': ok(Matter, 'The matter.'),
  'staff-get-settings': ok(SettingsView, 'The settings and seat usage.'),
  'staff-invite-user': created(StaffUser, 'The invited staff user.'),
  'staff-list-audit': ok(AuditPage, "A page of the firm's activity, newest first."),
  'staff-list-document-threads': ok(
    named('DocumentThreadPage', page(z.strictObject({ itemId: z.string(), contactId: z.string(), contactName: z.string(), lastAt: z.iso.datetime(), lastBy: z.enum(['customer', 'staff']) }))),
    'A page of the customers who wrote on the document, one thread each.',
  ),
  'staff-list-document-comments': ok(named('DocumentCommentPage', page(DocumentComment)), "A page of one customer's thread on the document, oldest first."),
  'staff-add-document-comment': created(DocumentComment, 'The answer or internal note.'),
  'staff-hide-document-comment': ok(DocumentComment, 'The comment, hidden from the customer.'),
  'staff-list-contact-audit': ok(AuditPage, "A page of the contact's activity, newest first."),
  'staff-list-matter-activity': ok(AuditPage, "A page of the matter's activity, newest first."),
  'staff-list-contacts': ok(ContactPage, 'A page of contacts, by name.'),
  'staff-list-folder': ok(DriveItemPage, "A page of the folder's items."),
  'staff-list-item-downloads': ok(AuditPage, "A page of the file's download receipts, newest first."),
  'staff-list-item-shares': ok(z.strictObject({ items: z.array(ItemShare) }), 'Every contact the item is shared with.'),
  'staff-list-matter-lists': ok(MatterLists, "The lists matters draw on."),
  'staff-list-matters': ok(MatterPage, 'A page of matters: newest first, or soonest deadline first with deadlineBefore.'),
  'staff-list-roles': ok(Roles, 'The link roles.'),
  'staff-list-shares': ok(SharedItemPage, 'A page of what is shared with the contact, newest first.'),
  'staff-list-users': ok(StaffUserPage, 'A page of staff users.'),
  'staff-open-access': ok(Contact, 'The contact, invited.'),
  'staff-reopen-matter': ok(Matter, 'The matter, pending approval again.'),
  'staff-reopen-access': ok(Contact, 'The contact, invited again.'),
  'staff-resend-invitation': ok(Contact, 'The contact, invited again.'),
  'staff-reset-user-password': ok(done('reset'), 'The password was reset and the user emailed.'),
  'staff-restore-item': ok(DriveItem, 'The item, restored.'),
  'staff-set-user-enabled': ok(StaffUser, 'The staff user.'),
  'staff-set-user-role': ok(StaffUser, 'The staff user.'),
  'staff-share-items': ok(z.strictObject({ added: z.array(z.string()), emailed: z.int() }), 'The items newly shared, and how many people were emailed.'),
  'staff-start-upload': created(StaffUpload, 'The pending file and where to send its bytes.'),
  'staff-trash-item': ok(DriveItem, 'The item, in the trash.'),
  'staff-unshare-item': ok(done('removed'), 'The share was removed.'),
  'staff-update-contact': ok(Contact, 'The contact, changed.'),
  'staff-update-item': ok(DriveItem, 'The item, renamed or moved.'),
  'staff-update-matter': ok(Matter, 'The matter, changed.'),
  'staff-list-matter-documents': ok(DriveItemPage, "A page of the matter's folder, each document with its type."),
  'staff-set-document-type': ok(DriveItem, 'The document, with its new type (or none).'),
  'staff-list-matter-comments': ok(MatterCommentPage, "A page of the matter's thread, oldest first."),
  'staff-add-matter-comment': created(MatterComment, 'The comment or internal note.'),
  'staff-hide-matter-comment': ok(MatterComment, 'The comment, hidden from the client.'),
  'staff-list-awaiting-answers': ok(
    named('AwaitingAnswerPage', page(z.strictObject({ matterId: z.string(), reference: z.string(), title: z.string(), clientId: z.string(), since: z.iso.datetime(), author: z.string() }))),
    'A page of matters whose client awaits an answer, the longest waiting first.',
  ),
  'staff-update-matter-lists': ok(MatterLists, 'The lists, changed.'),
  'staff-list-requests': ok(RequestPage, 'A page of the requests queue: open ones oldest first, decided ones newest first.'),
  'staff-get-request': ok(StaffRequestWithFiles, 'The request, everyone it names, and the files sent with it.'),
  'staff-accept-request': created(z.strictObject({ request: StaffRequest, matter: Matter }), 'The accepted request and the matter it became.'),
  'staff-decline-request': ok(StaffRequest, 'The declined request.'),
  'staff-update-roles': ok(Roles, 'The link roles, changed.'),
  'staff-update-settings': ok(SettingsView, 'The settings, changed, and seat usage.'),
  // Customer API
  'customer-complete-upload': ok(done('completed'), 'The upload was filed.'),
  'customer-delete-upload': ok(done('deleted'), 'The upload was deleted.'),
  'customer-download-item': ok(DownloadLink, 'A link to the file.'),
  'customer-get-profile': ok(CustomerProfile, 'Who the customer is, the firm, and what they may do.'),
  'customer-set-language': ok(z.strictObject({ language: z.enum(LANGUAGES) }), "The customer's language, which their emails now follow."),
  'customer-list-folder': ok(PortalFolderPage, "A page of a shared folder's items, and the folder."),
  'customer-list-shared': ok(PortalItemPage, "A page of the portal's top level: the customer's own folder first, then shares, newest first."),
  'customer-list-matters': ok(CustomerMatterSummaryPage, "A page of the customer's matters and their organisations', newest first."),
  'customer-get-matter': ok(CustomerMatter, 'What the customer may see of the matter.'),
  'customer-list-matter-documents': ok(MatterDocumentPage, "A page of the matter's customer files."),
  'customer-download-matter-document': ok(DownloadLink, 'A link to the document.'),
  'customer-start-matter-upload': created(CustomerUploadBatch, "The pending files in the matter's \"From client\" folder, in the order sent, and where to send their bytes."),
  'customer-list-matter-comments': ok(CustomerCommentPage, "A page of the matter's thread as the customer sees it, oldest first."),
  'customer-add-matter-comment': created(CustomerComment, 'The comment.'),
  'customer-list-matter-uploads': ok(PortalItemPage, 'A page of what the customer sent into the matter.'),
  'customer-list-document-comments': ok(CustomerCommentPage, "A page of the customer's own thread on the document, oldest first."),
  'customer-add-document-comment': created(CustomerComment, 'The comment.'),
  'customer-get-request-form': ok(z.strictObject({ kinds: z.array(z.string()), contacts: z.array(RequestCandidate) }), 'The kinds of request and the contacts the customer may name.'),
  'customer-submit-request': created(CustomerRequest, 'The request as sent.'),
  'customer-list-requests': ok(CustomerRequestPage, "A page of the customer's own requests, newest first."),
  'customer-get-request': ok(CustomerRequest, 'The request with the files the customer sent.'),
  'customer-start-request-upload': created(CustomerUploadBatch, "The pending files in the request's folder, in the order sent, and where to send their bytes."),
  'customer-start-upload': created(CustomerUploadBatch, 'The pending files, in the order sent, and where to send their bytes.'),
};
