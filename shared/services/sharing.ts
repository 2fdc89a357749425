import { badRequest, conflict, notFound } from '../errors.ts';
import { accessIsOpen, organisationOpensShares } from '../domain/access-policy.ts';
import type { Contact, DriveItem, Share, StaffPrincipal } from '../domain/model.ts';
import { visiblePage, type FilteredSource } from '../domain/paging.ts';
import type { AuditLog, ContactStore, DriveStore, Outbox, Page, ShareStore, Transactions } from '../domain/ports.ts';
import { getContact } from './contacts.ts';

export interface SharingDeps {
  contacts: ContactStore;
  shares: ShareStore;
  drive: DriveStore;
  outbox: Outbox;
  audit: AuditLog;
  transactions: Transactions;
}

export interface SharedItem {
  item: DriveItem;
  sharedAt: string;
  sharedBy: string;
}

/** Writes a transaction may hold (DynamoDB's limit), less room for the audit entries. */
const MAX_WRITES = 96;

/**
 * Shares items with a contact. Sharing what is already shared changes nothing and sends nothing.
 * Otherwise the new shares, their audit entries and the emails are written in one transaction,
 * unless staff opted out of the emails: the contact (if their access is open) gets one email
 * listing what is new; for an organisation, so does each linked person whose access is open.
 * The emails are delivered from the outbox, so an SES outage delays them but loses none.
 */
export async function shareItems(
  deps: SharingDeps,
  staff: StaffPrincipal,
  contactId: string,
  itemIds: string[],
  notify: boolean,
  now = new Date(),
): Promise<{ added: string[]; emailed: number }> {
  const contact = await getContact(deps.contacts, contactId);
  if (contact.archived) throw conflict('contact_archived', 'This contact is archived; nothing can be shared with it.');
  const ids = [...new Set(itemIds)];
  const [items, existing] = await Promise.all([deps.drive.getMany(ids), deps.shares.find([contactId], ids)]);
  const found = new Map(items.filter((i) => i.status === 'ready').map((i) => [i.itemId, i]));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length) throw badRequest('unknown_items', `itemIds: ${missing.length === 1 ? 'one item does' : `${missing.length} items do`} not exist in the drive (or are in the trash): ${missing.join(', ')}.`);
  const alreadyShared = new Set(existing.map((s) => s.itemId));
  const added = ids.filter((id) => !alreadyShared.has(id)).map((itemId): Share => ({ contactId, itemId, sharedAt: now.toISOString(), sharedBy: staff.email }));
  if (!added.length) return { added: [], emailed: 0 };
  const itemNames = added.map((s) => found.get(s.itemId)!.name);
  const recipients = notify ? await openRecipients(deps.contacts, contact) : [];
  const emails = recipients.map((r) => deps.outbox.enqueueWrite({ kind: 'documentsShared', to: r.email!, name: r.name, itemNames, language: r.language }));
  const audit = deps.audit.recordWrites({
    at: now.toISOString(),
    actor: staff.email,
    action: 'share.added',
    contactId,
    details: { contactName: contact.name, items: itemNames, itemIds: added.map((s) => s.itemId), emailed: recipients.length },
  });
  const writes = [...deps.shares.addWrites(added), ...emails, ...audit];
  if (writes.length > MAX_WRITES) throw badRequest('too_many', `itemIds: share at most ${MAX_WRITES - emails.length - audit.length} items at once with this contact.`);
  await deps.transactions.commit(writes);
  return { added: added.map((s) => s.itemId), emailed: recipients.length };
}

/** Who is told of a share: the contact if its access is open; for an organisation with open access, also each linked person whose access is open. */
async function openRecipients(contacts: ContactStore, contact: Contact): Promise<Contact[]> {
  const recipients = accessIsOpen(contact) && contact.email ? [contact] : [];
  if (contact.kind !== 'organisation' || !accessIsOpen(contact)) return recipients;
  let cursor: string | undefined;
  do {
    const page = await contacts.membersOf(contact.contactId, 100, cursor);
    recipients.push(...page.items.filter((p) => organisationOpensShares(p, contact) && accessIsOpen(p) && p.email));
    cursor = page.cursor;
  } while (cursor);
  return recipients;
}

/**
 * What staff see on a contact's page, most recently shared first, a page at a time (a contact may
 * have 100,000 shares): 404 for a contact that does not exist, not an empty list. A share whose
 * item was deleted for good is skipped, without making the page short.
 */
export async function sharesOfExistingContact(deps: Pick<SharingDeps, 'shares' | 'drive' | 'contacts'>, contactId: string, limit: number, cursor?: string): Promise<Page<SharedItem>> {
  const source: FilteredSource<SharedItem & { share: Share }> = {
    fetch: async (n, at) => {
      const page = await deps.shares.newestFirst(contactId, n, at);
      const items = new Map((await deps.drive.getMany(page.items.map((s) => s.itemId))).map((i) => [i.itemId, i]));
      return { items: page.items.map((share) => ({ share, item: items.get(share.itemId)!, sharedAt: share.sharedAt, sharedBy: share.sharedBy })), cursor: page.cursor };
    },
    cursorAfter: (entry) => deps.shares.cursorAfter(entry.share),
  };
  const [, page] = await Promise.all([getContact(deps.contacts, contactId), visiblePage(source, (entry) => !!entry.item, limit, cursor)]);
  return { items: page.items.map(({ item, sharedAt, sharedBy }) => ({ item, sharedAt, sharedBy })), cursor: page.cursor };
}

/**
 * Removes an item from a contact's selection; the customer loses it on their next request. The
 * removal and its audit entry (with names, so the record reads without lookups) are one write.
 */
export async function unshareItem(
  deps: Pick<SharingDeps, 'shares' | 'contacts' | 'drive' | 'audit' | 'transactions'>,
  staff: StaffPrincipal,
  contactId: string,
  itemId: string,
  now = new Date(),
): Promise<{ removed: boolean }> {
  const [contact, item, existing] = await Promise.all([deps.contacts.get(contactId), deps.drive.get(itemId), deps.shares.find([contactId], [itemId])]);
  if (!contact || !existing.length) throw notFound('share');
  const audit = deps.audit.recordWrites({
    at: now.toISOString(),
    actor: staff.email,
    action: 'share.removed',
    contactId,
    details: { contactName: contact.name, items: item ? [item.name] : [], itemIds: [itemId] },
  });
  await deps.transactions.commit([deps.shares.removeWrite(contactId, itemId), ...audit]);
  return { removed: true };
}

/** The contacts an item is shared with directly, for the "share with…" dialog; 404 for an item that does not exist. */
export async function sharedWithWhom(deps: { shares: ShareStore; contacts: ContactStore; drive: DriveStore }, itemId: string) {
  const [item, shares] = await Promise.all([deps.drive.get(itemId), deps.shares.sharedItemWith(itemId)]);
  if (!item) throw notFound('item');
  const contacts = new Map((await deps.contacts.getMany(shares.map((s) => s.contactId))).map((c) => [c.contactId, c]));
  return shares.map((s) => ({ contactId: s.contactId, name: contacts.get(s.contactId)?.name, sharedAt: s.sharedAt, sharedBy: s.sharedBy }));
}
