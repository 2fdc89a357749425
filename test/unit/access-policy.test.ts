/**
 * Every authorisation decision goes through shared/domain/access-policy.ts; these tests walk
 * every combination of the facts it decides on.
 */
import { describe, expect, it } from 'vitest';
import { activeStaff, claimList, customerCanSee, customerPrincipal, isLive, organisationOpensShares, ownUnfinishedUpload, ownUpload, requireAdmin, requireAttachmentControl, staffPrincipal, visibleToCustomer } from '../../shared/domain/access-policy.ts';
import { controlAllows } from '../../shared/domain/settings.ts';
import type { AccessState, Contact, CustomerPrincipal, DriveItem } from '../../shared/domain/model.ts';
import { AppError } from '../../shared/errors.ts';

const contact = (over: Partial<Contact> = {}): Contact => ({
  contactId: 'c-ann',
  kind: 'person',
  name: 'Ann',
  email: 'ann@example.test',
  responsibleStaff: [],
  organisationIds: ['org-acme'],
  access: { state: 'active', userSub: 'sub-ann', tokensValidAfter: 1000 },
  archived: false,
  createdAt: '',
  createdBy: '',
  ...over,
});

const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return 'allowed';
  } catch (e) {
    return e instanceof AppError ? `${e.status} ${e.code}` : `threw ${String(e)}`;
  }
};

describe('customerPrincipal: every combination of access facts', () => {
  const states: AccessState[] = ['none', 'invited', 'active', 'closed'];
  const cases = [];
  for (const state of states)
    for (const archived of [false, true])
      for (const subMatches of [true, false])
        for (const claimMatches of [true, false, 'missing'] as const)
          for (const tokenUse of ['id', 'access'])
            for (const issuedAfter of [true, false])
              for (const recordExists of [true, false]) cases.push({ state, archived, subMatches, claimMatches, tokenUse, issuedAfter, recordExists });

  it.each(cases)('%o', (c) => {
    const record = contact({ archived: c.archived, access: { state: c.state, userSub: 'sub-ann', tokensValidAfter: 1000 } });
    const claims = {
      sub: c.subMatches ? 'sub-ann' : 'sub-mallory',
      token_use: c.tokenUse,
      iat: String(c.issuedAfter ? 1000 : 999),
      email: 'ann@example.test',
      ...(c.claimMatches === 'missing' ? {} : { 'custom:contactId': c.claimMatches ? 'c-ann' : 'c-bob' }),
    };
    // The oracle, stated plainly: an ID token, of the user the contact names, issued after the
    // last close, for a contact that exists, is not archived and whose access is invited or active.
    const expected =
      c.tokenUse !== 'id'
        ? '401 unauthenticated'
        : c.recordExists && c.claimMatches === true && !c.archived && (c.state === 'active' || c.state === 'invited') && c.subMatches && c.issuedAfter
          ? 'allowed'
          : '403 access_closed';
    expect(codeOf(() => customerPrincipal(claims, c.recordExists ? (c.claimMatches === false ? contact({ contactId: 'c-ann' }) : record) : undefined))).toBe(expected);
  });

  it('a closed portal answers "portal closed" to every customer, before anything about their access', () => {
    const claims = { sub: 'sub-ann', token_use: 'id', iat: '2000', 'custom:contactId': 'c-ann' };
    expect(codeOf(() => customerPrincipal(claims, contact(), { open: false, firmName: 'Firm' }))).toBe('403 portal_closed');
    expect(codeOf(() => customerPrincipal(claims, undefined, { open: false, firmName: 'Firm' }))).toBe('403 portal_closed');
    expect(codeOf(() => customerPrincipal(claims, contact(), { open: true, firmName: 'Firm' }))).toBe('allowed');
  });

  it('carries the language the customer chose for their emails, or none', () => {
    const claims = { sub: 'sub-ann', token_use: 'id', iat: '2000', 'custom:contactId': 'c-ann' };
    expect(customerPrincipal(claims, contact({ language: 'fr' })).language).toBe('fr');
    expect(customerPrincipal(claims, contact()).language).toBeUndefined();
  });

  it('grants a customer their own and their open organisations\' shares', () => {
    const acme = contact({ contactId: 'org-acme', kind: 'organisation', name: 'Acme', organisationIds: [], access: { state: 'active' } });
    const claims = { sub: 'sub-ann', token_use: 'id', iat: '2000', 'custom:contactId': 'c-ann' };
    expect(customerPrincipal(claims, contact(), undefined, [acme]).granteeIds).toEqual(['c-ann', 'org-acme']);
    // An organisation that was not loaded (deleted, or never existed) opens nothing.
    expect(customerPrincipal(claims, contact()).granteeIds).toEqual(['c-ann']);
  });

  describe('organisationOpensShares: every combination of the organisation\'s facts', () => {
    const cases = [];
    for (const state of ['none', 'invited', 'active', 'closed'] as AccessState[])
      for (const archived of [false, true])
        for (const linked of [true, false])
          for (const kind of ['organisation', 'person'] as const)
            for (const loaded of [true, false]) cases.push({ state, archived, linked, kind, loaded });
    it.each(cases)('%o', (c) => {
      const org = contact({ contactId: 'org-acme', kind: c.kind, name: 'Acme', organisationIds: [], archived: c.archived, access: { state: c.state } });
      const person = contact({ organisationIds: c.linked ? ['org-acme', 'org-other'] : ['org-other'] });
      // The oracle: a loaded organisation, live (not archived), with invited or active access, that the person is linked to.
      const expected = c.loaded && c.kind === 'organisation' && !c.archived && (c.state === 'invited' || c.state === 'active') && c.linked;
      expect(organisationOpensShares(person, c.loaded ? org : undefined)).toBe(expected);
      const claims = { sub: 'sub-ann', token_use: 'id', iat: '2000', 'custom:contactId': 'c-ann' };
      expect(customerPrincipal(claims, person, undefined, c.loaded ? [org] : []).granteeIds.includes('org-acme')).toBe(expected);
    });
  });
});

