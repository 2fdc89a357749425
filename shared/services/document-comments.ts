/**
 * Comments on documents shared with a customer (F18). Each customer has a thread of their own with
 * the firm on each document they may see: a document shared with several customers, or with an
 * organisation, never shows one customer's words to another. Customers comment while the firm
 * takes comments; staff answer (the customer is emailed), keep internal notes and hide comments.
 * Emails go through the outbox in the comment's transaction and never carry its text.
 */
import { accessIsOpen, customerSeesComment, customerViewOfComment, requireCustomerComments, requireMatterAction, type CustomerComment } from '../domain/access-policy.ts';
import { commentIdAt, commentText, hiddenComment, type DocumentComment, type DocumentThread } from '../domain/comments.ts';
import { newId } from '../domain/ids.ts';
import type { CustomerPrincipal, DriveItem, StaffPrincipal } from '../domain/model.ts';
import { visiblePage } from '../domain/paging.ts';
import type { AuditEntry, AuditLog, ContactStore, DocumentCommentStore, DriveStore, Outbox, Page, ShareStore, Transactions } from '../domain/ports.ts';
import type { PortalSettings } from '../domain/settings.ts';
import { notFound } from '../errors.ts';
import { visibleFile } from './customer-portal.ts';

export interface DocumentCommentDeps {
  comments: DocumentCommentStore;
  drive: DriveStore;
  shares: ShareStore;
  contacts: ContactStore;
  audit: AuditLog;
  outbox: Outbox;
  transactions: Transactions;
}

const entry = (actor: string, action: string, comment: DocumentComment, name: string): AuditEntry => ({
  at: comment.at,
  actor,
  action,
  itemId: comment.itemId,
  contactId: comment.contactId,
  details: { name, commentId: comment.commentId, ...(comment.internal ? { internal: true } : {}) },
});

const newComment = (item: DriveItem, contactId: string, author: DocumentComment['author'], text: string, internal: boolean, now: Date): DocumentComment => ({
  commentId: commentIdAt(now, newId().slice(0, 8)),
  itemId: item.itemId,
  contactId,
  at: now.toISOString(),
  author,
  text: commentText(text),
  internal,
});

/** The customer's own thread on a document they may see, oldest first: never notes or hidden comments. */
export async function customerDocumentComments(deps: Pick<DocumentCommentDeps, 'comments' | 'drive' | 'shares'>, customer: CustomerPrincipal, itemId: string, limit: number, cursor?: string): Promise<Page<CustomerComment>> {
  const file = await visibleFile(deps, customer, itemId);
  const page = await visiblePage(deps.comments.thread(file.itemId, customer.contactId), customerSeesComment, limit, cursor);
  return { items: page.items.map((c) => customerViewOfComment(customer, c)), cursor: page.cursor };
}

/** A customer's comment on a document they may see; their responsible staff are told. */
export async function addCustomerDocumentComment(deps: DocumentCommentDeps, customer: CustomerPrincipal, settings: PortalSettings, itemId: string, text: string, now = new Date()): Promise<CustomerComment> {
  const file = await visibleFile(deps, customer, itemId);
  requireCustomerComments(settings.customerComments);
  const comment = newComment(file, customer.contactId, { kind: 'customer', id: customer.contactId, name: customer.name }, text, false, now);
  const staff = (await deps.contacts.get(customer.contactId))?.responsibleStaff ?? [];
  const thread: DocumentThread = { itemId: file.itemId, contactId: customer.contactId, contactName: customer.name, lastAt: comment.at, lastBy: 'customer' };
  await deps.transactions.commit([
    ...deps.comments.addWrites(comment, thread),
    ...(staff.length ? [deps.outbox.enqueueWrite({ kind: 'documentComment', audience: 'staff', to: staff, author: customer.name, documentName: file.name, folderId: file.parentId })] : []),
    ...deps.audit.recordWrites(entry(customer.name, 'comment.added', comment, file.name)),
  ]);
  return customerViewOfComment(customer, comment);
}

async function existingItem(drive: DriveStore, itemId: string): Promise<DriveItem> {
  const item = await drive.get(itemId);
  if (!item) throw notFound('file');
  return item;
}

/** The customers who wrote on a document, one thread each, for staff. */
export async function documentThreads(deps: Pick<DocumentCommentDeps, 'comments' | 'drive'>, staff: StaffPrincipal, itemId: string, limit: number, cursor?: string): Promise<Page<DocumentThread>> {
  requireMatterAction(staff, 'read');
  const item = await existingItem(deps.drive, itemId);
  return deps.comments.threads(item.itemId, limit, cursor);
}

/** One customer's thread on a document, whole, for staff: notes and hidden comments marked. */
export async function staffDocumentComments(deps: Pick<DocumentCommentDeps, 'comments' | 'drive'>, staff: StaffPrincipal, itemId: string, contactId: string, limit: number, cursor?: string): Promise<Page<DocumentComment>> {
  requireMatterAction(staff, 'read');
  const item = await existingItem(deps.drive, itemId);
  return visiblePage(deps.comments.thread(item.itemId, contactId), () => true, limit, cursor);
}

/** A thread staff write in must exist: staff answer a customer who wrote, they do not start threads. */
async function existingThread(deps: Pick<DocumentCommentDeps, 'comments'>, itemId: string, contactId: string): Promise<DocumentThread> {
  const thread = await deps.comments.threadOf(itemId, contactId);
  if (!thread) throw notFound('thread');
  return thread;
}

/** A staff answer (the customer is emailed while their access is open) or an internal note. */
export async function addStaffDocumentComment(deps: Omit<DocumentCommentDeps, 'shares'>, staff: StaffPrincipal, itemId: string, contactId: string, input: { text: string; internal: boolean }, now = new Date()): Promise<DocumentComment> {
  requireMatterAction(staff, 'edit');
  const item = await existingItem(deps.drive, itemId);
  const thread = await existingThread(deps, item.itemId, contactId);
  const comment = newComment(item, contactId, { kind: 'staff', id: staff.sub, name: staff.email }, input.text, input.internal, now);
  const customer = comment.internal ? undefined : await deps.contacts.get(contactId);
  const email = customer?.email && accessIsOpen(customer) ? [deps.outbox.enqueueWrite({ kind: 'documentComment', audience: 'customer', to: [customer.email], name: customer.name, author: 'firm', documentName: item.name, language: customer.language })] : [];
  // A note leaves the thread as it was: the customer still awaits an answer.
  const next = comment.internal ? thread : { ...thread, lastAt: comment.at, lastBy: 'staff' as const };
  await deps.transactions.commit([...deps.comments.addWrites(comment, next), ...email, ...deps.audit.recordWrites(entry(staff.email, comment.internal ? 'comment.noted' : 'comment.added', comment, item.name))]);
  return comment;
}

export async function hideDocumentComment(deps: Pick<DocumentCommentDeps, 'comments' | 'drive' | 'audit' | 'transactions'>, staff: StaffPrincipal, itemId: string, contactId: string, commentId: string, now = new Date()): Promise<DocumentComment> {
  requireMatterAction(staff, 'edit');
  const item = await existingItem(deps.drive, itemId);
  const comment = await deps.comments.comment(item.itemId, contactId, commentId);
  if (!comment) throw notFound('comment');
  const hidden = hiddenComment(comment, staff.email, now);
  await deps.transactions.commit([deps.comments.hideWrite(hidden), ...deps.audit.recordWrites({ ...entry(staff.email, 'comment.hidden', hidden, item.name), at: now.toISOString() })]);
  return hidden;
}
