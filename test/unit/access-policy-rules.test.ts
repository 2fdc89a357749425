/**
 * The access policy's rules, one by one, where the exhaustive tables in access-policy.test.ts do
 * not reach: the items' own state, the kind a route asks for, revisions, how claims are read,
 * and what each refusal tells the person. Mutation testing (`npm run mutate`) requires every
 * non-equivalent change to access-policy.ts to make one of these tests fail.
 */
import { describe, expect, it } from 'vitest';
import {
  accessClosed,
  activeStaff,
  claimList,
  customerCanRevise,
  customerPrincipal,
  isLive,
  ownUpload,
  portalClosed,
  requireAdmin,
  requireAttachmentControl,
  staffPrincipal,
  visibleToCustomer,
} from '../../shared/domain/access-policy.ts';
import type { Contact, CustomerPrincipal, DriveItem } from '../../shared/domain/model.ts';
import { AppError } from '../../shared/errors.ts';

/** What a call answers: "allowed", or the refusal's status, code and message. */
function refusal(fn: () => unknown): { status: number; code: string; message: string } | 'allowed' {
  try {
    fn();
    return 'allowed';
  } catch (e) {
    if (e instanceof AppError) return { status: e.status, code: e.code, message: e.message };
    throw e;
  }
}

const ann: CustomerPrincipal = { kind: 'customer', sub: 'sub-ann', email: 'ann@example.test', contactId: 'c-ann', name: 'Ann', granteeIds: ['c-ann'] };

const folder = (itemId: string, over: Partial<DriveItem> = {}): DriveItem => ({
  itemId,
  kind: 'folder',
  name: itemId,
  parentId: 'root',
  ancestorIds: [],
  status: 'ready',
  createdAt: '',
  createdBy: { kind: 'staff', id: 'staff-1', name: 'Sam' },
  ...over,
});

/** A staff file inside Clients/Ann (both folders live), and the two folders above it. */
const clients = folder('f-clients');
const annFolder = folder('f-ann', { parentId: 'f-clients', ancestorIds: ['f-clients'] });
const ancestors = [clients, annFolder];
const staffFile = (over: Partial<DriveItem> = {}): DriveItem => ({
  itemId: 'i-report',
  kind: 'file',
  name: 'report.pdf',
  parentId: 'f-ann',
  ancestorIds: ['f-clients', 'f-ann'],
  status: 'ready',
  createdAt: '',
  createdBy: { kind: 'staff', id: 'staff-1', name: 'Sam' },
  ...over,
});

describe('an item is listed only while it and every folder above it are live', () => {
  it('a directly shared file is listed while it and its folders are live', () => {
    expect(isLive(staffFile(), ancestors)).toBe(true);
    expect(isLive(folder('f-top'), [])).toBe(true);
  });

  it('a directly shared file that staff trashed is hidden, even though its folders are live', () => {
    expect(isLive(staffFile({ status: 'trashed' }), ancestors)).toBe(false);
    expect(isLive(folder('f-top', { status: 'trashed' }), [])).toBe(false);
  });

  it('a directly shared file that is still uploading is hidden', () => {
    expect(isLive(staffFile({ status: 'pending' }), ancestors)).toBe(false);
  });

  it('an item below a trashed folder, or a folder that is gone, is hidden', () => {
    expect(isLive(staffFile(), [clients, { ...annFolder, status: 'trashed' }])).toBe(false);
    expect(isLive(staffFile(), [annFolder])).toBe(false);
  });

  it('a directly shared file that staff trashed cannot be opened through its id either', () => {
    const grants = new Set(['i-report']);
    expect(visibleToCustomer(ann, staffFile(), ancestors, grants, 'file')).toEqual(staffFile());
    expect(refusal(() => visibleToCustomer(ann, staffFile({ status: 'trashed' }), ancestors, grants, 'file'))).toMatchObject({ status: 404 });
  });
});

describe('a route for one kind of item never serves the other kind', () => {
  it('a file route given the id of a shared, live folder answers the same 404 as a missing file', () => {
    const grants = new Set(['f-ann']);
    // The folder itself is visible through a folder route…
    expect(visibleToCustomer(ann, annFolder, [clients], grants, 'folder')).toBe(annFolder);
    // …but a file route refuses it exactly as it refuses an id that does not exist.
    const missing = refusal(() => visibleToCustomer(ann, undefined, [], grants, 'file'));
    expect(missing).toMatchObject({ status: 404, code: 'not_found' });
    expect(refusal(() => visibleToCustomer(ann, annFolder, [clients], grants, 'file'))).toEqual(missing);
  });

  it('a folder route given the id of a shared, live file answers 404', () => {
    const grants = new Set(['i-report']);
    expect(visibleToCustomer(ann, staffFile(), ancestors, grants, 'file')).toEqual(staffFile());
    expect(refusal(() => visibleToCustomer(ann, staffFile(), ancestors, grants, 'folder'))).toMatchObject({ status: 404, code: 'not_found' });
  });
});

