import { badRequest, conflict, notFound } from '../errors.ts';
import { newId } from '../domain/ids.ts';
import { addressChanged } from '../domain/deliverability.ts';
import type { Language } from '../domain/language.ts';
import { DEFAULT_ROLES } from '../domain/roles.ts';
import type { Contact, ContactKind, ContactLink, StaffPrincipal } from '../domain/model.ts';
import type { AuditLog, ConfigStore, ContactDetails, ContactStore, Page } from '../domain/ports.ts';


export async function currentRoles(config: ConfigStore): Promise<string[]> {
  return (await config.roles()) ?? DEFAULT_ROLES;
}

export async function updateRoles(deps: { config: ConfigStore; audit: AuditLog }, admin: StaffPrincipal, roles: string[], now = new Date()): Promise<string[]> {
  const cleaned = [...new Set(roles.map((r) => r.trim().toLowerCase()).filter(Boolean))];
  if (!cleaned.length) throw badRequest('invalid_request', 'roles: keep at least one role.');
  await deps.config.saveRoles(cleaned);
  await deps.audit.record({ at: now.toISOString(), actor: admin.email, action: 'roles.changed', details: { roles: cleaned } });
  return cleaned;
}

/**
 * Checks links against the contacts and the admins' role list; the persons linked to an
 * organisation form its consolidated account, so organisation links also set organisationIds.
 */
async function checkLinks(deps: { contacts: ContactStore; config: ConfigStore }, self: { contactId?: string; kind: ContactKind }, links: ContactLink[]): Promise<{ links: ContactLink[]; linkedOrganisations: string[] }> {
  const roles = await currentRoles(deps.config);
  const linkedOrganisations: string[] = [];
  for (const link of links) {
    if (!roles.includes(link.role)) throw badRequest('invalid_request', `links: "${link.role}" is not one of the roles (${roles.join(', ')}).`);
    if (link.contactId === self.contactId) throw badRequest('invalid_request', 'links: a contact cannot be linked to itself.');
    const target = await deps.contacts.get(link.contactId);
    if (!target) throw badRequest('invalid_request', `links: ${link.contactId} is not a contact.`);
    if (target.kind === 'organisation' && self.kind === 'person') linkedOrganisations.push(target.contactId);
  }
  return { links, linkedOrganisations };
}

export interface NewContact {
  kind: ContactKind;
  name: string;
  email?: string;
  phone?: string;
  address?: string;
  notes?: string;
  language?: Language;
  responsibleStaff?: string[];
  organisationIds?: string[];
  links?: ContactLink[];
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

export async function createContact(deps: { contacts: ContactStore; config: ConfigStore; audit: AuditLog }, staff: StaffPrincipal, input: NewContact, now = new Date()): Promise<Contact> {
  const { contacts } = deps;
  const { links, linkedOrganisations } = await checkLinks(deps, { kind: input.kind }, input.links ?? []);
  const organisationIds = await checkOrganisations(contacts, input.kind, [...(input.organisationIds ?? []), ...linkedOrganisations]);
  const contact: Contact = {
    contactId: newId(),
    kind: input.kind,
    name: input.name,
    email: input.email?.toLowerCase(),
    phone: input.phone,
    address: input.address,
    notes: input.notes,
    language: input.language,
    responsibleStaff: [...new Set(input.responsibleStaff?.length ? input.responsibleStaff : [staff.email])],
    organisationIds,
    links,
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
export async function listContacts(contacts: ContactStore, limit: number, cursor?: string, search?: string, organisationId?: string): Promise<Page<Contact>> {
  if (organisationId) return contacts.membersOf(organisationId, limit, cursor);
  const text = search?.trim();
  // An address finds its contact exactly; anything else is the beginning of a name.
  if (text?.includes('@')) return { items: await contacts.findByEmail(text) };
  return text ? contacts.searchByName(text, limit, cursor) : contacts.listByName(limit, cursor);
}

export async function updateContact(
  deps: { contacts: ContactStore; config: ConfigStore; audit: AuditLog },
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
  const linked = change.links ? await checkLinks(deps, contact, change.links) : undefined;
  // Membership of an organisation (its consolidated account) is organisationIds; linking a person to
  // an organisation adds it, and only a change of organisationIds itself takes it away.
  const organisationIds =
    change.organisationIds || linked
      ? await checkOrganisations(deps.contacts, contact.kind, [...(change.organisationIds ?? contact.organisationIds), ...(linked?.linkedOrganisations ?? [])])
      : undefined;
  // A new address has not bounced: the mark of the old one goes.
  const details = { ...change, email, organisationIds, links: linked?.links, ...(addressChanged(contact.email, email) ? { undeliverable: null } : {}) };
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
