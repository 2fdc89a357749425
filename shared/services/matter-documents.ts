/**
 * A matter's documents for staff (F20): the files in the matter's folder, and their document
 * type, which decides whether the matter's client sees them. Typing a document is a change of
 * the matter's: checked whole, then written with its audit entry as one transaction.
 */
import { requireMatterAction } from '../domain/access-policy.ts';
import type { DriveItem, StaffPrincipal } from '../domain/model.ts';
import type { AuditLog, DriveStore, MatterStore, Page, Transactions } from '../domain/ports.ts';
import { badRequest, notFound } from '../errors.ts';
import { currentMatterLists, getMatter } from './matters.ts';

export interface MatterDocumentDeps {
  matters: MatterStore;
  drive: DriveStore;
  audit: AuditLog;
  transactions: Transactions;
}

/** The matter's folder, a page at a time, as the drive lists it (folders first, by name). */
export async function listMatterDocuments(deps: Pick<MatterDocumentDeps, 'matters' | 'drive'>, staff: StaffPrincipal, matterId: string, limit: number, cursor?: string): Promise<Page<DriveItem>> {
  const matter = await getMatter(deps.matters, staff, matterId);
  return deps.drive.children(matter.folderId, limit, cursor);
}

/**
 * Gives a document of the matter's folder a type from the admins' list, or takes its type away
 * (`null`). A type that is a customer file shows the document to the matter's client at once.
 */
export async function setDocumentType(deps: MatterDocumentDeps, staff: StaffPrincipal, matterId: string, itemId: string, documentType: string | null, now = new Date()): Promise<DriveItem> {
  requireMatterAction(staff, 'edit');
  const matter = await getMatter(deps.matters, staff, matterId);
  const [item, lists] = await Promise.all([deps.drive.get(itemId), currentMatterLists(deps.matters)]);
  if (!item || item.kind !== 'file' || item.status !== 'ready' || item.parentId !== matter.folderId) throw notFound('document in this matter\'s folder');
  if (documentType !== null && !lists.documentTypes.some((t) => t.name === documentType)) {
    throw badRequest('invalid_request', `documentType: "${documentType}" is not one of the document types (${lists.documentTypes.map((t) => t.name).join(', ') || 'none yet'}).`);
  }
  const change = { documentType: documentType ?? undefined };
  await deps.transactions.commit([
    deps.drive.updateWrite(item, change),
    ...deps.audit.recordWrites({
      at: now.toISOString(),
      actor: staff.email,
      action: 'document.typed',
      matterId: matter.matterId,
      contactId: matter.clientId,
      itemId: item.itemId,
      details: { reference: matter.reference, name: item.name, documentType: documentType ?? '(none)' },
    }),
  ]);
  const typed: DriveItem = { ...item, documentType: documentType ?? undefined };
  if (documentType === null) delete typed.documentType;
  return typed;
}
