/**
 * Which addresses stop being worth mailing. SES reports what happened to each email it sent with
 * the configuration set (through EventBridge): a permanent bounce (the mailbox does not exist) or
 * a complaint (the recipient marked it as spam) makes an address undeliverable; a transient bounce
 * (mailbox full, server down) or an undetermined one does not, as SES itself retries those. A
 * complaint whose feedback says "not spam" is no complaint.
 */

export type UndeliverableReason = 'bounce' | 'complaint';

/** Shown to staff on the contact (and the staff user) whose address it is, until the address changes. */
export interface UndeliverableMark {
  /** When SES saw the bounce or complaint. */
  since: string;
  reason: UndeliverableReason;
}

export interface DeliveryProblem {
  /** Lower-cased, as contacts and staff users store their addresses. */
  email: string;
  mark: UndeliverableMark;
}

/** A field of untyped JSON; anything that has no such field (a string, a list, null) gives undefined. */
const field = (value: unknown, key: string): unknown => (value as Record<string, unknown> | null | undefined)?.[key];

function addresses(recipients: unknown): string[] {
  if (!Array.isArray(recipients)) return [];
  const found = recipients.map((r) => field(r, 'emailAddress')).filter((a): a is string => typeof a === 'string' && a.includes('@'));
  return [...new Set(found.map((a) => a.trim().toLowerCase()))];
}

function instant(value: unknown, fallback: string): string {
  return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? new Date(value).toISOString() : fallback;
}

/**
 * The addresses an SES event (as EventBridge delivers it: `detail-type`, `time`, `detail`) makes
 * undeliverable, with when and why. Anything else (a reject, a delivery, a transient bounce, a
 * malformed event) makes none.
 */
export function undeliverableAddresses(event: unknown): DeliveryProblem[] {
  const detail = field(event, 'detail');
  const time = instant(field(event, 'time'), new Date(0).toISOString());
  const bounce = field(detail, 'bounce');
  if (field(detail, 'eventType') === 'Bounce' && field(bounce, 'bounceType') === 'Permanent') {
    const since = instant(field(bounce, 'timestamp'), time);
    return addresses(field(bounce, 'bouncedRecipients')).map((email) => ({ email, mark: { since, reason: 'bounce' } }));
  }
  const complaint = field(detail, 'complaint');
  if (field(detail, 'eventType') === 'Complaint' && field(complaint, 'complaintFeedbackType') !== 'not-spam') {
    const since = instant(field(complaint, 'timestamp'), time);
    return addresses(field(complaint, 'complainedRecipients')).map((email) => ({ email, mark: { since, reason: 'complaint' } }));
  }
  return [];
}

/** Whether changing a contact's address from `current` to `next` clears its mark: only a different address does. */
export function addressChanged(current: string | undefined, next: string | undefined): boolean {
  return next !== undefined && next.trim().toLowerCase() !== (current ?? '').trim().toLowerCase();
}
