/**
 * Requests (F21) in the access policy: whom a customer may name (every tie a contact can have to
 * the customer × archived), whose request a customer reaches, and what of it they see. Written from
 * the rules in issue 12: the contacts tied to the customer's own matters and organisations, never
 * a search of the firm's contacts.
 */
import { describe, expect, it } from 'vitest';
import { customerViewOfRequest, requestCandidates, visibleRequest } from '../../shared/domain/access-policy.ts';
import type { Matter, MatterLists } from '../../shared/domain/matters.ts';
import type { Contact, CustomerPrincipal } from '../../shared/domain/model.ts';
import type { MatterRequest } from '../../shared/domain/requests.ts';

/** Ann, with Org A open (in her grantees); Org B is linked but closed (not in them). */
const ann: CustomerPrincipal = { kind: 'customer', sub: 'sub-ann', email: 'ann@x.test', contactId: 'c-ann', name: 'Ann', granteeIds: ['c-ann', 'c-org-a'] };

const lists: MatterLists = {
  statuses: [{ name: 'open', customerLabel: 'In progress' }],
  partyTypes: [
    { name: 'opponent', customerVisible: true },
    { name: 'internal contact', customerVisible: false },
  ],
  flags: [],
  documentTypes: [],
  requestKinds: [],
};

const contact = (contactId: string, over: Partial<Contact> = {}): Contact => ({
  contactId,
  kind: 'person',
  name: `Name of ${contactId}`,
  responsibleStaff: [],
  organisationIds: [],
  access: { state: 'none' },
  archived: false,
  createdAt: '2026-01-01T00:00:00.000Z',
  createdBy: 'sam@firm.test',
  ...over,
});

const matter = (clientId: string, parties: Matter['parties'], over: Partial<Matter> = {}): Matter => ({
  matterId: `m-${clientId}`,
  reference: 'M-1',
  title: 'T',
  status: 'open',
  deadlines: [],
  clientId,
  parties,
  responsibleStaff: [],
  tasks: [],
  flags: [],
  approval: { state: 'pending' },
  archived: false,
  folderId: 'f',
  createdAt: '2026-01-01T00:00:00.000Z',
  createdBy: 'sam@firm.test',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...over,
});

describe('whom a customer may name in a request: every tie × the contact archived or not', () => {
  // [tie, the matters read, offered when the contact is live]
  const ties: [string, Matter[], boolean][] = [
    ['her open organisation', [], true],
    ['an opponent (customer-visible type) on her own matter', [matter('c-ann', [{ contactId: 'c-x', partyType: 'opponent' }])], true],
    ["an opponent on her open organisation's matter", [matter('c-org-a', [{ contactId: 'c-x', partyType: 'opponent' }])], true],
    ['an internal contact (hidden type) on her own matter', [matter('c-ann', [{ contactId: 'c-x', partyType: 'internal contact' }])], false],
    ['a party whose type was removed from the list', [matter('c-ann', [{ contactId: 'c-x', partyType: 'gone type' }])], false],
    ['an opponent on her archived matter', [matter('c-ann', [{ contactId: 'c-x', partyType: 'opponent' }], { archived: true })], false],
    ["an opponent on her closed organisation's matter", [matter('c-org-b', [{ contactId: 'c-x', partyType: 'opponent' }])], false],
    ["the client of a matter she is only a party to", [matter('c-x', [{ contactId: 'c-ann', partyType: 'opponent' }])], false],
    ["a co-party on a matter she is only a party to", [matter('c-bob', [{ contactId: 'c-ann', partyType: 'opponent' }, { contactId: 'c-x', partyType: 'opponent' }])], false],
    ['someone read but tied to nothing of hers', [], false],
  ];
  for (const [tie, matters, offered] of ties) {
    for (const archived of [false, true]) {
      const expected = offered && !archived;
      it(`${tie}, archived ${archived} → ${expected ? 'offered' : 'not offered'}`, () => {
        const id = tie === 'her open organisation' ? 'c-org-a' : 'c-x';
        const candidates = requestCandidates(ann, matters, [contact(id, { archived, kind: 'organisation' })], lists);
        expect(candidates).toEqual(expected ? [{ contactId: id, name: `Name of ${id}`, kind: 'organisation' }] : []);
      });
    }
  }

  it('never offers the customer herself, even as the client of her own matter or a party to it', () => {
    const matters = [matter('c-ann', [{ contactId: 'c-ann', partyType: 'opponent' }])];
    expect(requestCandidates(ann, matters, [contact('c-ann')], lists)).toEqual([]);
  });

  it("offers her organisation as the client of its matters, and each contact once, by name then id, with only id, name and kind", () => {
    const matters = [matter('c-org-a', [{ contactId: 'c-y', partyType: 'opponent' }]), matter('c-ann', [{ contactId: 'c-y', partyType: 'opponent' }, { contactId: 'c-z', partyType: 'opponent' }])];
    const contacts = [contact('c-z', { name: 'Bea', email: 'bea@x.test', notes: 'secret' }), contact('c-y', { name: 'Abe' }), contact('c-org-a', { name: 'Bea' })];
    expect(requestCandidates(ann, matters, contacts, lists)).toEqual([
      { contactId: 'c-y', name: 'Abe', kind: 'person' },
      { contactId: 'c-org-a', name: 'Bea', kind: 'person' },
      { contactId: 'c-z', name: 'Bea', kind: 'person' },
    ]);
  });

  it('offers nothing that was not read, whatever the ties', () => {
    expect(requestCandidates(ann, [matter('c-ann', [{ contactId: 'c-x', partyType: 'opponent' }])], [], lists)).toEqual([]);
  });
});

const request = (over: Partial<MatterRequest> = {}): MatterRequest => ({
  requestId: 'r-1',
  requesterId: 'c-ann',
  requesterName: 'Ann',
  kind: 'new matter',
  title: 'Lease',
  involved: [],
  state: 'declined',
  createdAt: '2026-01-01T00:00:00.000Z',
  decidedBy: 'sam@firm.test',
  decidedAt: '2026-01-02T00:00:00.000Z',
  declineReason: 'Not our field.',
  ...over,
});

describe('whose request a customer reaches', () => {
  it('their own', () => {
    const own = request();
    expect(visibleRequest(ann, own)).toBe(own);
  });

  const notFound = expect.objectContaining({ status: 404, code: 'not_found', message: 'No such request, or it is not shared with you.' });
  it.each([
    ['missing', undefined],
    ["another customer's", request({ requesterId: 'c-bob' })],
    ["her open organisation's contact id as requester (requests are personal)", request({ requesterId: 'c-org-a' })],
  ])('%s: the same 404', (_what, r) => {
    expect(() => visibleRequest(ann, r)).toThrow(notFound);
  });

  it('sees everything of it but who of the staff decided and the requester id', () => {
    const { decidedBy: _d, requesterId: _r, ...rest } = request();
    expect(customerViewOfRequest(request())).toEqual(rest);
  });
});