describe('customerCanSee: every relation between a customer and an item', () => {
  const ann: CustomerPrincipal = { kind: 'customer', sub: 'sub-ann', email: '', contactId: 'c-ann', name: 'Ann', granteeIds: ['c-ann', 'org-acme'] };
  const item = (over: Partial<DriveItem>): DriveItem => ({
    itemId: 'i-1',
    kind: 'file',
    name: 'x',
    parentId: 'f-inner',
    ancestorIds: ['f-outer', 'f-inner'],
    status: 'ready',
    createdAt: '',
    createdBy: { kind: 'staff', id: 'staff-1', name: 's' },
    ...over,
  });
  /** The folders named by an item's ancestry, each live and where the ancestry says. */
  const foldersAbove = (of: DriveItem) =>
    of.ancestorIds.map((id, k) => item({ itemId: id, kind: 'folder', parentId: k === 0 ? 'root' : of.ancestorIds[k - 1], ancestorIds: of.ancestorIds.slice(0, k) }));
  const relations = {
    'shared directly': { grants: ['i-1'], item: {} },
    'inside a shared folder': { grants: ['f-outer'], item: {} },
    'inside a folder shared with the organisation (same grant set)': { grants: ['f-inner'], item: {} },
    'uploaded by the customer': { grants: [], item: { createdBy: { kind: 'customer' as const, id: 'c-ann', name: 'Ann' } } },
    'uploaded by another customer': { grants: [], item: { createdBy: { kind: 'customer' as const, id: 'c-bob', name: 'Bob' } } },
    'uploaded by a staff member whose id equals the contact id': { grants: [], item: { createdBy: { kind: 'staff' as const, id: 'c-ann', name: 'x' } } },
    'a sibling of a shared item': { grants: ['i-2'], item: {} },
    'the parent of a shared item': { grants: ['i-1'], item: { itemId: 'f-inner', kind: 'folder' as const, parentId: 'f-outer', ancestorIds: ['f-outer'] } },
    'not shared at all': { grants: [], item: {} },
  };
  const visible = new Set(['shared directly', 'inside a shared folder', 'inside a folder shared with the organisation (same grant set)', 'uploaded by the customer']);
  for (const [relation, r] of Object.entries(relations)) {
    for (const status of ['ready', 'pending'] as const) {
      const expected = status === 'ready' && visible.has(relation);
      it(`${relation}, ${status} → ${expected ? 'visible' : 'hidden'}`, () => {
        const it_ = item({ ...r.item, status });
        expect(customerCanSee(ann, it_, new Set(r.grants))).toBe(expected);
        const ancestors = foldersAbove(it_);
        const check = () => visibleToCustomer(ann, it_, ancestors, new Set(r.grants), it_.kind);
        if (expected) expect(check()).toBe(it_);
        else expect(codeOf(check)).toBe('404 not_found');
      });
    }
  }

  it('asking for a folder by a file id (or the reverse) is the same 404', () => {
    const file = item({});
    expect(codeOf(() => visibleToCustomer(ann, file, [], new Set(['i-1']), 'folder'))).toBe('404 not_found');
    expect(codeOf(() => visibleToCustomer(ann, undefined, [], new Set(['i-1']), 'file'))).toBe('404 not_found');
  });

  it('an item below a trashed or missing folder is hidden, even when shared directly', () => {
    const file = item({});
    const [outer, inner] = foldersAbove(file);
    const grants = new Set(['i-1']);
    expect(visibleToCustomer(ann, file, [outer, inner], grants, 'file')).toBe(file);
    expect(codeOf(() => visibleToCustomer(ann, file, [outer, { ...inner, status: 'trashed' }], grants, 'file'))).toBe('404 not_found');
    expect(codeOf(() => visibleToCustomer(ann, file, [inner], grants, 'file'))).toBe('404 not_found');
    expect(codeOf(() => visibleToCustomer(ann, { ...file, status: 'trashed' }, [outer, inner], grants, 'file'))).toBe('404 not_found');
  });

  it('an item whose recorded ancestry no longer matches where its folders are is hidden (a move not yet applied below)', () => {
    const file = item({});
    const [outer, inner] = foldersAbove(file);
    const grants = new Set(['f-outer']);
    expect(isLive(file, [outer, inner])).toBe(true);
    // The inner folder was moved out of the shared outer folder; the file still names the old path.
    expect(isLive(file, [outer, { ...inner, parentId: 'f-private' }])).toBe(false);
    expect(codeOf(() => visibleToCustomer(ann, file, [outer, { ...inner, parentId: 'f-private' }], grants, 'file'))).toBe('404 not_found');
    // The outer folder is no longer at the top level.
    expect(isLive(file, [{ ...outer, parentId: 'f-elsewhere' }, inner])).toBe(false);
    // The file itself sits in another folder than its ancestry's last.
    expect(isLive({ ...file, parentId: 'f-outer' }, [outer, inner])).toBe(false);
    // A file named as a folder above (ids are unique, but a record is not trusted to be a folder).
    expect(isLive(file, [outer, { ...inner, kind: 'file' }])).toBe(false);
    // At the top level: parent is the root.
    expect(isLive(item({ parentId: 'root', ancestorIds: [] }), [])).toBe(true);
    expect(isLive(item({ parentId: 'f-outer', ancestorIds: [] }), [])).toBe(false);
  });
});

