import { badRequest, conflict, notFound } from '../errors.ts';
import { newId } from '../domain/ids.ts';
import type { Contact, ContactKind, StaffPrincipal } from '../domain/model.ts';
import type { AuditLog, ContactDetails, ContactStore, Page } from '../domain/ports.ts';

export interface NewContact {
  kind: ContactKind;
  name: string;
  email?: string;
  phone?: string;
  address?: string;
  notes?: string;
  responsibleStaff?: string[];
  organisationIds?: string[];
}

async function checkOrganisations(contacts: ContactStore, kind: ContactKind, ids: string[]): Promise<string[]> {
  const organisationIds = [...new Set(ids)];
  if (kind === 'organisation' && organisationIds.length) {
    throw badRequest('invalid_request', 'organisationIds: an organisation cannot belong to another organisation.');
  }
  for (const id of organisationIds) {
    const org = await contacts.get(id);
    if (!org || org.kind !== 'organisation') throw badRequest('invalid_request', `organisationIds: ${id} is not an organisation.`);
  }
  return organisationIds;
}

export async function createContact(deps: { contacts: ContactStore; audit: AuditLog }, staff: StaffPrincipal, input: NewContact, now = new Date()): Promise<Contact> {
  const { contacts } = deps;
  const organisationIds = await checkOrganisations(contacts, input.kind, input.organisationIds ?? []);
  const contact: Contact = {
    contactId: newId(),
    kind: input.kind,
    name: input.name,
    email: input.email?.toLowerCase(),
    phone: input.phone,
    address: input.address,
    notes: input.notes,
    responsibleStaff: [...new Set(input.responsibleStaff?.length ? input.responsibleStaff : [staff.email])],
    organisationIds,
    access: { state: 'none' },
    archived: false,
    createdAt: now.toISOString(),
    createdBy: staff.email,
  };
  await contacts.create(contact);
  await deps.audit.record({ at: now.toISOString(), actor: staff.email, action: 'contact.created', contactId: contact.contactId });
  return contact;
}

export async function getContact(contacts: ContactStore, contactId: string): Promise<Contact> {
  const contact = await contacts.get(contactId);
  if (!contact) throw notFound('contact');
  return contact;
}

/** The contact list, by name; `search` narrows it to names starting with the text typed. */
export function listContacts(contacts: ContactStore, limit: number, cursor?: string, search?: string): Promise<Page<Contact>> {
  return search ? contacts.searchByName(search.trim(), limit, cursor) : contacts.listByName(limit, cursor);
}

export async function updateContact(
  deps: { contacts: ContactStore; audit: AuditLog },
  staff: StaffPrincipal,
  contactId: string,
  change: Omit<ContactDetails, 'archived'>,
  now = new Date(),
): Promise<Contact> {
  const contact = await getContact(deps.contacts, contactId);
  const email = change.email?.toLowerCase();
  if (email !== undefined && email !== contact.email && (contact.access.state === 'invited' || contact.access.state === 'active')) {
    // The email is the customer's sign-in name: changing it under an open access would lock them out.
    throw conflict('access_open', 'email: close portal access before changing the email address it signs in with.');
  }
  const organisationIds = change.organisationIds ? await checkOrganisations(deps.contacts, contact.kind, change.organisationIds) : undefined;
  const details = { ...change, email, organisationIds };
  if (!(await deps.contacts.updateDetails(contactId, details))) throw notFound('contact');
  await deps.audit.record({ at: now.toISOString(), actor: staff.email, action: 'contact.updated', contactId, details: { fields: Object.keys(change) } });
  return getContact(deps.contacts, contactId);
}

/** Archives a contact; an open portal access is closed first, by the same operation as everywhere else. */
export async function archiveContact(
  deps: { contacts: ContactStore; audit: AuditLog },
  staff: StaffPrincipal,
  contactId: string,
  closeOpenAccess: (contact: Contact) => Promise<unknown>,
  clock: () => Date = () => new Date(),
): Promise<Contact> {
  const contact = await getContact(deps.contacts, contactId);
  if (contact.archived) return contact;
  if (contact.access.state === 'invited' || contact.access.state === 'active') await closeOpenAccess(contact);
  await deps.contacts.updateDetails(contactId, { archived: true });
  // Stamped after the close, so the trail reads in the order things happened.
  await deps.audit.record({ at: clock().toISOString(), actor: staff.email, action: 'contact.archived', contactId });
  return getContact(deps.contacts, contactId);
}
