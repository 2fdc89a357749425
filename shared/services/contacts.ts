import { badRequest, notFound } from '../errors.ts';
import { newId } from '../domain/ids.ts';
import type { Contact, ContactKind, StaffPrincipal } from '../domain/model.ts';
import type { ContactStore, Page } from '../domain/ports.ts';

export interface NewContact {
  kind: ContactKind;
  name: string;
  email?: string;
  responsibleStaff?: string[];
  organisationIds?: string[];
}

export async function createContact(contacts: ContactStore, staff: StaffPrincipal, input: NewContact, now = new Date()): Promise<Contact> {
  const organisationIds = [...new Set(input.organisationIds ?? [])];
  if (input.kind === 'organisation' && organisationIds.length) {
    throw badRequest('invalid_request', 'organisationIds: an organisation cannot belong to another organisation.');
  }
  for (const id of organisationIds) {
    const org = await contacts.get(id);
    if (!org || org.kind !== 'organisation') throw badRequest('invalid_request', `organisationIds: ${id} is not an organisation.`);
  }
  const contact: Contact = {
    contactId: newId(),
    kind: input.kind,
    name: input.name,
    email: input.email?.toLowerCase(),
    responsibleStaff: [...new Set(input.responsibleStaff?.length ? input.responsibleStaff : [staff.email])],
    organisationIds,
    access: { state: 'none' },
    archived: false,
    createdAt: now.toISOString(),
    createdBy: staff.email,
  };
  await contacts.create(contact);
  return contact;
}

export async function getContact(contacts: ContactStore, contactId: string): Promise<Contact> {
  const contact = await contacts.get(contactId);
  if (!contact) throw notFound('contact');
  return contact;
}

export function listContacts(contacts: ContactStore, limit: number, cursor?: string): Promise<Page<Contact>> {
  return contacts.listByName(limit, cursor);
}
