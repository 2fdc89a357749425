/**
 * Comments on a matter (F18): the client and the firm talk in one thread, and staff also keep
 * internal notes there that customers never see; staff may hide a comment. The rules are pure
 * functions here; the store keeps what they made, and the access policy decides who sees what.
 */
import { badRequest, conflict } from '../errors.ts';

export interface CommentAuthor {
  kind: 'staff' | 'customer';
  /** A staff user's sub, or a customer's contact id. */
  id: string;
  /** A staff email, or the customer's name. */
  name: string;
}

export interface MatterComment {
  /** Sorts as the comments were written (see `commentIdAt`). */
  commentId: string;
  matterId: string;
  at: string;
  author: CommentAuthor;
  text: string;
  /** A staff note: never shown to a customer, never emailed to one. */
  internal: boolean;
  /** Hidden by staff: kept for the record, shown to staff as hidden, never to a customer. */
  hidden?: { by: string; at: string };
}

export const MAX_COMMENT_LENGTH = 4000;

/** A comment's text as kept: trimmed, not empty, and of a length a person writes. */
export function commentText(raw: string): string {
  const text = raw.trim();
  if (!text) throw badRequest('invalid_request', 'text: write something before sending.');
  if (text.length > MAX_COMMENT_LENGTH) throw badRequest('invalid_request', `text: keep a comment to ${MAX_COMMENT_LENGTH} characters.`);
  return text;
}

/**
 * A comment's id: its time in base 36, fixed width, then a random part for comments of the same
 * millisecond, so a thread is read in the order it was written by its key alone.
 */
export function commentIdAt(now: Date, random: string): string {
  return `${now.getTime().toString(36).padStart(10, '0')}-${random}`;
}

/** Hiding is once: hiding a hidden comment is a conflict, not a silent repeat. */
export function hiddenComment<C extends Pick<MatterComment, 'hidden'>>(comment: C, by: string, now: Date): C {
  if (comment.hidden) throw conflict('already_hidden', `This comment was hidden by ${comment.hidden.by} already.`);
  return { ...comment, hidden: { by, at: now.toISOString() } };
}

/**
 * A comment on a document shared with a customer (F18). Each customer has a thread of their own
 * with the firm on each document: a document shared with several customers, or with an
 * organisation, never shows one customer's words to another.
 */
export interface DocumentComment extends Omit<MatterComment, 'matterId'> {
  itemId: string;
  /** The customer whose thread this is. */
  contactId: string;
}

/** One customer's thread on a document, as staff's list of an item's threads shows it. */
export interface DocumentThread {
  itemId: string;
  contactId: string;
  contactName: string;
  lastAt: string;
  /** Who wrote last: a customer's comment not answered yet shows as theirs. */
  lastBy: 'customer' | 'staff';
}

/**
 * A matter whose client wrote and the firm has not answered yet (F18): from the first unanswered
 * comment until a staff answer that the client can read (an internal note is not an answer).
 */
export interface AwaitingAnswer {
  matterId: string;
  /** The first unanswered comment: its id sorts the list oldest first. */
  commentId: string;
  since: string;
  author: string;
}
