/**
 * A matter's thread (F18): the client and the firm comment on the matter, staff keep internal
 * notes beside the comments and may hide one. The other side is told by email through the outbox,
 * in the same transaction as the comment, so no promised email is lost: staff through the
 * matter's responsible staff, the client through its contact's address while its access is open.
 * The email never carries the comment's text, which stays behind the sign-in.
 */
import {
  customerSeesComment,
  customerViewOfComment,
  requireCustomerComments,
  requireMatterAction,
  visibleMatter,
  type CustomerComment,
} from '../domain/access-policy.ts';
import { commentIdAt, commentText, hiddenComment, type MatterComment } from '../domain/comments.ts';
import { newId } from '../domain/ids.ts';
import type { Matter } from '../domain/matters.ts';
import type { CustomerPrincipal, StaffPrincipal } from '../domain/model.ts';
import { visiblePage } from '../domain/paging.ts';
import type { AuditEntry, AuditLog, ContactStore, MatterStore, Outbox, Page, PendingWrite, Transactions } from '../domain/ports.ts';
import type { PortalSettings } from '../domain/settings.ts';
import { AppError, notFound } from '../errors.ts';
import { getMatter } from './matters.ts';

export interface CommentDeps {
  matters: MatterStore;
  contacts: ContactStore;
  audit: AuditLog;
  outbox: Outbox;
  transactions: Transactions;
}

const newCommentId = (now: Date) => commentIdAt(now, newId().slice(0, 8));

const entry = (actor: string, action: string, matter: Matter, comment: MatterComment, now: Date): AuditEntry => ({
  at: now.toISOString(),
  actor,
  action,
  matterId: matter.matterId,
  contactId: matter.clientId,
  details: { reference: matter.reference, commentId: comment.commentId, ...(comment.internal ? { internal: true } : {}) },
});

/** The thread as the customer sees it, oldest first: never internal notes or hidden comments. */
export async function customerComments(matters: MatterStore, customer: CustomerPrincipal, matterId: string, limit: number, cursor?: string): Promise<Page<CustomerComment>> {
  const matter = visibleMatter(customer, await matters.get(matterId));
  const page = await visiblePage(matters.comments(matter.matterId), customerSeesComment, limit, cursor);
  return { items: page.items.map((c) => customerViewOfComment(customer, c)), cursor: page.cursor };
}

/** A customer's comment, while the firm takes comments; the matter's responsible staff are told. */
export async function addCustomerComment(deps: CommentDeps, customer: CustomerPrincipal, settings: PortalSettings, matterId: string, text: string, now = new Date()): Promise<CustomerComment> {
  const matter = visibleMatter(customer, await deps.matters.get(matterId));
  requireCustomerComments(settings.customerComments);
  const comment: MatterComment = {
    commentId: newCommentId(now),
    matterId: matter.matterId,
    at: now.toISOString(),
    author: { kind: 'customer', id: customer.contactId, name: customer.name },
    text: commentText(text),
    internal: false,
  };
  const email = deps.outbox.enqueueWrite({
    kind: 'matterComment',
    audience: 'staff',
    to: matter.responsibleStaff,
    author: customer.name,
    reference: matter.reference,
    title: matter.title,
    matterId: matter.matterId,
  });
  const writes = [deps.matters.addCommentWrite(comment), email, ...deps.audit.recordWrites(entry(customer.name, 'comment.added', matter, comment, now))];
  // The first unanswered comment puts the matter on staff's "awaiting an answer" list.
  const waiting = await deps.matters.awaitingAnswer(matter.matterId);
  const awaiting = { matterId: matter.matterId, commentId: comment.commentId, since: comment.at, author: customer.name };
  try {
    await deps.transactions.commit(waiting ? writes : [...writes, ...deps.matters.startAwaitingWrites(awaiting)]);
  } catch (error) {
    // Another comment of the client's side put it there at the same moment: it awaits already.
    if (!(error instanceof AppError && error.code === 'already_awaiting')) throw error;
    await deps.transactions.commit(writes);
  }
  return customerViewOfComment(customer, comment);
}