describe('revised versions', () => {
  const grants = new Set(['f-ann']);

  it('a customer may revise a staff file shared with them', () => {
    expect(customerCanRevise(ann, staffFile(), ancestors, grants)).toEqual(staffFile());
  });

  it('a customer may revise their own upload', () => {
    const own = staffFile({ createdBy: { kind: 'customer', id: 'c-ann', name: 'Ann' } });
    expect(customerCanRevise(ann, own, ancestors, new Set())).toBe(own);
  });

  it('a customer may not revise a folder, a file not shared with them, a trashed or unfinished file, or a missing one', () => {
    for (const attempt of [
      () => customerCanRevise(ann, annFolder, [clients], grants),
      () => customerCanRevise(ann, staffFile(), ancestors, new Set(['f-other'])),
      () => customerCanRevise(ann, staffFile({ status: 'trashed' }), ancestors, grants),
      () => customerCanRevise(ann, staffFile({ status: 'pending' }), ancestors, grants),
      () => customerCanRevise(ann, staffFile(), [clients, { ...annFolder, status: 'trashed' }], grants),
      () => customerCanRevise(ann, undefined, [], grants),
    ]) {
      expect(refusal(attempt)).toMatchObject({ status: 404, code: 'not_found' });
    }
  });
});

describe('deleting own uploads', () => {
  it('a shared staff file is not the customer\'s upload, even when the staff member\'s id equals the customer\'s contact id', () => {
    const lookalike = staffFile({ createdBy: { kind: 'staff', id: 'c-ann', name: 'Sam' } });
    expect(refusal(() => ownUpload(ann, lookalike, ancestors, new Set(['i-report'])))).toMatchObject({ status: 403, code: 'not_your_upload' });
  });

  it('the refusal says only one\'s own uploads can be deleted', () => {
    const r = refusal(() => ownUpload(ann, staffFile(), ancestors, new Set(['i-report'])));
    expect(r).toMatchObject({ status: 403, code: 'not_your_upload' });
    expect(r !== 'allowed' && r.message).toMatch(/only delete documents you uploaded yourself/);
  });
});

describe('customer principal', () => {
  const person = (over: Partial<Contact> = {}): Contact => ({
    contactId: 'c-ann',
    kind: 'person',
    name: 'Ann Example',
    email: 'ann@record.test',
    responsibleStaff: [],
    organisationIds: [],
    access: { state: 'active', userSub: 'sub-ann' },
    archived: false,
    createdAt: '',
    createdBy: '',
    ...over,
  });
  const org = (contactId: string, state: 'active' | 'closed'): Contact =>
    person({ contactId, kind: 'organisation', name: contactId, email: undefined, access: { state } });
  const claims = { sub: 'sub-ann', token_use: 'id', 'custom:contactId': 'c-ann' };

  it('a contact whose access was never closed lets in any ID token of its user, however old', () => {
    expect(refusal(() => customerPrincipal({ ...claims, iat: '1' }, person()))).toBe('allowed');
    expect(refusal(() => customerPrincipal(claims, person()))).toBe('allowed');
  });

  it('after a close, a token without an issue time counts as issued before it', () => {
    const closedOnce = person({ access: { state: 'active', userSub: 'sub-ann', tokensValidAfter: 1000 } });
    expect(refusal(() => customerPrincipal(claims, closedOnce))).toMatchObject({ status: 403, code: 'access_closed' });
    expect(refusal(() => customerPrincipal({ ...claims, iat: 1000 }, closedOnce))).toBe('allowed');
  });

  it('is a customer, named as the contact record names them', () => {
    expect(customerPrincipal(claims, person())).toMatchObject({ kind: 'customer', sub: 'sub-ann', contactId: 'c-ann', name: 'Ann Example' });
  });

  it('takes the email from the token, else from the contact record, else leaves it empty', () => {
    expect(customerPrincipal({ ...claims, email: 'ann@token.test' }, person()).email).toBe('ann@token.test');
    expect(customerPrincipal(claims, person()).email).toBe('ann@record.test');
    expect(customerPrincipal(claims, person({ email: undefined })).email).toBe('');
  });

  it('judges each organisation on its own record: a closed one opens nothing, whatever the order they were loaded in', () => {
    const linked = person({ organisationIds: ['org-open', 'org-closed'] });
    const open = org('org-open', 'active');
    const closed = org('org-closed', 'closed');
    expect(customerPrincipal(claims, linked, undefined, [open, closed]).granteeIds).toEqual(['c-ann', 'org-open']);
    expect(customerPrincipal(claims, linked, undefined, [closed, open]).granteeIds).toEqual(['c-ann', 'org-open']);
  });
});

