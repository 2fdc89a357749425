/** The rules of a matter (F20, F22): references, the admins' lists, a matter's values, approval and list filters. */
import { describe, expect, it } from 'vitest';
import {
  fromClientFolderId,
  matterOfFromClientFolder,
  approve,
  changedMatter,
  checkMatter,
  checkMatterLists,
  cleanReference,
  DEFAULT_MATTER_LISTS,
  matchesMatterFilter,
  matterSummary,
  matterFolderName,
  MATTER_TERMS,
  nextDeadline,
  referenceKey,
  reopen,
  sequenceReference,
  type Matter,
  type MatterLists,
} from '../../shared/domain/matters.ts';
import { AppError } from '../../shared/errors.ts';

function refusal(fn: () => unknown): { status: number; code: string; message: string } | 'allowed' {
  try {
    fn();
    return 'allowed';
  } catch (e) {
    if (e instanceof AppError) return { status: e.status, code: e.code, message: e.message };
    throw e;
  }
}

const lists: MatterLists = {
  requestKinds: [],
  statuses: [
    { name: 'open', customerLabel: 'In progress' },
    { name: 'closed', customerLabel: 'Completed' },
  ],
  partyTypes: [
    { name: 'opponent', customerVisible: true },
    { name: 'expert', customerVisible: false },
  ],
  flags: [
    { name: 'urgent', customerVisible: true },
    { name: 'vip', customerVisible: false },
  ],
  documentTypes: [{ name: 'letter', customerFile: true }],
};

const matter = (over: Partial<Matter> = {}): Matter => ({
  matterId: 'm-1',
  reference: 'M-2026-0001',
  title: 'Lease',
  status: 'open',
  deadlines: [],
  clientId: 'c-1',
  parties: [],
  responsibleStaff: ['sam@firm.test'],
  tasks: [],
  flags: [],
  approval: { state: 'pending' },
  archived: false,
  folderId: 'f-1',
  createdAt: '2026-01-01T00:00:00.000Z',
  createdBy: 'sam@firm.test',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...over,
});

describe('references', () => {
  it('the firm\'s sequence is M-<year>-<number>, padded to four digits and growing past them', () => {
    expect(sequenceReference(2026, 1)).toBe('M-2026-0001');
    expect(sequenceReference(2026, 42)).toBe('M-2026-0042');
    expect(sequenceReference(2027, 12345)).toBe('M-2027-12345');
  });

  it('a typed reference is trimmed and its inner spaces made single', () => {
    expect(cleanReference('  AB   12/3 ')).toBe('AB 12/3');
    expect(cleanReference('a.b_c-d')).toBe('a.b_c-d');
    expect(cleanReference('x'.repeat(40))).toBe('x'.repeat(40));
  });

  it.each(['', '   ', '-lead', 'x'.repeat(41), 'a<b', 'a\u0000b', 'é12', 'ab\n'.repeat(1) + 'c#'])('refuses %j with a message that says what is allowed', (raw) => {
    expect(refusal(() => cleanReference(raw))).toEqual({
      status: 400,
      code: 'invalid_request',
      message: 'reference: use 1 to 40 letters, digits, spaces, dots, slashes, hyphens or underscores, starting with a letter or digit.',
    });
  });

  it('uniqueness ignores case', () => {
    expect(referenceKey('m-2026-0001')).toBe(referenceKey('M-2026-0001'));
    expect(referenceKey('ab')).toBe('AB');
  });
});

