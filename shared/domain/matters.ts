/**
 * Matters (F20, F22): the work a firm does for a client. The rules a matter must keep and the
 * changes of its approval are pure functions here, so they are tested exhaustively on their own;
 * the stores only keep what these functions made.
 */
import { badRequest, conflict } from '../errors.ts';

/** The admins' lists a matter's values come from (as the roles of links between contacts). */
export interface MatterLists {
  /** The matter's state as staff name it, and the words a customer sees for it. The first is a new matter's. */
  statuses: { name: string; customerLabel: string }[];
  /** What a party is to the matter; a customer sees only parties whose type is customer-visible. */
  partyTypes: { name: string; customerVisible: boolean }[];
  /** Markers on a matter; a customer sees only the customer-visible ones. */
  flags: { name: string; customerVisible: boolean }[];
  /** Kinds of document in a matter's folder; a customer file is shown to the matter's client. */
  documentTypes: { name: string; customerFile: boolean }[];
  /** What customers may ask for in a request (F21): "new matter", "contract request". */
  requestKinds: { name: string }[];
}

export const DEFAULT_MATTER_LISTS: MatterLists = {
  statuses: [
    { name: 'open', customerLabel: 'In progress' },
    { name: 'waiting for client', customerLabel: 'Waiting for you' },
    { name: 'closed', customerLabel: 'Completed' },
  ],
  partyTypes: [
    { name: 'opponent', customerVisible: true },
    { name: 'expert', customerVisible: true },
    { name: 'internal contact', customerVisible: false },
  ],
  flags: [
    { name: 'urgent', customerVisible: true },
    { name: 'fee dispute', customerVisible: false },
  ],
  documentTypes: [
    { name: 'correspondence', customerFile: true },
    { name: 'internal note', customerFile: false },
  ],
  requestKinds: [{ name: 'new matter' }, { name: 'contract request' }],
};

/** What the firm calls a matter, in both UIs and in emails. */
export const MATTER_TERMS = ['matter', 'order', 'contract', 'file'] as const;
export type MatterTerm = (typeof MATTER_TERMS)[number];

export interface Deadline {
  label: string;
  /** A calendar date, YYYY-MM-DD. */
  date: string;
  customerVisible: boolean;
}

export interface Party {
  contactId: string;
  partyType: string;
}

/** Work staff do on a matter; never shown to a customer. */
export interface MatterTask {
  taskId: string;
  title: string;
  dueDate?: string;
  /** A staff email. */
  assignee?: string;
  done: boolean;
}

export type Approval = { state: 'pending' } | { state: 'approved'; by: string; at: string };

export interface Matter {
  matterId: string;
  reference: string;
  title: string;
  description?: string;
  status: string;
  deadlines: Deadline[];
  /** The contact (person or organisation) the work is for: only the client sees the matter in the portal. */
  clientId: string;
  parties: Party[];
  /** Staff emails. */
  responsibleStaff: string[];
  tasks: MatterTask[];
  flags: string[];
  approval: Approval;
  archived: boolean;
  /** The matter's folder in the drive. */
  folderId: string;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
}

/** The fields staff write; every one optional in a change. */
export interface MatterFields {
  reference?: string;
  title?: string;
  description?: string;
  status?: string;
  deadlines?: Deadline[];
  clientId?: string;
  parties?: Party[];
  responsibleStaff?: string[];
  tasks?: MatterTask[];
  flags?: string[];
  archived?: boolean;
}

const REFERENCE = /^[A-Za-z0-9][A-Za-z0-9 ./_-]{0,39}$/;

/** A reference as stored: trimmed, inner spaces kept single. */
export function cleanReference(raw: string): string {
  const reference = raw.trim().replace(/\s+/g, ' ');
  if (!REFERENCE.test(reference)) {
    throw badRequest('invalid_request', 'reference: use 1 to 40 letters, digits, spaces, dots, slashes, hyphens or underscores, starting with a letter or digit.');
  }
  return reference;
}