describe('staff principal', () => {
  it('is a staff caller with the token\'s sub and email', () => {
    expect(staffPrincipal({ sub: 's-1', email: 'sam@firm.test', token_use: 'id' })).toEqual({ kind: 'staff', sub: 's-1', email: 'sam@firm.test', isAdmin: false });
  });

  it('an admin passes the admin check; anyone else is refused', () => {
    const admin = staffPrincipal({ sub: 's-1', email: 'sam@firm.test', token_use: 'id', 'cognito:groups': ['admins'] });
    expect(refusal(() => requireAdmin(admin))).toBe('allowed');
    expect(refusal(() => requireAdmin({ ...admin, isAdmin: false }))).toMatchObject({ status: 403, code: 'admin_only' });
  });
});

describe('group claims', () => {
  it('splits a flattened list on spaces or commas', () => {
    expect(claimList('[admins staff]')).toEqual(['admins', 'staff']);
    expect(claimList('[admins,staff]')).toEqual(['admins', 'staff']);
    expect(claimList('[admins, staff]')).toEqual(['admins', 'staff']);
  });

  it('reads a single group without brackets as that group', () => {
    expect(claimList('admins')).toEqual(['admins']);
  });

  it('ignores spaces around the list', () => {
    expect(claimList(' [admins] ')).toEqual(['admins']);
  });

  it('unwraps only a list bracketed at both ends', () => {
    expect(claimList('[admins')).toEqual(['[admins']);
    expect(claimList('admins]')).toEqual(['admins]']);
  });

  it('reads an empty list or an empty claim as no groups', () => {
    expect(claimList('[]')).toEqual([]);
    expect(claimList('')).toEqual([]);
  });

  it('takes a real array value by value, never splitting a value', () => {
    expect(claimList(['partners,admins', '[staff]'])).toEqual(['partners,admins', '[staff]']);
  });
});

describe('every refusal tells the person what to do', () => {
  const messageOf = (fn: () => unknown) => {
    const r = refusal(fn);
    if (r === 'allowed') throw new Error('expected a refusal');
    return r.message;
  };

  it('a token that is not an ID token: sign in again', () => {
    expect(messageOf(() => staffPrincipal({ sub: 's', email: 'e', token_use: 'access' }))).toMatch(/^Sign in again/);
  });

  it('a staff caller who is not an admin: only administrators may do this', () => {
    expect(messageOf(() => requireAdmin({ kind: 'staff', sub: 's', email: 'e', isAdmin: false }))).toMatch(/Only portal administrators/);
  });

  it('a disabled staff account: ask an administrator', () => {
    expect(messageOf(() => activeStaff({ kind: 'staff', sub: 's', email: 'e', isAdmin: true }, true))).toMatch(/disabled\. Ask an administrator/);
  });

  it('a closed portal: names the firm and says to try again later', () => {
    expect(portalClosed('Smith & Co').message).toBe('The Smith & Co portal is closed at the moment. Please try again later or contact the firm.');
  });

  it('closed access: contact the firm', () => {
    expect(accessClosed().message).toMatch(/access to the portal is closed\. Please contact the firm/);
  });

  it('an attachment control names the action the firm does not allow and says viewing remains', () => {
    expect(messageOf(() => requireAttachmentControl(false, 'upload'))).toMatch(/^The firm does not let customers upload documents at the moment\. Documents you can see stay available/);
    expect(messageOf(() => requireAttachmentControl(false, 'replace'))).toMatch(/not let customers replace your uploads/);
    expect(messageOf(() => requireAttachmentControl(false, 'delete'))).toMatch(/not let customers delete your uploads/);
    expect(refusal(() => requireAttachmentControl(true, 'upload'))).toBe('allowed');
  });
});
