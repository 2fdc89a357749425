/**
 * Customer requests (F21) through both APIs with real tokens: the form offers only the contacts
 * tied to the customer's own matters and organisations; a request names them or adds new ones,
 * carries files straight to S3, and tells the responsible staff by email; staff accept it (a
 * matter with the client, the parties, the new contact created or merged, and the files as the
 * client's documents) or decline it with a reason the customer is emailed. Nobody else reaches a
 * request, and a refused request changes nothing.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { customerSession, expectStatus, mailTo, putToUrl, staffSession } from '../support/world.ts';

type Staff = Awaited<ReturnType<typeof staffSession>>;
type Customer = Awaited<ReturnType<typeof customerSession>>;

const tag = randomUUID().slice(0, 8);
let staff: Staff;
let ann: Customer;
let bob: Customer;
let org: any;
let opponent: any;
let hiddenParty: any;
let stranger: any;
let firmName: string;
let lists: any;

const staffRequest = async (id: string) => expectStatus(await staff.api.get(`/requests/${id}`), 200);

beforeAll(async () => {
  staff = await staffSession({ name: 'Request Staff' });
  firmName = expectStatus(await staff.api.get('/settings'), 200).branding.firmName;
  lists = expectStatus(await staff.api.get('/matter-lists'), 200);
  const visibleType = lists.partyTypes.find((p: any) => p.customerVisible).name;
  const internalType = lists.partyTypes.find((p: any) => !p.customerVisible).name;
  const contact = async (kind: string, name: string) => expectStatus(await staff.api.post('/contacts', { kind, name: `${name} ${tag}`, email: `${name.replace(/ /g, '-').toLowerCase()}-${tag}@example.test` }), 201);
  [org, opponent, hiddenParty, stranger] = await Promise.all([contact('organisation', 'Ann Company'), contact('organisation', 'Opponent Ltd'), contact('person', 'Hidden Witness'), contact('person', 'Stranger')]);
  expectStatus(await staff.api.post(`/contacts/${org.contactId}/access`), 200);
  [ann, bob] = await Promise.all([customerSession(staff, { name: `Ann Requests ${tag}`, organisationIds: [org.contactId] }), customerSession(staff, { name: `Bob Requests ${tag}` })]);
  const parties = [
    { contactId: opponent.contactId, partyType: visibleType },
    { contactId: hiddenParty.contactId, partyType: internalType },
  ];
  expectStatus(await staff.api.post('/matters', { title: `Existing ${tag}`, clientId: ann.contact.contactId, parties }), 201);
  // Bob's matter names the stranger: nothing of it may reach Ann's form.
  expectStatus(await staff.api.post('/matters', { title: `Bob's ${tag}`, clientId: bob.contact.contactId, parties: [{ contactId: stranger.contactId, partyType: visibleType }] }), 201);
});

describe('customer requests', () => {
  let request: any;

  it("the form offers the admins' kinds and only the contacts tied to the customer's own matters and organisations", async () => {
    const form = expectStatus(await ann.api.get('/request-form'), 200);
    expect(form.kinds).toEqual(lists.requestKinds.map((k: any) => k.name));
    expect(form.contacts.map((c: any) => c.contactId).sort()).toEqual([org.contactId, opponent.contactId].sort());
    expect(JSON.stringify(form)).not.toContain(hiddenParty.contactId);
    expect(JSON.stringify(form)).not.toContain(stranger.contactId);
    expect(expectStatus(await bob.api.get('/request-form'), 200).contacts.map((c: any) => c.contactId)).toEqual([stranger.contactId]);
  });

  it('naming a contact the customer may not pick, or an unknown kind, is a clear 400 and nothing is written or sent', async () => {
    const kind = lists.requestKinds[0].name;
    for (const body of [
      { kind, title: 'Sneaky', involved: [{ contactId: stranger.contactId }] },
      { kind, title: 'Sneaky', involved: [{ contactId: hiddenParty.contactId }] },
      { kind: 'no such kind', title: 'Sneaky' },
      { kind, title: '   ' },
      { kind, title: 'Sneaky', involved: [{ name: 'New Co', kind: 'robot' }] },
    ]) {
      expect(expectStatus(await ann.api.post('/requests', body), 400).error.code).toBe('invalid_request');
    }
    expect(expectStatus(await ann.api.get('/requests'), 200).items).toEqual([]);
    expect(expectStatus(await staff.api.get('/requests?limit=100'), 200).items.map((r: any) => r.title)).not.toContain('Sneaky');
  });

  it('a request names an existing contact and a new company, carries a file, and the responsible staff are emailed without its title', async () => {
    request = expectStatus(
      await ann.api.post('/requests', {
        kind: lists.requestKinds[1].name,
        title: `Supply contract ${tag}`,
        description: 'For the new warehouse.',
        involved: [{ contactId: opponent.contactId }, { name: `Brand New Co ${tag}`, email: `NEW-${tag}@Example.test`, kind: 'organisation' }],
      }),
      201,
    );
    expect(request).toMatchObject({ state: 'open', title: `Supply contract ${tag}`, involved: [{ source: 'existing', contactId: opponent.contactId }, { source: 'customer', email: `new-${tag}@example.test` }] });
    expect(request.decidedBy).toBeUndefined();
    const started = expectStatus(await ann.api.post(`/requests/${request.requestId}/uploads`, { files: [{ name: 'site-plan.txt', size: 4, contentType: 'text/plain' }] }), 201);
    expect(await putToUrl(started.uploads[0].upload, 'plan')).toBe(200);
    await expect.poll(async () => expectStatus(await ann.api.get(`/requests/${request.requestId}`), 200).files.map((f: any) => f.name)).toEqual(['site-plan.txt']);
    const mails = (await mailTo(staff.email)).filter((m) => m.subject.startsWith(`New request from ${ann.contact.name}`));
    expect(mails).toHaveLength(1);
    expect(mails[0].body.text).toContain(`/requests/${request.requestId}`);
    expect(mails[0].body.text).not.toContain('Supply contract');
    const queue = expectStatus(await staff.api.get('/requests?limit=100'), 200).items;
    expect(queue.map((r: any) => r.requestId)).toContain(request.requestId);
    expect(expectStatus(await ann.api.get('/requests'), 200).items.map((r: any) => r.requestId)).toEqual([request.requestId]);
  });

  it('nobody else reaches the request: the same 404 as a missing one, for reading and for files', async () => {
    const missing = expectStatus(await bob.api.get(`/requests/nosuch${tag}`), 404);
    expect(expectStatus(await bob.api.get(`/requests/${request.requestId}`), 404)).toEqual(missing);
    expect(expectStatus(await bob.api.post(`/requests/${request.requestId}/uploads`, { files: [{ name: 'x.txt', size: 1, contentType: 'text/plain' }] }), 404)).toEqual(missing);
    expect(expectStatus(await bob.api.get('/requests'), 200).items).toEqual([]);
  });

  it('staff accept it: a matter for the client with both parties, the new company merged or created, the files as the client\'s documents, the customer emailed', async () => {
    const seen = await staffRequest(request.requestId);
    expect(seen.files.map((f: any) => f.name)).toEqual(['site-plan.txt']);
    const visibleType = lists.partyTypes.find((p: any) => p.customerVisible).name;
    // Refused whole first: a merge asked for an existing contact, a wrong count, a client who is not the requester's.
    for (const body of [
      { involved: [{ partyType: visibleType, mergeInto: org.contactId }, { partyType: visibleType }] },
      { involved: [{ partyType: visibleType }] },
      { involved: [{ partyType: visibleType }, { partyType: visibleType }], clientId: opponent.contactId },
      { involved: [{ partyType: 'no such type' }, { partyType: visibleType }] },
    ]) {
      expect(expectStatus(await staff.api.post(`/requests/${request.requestId}/accept`, body), 400).error.code).toBe('invalid_request');
    }
    expect((await staffRequest(request.requestId)).state).toBe('open');

    const { matter, request: decided } = expectStatus(
      await staff.api.post(`/requests/${request.requestId}/accept`, { involved: [{ partyType: visibleType }, { partyType: visibleType }], clientId: org.contactId }),
      201,
    );
    expect(decided).toMatchObject({ state: 'accepted', decidedBy: staff.email, matterId: matter.matterId });
    expect(matter).toMatchObject({ title: `Supply contract ${tag}`, clientId: org.contactId, description: 'For the new warehouse.' });
    expect(matter.parties).toHaveLength(2);
    const created = matter.parties.find((p: any) => p.contactId !== opponent.contactId);
    expect(expectStatus(await staff.api.get(`/contacts/${created.contactId}`), 200)).toMatchObject({ name: `Brand New Co ${tag}`, kind: 'organisation', email: `new-${tag}@example.test` });
    // The customer sees the matter and, as what they sent, the file of their request.
    expect(expectStatus(await ann.api.get(`/matters/${matter.matterId}`), 200).reference).toBe(matter.reference);
    expect(expectStatus(await ann.api.get(`/matters/${matter.matterId}/uploads`), 200).items.map((i: any) => i.name)).toEqual(['site-plan.txt']);
    expect(expectStatus(await ann.api.get(`/requests/${request.requestId}`), 200)).toMatchObject({ state: 'accepted', matterId: matter.matterId });
    expect(JSON.stringify(expectStatus(await ann.api.get(`/requests/${request.requestId}`), 200))).not.toContain(staff.email);
    const mails = (await mailTo(ann.email)).filter((m) => m.subject === `${firmName} accepted your request: ${matter.reference}`);
    expect(mails).toHaveLength(1);
    expect(mails[0].body.text).toContain(`/matters/${matter.matterId}`);
    // Decided once; no more files.
    expect(expectStatus(await staff.api.post(`/requests/${request.requestId}/decline`, { reason: 'late' }), 409).error.code).toBe('request_decided');
    expect(expectStatus(await ann.api.post(`/requests/${request.requestId}/uploads`, { files: [{ name: 'x.txt', size: 1, contentType: 'text/plain' }] }), 409).error.code).toBe('request_decided');
    const trail = expectStatus(await staff.api.get(`/contacts/${ann.contact.contactId}/audit?limit=20`), 200).items.map((e: any) => e.action);
    expect(trail).toEqual(expect.arrayContaining(['request.submitted', 'request.accepted']));
  });

  it("a contact the customer added merges into an existing one when staff say so: no new contact, the existing one a party", async () => {
    const posted = expectStatus(await bob.api.post('/requests', { kind: lists.requestKinds[0].name, title: `Merge ${tag}`, involved: [{ name: 'Opponent Limited', kind: 'organisation' }] }), 201);
    const visibleType = lists.partyTypes.find((p: any) => p.customerVisible).name;
    const { matter } = expectStatus(await staff.api.post(`/requests/${posted.requestId}/accept`, { involved: [{ partyType: visibleType, mergeInto: opponent.contactId }] }), 201);
    expect(matter.parties).toEqual([{ contactId: opponent.contactId, partyType: visibleType }]);
    expect(matter.clientId).toBe(bob.contact.contactId);
  });

  it('staff decline a request with a reason: the customer is emailed the reason and sees it; an empty reason is refused', async () => {
    const posted = expectStatus(await bob.api.post('/requests', { kind: lists.requestKinds[0].name, title: `Decline me ${tag}` }), 201);
    expect(expectStatus(await staff.api.post(`/requests/${posted.requestId}/decline`, { reason: '  ' }), 400).error.code).toBe('invalid_request');
    expectStatus(await staff.api.post(`/requests/${posted.requestId}/decline`, { reason: `We do not handle this kind of work ${tag}.` }), 200);
    expect(expectStatus(await bob.api.get(`/requests/${posted.requestId}`), 200)).toMatchObject({ state: 'declined', declineReason: `We do not handle this kind of work ${tag}.` });
    const mails = (await mailTo(bob.email)).filter((m) => m.subject === `${firmName} answered your request`);
    expect(mails).toHaveLength(1);
    expect(mails[0].body.text).toContain(`We do not handle this kind of work ${tag}.`);
    const declined = expectStatus(await staff.api.get('/requests?state=declined&limit=100'), 200).items.map((r: any) => r.requestId);
    expect(declined).toContain(posted.requestId);
    expect(expectStatus(await staff.api.get('/requests?limit=100'), 200).items.map((r: any) => r.requestId)).not.toContain(posted.requestId);
  });
});
