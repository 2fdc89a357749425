/**
 * Matters in the access policy: what staff may do (every action × admin or not), which matters a
 * customer sees (every relation between customer and client × archived), and which parts of a
 * matter a customer sees (every visibility of every part). Written from the rules in issue 12,
 * not from the code.
 */
import { describe, expect, it } from 'vitest';
import {
  customerSeesMatter,
  customerSeesMatterDocument,
  customerViewOfMatter,
  matterAttachmentAllowed,
  requireMatterAction,
  requireMatterAttachmentControl,
  staffMayOnMatters,
  visibleMatter,
  visibleMatterDocument,
  type MatterAction,
} from '../../shared/domain/access-policy.ts';
import type { Matter, MatterLists } from '../../shared/domain/matters.ts';
import type { CustomerPrincipal, DriveItem, StaffPrincipal } from '../../shared/domain/model.ts';
import { AppError } from '../../shared/errors.ts';

const staff = (isAdmin: boolean): StaffPrincipal => ({ kind: 'staff', sub: 's', email: 's@firm.test', isAdmin });

describe('staff and matters: every action × admin or not', () => {
  const rows: [MatterAction, boolean, boolean][] = [
    ['read', false, true],
    ['create', false, true],
    ['edit', false, true],
    ['approve', false, true],
    ['reopen', false, true],
    ['readLists', false, true],
    ['maintainLists', false, false],
    ['read', true, true],
    ['create', true, true],
    ['edit', true, true],
    ['approve', true, true],
    ['reopen', true, true],
    ['readLists', true, true],
    ['maintainLists', true, true],
  ];
  it.each(rows)('%s, admin %s → %s', (action, admin, allowed) => {
    expect(staffMayOnMatters(staff(admin), action)).toBe(allowed);
    let refusal: unknown;
    try {
      requireMatterAction(staff(admin), action);
    } catch (e) {
      refusal = e;
    }
    if (allowed) expect(refusal).toBeUndefined();
    else expect(refusal).toMatchObject({ status: 403, code: 'admin_only', message: 'Only portal administrators may change the lists matters draw on.' });
  });
});

