import { badRequest, conflict } from '../errors.ts';
import { invitationEmail } from '../domain/emails.ts';
import { temporaryPassword } from '../domain/ids.ts';
import type { Contact } from '../domain/model.ts';
import type { ContactStore, CustomerDirectory, Mailer } from '../domain/ports.ts';
import { getContact } from './contacts.ts';

export interface AccessDeps {
  contacts: ContactStore;
  directory: CustomerDirectory;
  mailer: Mailer;
  firmName: string;
  portalUrl: string;
}

/**
 * Opens portal access: creates the customer user with a temporary password and sends the
 * firm's own invitation (Cognito's is suppressed) → `invited`.
 */
export async function openAccess(deps: AccessDeps, contactId: string, now = new Date()): Promise<Contact> {
  const contact = await getContact(deps.contacts, contactId);
  if (contact.archived) throw conflict('contact_archived', 'This contact is archived; restore it before opening portal access.');
  if (!contact.email) throw badRequest('email_required', 'Add an email address to the contact before opening portal access.');
  if (contact.access.state !== 'none') {
    throw conflict('access_exists', `Portal access is already ${contact.access.state} for this contact.`);
  }
  const password = temporaryPassword();
  const user = await deps.directory.createUser({ email: contact.email, name: contact.name, contactId, temporaryPassword: password });
  const access = { state: 'invited' as const, userSub: user.sub, username: user.username, invitedAt: now.toISOString() };
  if (!(await deps.contacts.setAccess(contactId, access, ['none']))) {
    throw conflict('access_exists', 'Portal access was changed at the same time; reload the contact.');
  }
  await deps.mailer.send(
    invitationEmail({ firmName: deps.firmName, portalUrl: deps.portalUrl, to: contact.email, name: contact.name, temporaryPassword: password }),
  );
  return { ...contact, access };
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