describe('attachment controls and own uploads', () => {
  const ann: CustomerPrincipal = { kind: 'customer', sub: 'sub-ann', email: '', contactId: 'c-ann', name: 'Ann', granteeIds: ['c-ann'] };
  const file = (createdBy: DriveItem['createdBy']): DriveItem => ({
    itemId: 'u-1', kind: 'file', name: 'x', parentId: 'root', ancestorIds: [], status: 'ready', createdAt: '', createdBy,
  });

  it.each([
    ['allowed', false, true],
    ['allowed', true, true],
    ['beforeApproval', false, true],
    ['beforeApproval', true, false],
    ['forbidden', false, false],
    ['forbidden', true, false],
  ] as const)('%s, approved=%s → %s', (control, approved, allowed) => {
    expect(controlAllows(control, approved)).toBe(allowed);
    expect(codeOf(() => requireAttachmentControl(controlAllows(control, approved), 'delete'))).toBe(allowed ? 'allowed' : '403 not_allowed');
  });

  it('only the customer who uploaded a file may delete it; a shared staff file or another customer\'s upload is refused', () => {
    expect(ownUpload(ann, file({ kind: 'customer', id: 'c-ann', name: 'Ann' }), [], new Set())).toBeDefined();
    expect(codeOf(() => ownUpload(ann, file({ kind: 'staff', id: 's', name: 's' }), [], new Set(['u-1'])))).toBe('403 not_your_upload');
    expect(codeOf(() => ownUpload(ann, file({ kind: 'customer', id: 'c-bob', name: 'Bob' }), [], new Set(['u-1'])))).toBe('403 not_your_upload');
    expect(codeOf(() => ownUpload(ann, file({ kind: 'customer', id: 'c-bob', name: 'Bob' }), [], new Set()))).toBe('404 not_found');
  });

  it('a customer finishes only their own upload that is still unfinished and multipart; anything else is a 404', () => {
    const mine = { ...file({ kind: 'customer', id: 'c-ann', name: 'Ann' }), status: 'pending' as const, multipartUploadId: 'mp-1' };
    expect(ownUnfinishedUpload(ann, mine)).toBe(mine);
    for (const other of [
      undefined,
      { ...mine, createdBy: { kind: 'staff' as const, id: 'c-ann', name: 'Ann' } },
      { ...mine, createdBy: { kind: 'customer' as const, id: 'c-bob', name: 'Bob' } },
      { ...mine, status: 'ready' as const },
      { ...mine, multipartUploadId: undefined },
    ]) {
      expect(codeOf(() => ownUnfinishedUpload(ann, other))).toBe('404 not_found');
    }
    // The same words as for an upload that never existed: the answer says nothing more.
    expect(() => ownUnfinishedUpload(ann, undefined)).toThrow('No such upload, or it is not shared with you.');
  });
});

