import { newSignUpEmail } from '../domain/emails.ts';
import { newId } from '../domain/ids.ts';
import type { Contact } from '../domain/model.ts';
import type { ContactStore, CustomerDirectory, Mailer } from '../domain/ports.ts';

export interface SelfSignUpDeps {
  contacts: ContactStore;
  directory: CustomerDirectory;
  mailer: Mailer;
  firmName: string;
  /** Where the firm is told of new sign-ups. */
  staffInbox: string;
}

/** A confirmed self sign-up becomes a person contact with active access, linked to its user. */
export async function registerSelfSignUp(
  deps: SelfSignUpDeps,
  user: { username: string; sub: string; email: string; name: string },
  now = new Date(),
): Promise<Contact> {
  const contact: Contact = {
    contactId: newId(),
    kind: 'person',
    name: user.name,
    email: user.email.toLowerCase(),
    responsibleStaff: [deps.staffInbox],
    organisationIds: [],
    access: { state: 'active', userSub: user.sub, username: user.username, activatedAt: now.toISOString() },
    archived: false,
    createdAt: now.toISOString(),
    createdBy: 'self sign-up',
  };
  await deps.contacts.create(contact);
  await deps.directory.linkContact(user.username, contact.contactId);
  await deps.mailer.send(newSignUpEmail({ firmName: deps.firmName, to: [deps.staffInbox], name: user.name, email: user.email }));
  return contact;
}