/** References are unique whatever their case: "m-2026-0001" is taken once "M-2026-0001" is. */
export function referenceKey(reference: string): string {
  return reference.toUpperCase();
}

/** The firm's sequence: M-<year>-<number>, at least four digits. */
export function sequenceReference(year: number, number: number): string {
  return `M-${year}-${String(number).padStart(4, '0')}`;
}

/** The earliest deadline's date, by which the "deadline before" list is sorted; undefined without deadlines. */
export function nextDeadline(deadlines: readonly Deadline[]): string | undefined {
  return deadlines.map((d) => d.date).sort()[0];
}

const invalid = (message: string) => badRequest('invalid_request', message);

function uniqueNames(what: string, names: string[]): void {
  const seen = new Set<string>();
  for (const name of names) {
    const key = name.toLowerCase();
    if (seen.has(key)) throw invalid(`${what}: "${name}" is listed twice.`);
    seen.add(key);
  }
}

/** The admins' lists, checked as a whole: names unique in each list, and at least one status for new matters. */
export function checkMatterLists(lists: MatterLists): MatterLists {
  if (!lists.statuses.length) throw invalid('statuses: keep at least one status; the first is given to new matters.');
  uniqueNames('statuses', lists.statuses.map((s) => s.name));
  uniqueNames('partyTypes', lists.partyTypes.map((p) => p.name));
  uniqueNames('flags', lists.flags.map((f) => f.name));
  uniqueNames('documentTypes', lists.documentTypes.map((d) => d.name));
  uniqueNames('requestKinds', lists.requestKinds.map((k) => k.name));
  return lists;
}

const isRealDate = (date: string) => {
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(date);
};

function checkDates(deadlines: readonly Deadline[], tasks: readonly MatterTask[]): void {
  for (const d of deadlines) if (!isRealDate(d.date)) throw invalid(`deadlines: ${d.date} is not a date in the calendar.`);
  for (const t of tasks) if (t.dueDate !== undefined && !isRealDate(t.dueDate)) throw invalid(`tasks: ${t.dueDate} is not a date in the calendar.`);
}

/**
 * A matter's values against the admins' lists and each other. A status, party type or flag that
 * an admin has since removed may stay on a matter that has it (as link roles do), but is never
 * given anew: `before` is the matter as it was, if it existed.
 */
export function checkMatter(matter: Matter, lists: MatterLists, before?: Matter): Matter {
  const inList = (list: { name: string }[], value: string) => list.some((e) => e.name === value);
  if (!inList(lists.statuses, matter.status) && matter.status !== before?.status) {
    throw invalid(`status: "${matter.status}" is not one of the statuses (${lists.statuses.map((s) => s.name).join(', ')}).`);
  }
  for (const party of matter.parties) {
    if (!inList(lists.partyTypes, party.partyType) && !before?.parties.some((p) => p.partyType === party.partyType)) {
      throw invalid(`parties: "${party.partyType}" is not one of the party types (${lists.partyTypes.map((p) => p.name).join(', ')}).`);
    }
    if (party.contactId === matter.clientId) throw invalid('parties: the client is the matter\'s client, not one of its other parties.');
  }
  if (new Set(matter.parties.map((p) => p.contactId)).size !== matter.parties.length) throw invalid('parties: each contact is a party once.');
  for (const flag of matter.flags) {
    if (!inList(lists.flags, flag) && !before?.flags.includes(flag)) throw invalid(`flags: "${flag}" is not one of the flags (${lists.flags.map((f) => f.name).join(', ') || 'none yet'}).`);
  }
  if (new Set(matter.flags).size !== matter.flags.length) throw invalid('flags: each flag is set once.');
  if (new Set(matter.tasks.map((t) => t.taskId)).size !== matter.tasks.length) throw invalid('tasks: each task id appears once.');
  if (!matter.responsibleStaff.length) throw invalid('responsibleStaff: name at least one staff member.');
  checkDates(matter.deadlines, matter.tasks);
  return matter;
}

