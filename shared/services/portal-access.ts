import { badRequest, conflict } from '../errors.ts';
import { temporaryPassword } from '../domain/ids.ts';
import type { AccessState, Contact, PortalAccess, StaffPrincipal } from '../domain/model.ts';
import type { AuditEntry, AuditLog, ConfigStore, ContactStore, CustomerAccounts, CustomerDirectory, Message, Outbox, Transactions } from '../domain/ports.ts';
import { getContact } from './contacts.ts';

export interface AccessDeps {
  contacts: ContactStore;
  directory: CustomerDirectory;
  accounts: CustomerAccounts;
  config: ConfigStore;
  audit: AuditLog;
  outbox: Outbox;
  transactions: Transactions;
}

const OPEN: AccessState[] = ['invited', 'active'];

/**
 * Commits an access change with what goes with it, all or nothing: the new access record (only if
 * the access is still as expected), the seat it takes or frees, the email it promises (delivered
 * from the outbox) and its audit entry.
 */
async function commitAccessChange(
  deps: AccessDeps,
  change: { contact: Contact; access: PortalAccess; expected: AccessState[]; seat?: 1 | -1; email?: Message; audit: AuditEntry },
): Promise<void> {
  await deps.transactions.commit([
    deps.contacts.setAccessWrite(change.contact.contactId, change.access, change.expected),
    ...(change.seat ? [deps.config.seatWrite(change.seat)] : []),
    ...(change.email ? [deps.outbox.enqueueWrite(change.email)] : []),
    ...deps.audit.recordWrites(change.audit),
  ]);
}

/**
 * Opens portal access: creates the customer user with a temporary password and sends the
 * firm's own invitation (Cognito's is suppressed) → `invited`.
 */
export async function openAccess(deps: AccessDeps, staff: StaffPrincipal, contactId: string, now = new Date()): Promise<Contact> {
  const contact = await getContact(deps.contacts, contactId);
  if (contact.archived) throw conflict('contact_archived', 'This contact is archived; restore it before opening portal access.');
  if (!contact.email) throw badRequest('email_required', 'Add an email address to the contact before opening portal access.');
  if (contact.access.state !== 'none') {
    const hint = contact.access.state === 'closed' ? ' Reopen it instead.' : '';
    throw conflict('access_exists', `Portal access is already ${contact.access.state} for this contact.${hint}`);
  }
  const password = temporaryPassword();
  const user = await deps.directory.createUser({ email: contact.email, name: contact.name, contactId, temporaryPassword: password });
  const access: PortalAccess = { state: 'invited', userSub: user.sub, username: user.username, invitedAt: now.toISOString() };
  // Every open access counts against the seats (a staff-opened one is never refused for it).
  await commitAccessChange(deps, {
    contact,
    access,
    expected: ['none'],
    seat: 1,
    email: { kind: 'invitation', to: contact.email, name: contact.name, temporaryPassword: password, language: contact.language },
    audit: { at: now.toISOString(), actor: staff.email, action: 'access.opened', contactId, details: { contactName: contact.name, invitationTo: contact.email } },
  });
  return { ...contact, access };
}

/**
 * Closes portal access at once: the contact record says `closed` first (every customer request
 * checks it, so even tokens issued before are refused), then the user is disabled and signed out
 * everywhere, the seat is freed and, if staff chose so, the customer is told.
 */
export async function closeAccess(deps: AccessDeps, staff: StaffPrincipal, contactId: string, notify: boolean, now = new Date()): Promise<Contact> {
  const contact = await getContact(deps.contacts, contactId);
  if (!OPEN.includes(contact.access.state)) throw conflict('access_not_open', `Portal access is ${contact.access.state}; there is nothing to close.`);
  const access: PortalAccess = { ...contact.access, state: 'closed', closedAt: now.toISOString(), tokensValidAfter: Math.ceil(now.getTime() / 1000) };
  const told = notify && !!contact.email;
  await commitAccessChange(deps, {
    contact,
    access,
    expected: OPEN,
    seat: -1,
    email: told ? { kind: 'accessClosed', to: contact.email!, name: contact.name, language: contact.language } : undefined,
    audit: { at: now.toISOString(), actor: staff.email, action: 'access.closed', contactId, details: { contactName: contact.name, customerTold: told } },
  });
  // The close has taken effect (every request checks the record); the Cognito steps add defence in
  // depth, and one failing must not undo or hide the close — it is recorded in the audit trail.
  await closeSignIn(deps, contact, now);
  return { ...contact, access };
}

