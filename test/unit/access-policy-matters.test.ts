/**
 * Matters in the access policy: what staff may do (every action × admin or not), which matters a
 * customer sees (every relation between customer and client × archived), and which parts of a
 * matter a customer sees (every visibility of every part). Written from the rules in issue 12,
 * not from the code.
 */
import { describe, expect, it } from 'vitest';
import {
  customerSeesMatter,
  customerViewOfMatter,
  requireMatterAction,
  staffMayOnMatters,
  visibleMatter,
  type MatterAction,
} from '../../shared/domain/access-policy.ts';
import type { Matter, MatterLists } from '../../shared/domain/matters.ts';
import type { CustomerPrincipal, StaffPrincipal } from '../../shared/domain/model.ts';
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
      deadlines: [{ label: 'Hearing', date: '2026-03-01', customerVisible: true }],
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
