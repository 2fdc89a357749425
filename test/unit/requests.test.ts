/** The rules of a customer's request (F21): what a request may say, and how staff decide it. */
import { beforeEach, describe, expect, it } from 'vitest';
import { accepted, checkAcceptance, declined, newRequest, requestSummary, requireOpen, requireOpenForFiles, type Candidate, type MatterRequest, type RequestInput } from '../../shared/domain/requests.ts';

const now = new Date('2026-03-01T10:00:00.000Z');
const ids = { requestId: 'r-1', requesterId: 'c-ann', requesterName: 'Ann' };
const kinds = [{ name: 'new matter' }, { name: 'contract request' }];
const candidates: Candidate[] = [
  { contactId: 'c-opp', name: 'Opponent Ltd', kind: 'organisation' },
  { contactId: 'c-org', name: 'Ann Co', kind: 'organisation' },
];

function refusal(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a refusal');
}

const make = (input: Partial<RequestInput>) => newRequest({ kind: 'new matter', title: 'Lease', involved: [], ...input }, ids, kinds, candidates, now);

describe('a new request', () => {
  it('keeps what the customer sent, trimmed, with the picked contacts named as the firm has them, open', () => {
    const request = make({
      kind: 'contract request',
      title: '  Supply contract ',
      description: '  For the warehouse. ',
      involved: [{ contactId: 'c-opp' }, { name: '  New Co ', email: 'New@Co.TEST', kind: 'organisation' }, { name: 'Eve', kind: 'person' }],
    });
    expect(request).toEqual({
      requestId: 'r-1',
      requesterId: 'c-ann',
      requesterName: 'Ann',
      kind: 'contract request',
      title: 'Supply contract',
      description: 'For the warehouse.',
      involved: [
        { source: 'existing', contactId: 'c-opp', name: 'Opponent Ltd', kind: 'organisation' },
        { source: 'customer', name: 'New Co', email: 'new@co.test', kind: 'organisation' },
        { source: 'customer', name: 'Eve', kind: 'person' },
      ],
      state: 'open',
      createdAt: '2026-03-01T10:00:00.000Z',
    });
  });

  it('leaves out a description of spaces only', () => {
    expect(make({ description: '   ' })).not.toHaveProperty('description');
    expect(make({})).not.toHaveProperty('description');
  });

  it.each([
    ['a kind not in the list', { kind: 'divorce' }, 'kind: "divorce" is not one of the kinds of request (new matter, contract request).'],
    ['a title of spaces', { title: '  ' }, 'title: say in a few words what you are asking for.'],
    ['a contact not offered to this customer', { involved: [{ contactId: 'c-stranger' }] }, 'involved: c-stranger is not one of the contacts you can pick; add them as new instead.'],
    ['a new contact without a name', { involved: [{ name: ' ', kind: 'person' as const }] }, 'involved: give the name of each company or person you add.'],
    ['the same contact twice', { involved: [{ contactId: 'c-opp' }, { contactId: 'c-opp' }] }, 'involved: each contact is named once.'],
    ['21 people', { involved: Array.from({ length: 21 }, (_, i) => ({ name: `P${i}`, kind: 'person' as const })) }, 'involved: name at most 20 companies or persons.'],
    ['11 new contacts', { involved: Array.from({ length: 11 }, (_, i) => ({ name: `P${i}`, kind: 'person' as const })) }, 'involved: add at most 10 new companies or persons; the firm can add more later.'],
  ])('refuses %s with a 400 that says what to change', (_what, input, message) => {
    expect(refusal(() => make(input))).toMatchObject({ status: 400, code: 'invalid_request', message });
  });

  it('takes 20 people, 10 of them new', () => {
    const many: Candidate[] = Array.from({ length: 10 }, (_, i) => ({ contactId: `c-${i}`, name: `C${i}`, kind: 'person' }));
    const involved = [...many.map((c) => ({ contactId: c.contactId })), ...Array.from({ length: 10 }, (_, i) => ({ name: `P${i}`, kind: 'person' as const }))];
    expect(newRequest({ kind: 'new matter', title: 'T', involved }, ids, kinds, many, now).involved).toHaveLength(20);
  });

  it('takes 10 new contacts beside the ones picked', () => {
    const involved = [...Array.from({ length: 10 }, (_, i) => ({ name: `P${i}`, kind: 'person' as const })), { contactId: 'c-opp' }];
    expect(make({ involved }).involved).toHaveLength(11);
    const twenty = [...Array.from({ length: 10 }, (_, i) => ({ name: `P${i}`, kind: 'person' as const })), { contactId: 'c-opp' }, { contactId: 'c-org' }];
    expect(make({ involved: twenty }).involved).toHaveLength(12);
  });

  it('summarises a request for the lists without its description, people or staff', () => {
    const request: MatterRequest = { ...make({ description: 'x', involved: [{ contactId: 'c-opp' }] }), state: 'accepted', decidedBy: 'sam@firm.test', decidedAt: '2026-03-02T00:00:00.000Z', matterId: 'r-1' };
    expect(requestSummary(request)).toEqual({ requestId: 'r-1', requesterId: 'c-ann', requesterName: 'Ann', kind: 'new matter', title: 'Lease', state: 'accepted', createdAt: '2026-03-01T10:00:00.000Z', decidedAt: '2026-03-02T00:00:00.000Z', matterId: 'r-1' });
    expect(requestSummary(make({}))).toEqual({ requestId: 'r-1', requesterId: 'c-ann', requesterName: 'Ann', kind: 'new matter', title: 'Lease', state: 'open', createdAt: '2026-03-01T10:00:00.000Z' });
  });
});