/** Disables the customer's user and signs it out everywhere; a step that fails is recorded, in words, not undone. */
async function closeSignIn(deps: AccessDeps, contact: Contact, now: Date): Promise<void> {
  const username = contact.access.username;
  if (!username) return;
  const steps = await Promise.allSettled([deps.accounts.disable(username), deps.accounts.signOutEverywhere(username)]);
  const failed = steps.flatMap((r, i) => (r.status === 'rejected' ? [['disabling the sign-in', 'signing out everywhere'][i]] : []));
  if (!failed.length) return;
  await deps.audit.record({
    // After the close it follows, whatever the request's clock said.
    at: new Date(Math.max(Date.now(), now.getTime() + 1)).toISOString(),
    actor: 'system',
    action: 'access.cognito_steps_failed',
    contactId: contact.contactId,
    details: { contactName: contact.name, failed, note: 'Access is closed: the portal refuses every request of this customer. Retry closing the sign-in in Cognito.' },
  });
}

/**
 * Reopens a closed access: `active` again, or `invited` if the customer never chose a password.
 * Old tokens stay refused. If staff choose, the customer is told by email.
 */
export async function reopenAccess(deps: AccessDeps, staff: StaffPrincipal, contactId: string, notify = false, now = new Date()): Promise<Contact> {
  const contact = await getContact(deps.contacts, contactId);
  if (contact.archived) throw conflict('contact_archived', 'This contact is archived; restore it before reopening portal access.');
  if (contact.access.state !== 'closed') throw conflict('access_not_closed', `Portal access is ${contact.access.state}; only a closed access can be reopened.`);
  const access: PortalAccess = { ...contact.access, state: contact.access.activatedAt ? 'active' : 'invited', closedAt: undefined };
  await deps.accounts.enable(contact.access.username!);
  const told = notify && !!contact.email;
  await commitAccessChange(deps, {
    contact,
    access,
    expected: ['closed'],
    seat: 1,
    email: told ? { kind: 'accessReopened', to: contact.email!, name: contact.name, language: contact.language } : undefined,
    audit: { at: now.toISOString(), actor: staff.email, action: 'access.reopened', contactId, details: { contactName: contact.name, customerTold: told } },
  });
  return { ...contact, access };
}

/** Sends a new invitation with a fresh temporary password, while the customer has not yet set one. */
export async function resendInvitation(deps: AccessDeps, staff: StaffPrincipal, contactId: string, now = new Date()): Promise<Contact> {
  const contact = await getContact(deps.contacts, contactId);
  if (contact.access.state !== 'invited' || !contact.email) throw conflict('not_invited', 'Only a pending invitation can be sent again.');
  const password = temporaryPassword();
  await deps.accounts.resetTemporaryPassword(contact.access.username!, password);
  await deps.transactions.commit([
    deps.outbox.enqueueWrite({ kind: 'invitation', to: contact.email, name: contact.name, temporaryPassword: password, language: contact.language }),
    ...deps.audit.recordWrites({ at: now.toISOString(), actor: staff.email, action: 'access.invitation_resent', contactId, details: { contactName: contact.name, invitationTo: contact.email } }),
  ]);
  return contact;
}

/**
 * Called after every successful customer sign-in (PostAuthentication): the first one moves the
 * access from `invited` to `active`; a closed access is refused here too, before any token is used.
 */
export async function recordSignIn(contacts: ContactStore, contactId: string | undefined, sub: string, now = new Date()): Promise<void> {
  const contact = contactId ? await contacts.get(contactId) : undefined;
  if (!contact || contact.access.userSub !== sub || contact.archived) throw new Error('Your portal access is closed. Please contact the firm.');
  if (contact.access.state === 'closed' || contact.access.state === 'none') throw new Error('Your portal access is closed. Please contact the firm.');
  if (contact.access.state === 'invited') {
    await contacts.setAccess(contactId!, { ...contact.access, state: 'active', activatedAt: now.toISOString() }, ['invited']);
  }
}
