import { newId } from '../domain/ids.ts';
import type { Contact } from '../domain/model.ts';
import type { AuditLog, ConfigStore, ContactStore, CustomerDirectory, Outbox, Transactions } from '../domain/ports.ts';
import type { PortalSettings } from '../domain/settings.ts';

/**
 * PreSignUp: a sign-up goes ahead only when the pool allows it (deploy setting), an admin has
 * switched self sign-up on, and a seat is left; the seat is taken atomically, so two sign-ups
 * racing for the last seat cannot both win. The thrown message is what the hosted login shows.
 */
export async function admitSelfSignUp(config: ConfigStore, settings: PortalSettings, poolAllowsSignUp: boolean): Promise<void> {
  const firm = settings.branding.firmName;
  if (!poolAllowsSignUp || !settings.selfSignUp.enabled) throw new Error(`Sign-up is not open. Please contact ${firm} to get access to the portal.`);
  if (!(await config.takeSeat(settings.selfSignUp.seats))) throw new Error(`No seats left — please contact ${firm} to get access to the portal.`);
}

export interface SelfSignUpDeps {
  contacts: ContactStore;
  directory: CustomerDirectory;
  outbox: Outbox;
  audit: AuditLog;
  transactions: Transactions;
  /** Where the firm is told of new sign-ups. */
  staffInbox: string;
}

/** A confirmed self sign-up becomes a person contact with active access, linked to its user. */
export async function registerSelfSignUp(
  deps: SelfSignUpDeps,
  user: { username: string; sub: string; email: string; name: string },
  accessType: NonNullable<Contact['accessType']>,
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
    accessType,
    archived: false,
    createdAt: now.toISOString(),
    createdBy: 'self sign-up',
  };
  // The contact, the staff's notice and the audit entry are one change.
  await deps.transactions.commit([
    ...deps.contacts.createWrites(contact),
    deps.outbox.enqueueWrite({ kind: 'newSignUp', to: [deps.staffInbox], name: user.name, email: user.email }),
    ...deps.audit.recordWrites({
      at: now.toISOString(),
      actor: user.email,
      action: 'contact.signed_up',
      contactId: contact.contactId,
      details: { contactName: user.name, email: user.email, accessType },
    }),
  ]);
  await deps.directory.linkContact(user.username, contact.contactId);
  return contact;
}