/** A matter after a change; what the change leaves out stays as it was. */
export function changedMatter(matter: Matter, change: MatterFields, now: Date): Matter {
  const given = Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined));
  const next: Matter = { ...matter, ...given, updatedAt: now.toISOString() };
  // An empty description removes it.
  if (next.description === '') delete next.description;
  if (given.reference !== undefined) next.reference = cleanReference(given.reference as string);
  return next;
}

/** Approval (F22): pending → approved, by whom and when. Approving an approved matter is a conflict, not a silent repeat. */
export function approve(matter: Matter, by: string, now: Date): Matter {
  if (matter.approval.state === 'approved') throw conflict('already_approved', `This matter was approved by ${matter.approval.by}; reopen it first to approve it again.`);
  return { ...matter, approval: { state: 'approved', by, at: now.toISOString() }, updatedAt: now.toISOString() };
}

/** Reopening takes an approval back: the matter is pending again (and customers' "before approval" controls apply again). */
export function reopen(matter: Matter, now: Date): Matter {
  if (matter.approval.state !== 'approved') throw conflict('not_approved', 'This matter is not approved, so there is nothing to reopen.');
  return { ...matter, approval: { state: 'pending' }, updatedAt: now.toISOString() };
}

/** What a staff list of matters can be narrowed by. */
export interface MatterFilter {
  status?: string;
  clientId?: string;
  responsible?: string;
  /** Matters whose earliest deadline is before this date (YYYY-MM-DD). */
  deadlineBefore?: string;
  archived?: boolean;
}

/** A matter as staff lists show it (and as each list's row keeps it). */
export interface MatterSummary {
  matterId: string;
  reference: string;
  title: string;
  status: string;
  clientId: string;
  responsibleStaff: string[];
  nextDeadline?: string;
  approved: boolean;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
}

export function matterSummary(matter: Matter): MatterSummary {
  const { matterId, reference, title, status, clientId, responsibleStaff, archived, createdAt, updatedAt } = matter;
  return { matterId, reference, title, status, clientId, responsibleStaff, nextDeadline: nextDeadline(matter.deadlines), approved: matter.approval.state === 'approved', archived, createdAt, updatedAt };
}

/** Whether a matter belongs in a list narrowed by `filter` (archived matters only in the archived list). */
export function matchesMatterFilter(matter: MatterSummary, filter: MatterFilter): boolean {
  return (
    matter.archived === (filter.archived ?? false) &&
    (filter.status === undefined || matter.status === filter.status) &&
    (filter.clientId === undefined || matter.clientId === filter.clientId) &&
    (filter.responsible === undefined || matter.responsibleStaff.includes(filter.responsible.toLowerCase())) &&
    // A matter without deadlines counts as due on the date itself: never before it.
    (filter.deadlineBefore === undefined || (matter.nextDeadline ?? filter.deadlineBefore) < filter.deadlineBefore)
  );
}

/**
 * The name of a matter's folder in the drive: its reference and title. A slash (allowed in a
 * reference) or a control character cannot be in an item's name, so each becomes a hyphen; the
 * drive's own rule then makes it unique beside its siblings.
 */
export function matterFolderName(reference: string, title: string): string {
  return `${reference} ${title}`.replace(/[\u0000-\u001f\u007f/\\\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '-').trim().slice(0, 255);
}

/**
 * A matter's "From client" folder, where its client's documents land, has an id of its own making:
 * two first uploads make one folder, and an upload's folder tells which matter's approval its
 * attachment controls follow.
 */
export const fromClientFolderId = (matterId: string) => `fromclient-${matterId}`;

/** The matter whose "From client" folder this is, if it is one. */
export function matterOfFromClientFolder(folderId: string): string | undefined {
  return folderId.startsWith('fromclient-') ? folderId.slice('fromclient-'.length) || undefined : undefined;
}