describe('staff', () => {
  it('needs an ID token with sub and email; admin comes from the admins group only', () => {
    expect(staffPrincipal({ sub: 's', email: 'e@x', token_use: 'id', 'cognito:groups': '[admins]' }).isAdmin).toBe(true);
    expect(staffPrincipal({ sub: 's', email: 'e@x', token_use: 'id', 'cognito:groups': '[administrators]' }).isAdmin).toBe(false);
    expect(staffPrincipal({ sub: 's', email: 'e@x', token_use: 'id' }).isAdmin).toBe(false);
    expect(codeOf(() => staffPrincipal({ sub: 's', email: 'e@x', token_use: 'access' }))).toBe('401 unauthenticated');
    expect(codeOf(() => staffPrincipal({ sub: 's', token_use: 'id' }))).toBe('401 unauthenticated');
    expect(codeOf(() => requireAdmin(staffPrincipal({ sub: 's', email: 'e@x', token_use: 'id' })))).toBe('403 admin_only');
  });

  it('a disabled staff user is refused even with a valid token', () => {
    const staff = staffPrincipal({ sub: 's', email: 'e@x', token_use: 'id', 'cognito:groups': '[admins]' });
    expect(codeOf(() => activeStaff(staff, true))).toBe('403 staff_disabled');
    expect(activeStaff(staff, false)).toBe(staff);
  });

  it('reads group claims as API Gateway flattens them and as arrays', () => {
    expect(claimList('[admins staff]')).toEqual(['admins', 'staff']);
    expect(claimList(['admins'])).toEqual(['admins']);
    expect(claimList(undefined)).toEqual([]);
  });
});