describe('the admins\' lists', () => {
  it('a new firm starts with statuses that say to customers where their matter is, and parties, flags and documents split between shown and internal', () => {
    expect(DEFAULT_MATTER_LISTS).toEqual({
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
    });
  });

  it('names differing only in case are one name; names that differ otherwise are two (ß is not ss)', () => {
    expect(refusal(() => checkMatterLists({ ...lists, flags: [{ name: 'Straße', customerVisible: true }, { name: 'STRASSE', customerVisible: true }] }))).toBe('allowed');
  });

  it('the defaults are valid, and the firm\'s word for a matter is one of four', () => {
    expect(checkMatterLists(DEFAULT_MATTER_LISTS)).toBe(DEFAULT_MATTER_LISTS);
    expect(MATTER_TERMS).toEqual(['matter', 'order', 'contract', 'file']);
    expect(DEFAULT_MATTER_LISTS.flags.map((f) => f.customerVisible)).toEqual([true, false]);
  });

  it('keeps at least one status, for new matters', () => {
    expect(refusal(() => checkMatterLists({ ...lists, statuses: [] }))).toMatchObject({ status: 400, message: 'statuses: keep at least one status; the first is given to new matters.' });
  });

  it.each([
    ['statuses', { statuses: [{ name: 'Open', customerLabel: 'a' }, { name: 'open', customerLabel: 'b' }] }, 'statuses: "open" is listed twice.'],
    ['partyTypes', { partyTypes: [{ name: 'expert', customerVisible: true }, { name: 'EXPERT', customerVisible: false }] }, 'partyTypes: "EXPERT" is listed twice.'],
    ['flags', { flags: [{ name: 'vip', customerVisible: true }, { name: 'vip', customerVisible: true }] }, 'flags: "vip" is listed twice.'],
    ['documentTypes', { documentTypes: [{ name: 'deed', customerFile: true }, { name: 'Deed', customerFile: false }] }, 'documentTypes: "Deed" is listed twice.'],
    ['requestKinds', { requestKinds: [{ name: 'new matter' }, { name: 'New Matter' }] }, 'requestKinds: "New Matter" is listed twice.'],
  ])('a name is listed once in %s, whatever its case', (_, over, message) => {
    expect(refusal(() => checkMatterLists({ ...lists, ...over }))).toEqual({ status: 400, code: 'invalid_request', message });
  });

  it('different names in a list are fine', () => {
    expect(refusal(() => checkMatterLists({ ...lists, flags: [{ name: 'a', customerVisible: true }, { name: 'b', customerVisible: false }] }))).toBe('allowed');
  });
});

