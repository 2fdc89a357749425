/**
 * Matters as customers see them (F20): every matter whose client is the customer or one of their
 * organisations with access open, never one they are only a party to, and of each only what the
 * access policy's customer view shows. A matter's documents are the customer files right in its
 * folder; every decision is the access policy's, and a matter or document a customer may not see
 * is the same 404 as a missing one.
 */
import { customerSeesMatter, customerSeesMatterDocument, customerViewOfMatter, matterAttachmentAllowed, visibleMatter, visibleMatterDocument, type CustomerMatterView } from '../domain/access-policy.ts';
import type { PortalSettings } from '../domain/settings.ts';
import type { Matter, MatterSummary } from '../domain/matters.ts';
import type { CustomerPrincipal, DriveItem } from '../domain/model.ts';
import { mergedPage, visiblePage, type OrderedList } from '../domain/paging.ts';
import type { AuditLog, ContactStore, DriveStore, FileStore, MatterStore, Page } from '../domain/ports.ts';
import { toPortalItem, type PortalItem } from './customer-portal.ts';
import { downloadEntry, downloadUrl } from './drive.ts';
import { currentMatterLists } from './matters.ts';

export interface MatterPortalDeps {
  matters: MatterStore;
  contacts: ContactStore;
  drive: DriveStore;
}

/** A matter in the customer's list: the customer view without its parties. */
export type CustomerMatterSummary = Omit<CustomerMatterView, 'parties'>;

/** A matter's page for the customer: parties by name and type, never their contact records; and whether it takes their documents now. */
export type CustomerMatter = Omit<CustomerMatterView, 'parties'> & { parties: { name: string; partyType: string }[]; uploadsOpen: boolean };

/** A matter's document as the customer sees it, with its type (always a customer file). */
export type MatterDocument = PortalItem & { documentType: string };

/** Newest first, as each client's list is (created at, then id): the merge keeps every list's order. */
const newestFirst = (a: MatterSummary, b: MatterSummary) => {
  const [x, y] = [`${a.createdAt}#${a.matterId}`, `${b.createdAt}#${b.matterId}`];
  return x > y ? -1 : x < y ? 1 : 0;
};

/**
 * The customer's matters, newest first: the client lists of the customer and of each organisation
 * whose access is open, merged. A page costs one query per such client and one batch read.
 */
export async function listCustomerMatters(matters: MatterStore, customer: CustomerPrincipal, limit: number, cursor?: string): Promise<Page<CustomerMatterSummary>> {
  const lists: Record<string, OrderedList<MatterSummary>> = Object.fromEntries(customer.granteeIds.map((clientId) => [clientId, matters.clientMatters(clientId)]));
  const page = await mergedPage(lists, newestFirst, limit, cursor);
  const [found, matterLists] = await Promise.all([page.items.length ? matters.getMany(page.items.map((s) => s.matterId)) : [], currentMatterLists(matters)]);
  const byId = new Map(found.map((m) => [m.matterId, m]));
  const items = page.items.flatMap((summary) => {
    const matter = byId.get(summary.matterId);
    if (!matter || !customerSeesMatter(customer, matter)) return [];
    const { parties: _parties, ...view } = customerViewOfMatter(matter, matterLists);
    return [view];
  });
  return { items, cursor: page.cursor };
}

export async function getCustomerMatter(deps: Pick<MatterPortalDeps, 'matters' | 'contacts'>, customer: CustomerPrincipal, settings: PortalSettings, matterId: string): Promise<CustomerMatter> {
  const matter = visibleMatter(customer, await deps.matters.get(matterId));
  const view = customerViewOfMatter(matter, await currentMatterLists(deps.matters));
  const contacts = view.parties.length ? await deps.contacts.getMany(view.parties.map((p) => p.contactId)) : [];
  const names = new Map(contacts.map((c) => [c.contactId, c.name]));
  const parties = view.parties.flatMap((p) => (names.has(p.contactId) ? [{ name: names.get(p.contactId)!, partyType: p.partyType }] : []));
  return { ...view, parties, uploadsOpen: matterAttachmentAllowed(settings.attachments.upload, matter) };
}

/** The folders above a matter's documents: the matter's folder and those above it (a matter's folder may be moved). */
async function foldersAbove(drive: DriveStore, matter: Matter): Promise<{ folder?: DriveItem; ancestors: DriveItem[] }> {
  const folder = await drive.get(matter.folderId);
  if (!folder) return { ancestors: [] };
  return { folder, ancestors: [...(folder.ancestorIds.length ? await drive.getMany(folder.ancestorIds) : []), folder] };
}

/** The customer files in a matter's folder, in the folder's order; nothing when the folder is gone or in the trash. */
export async function listCustomerMatterDocuments(deps: MatterPortalDeps, customer: CustomerPrincipal, matterId: string, limit: number, cursor?: string): Promise<Page<MatterDocument>> {
  const matter = visibleMatter(customer, await deps.matters.get(matterId));
  const [{ folder, ancestors }, lists] = await Promise.all([foldersAbove(deps.drive, matter), currentMatterLists(deps.matters)]);
  // A folder that is not live hides every document in it; no need to walk them.
  if (!folder || folder.status !== 'ready') return { items: [] };
  const page = await visiblePage(
    { fetch: (n, at) => deps.drive.children(folder.itemId, n, at), cursorAfter: (i) => deps.drive.cursorAfter(i) },
    (item) => customerSeesMatterDocument(customer, matter, lists, ancestors, item),
    limit,
    cursor,
  );
  return { items: page.items.map((item) => ({ ...toPortalItem(customer, item), documentType: item.documentType! })), cursor: page.cursor };
}

/** A download link for a matter's document the customer may see, on the record as every download is. */
export async function downloadCustomerMatterDocument(
  deps: MatterPortalDeps & { files: FileStore; audit: AuditLog },
  customer: CustomerPrincipal,
  matterId: string,
  itemId: string,
  now = new Date(),
) {
  const matter = visibleMatter(customer, await deps.matters.get(matterId));
  const [item, lists] = await Promise.all([deps.drive.get(itemId), currentMatterLists(deps.matters)]);
  const ancestors = item?.ancestorIds.length ? await deps.drive.getMany(item.ancestorIds) : [];
  const file = visibleMatterDocument(customer, matter, lists, ancestors, item);
  const link = await downloadUrl(deps.files, file);
  await deps.audit.record({ ...downloadEntry(file, { actor: customer.name, contactId: customer.contactId, email: customer.email }, now), matterId: matter.matterId });
  return link;
}
