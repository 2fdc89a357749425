import { badRequest, conflict, notFound } from '../errors.ts';
import { documentsSharedEmail } from '../domain/emails.ts';
import type { DriveItem, Share, StaffPrincipal } from '../domain/model.ts';
import type { AuditLog, ContactStore, DriveStore, Mailer, ShareStore } from '../domain/ports.ts';
import { getContact } from './contacts.ts';

export interface SharingDeps {
  contacts: ContactStore;
  shares: ShareStore;
  drive: DriveStore;
  mailer: Mailer;
  firmName: string;
  portalUrl: string;
}

export interface SharedItem {
  item: DriveItem;
  sharedAt: string;
  sharedBy: string;
}

/**
 * Shares items with a contact. Sharing what is already shared changes nothing and sends nothing;
 * otherwise the customer gets one email listing what is new, unless staff opted out.
 */
export async function shareItems(
  deps: SharingDeps,
  staff: StaffPrincipal,
  contactId: string,
  itemIds: string[],
  notify: boolean,
  now = new Date(),
): Promise<{ added: string[]; emailed: boolean }> {
  const contact = await getContact(deps.contacts, contactId);
  if (contact.archived) throw conflict('contact_archived', 'This contact is archived; nothing can be shared with it.');
  const ids = [...new Set(itemIds)];
  const items = await deps.drive.getMany(ids);
  const found = new Map(items.filter((i) => i.status === 'ready').map((i) => [i.itemId, i]));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length) throw badRequest('unknown_items', `These items do not exist in the drive: ${missing.join(', ')}.`);
  const added = await deps.shares.addNew(
    ids.map((itemId): Share => ({ contactId, itemId, sharedAt: now.toISOString(), sharedBy: staff.email })),
  );
  const emailed = notify && added.length > 0 && contact.access.state !== 'none' && contact.access.state !== 'closed' && !!contact.email;
  if (emailed) {
    await deps.mailer.send(
      documentsSharedEmail({
        firmName: deps.firmName,
        portalUrl: deps.portalUrl,
        to: contact.email!,
        name: contact.name,
        itemNames: added.map((s) => found.get(s.itemId)!.name),
      }),
    );
  }
  return { added: added.map((s) => s.itemId), emailed };
}

/** What is shared directly with a contact, with the items' current names. */
export async function sharesOfContact(deps: Pick<SharingDeps, 'shares' | 'drive'>, contactIds: string[]): Promise<SharedItem[]> {
  const shares = await deps.shares.sharedWith(contactIds);
  const items = new Map((await deps.drive.getMany([...new Set(shares.map((s) => s.itemId))])).map((i) => [i.itemId, i]));
  const seen = new Set<string>();
  const result: SharedItem[] = [];
  for (const share of shares) {
    const item = items.get(share.itemId);
    if (!item || seen.has(item.itemId)) continue;
    seen.add(item.itemId);
    result.push({ item, sharedAt: share.sharedAt, sharedBy: share.sharedBy });
  }
  return result.sort((a, b) => (a.item.kind === b.item.kind ? a.item.name.localeCompare(b.item.name) : a.item.kind === 'folder' ? -1 : 1));
}

/** Removes an item from a contact's selection; the customer loses it on their next request. */
export async function unshareItem(deps: { shares: ShareStore; audit: AuditLog }, staff: StaffPrincipal, contactId: string, itemId: string, now = new Date()): Promise<{ removed: boolean }> {
  const removed = await deps.shares.remove(contactId, itemId);
  if (!removed) throw notFound('share');
  await deps.audit.record({ at: now.toISOString(), actor: staff.email, action: 'share.removed', contactId, details: { itemId } });
  return { removed };
}

/** The contacts an item is shared with directly, for the "share with…" dialog. */
export async function sharedWithWhom(deps: { shares: ShareStore; contacts: ContactStore }, itemId: string) {
  const shares = await deps.shares.sharedItemWith(itemId);
  const contacts = await Promise.all(shares.map((s) => deps.contacts.get(s.contactId)));
  return shares.map((s, i) => ({ contactId: s.contactId, name: contacts[i]?.name, sharedAt: s.sharedAt, sharedBy: s.sharedBy }));
}