describe('deciding a request', () => {
  // Made in each test, not while the file is collected: a refusal there would fail no test.
  let open: MatterRequest;
  beforeEach(() => {
    open = make({ involved: [{ contactId: 'c-opp' }, { name: 'New Co', kind: 'organisation' }] });
  });
  const later = new Date('2026-03-02T09:00:00.000Z');

  it('accepting records who, when and the matter', () => {
    expect(accepted(open, 'sam@firm.test', 'm-1', later)).toEqual({ ...open, state: 'accepted', decidedBy: 'sam@firm.test', decidedAt: '2026-03-02T09:00:00.000Z', matterId: 'm-1' });
  });

  it('declining records who, when and the reason, trimmed; a reason is required', () => {
    expect(declined(open, 'sam@firm.test', '  Not our field. ', later)).toEqual({ ...open, state: 'declined', decidedBy: 'sam@firm.test', decidedAt: '2026-03-02T09:00:00.000Z', declineReason: 'Not our field.' });
    expect(refusal(() => declined(open, 'sam@firm.test', '  ', later))).toMatchObject({ status: 400, code: 'invalid_request', message: 'reason: tell the customer why; the reason is emailed to them.' });
  });

  it('a decided request is decided once: staff are told who decided, the customer only that it was', () => {
    const done = accepted(open, 'sam@firm.test', 'm-1', later);
    const message = 'This request was accepted by sam@firm.test already.';
    expect(refusal(() => requireOpen(done))).toMatchObject({ status: 409, code: 'request_decided', message });
    expect(refusal(() => accepted(done, 'kim@firm.test', 'm-2', later))).toMatchObject({ status: 409, message });
    expect(refusal(() => declined(done, 'kim@firm.test', 'late', later))).toMatchObject({ status: 409, message });
    expect(() => requireOpen(open)).not.toThrow();
    expect(() => requireOpenForFiles(open)).not.toThrow();
    expect(refusal(() => requireOpenForFiles(done))).toMatchObject({ status: 409, code: 'request_decided', message: 'This request has been accepted, so it takes no more files: send them in the matter it became.' });
    const no = declined(open, 'sam@firm.test', 'No.', later);
    expect(refusal(() => requireOpenForFiles(no))).toMatchObject({ status: 409, code: 'request_decided', message: 'This request has been declined, so it takes no more files. Send a new request if you need to.' });
  });

  it('staff decide once per person named, merge only what the customer added, and give the matter to the requester or one of their organisations', () => {
    const two = [{ partyType: 'opponent' }, { partyType: 'opponent', mergeInto: 'c-other' }];
    expect(() => checkAcceptance(open, two, 'c-ann', [])).not.toThrow();
    expect(() => checkAcceptance(open, two, 'c-org', ['c-org'])).not.toThrow();
    expect(refusal(() => checkAcceptance(open, [{ partyType: 'opponent' }], 'c-ann', []))).toMatchObject({ status: 400, message: 'involved: decide for each of the 2 companies or persons named, in order.' });
    expect(refusal(() => checkAcceptance(open, [{ partyType: 'opponent', mergeInto: 'c-x' }, { partyType: 'opponent' }], 'c-ann', []))).toMatchObject({
      status: 400,
      message: 'involved: entry 1 is an existing contact already; only contacts the customer added are merged.',
    });
    expect(refusal(() => checkAcceptance(open, two, 'c-opp', ['c-org']))).toMatchObject({ status: 400, message: 'clientId: the client is the requester or one of their organisations.' });
  });
});