describe('a matter\'s values', () => {
  it('a matter drawing on the lists is accepted as it is', () => {
    const m = matter({ status: 'closed', parties: [{ contactId: 'c-2', partyType: 'opponent' }], flags: ['urgent'], deadlines: [{ label: 'x', date: '2028-02-29', customerVisible: true }], tasks: [{ taskId: 't', title: 'a', dueDate: '2026-12-31', done: true }] });
    expect(checkMatter(m, lists)).toBe(m);
  });

  it('several parties, and several tasks, each different, are fine', () => {
    const parties = [{ contactId: 'c-2', partyType: 'opponent' }, { contactId: 'c-3', partyType: 'expert' }];
    const tasks = [{ taskId: 't-1', title: 'a', done: false }, { taskId: 't-2', title: 'b', done: true }];
    expect(refusal(() => checkMatter(matter({ parties, tasks }), lists))).toBe('allowed');
  });

  it('a new matter (nothing before it) takes only values from the lists', () => {
    for (const over of [{ status: 'gone' }, { parties: [{ contactId: 'c-2', partyType: 'gone' }] }, { flags: ['gone'] }]) {
      expect(refusal(() => checkMatter(matter(over), lists))).toMatchObject({ status: 400, code: 'invalid_request' });
    }
  });

  it('a status not in the list is refused, naming the list', () => {
    expect(refusal(() => checkMatter(matter({ status: 'lost' }), lists))).toEqual({ status: 400, code: 'invalid_request', message: 'status: "lost" is not one of the statuses (open, closed).' });
  });

  it('a party type not in the list is refused, naming the list', () => {
    expect(refusal(() => checkMatter(matter({ parties: [{ contactId: 'c-2', partyType: 'judge' }] }), lists))).toMatchObject({ message: 'parties: "judge" is not one of the party types (opponent, expert).' });
  });

  it('a flag not in the list is refused, naming the list (or saying there is none)', () => {
    expect(refusal(() => checkMatter(matter({ flags: ['gold'] }), lists))).toMatchObject({ message: 'flags: "gold" is not one of the flags (urgent, vip).' });
    expect(refusal(() => checkMatter(matter({ flags: ['gold'] }), { ...lists, flags: [] }))).toMatchObject({ message: 'flags: "gold" is not one of the flags (none yet).' });
  });

  it('values an admin has since removed stay on the matter that has them, but are never given anew', () => {
    const before = matter({ status: 'archived-status', parties: [{ contactId: 'c-2', partyType: 'old type' }], flags: ['old flag'] });
    expect(refusal(() => checkMatter(before, lists, before))).toBe('allowed');
    expect(refusal(() => checkMatter(matter({ status: 'archived-status' }), lists, matter()))).not.toBe('allowed');
    expect(refusal(() => checkMatter(matter({ parties: [{ contactId: 'c-3', partyType: 'old type' }] }), lists, matter()))).not.toBe('allowed');
    expect(refusal(() => checkMatter(matter({ flags: ['old flag'] }), lists, matter()))).not.toBe('allowed');
    // Keeping a removed party type on the matter does not let another unknown type in beside it.
    const added = matter({ parties: [{ contactId: 'c-2', partyType: 'old type' }, { contactId: 'c-3', partyType: 'judge' }] });
    expect(refusal(() => checkMatter(added, lists, before))).toMatchObject({ message: expect.stringContaining('"judge" is not one of the party types') });
  });

  it('the client is not also one of its other parties, and each contact is a party once', () => {
    expect(refusal(() => checkMatter(matter({ parties: [{ contactId: 'c-1', partyType: 'opponent' }] }), lists))).toMatchObject({ message: 'parties: the client is the matter\'s client, not one of its other parties.' });
    const twice = [{ contactId: 'c-2', partyType: 'opponent' }, { contactId: 'c-2', partyType: 'opponent' }];
    expect(refusal(() => checkMatter(matter({ parties: twice }), lists))).toMatchObject({ status: 400, message: 'parties: each contact is a party once.' });
  });

  it('a flag is set once, a task id appears once, and someone is responsible', () => {
    expect(refusal(() => checkMatter(matter({ flags: ['urgent', 'urgent'] }), lists))).toMatchObject({ status: 400, message: 'flags: each flag is set once.' });
    const tasks = [{ taskId: 't', title: 'a', done: false }, { taskId: 't', title: 'b', done: false }];
    expect(refusal(() => checkMatter(matter({ tasks }), lists))).toMatchObject({ status: 400, message: 'tasks: each task id appears once.' });
    expect(refusal(() => checkMatter(matter({ responsibleStaff: [] }), lists))).toMatchObject({ status: 400, message: 'responsibleStaff: name at least one staff member.' });
  });

  it.each(['2026-02-30', '2026-13-01', '2025-02-29', '0000-00-00'])('a deadline or a task due on %s (not in the calendar) is refused', (date) => {
    expect(refusal(() => checkMatter(matter({ deadlines: [{ label: 'x', date, customerVisible: false }] }), lists))).toMatchObject({ status: 400, message: `deadlines: ${date} is not a date in the calendar.` });
    expect(refusal(() => checkMatter(matter({ tasks: [{ taskId: 't', title: 'x', dueDate: date, done: false }] }), lists))).toMatchObject({ status: 400, message: `tasks: ${date} is not a date in the calendar.` });
  });

  it('a task without a due date is fine', () => {
    expect(refusal(() => checkMatter(matter({ tasks: [{ taskId: 't', title: 'x', done: false }] }), lists))).toBe('allowed');
  });
});

describe('changing a matter', () => {
  const now = new Date('2026-05-01T10:00:00.000Z');

  it('changes what is given, keeps the rest, and stamps the change', () => {
    const next = changedMatter(matter({ description: 'keep' }), { title: 'New title', flags: ['urgent'], clientId: undefined }, now);
    expect(next).toEqual(matter({ title: 'New title', flags: ['urgent'], description: 'keep', updatedAt: '2026-05-01T10:00:00.000Z' }));
  });

  it('an empty description removes it', () => {
    expect(changedMatter(matter({ description: 'old' }), { description: '' }, now)).not.toHaveProperty('description');
  });

  it('a new reference is cleaned (and refused when it breaks the rule)', () => {
    expect(changedMatter(matter(), { reference: '  X   1 ' }, now).reference).toBe('X 1');
    expect(refusal(() => changedMatter(matter(), { reference: '#' }, now))).toMatchObject({ status: 400 });
  });
});

