/**
 * Matters for staff (F20, F22): create, read, list, change, approve and reopen, and the admins'
 * lists. Every change is checked whole first and then written as one transaction with its audit
 * entry (and, on create, the matter's folder in the drive), so a refused request changes nothing.
 */
import { badRequest, notFound } from '../errors.ts';
import { requireMatterAction } from '../domain/access-policy.ts';
import { newId } from '../domain/ids.ts';
import {
  approve,
  changedMatter,
  checkMatter,
  checkMatterLists,
  cleanReference,
  DEFAULT_MATTER_LISTS,
  matterFolderName,
  reopen,
  sequenceReference,
  type Deadline,
  type Matter,
  type MatterFields,
  type MatterFilter,
  type MatterLists,
  type MatterSummary,
  type MatterTask,
  type Party,
} from '../domain/matters.ts';
import { ROOT_FOLDER_ID, type Contact, type DriveItem, type StaffPrincipal } from '../domain/model.ts';
import type { AuditEntry, AuditLog, ContactStore, DriveStore, MatterStore, Page, PendingWrite, Transactions } from '../domain/ports.ts';
import { AppError } from '../errors.ts';
import { namesInFolder } from './drive.ts';

export interface MatterDeps {
  matters: MatterStore;
  contacts: ContactStore;
  drive: DriveStore;
  audit: AuditLog;
  transactions: Transactions;
}

/** The admins' lists; a list added since they were saved (request kinds) starts as its default. */
export async function currentMatterLists(matters: MatterStore): Promise<MatterLists> {
  return { ...DEFAULT_MATTER_LISTS, ...(await matters.lists()) };
}

export async function updateMatterLists(
  deps: Pick<MatterDeps, 'matters' | 'audit' | 'transactions'>,
  admin: StaffPrincipal,
  lists: Omit<MatterLists, 'requestKinds'> & Partial<Pick<MatterLists, 'requestKinds'>>,
  now = new Date(),
): Promise<MatterLists> {
  requireMatterAction(admin, 'maintainLists');
  const checked = checkMatterLists({ ...lists, requestKinds: lists.requestKinds ?? (await currentMatterLists(deps.matters)).requestKinds });
  const counts = Object.fromEntries(Object.entries(checked).map(([k, v]) => [k, (v as unknown[]).length]));
  await deps.transactions.commit([deps.matters.saveListsWrite(checked), ...deps.audit.recordWrites({ at: now.toISOString(), actor: admin.email, action: 'matter_lists.changed', details: counts })]);
  return checked;
}

/** A task as staff send it: a new one has no id yet. */
export type TaskInput = Omit<MatterTask, 'taskId'> & { taskId?: string };

export interface NewMatter {
  reference?: string;
  title: string;
  description?: string;
  status?: string;
  deadlines?: Deadline[];
  clientId: string;
  parties?: Party[];
  responsibleStaff?: string[];
  tasks?: TaskInput[];
  flags?: string[];
}

export type MatterChange = Omit<MatterFields, 'tasks'> & { tasks?: TaskInput[] };

const withTaskIds = (tasks: TaskInput[] | undefined): MatterTask[] | undefined => tasks?.map((t) => ({ ...t, taskId: t.taskId ?? newId() }));

/** The client and every party must be contacts (or made in the same transaction): one batch of keyed reads. */
async function checkContacts(contacts: ContactStore, matter: Matter, madeAlong: readonly Contact[] = []): Promise<void> {
  const found = new Set([...(await contacts.getMany([matter.clientId, ...matter.parties.map((p) => p.contactId)])), ...madeAlong].map((c) => c.contactId));
  if (!found.has(matter.clientId)) throw badRequest('invalid_request', `clientId: ${matter.clientId} is not a contact.`);
  const missing = matter.parties.find((p) => !found.has(p.contactId));
  if (missing) throw badRequest('invalid_request', `parties: ${missing.contactId} is not a contact.`);
}

const auditOf = (staff: StaffPrincipal, action: string, matter: Matter, now: Date, details?: Record<string, unknown>): AuditEntry => ({
  at: now.toISOString(),
  actor: staff.email,
  action,
  matterId: matter.matterId,
  // Listed on the client's trail too: what the firm did for this contact.
  contactId: matter.clientId,
  details: { reference: matter.reference, ...details },
});

/** The folder a new matter's documents go in, at the top of the drive, named so it is unique there. */
async function matterFolder(drive: DriveStore, staff: StaffPrincipal, matter: Matter, now: Date): Promise<DriveItem> {
  const [name] = await namesInFolder(drive, ROOT_FOLDER_ID, [{ name: matterFolderName(matter.reference, matter.title), kind: 'folder' }]);
  return { itemId: matter.folderId, kind: 'folder', name, parentId: ROOT_FOLDER_ID, ancestorIds: [], status: 'ready', createdAt: now.toISOString(), createdBy: { kind: 'staff', id: staff.sub, name: staff.email } };
}

/** How many times a create tries again when another create took its sequence number first. */
const ATTEMPTS = 5;

/**
 * Where a matter comes from when it is not typed in by staff: an accepted request (F21) gives its
 * id, the contacts made for it, and the writes that decide the request, all in the matter's
 * transaction, so a request is never accepted without its matter nor a matter made twice.
 */
export interface MatterOrigin {
  matterId: string;
  newContacts: Contact[];
  writes: (matter: Matter) => PendingWrite[];
}