/** The whole thread for staff, oldest first: internal notes and hidden comments included, marked. */
export async function staffComments(matters: MatterStore, staff: StaffPrincipal, matterId: string, limit: number, cursor?: string): Promise<Page<MatterComment>> {
  const matter = await getMatter(matters, staff, matterId);
  // Staff see every comment; `visiblePage` still looks one ahead, so no cursor leads to an empty page.
  return visiblePage(matters.comments(matter.matterId), () => true, limit, cursor);
}

/**
 * A staff answer, or an internal note (`internal`). An answer is emailed to the client's address
 * while its portal access is open; a note is never emailed and never shown to a customer.
 */
export async function addStaffComment(deps: CommentDeps, staff: StaffPrincipal, matterId: string, input: { text: string; internal: boolean }, now = new Date()): Promise<MatterComment> {
  requireMatterAction(staff, 'edit');
  const matter = await getMatter(deps.matters, staff, matterId);
  const comment: MatterComment = {
    commentId: newCommentId(now),
    matterId: matter.matterId,
    at: now.toISOString(),
    author: { kind: 'staff', id: staff.sub, name: staff.email },
    text: commentText(input.text),
    internal: input.internal,
  };
  const emails: PendingWrite[] = [];
  if (!comment.internal) {
    const client = await deps.contacts.get(matter.clientId);
    if (client?.email && client.access.state === 'active' && !client.archived) {
      emails.push(
        deps.outbox.enqueueWrite({
          kind: 'matterComment',
          audience: 'customer',
          to: [client.email],
          name: client.name,
          author: 'firm',
          reference: matter.reference,
          title: matter.title,
          matterId: matter.matterId,
          language: client.language,
        }),
      );
    }
  }
  // An answer the client can read takes the matter off the "awaiting an answer" list; a note does not.
  const waiting = comment.internal ? undefined : await deps.matters.awaitingAnswer(matter.matterId);
  await deps.transactions.commit([
    deps.matters.addCommentWrite(comment),
    ...emails,
    ...deps.audit.recordWrites(entry(staff.email, comment.internal ? 'comment.noted' : 'comment.added', matter, comment, now)),
    ...(waiting ? deps.matters.answeredWrites(waiting) : []),
  ]);
  return comment;
}

/** Hides a comment from the client; it stays on the record, marked with who hid it and when. */
export async function hideComment(deps: Omit<CommentDeps, 'contacts' | 'outbox'>, staff: StaffPrincipal, matterId: string, commentId: string, now = new Date()): Promise<MatterComment> {
  requireMatterAction(staff, 'edit');
  const matter = await getMatter(deps.matters, staff, matterId);
  const comment = await deps.matters.comment(matter.matterId, commentId);
  if (!comment) throw notFound('comment');
  const hidden = hiddenComment(comment, staff.email, now);
  await deps.transactions.commit([deps.matters.hideCommentWrite(hidden), ...deps.audit.recordWrites(entry(staff.email, 'comment.hidden', matter, hidden, now))]);
  return hidden;
}

/** A matter whose client awaits an answer, as staff's list shows it (the matter as it is now). */
export interface AwaitingMatter {
  matterId: string;
  reference: string;
  title: string;
  clientId: string;
  since: string;
  author: string;
}

/** Matters whose client wrote and the firm has not answered, the longest waiting first (F18). */
export async function listAwaitingAnswers(matters: MatterStore, staff: StaffPrincipal, limit: number, cursor?: string): Promise<Page<AwaitingMatter>> {
  requireMatterAction(staff, 'read');
  const page = await visiblePage(matters.awaitingAnswers(), () => true, limit, cursor);
  const byId = new Map((await matters.getMany(page.items.map((a) => a.matterId))).map((m) => [m.matterId, m]));
  const items = page.items.flatMap((a) => {
    const matter = byId.get(a.matterId);
    return matter ? [{ matterId: a.matterId, reference: matter.reference, title: matter.title, clientId: matter.clientId, since: a.since, author: a.author }] : [];
  });
  return { items, cursor: page.cursor };
}