describe('approval: pending → approved → reopened', () => {
  const now = new Date('2026-05-01T10:00:00.000Z');
  const later = new Date('2026-05-02T10:00:00.000Z');

  it('approving records who and when', () => {
    expect(approve(matter(), 'ann@firm.test', now)).toEqual(matter({ approval: { state: 'approved', by: 'ann@firm.test', at: now.toISOString() }, updatedAt: now.toISOString() }));
  });

  it('approving an approved matter is a conflict that names who approved it', () => {
    const approved = approve(matter(), 'ann@firm.test', now);
    expect(refusal(() => approve(approved, 'bob@firm.test', later))).toEqual({ status: 409, code: 'already_approved', message: 'This matter was approved by ann@firm.test; reopen it first to approve it again.' });
  });

  it('reopening makes it pending again; reopening a pending matter is a conflict', () => {
    const approved = approve(matter(), 'ann@firm.test', now);
    expect(reopen(approved, later)).toEqual(matter({ approval: { state: 'pending' }, updatedAt: later.toISOString() }));
    expect(refusal(() => reopen(matter(), later))).toEqual({ status: 409, code: 'not_approved', message: 'This matter is not approved, so there is nothing to reopen.' });
  });
});

describe('list filters', () => {
  const m = matter({ status: 'open', clientId: 'c-1', responsibleStaff: ['sam@firm.test'], deadlines: [{ label: 'b', date: '2026-03-10', customerVisible: false }, { label: 'a', date: '2026-02-10', customerVisible: true }] });

  it('the next deadline is the earliest date, none without deadlines', () => {
    expect(nextDeadline(m.deadlines)).toBe('2026-02-10');
    expect(nextDeadline([])).toBeUndefined();
  });

  it.each([
    [{}, true],
    [{ status: 'open' }, true],
    [{ status: 'closed' }, false],
    [{ clientId: 'c-1' }, true],
    [{ clientId: 'c-2' }, false],
    [{ responsible: 'SAM@firm.test' }, true],
    [{ responsible: 'ann@firm.test' }, false],
    [{ deadlineBefore: '2026-02-11' }, true],
    [{ deadlineBefore: '2026-02-10' }, false],
    [{ archived: true }, false],
    [{ archived: false, status: 'open', clientId: 'c-1', responsible: 'sam@firm.test', deadlineBefore: '2027-01-01' }, true],
  ])('%j → %s', (filter, expected) => {
    expect(matchesMatterFilter(matterSummary(m), filter)).toBe(expected);
  });

  it('a summary carries what lists show: the earliest deadline and whether it is approved', () => {
    expect(matterSummary(m)).toEqual({
      matterId: 'm-1', reference: 'M-2026-0001', title: 'Lease', status: 'open', clientId: 'c-1', responsibleStaff: ['sam@firm.test'],
      nextDeadline: '2026-02-10', approved: false, archived: false, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z',
    });
    expect(matterSummary(matter({ approval: { state: 'approved', by: 'a', at: 'b' } })).approved).toBe(true);
  });

  it('archived matters are listed only when archived ones are asked for; a matter without deadlines is never "before" a date', () => {
    expect(matchesMatterFilter(matterSummary(matter({ archived: true })), { archived: true })).toBe(true);
    expect(matchesMatterFilter(matterSummary(matter({ archived: true })), {})).toBe(false);
    expect(matchesMatterFilter(matterSummary(matter()), { deadlineBefore: '9999-12-31' })).toBe(false);
  });
});

describe('a matter\'s folder', () => {
  it('is named after its reference and title', () => {
    expect(matterFolderName('M-2026-0001', 'Lease dispute')).toBe('M-2026-0001 Lease dispute');
  });
  it('turns slashes, control characters and direction marks (never in a drive name) into hyphens', () => {
    expect(matterFolderName('A/1', 'x\\y\u0007z\u202Eq\u0000\u001f\u007f\u061c\u200e\u200f\u2066\u2069')).toBe('A-1 x-y-z-q--------');
  });
  it('keeps to the drive\'s 255 characters', () => {
    expect(matterFolderName('R', 'x'.repeat(300))).toHaveLength(255);
  });
  it('has no leading or trailing space', () => {
    expect(matterFolderName('R', 'title ')).toBe('R title');
  });
});

describe("a matter's folder for its client's documents", () => {
  it('has an id made from the matter\'s, and the id gives the matter back', () => {
    expect(fromClientFolderId('m-123')).toBe('fromclient-m-123');
    expect(matterOfFromClientFolder(fromClientFolderId('m-123'))).toBe('m-123');
  });
  it('any other folder names no matter', () => {
    for (const other of ['inbox-c-1', 'root', 'm-123', 'x-fromclient-m-1', 'fromclient-']) expect(matterOfFromClientFolder(other), other).toBeUndefined();
  });
});