export async function createMatter(deps: MatterDeps, staff: StaffPrincipal, input: NewMatter, now = new Date(), origin?: MatterOrigin): Promise<Matter> {
  requireMatterAction(staff, 'create');
  const lists = await currentMatterLists(deps.matters);
  const draft: Matter = {
    matterId: origin?.matterId ?? newId(),
    reference: input.reference === undefined ? sequenceReference(now.getUTCFullYear(), 1) : cleanReference(input.reference),
    title: input.title,
    description: input.description || undefined,
    status: input.status ?? lists.statuses[0].name,
    deadlines: input.deadlines ?? [],
    clientId: input.clientId,
    parties: input.parties ?? [],
    // Lower-cased, as the list by responsible staff is keyed and asked for.
    responsibleStaff: [...new Set((input.responsibleStaff?.length ? input.responsibleStaff : [staff.email]).map((e) => e.toLowerCase()))],
    tasks: withTaskIds(input.tasks) ?? [],
    flags: input.flags ?? [],
    approval: { state: 'pending' },
    archived: false,
    folderId: newId(),
    createdAt: now.toISOString(),
    createdBy: staff.email,
    updatedAt: now.toISOString(),
  };
  checkMatter(draft, lists);
  await checkContacts(deps.contacts, draft, origin?.newContacts);
  let skipped = 0;
  for (let attempt = 1; ; attempt++) {
    const { matter, sequence } = await withReference(deps.matters, draft, input.reference === undefined, now, skipped);
    const folder = await matterFolder(deps.drive, staff, matter, now);
    try {
      await deps.transactions.commit([
        ...sequence,
        ...deps.matters.createWrites(matter),
        deps.drive.createWrite(folder),
        ...deps.audit.recordWrites(auditOf(staff, 'matter.created', matter, now, { folderId: folder.itemId })),
        ...(origin?.writes(matter) ?? []),
      ]);
      return matter;
    } catch (error) {
      // A number of the sequence taken meanwhile, or typed by hand earlier as a reference: take the next one.
      const retry = input.reference === undefined && error instanceof AppError && (error.code === 'sequence_moved' || error.code === 'reference_taken');
      if (!retry || attempt === ATTEMPTS) throw error;
      if (error.code === 'reference_taken') skipped++;
    }
  }
}

/** The draft with its reference: the typed one, or the next of the year's sequence with the write that takes it. */
async function withReference(matters: MatterStore, draft: Matter, fromSequence: boolean, now: Date, skipped: number): Promise<{ matter: Matter; sequence: PendingWrite[] }> {
  if (!fromSequence) return { matter: draft, sequence: [] };
  const year = now.getUTCFullYear();
  const last = await matters.lastSequenceNumber(year);
  const number = last + 1 + skipped;
  return { matter: { ...draft, reference: sequenceReference(year, number) }, sequence: [matters.takeSequenceWrite(year, last, number)] };
}

export async function getMatter(matters: MatterStore, staff: StaffPrincipal, matterId: string): Promise<Matter> {
  requireMatterAction(staff, 'read');
  const matter = await matters.get(matterId);
  if (!matter) throw notFound('matter');
  return matter;
}

/** A matter's trail, newest first; a matter that does not exist is a 404, not an empty trail. */
export async function matterActivity(deps: { matters: MatterStore; audit: AuditLog }, staff: StaffPrincipal, matterId: string, limit: number, cursor?: string): Promise<Page<AuditEntry>> {
  const matter = await getMatter(deps.matters, staff, matterId);
  return deps.audit.list(`matter#${matter.matterId}`, limit, cursor);
}

export async function listMatters(matters: MatterStore, staff: StaffPrincipal, filter: MatterFilter, limit: number, cursor?: string): Promise<Page<MatterSummary>> {
  requireMatterAction(staff, 'read');
  return matters.list(filter, limit, cursor);
}

export async function updateMatter(deps: Omit<MatterDeps, 'drive'>, staff: StaffPrincipal, matterId: string, change: MatterChange, now = new Date()): Promise<Matter> {
  requireMatterAction(staff, 'edit');
  const current = await getMatter(deps.matters, staff, matterId);
  const next = checkMatter(changedMatter(current, { ...change, tasks: withTaskIds(change.tasks) }, now), await currentMatterLists(deps.matters), current);
  if (change.clientId !== undefined || change.parties !== undefined) await checkContacts(deps.contacts, next);
  const fields = Object.keys(change).filter((k) => change[k as keyof MatterChange] !== undefined);
  await deps.transactions.commit([...deps.matters.updateWrites(current, next), ...deps.audit.recordWrites(auditOf(staff, 'matter.updated', next, now, { fields }))]);
  return next;
}

/** Approves (F22) or reopens a matter; the customers' "before approval" controls follow it at once. */
export async function setApproval(deps: Pick<MatterDeps, 'matters' | 'audit' | 'transactions'>, staff: StaffPrincipal, matterId: string, approved: boolean, now = new Date()): Promise<Matter> {
  requireMatterAction(staff, approved ? 'approve' : 'reopen');
  const current = await getMatter(deps.matters, staff, matterId);
  const next = approved ? approve(current, staff.email, now) : reopen(current, now);
  await deps.transactions.commit([...deps.matters.updateWrites(current, next), ...deps.audit.recordWrites(auditOf(staff, approved ? 'matter.approved' : 'matter.reopened', next, now))]);
  return next;
}