const matter = (over: Partial<Matter> = {}): Matter => ({
  matterId: 'm-1',
  reference: 'M-2026-0001',
  title: 'Lease dispute',
  description: 'Internal summary',
  status: 'open',
  deadlines: [],
  clientId: 'c-client',
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

/** Ann is linked to Org A (open: in her grantees) and Org B (closed or archived: not in them). */
const ann: CustomerPrincipal = { kind: 'customer', sub: 'sub-ann', email: 'ann@x.test', contactId: 'c-ann', name: 'Ann', granteeIds: ['c-ann', 'c-org-a'] };

describe('which matters a customer sees: every relation × archived', () => {
  const relations: [string, Partial<Matter>, boolean][] = [
    ['client is the customer', { clientId: 'c-ann' }, true],
    ['client is an organisation she belongs to, access open', { clientId: 'c-org-a' }, true],
    ['client is an organisation she belongs to, access closed', { clientId: 'c-org-b' }, false],
    ['client is someone else', { clientId: 'c-bob' }, false],
    ['she is a party (opponent), client someone else', { clientId: 'c-bob', parties: [{ contactId: 'c-ann', partyType: 'opponent' }] }, false],
    ['her open organisation is a party, client someone else', { clientId: 'c-bob', parties: [{ contactId: 'c-org-a', partyType: 'expert' }] }, false],
    ['she is responsible-looking in tasks only', { clientId: 'c-bob', tasks: [{ taskId: 't', title: 'x', assignee: 'ann@x.test', done: false }] }, false],
  ];
  for (const [relation, over, seen] of relations) {
    for (const archived of [false, true]) {
      const expected = seen && !archived;
      it(`${relation}, archived ${archived} → ${expected ? 'seen' : 'not seen'}`, () => {
        const m = matter({ ...over, archived });
        expect(customerSeesMatter(ann, m)).toBe(expected);
        if (expected) expect(visibleMatter(ann, m)).toBe(m);
        else expect(() => visibleMatter(ann, m)).toThrow(expect.objectContaining({ status: 404, code: 'not_found', message: 'No such matter, or it is not shared with you.' }));
      });
    }
  }
  it('a matter that does not exist is the same 404 as one not hers', () => {
    expect(() => visibleMatter(ann, undefined)).toThrow(AppError);
    expect(() => visibleMatter(ann, undefined)).toThrow('No such matter, or it is not shared with you.');
  });
});

describe('which parts of a matter a customer sees', () => {
  const lists: MatterLists = {
    requestKinds: [],
    statuses: [
      { name: 'open', customerLabel: 'In progress' },
      { name: 'closed', customerLabel: 'Completed' },
    ],
    partyTypes: [
      { name: 'opponent', customerVisible: true },
      { name: 'internal contact', customerVisible: false },
    ],
    flags: [
      { name: 'urgent', customerVisible: true },
      { name: 'fee dispute', customerVisible: false },
    ],
    documentTypes: [],
  };
  const full = matter({
    status: 'closed',
    deadlines: [
      { label: 'Hearing', date: '2026-03-01', customerVisible: true },
      { label: 'Internal review', date: '2026-02-01', customerVisible: false },
    ],
    parties: [
      { contactId: 'c-opp', partyType: 'opponent' },
      { contactId: 'c-int', partyType: 'internal contact' },
      { contactId: 'c-old', partyType: 'removed type' },
    ],
    flags: ['urgent', 'fee dispute', 'removed flag'],
    tasks: [{ taskId: 't-1', title: 'Draft reply', done: false }],
  });

  it('shows exactly: reference, title, the status\'s customer label, visible deadlines, visible flags, parties of visible types, approval', () => {
    expect(customerViewOfMatter(full, lists)).toEqual({
      matterId: 'm-1',
      reference: 'M-2026-0001',
      title: 'Lease dispute',
      statusLabel: 'Completed',
      deadlines: [{ label: 'Hearing', date: '2026-03-01' }],
      flags: ['urgent'],
      parties: [{ contactId: 'c-opp', partyType: 'opponent' }],
      approved: false,
    });
  });

  it('never tasks, description, staff, internal flags, hidden deadlines or hidden parties', () => {
    const text = JSON.stringify(customerViewOfMatter(full, lists));
    for (const hidden of ['Draft reply', 'Internal summary', 'sam@firm.test', 'fee dispute', 'Internal review', 'c-int', 'removed flag', 'c-old', 'f-1']) expect(text).not.toContain(hidden);
  });

  it('says approved once the matter is approved, and not after it is reopened', () => {
    expect(customerViewOfMatter(matter({ approval: { state: 'approved', by: 'sam@firm.test', at: '2026-01-02T00:00:00.000Z' } }), lists).approved).toBe(true);
    expect(customerViewOfMatter(matter({ approval: { state: 'pending' } }), lists).approved).toBe(false);
  });

  it('a status removed from the list shows no label rather than the staff name', () => {
    const view = customerViewOfMatter(matter({ status: 'secret internal state' }), lists);
    expect(view.statusLabel).toBeUndefined();
    expect(JSON.stringify(view)).not.toContain('secret internal state');
  });

  it('every visibility of a flag, a party type and a deadline, each alone', () => {
    for (const customerVisible of [true, false]) {
      const l: MatterLists = { ...lists, flags: [{ name: 'f', customerVisible }], partyTypes: [{ name: 'p', customerVisible }] };
      const m = matter({ flags: ['f'], parties: [{ contactId: 'c-p', partyType: 'p' }], deadlines: [{ label: 'd', date: '2026-01-01', customerVisible }] });
      const view = customerViewOfMatter(m, l);
      expect(view.flags).toEqual(customerVisible ? ['f'] : []);
      expect(view.parties).toEqual(customerVisible ? [{ contactId: 'c-p', partyType: 'p' }] : []);
      expect(view.deadlines.length).toBe(customerVisible ? 1 : 0);
    }
  });
});

describe("which of a matter's documents a customer sees: every condition, each alone", () => {
  const lists: MatterLists = {
    requestKinds: [],
    statuses: [{ name: 'open', customerLabel: 'In progress' }],
    partyTypes: [],
    flags: [],
    documentTypes: [
      { name: 'letter', customerFile: true },
      { name: 'memo', customerFile: false },
    ],
  };
  const folder: DriveItem = { itemId: 'f-1', kind: 'folder', name: 'M-2026-0001 Lease dispute', parentId: 'root', ancestorIds: [], status: 'ready', createdAt: '2026-01-01T00:00:00.000Z', createdBy: { kind: 'staff', id: 's', name: 's@firm.test' } };
  const doc = (over: Partial<DriveItem> = {}): DriveItem => ({
    itemId: 'd-1',
    kind: 'file',
    name: 'letter.pdf',
    parentId: 'f-1',
    ancestorIds: ['f-1'],
    status: 'ready',
    documentType: 'letter',
    createdAt: '2026-01-02T00:00:00.000Z',
    createdBy: { kind: 'staff', id: 's', name: 's@firm.test' },
    ...over,
  });
  const moved: DriveItem = { ...folder, parentId: 'p-1', ancestorIds: ['p-1'] };
  const parent: DriveItem = { ...folder, itemId: 'p-1', name: 'Clients', ancestorIds: [] };
  const rows: [string, Matter, DriveItem[], DriveItem, boolean][] = [
    ['a customer file right in the folder of her matter', matter({ clientId: 'c-ann' }), [folder], doc(), true],
    ['… of her open organisation\'s matter', matter({ clientId: 'c-org-a' }), [folder], doc(), true],
    ['… of someone else\'s matter', matter({ clientId: 'c-bob' }), [folder], doc(), false],
    ['… of a matter she is a party to', matter({ clientId: 'c-bob', parties: [{ contactId: 'c-ann', partyType: 'opponent' }] }), [folder], doc(), false],
    ['… of her archived matter', matter({ clientId: 'c-ann', archived: true }), [folder], doc(), false],
    ['a document of a type that is not a customer file', matter({ clientId: 'c-ann' }), [folder], doc({ documentType: 'memo' }), false],
    ['a document without a type', matter({ clientId: 'c-ann' }), [folder], doc({ documentType: undefined }), false],
    ['a document whose type was removed from the list', matter({ clientId: 'c-ann' }), [folder], doc({ documentType: 'removed type' }), false],
    ['a folder, even of a customer-file type', matter({ clientId: 'c-ann' }), [folder], doc({ kind: 'folder' }), false],
    ['a customer file outside the matter\'s folder', matter({ clientId: 'c-ann' }), [{ ...folder, itemId: 'f-2' }], doc({ parentId: 'f-2', ancestorIds: ['f-2'] }), false],
    ['a customer file in a folder below the matter\'s', matter({ clientId: 'c-ann' }), [folder, { ...folder, itemId: 'sub', parentId: 'f-1', ancestorIds: ['f-1'] }], doc({ parentId: 'sub', ancestorIds: ['f-1', 'sub'] }), false],
    ['a customer file still uploading', matter({ clientId: 'c-ann' }), [folder], doc({ status: 'pending' }), false],
    ['a customer file in the trash', matter({ clientId: 'c-ann' }), [folder], doc({ status: 'trashed' }), false],
    ['a customer file whose matter folder is in the trash', matter({ clientId: 'c-ann' }), [{ ...folder, status: 'trashed' }], doc(), false],
    ['a customer file whose matter folder is missing', matter({ clientId: 'c-ann' }), [], doc(), false],
    ['a customer file whose matter folder was moved into another folder', matter({ clientId: 'c-ann' }), [parent, moved], doc({ ancestorIds: ['p-1', 'f-1'] }), true],
    ['… whose ancestry was not rewritten after that move', matter({ clientId: 'c-ann' }), [moved], doc(), false],
  ];
  it.each(rows)('%s', (_case, m, ancestors, item, seen) => {
    expect(customerSeesMatterDocument(ann, m, lists, ancestors, item)).toBe(seen);
    if (seen) expect(visibleMatterDocument(ann, m, lists, ancestors, item)).toBe(item);
    else expect(() => visibleMatterDocument(ann, m, lists, ancestors, item)).toThrow(expect.objectContaining({ status: 404, code: 'not_found', message: 'No such file, or it is not shared with you.' }));
  });
  it('a document that does not exist is the same 404', () => {
    expect(() => visibleMatterDocument(ann, matter({ clientId: 'c-ann' }), lists, [folder], undefined)).toThrow('No such file, or it is not shared with you.');
  });
});

describe("attachment controls on a matter's documents: every control × approval × action", () => {
  const controls = ['allowed', 'forbidden', 'beforeApproval'] as const;
  const approvals = [{ state: 'pending' as const }, { state: 'approved' as const, by: 'sam@firm.test', at: '2026-01-02T00:00:00.000Z' }];
  for (const control of controls) {
    for (const approval of approvals) {
      for (const action of ['upload', 'replace', 'delete'] as const) {
        const allowed = control === 'allowed' || (control === 'beforeApproval' && approval.state === 'pending');
        it(`${control}, ${approval.state}, ${action} → ${allowed ? 'allowed' : 'refused'}`, () => {
          expect(matterAttachmentAllowed(control, { approval })).toBe(allowed);
          let refusal: unknown;
          try {
            requireMatterAttachmentControl(control, { approval }, action);
          } catch (e) {
            refusal = e;
          }
          if (allowed) expect(refusal).toBeUndefined();
          else if (control === 'forbidden') expect(refusal).toMatchObject({ status: 403, code: 'not_allowed' });
          else {
            expect(refusal).toMatchObject({
              status: 403,
              code: 'matter_approved',
              message: 'This matter has been approved, so it takes no more documents. Ask the firm to reopen it if you need to send more.',
            });
          }
        });
      }
    }
  }
  it('a forbidden control names the action refused', () => {
    expect(() => requireMatterAttachmentControl('forbidden', { approval: { state: 'pending' } }, 'delete')).toThrow('The firm does not let customers delete your uploads at the moment.');
  });
});
