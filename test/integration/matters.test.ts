/** Matters for staff (F20, F22) through the staff API, with real tokens: create, lists and their filters, edits, approval, lists of values. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectStatus, staffSession, uniqueEmail } from '../support/world.ts';

let admin: Awaited<ReturnType<typeof staffSession>>;
let staff: Awaited<ReturnType<typeof staffSession>>;
let originalLists: any;
const tag = randomUUID().slice(0, 8);
const STATUS_A = `intake ${tag}`;
const STATUS_B = `review ${tag}`;

beforeAll(async () => {
  [admin, staff] = await Promise.all([staffSession({ admin: true, name: 'Matter Admin' }), staffSession({ name: 'Matter Staff' })]);
  originalLists = expectStatus(await staff.api.get('/matter-lists'), 200);
  // The firm's lists with this file's own statuses in front, so nothing another file lists is disturbed.
  const lists = {
    ...originalLists,
    statuses: [{ name: STATUS_A, customerLabel: 'Starting' }, { name: STATUS_B, customerLabel: 'Being reviewed' }, ...originalLists.statuses.filter((s: any) => !s.name.endsWith(tag))],
  };
  expectStatus(await admin.api.raw('PUT', '/matter-lists', lists), 200);
});

afterAll(async () => {
  await admin.api.raw('PUT', '/matter-lists', { ...originalLists, statuses: originalLists.statuses.filter((s: any) => !s.name.endsWith(tag)) });
});

const contact = async (name: string, kind: 'person' | 'organisation' = 'person') => expectStatus(await staff.api.post('/contacts', { kind, name: `${name} ${tag}` }), 201);

/** Every matter of a list, walked one page at a time: each page holds one, only the last has no cursor. */
async function walk(query: string): Promise<any[]> {
  const seen: any[] = [];
  let cursor: string | undefined;
  do {
    const page = expectStatus(await staff.api.get(`/matters?${query}&limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`), 200);
    expect(page.items).toHaveLength(1);
    seen.push(page.items[0]);
    cursor = page.cursor;
  } while (cursor && seen.length < 50);
  return seen;
}

describe('creating a matter', () => {
  it('takes the firm\'s next reference, the first status, the creator as responsible, pending approval, and a folder in the drive', async () => {
    const client = await contact('Client Ada');
    const matter = expectStatus(await staff.api.post('/matters', { title: 'Lease dispute', clientId: client.contactId }), 201);
    expect(matter).toMatchObject({ title: 'Lease dispute', clientId: client.contactId, status: STATUS_A, responsibleStaff: [staff.email], approval: { state: 'pending' }, archived: false, tasks: [], flags: [], parties: [] });
    expect(matter.reference).toMatch(new RegExp(`^M-${new Date().getUTCFullYear()}-\\d{4,}$`));
    expect(expectStatus(await staff.api.get(`/matters/${matter.matterId}`), 200)).toEqual(matter);
    // Its folder is in the drive, named after it.
    expectStatus(await staff.api.get(`/drive/folders/${matter.folderId}/items`), 200);
    const root = expectStatus(await staff.api.get(`/drive/folders/root/items?limit=200`), 200);
    const trail = expectStatus(await staff.api.get(`/contacts/${client.contactId}/audit`), 200);
    expect(trail.items[0]).toMatchObject({ action: 'matter.created', actor: staff.email, matterId: matter.matterId, contactId: client.contactId, details: { reference: matter.reference, folderId: matter.folderId } });
    expect(root.items.length).toBeGreaterThan(0);
  });

  it('two matters created one after the other take consecutive numbers', async () => {
    const client = await contact('Client Ben');
    const first = expectStatus(await staff.api.post('/matters', { title: 'One', clientId: client.contactId }), 201);
    const second = expectStatus(await staff.api.post('/matters', { title: 'Two', clientId: client.contactId }), 201);
    const number = (m: any) => Number(m.reference.split('-')[2]);
    expect(number(second)).toBeGreaterThan(number(first));
  });

  it('matters created at the same time from the sequence all get a reference of their own', async () => {
    const client = await contact('Client Cy');
    const made = await Promise.all([1, 2, 3].map((i) => staff.api.post('/matters', { title: `Parallel ${i}`, clientId: client.contactId })));
    const references = made.map((r) => expectStatus(r, 201).reference);
    expect(new Set(references).size).toBe(3);
  });

  it('a typed reference is unique whatever its case: of two creates racing for it exactly one wins', async () => {
    const client = await contact('Client Dee');
    const reference = `R-${tag}`;
    const raced = await Promise.all([1, 2].map((i) => staff.api.post('/matters', { title: `Race ${i}`, clientId: client.contactId, reference })));
    expect(raced.map((r) => r.status).sort()).toEqual([201, 409]);
    const loser = raced.find((r) => r.status === 409)!;
    expect(loser.body).toEqual({ error: { code: 'reference_taken', message: `reference: "${reference}" is another matter's reference; choose another.` } });
    expect(expectStatus(await staff.api.post('/matters', { title: 'Lower', clientId: client.contactId, reference: reference.toLowerCase() }), 409).error.code).toBe('reference_taken');
    // The loser left nothing behind: one matter for this client.
    expect(expectStatus(await staff.api.get(`/matters?clientId=${client.contactId}`), 200).items).toHaveLength(1);
  });
});

describe('the matter list', () => {
  let client: any;
  const responsible = uniqueEmail('responsible');
  const made: any[] = [];
  beforeAll(async () => {
    client = await contact('Client Eve');
    const specs = [
      { title: 'First', status: STATUS_A, deadlines: [{ label: 'Hearing', date: '1901-01-04', customerVisible: true }] },
      { title: 'Second', status: STATUS_B, responsibleStaff: [responsible], deadlines: [{ label: 'Filing', date: '1901-01-02', customerVisible: false }, { label: 'Later', date: '1901-03-01', customerVisible: true }] },
      { title: 'Third', status: STATUS_B, responsibleStaff: [responsible, staff.email] },
    ];
    for (const spec of specs) made.push(expectStatus(await staff.api.post('/matters', { ...spec, clientId: client.contactId }), 201));
  });

  it('by client, newest first, one page at a time', async () => {
    expect((await walk(`clientId=${client.contactId}`)).map((m) => m.title)).toEqual(['Third', 'Second', 'First']);
  });

  it('by status, and by status within a client', async () => {
    expect((await walk(`status=${encodeURIComponent(STATUS_B)}`)).map((m) => m.title)).toEqual(['Third', 'Second']);
    expect((await walk(`status=${encodeURIComponent(STATUS_A)}&clientId=${client.contactId}`)).map((m) => m.title)).toEqual(['First']);
  });

  it('by responsible staff (any case)', async () => {
    expect((await walk(`responsible=${responsible.toUpperCase()}`)).map((m) => m.title)).toEqual(['Third', 'Second']);
  });

  it('by earliest deadline before a date, soonest first, with the deadline shown', async () => {
    const before = await walk('deadlineBefore=1901-01-05');
    expect(before.map((m) => [m.title, m.nextDeadline])).toEqual([['Second', '1901-01-02'], ['First', '1901-01-04']]);
    expect((await walk('deadlineBefore=1901-01-03')).map((m) => m.title)).toEqual(['Second']);
    expect(expectStatus(await staff.api.get('/matters?deadlineBefore=1901-01-02'), 200)).toEqual({ items: [] });
  });

  it('a summary shows what the list needs and nothing internal', async () => {
    const [third] = expectStatus(await staff.api.get(`/matters?clientId=${client.contactId}&limit=1`), 200).items;
    expect(third).toEqual({
      matterId: made[2].matterId, reference: made[2].reference, title: 'Third', status: STATUS_B, clientId: client.contactId,
      responsibleStaff: [responsible, staff.email], approved: false, archived: false, createdAt: made[2].createdAt, updatedAt: made[2].updatedAt,
    });
  });

  it('a cursor works only for the list it came from', async () => {
    const page = expectStatus(await staff.api.get(`/matters?clientId=${client.contactId}&limit=1`), 200);
    const other = await staff.api.get(`/matters?status=${encodeURIComponent(STATUS_B)}&limit=1&cursor=${encodeURIComponent(page.cursor)}`);
    expect(expectStatus(other, 400).error.code).toBe('invalid_cursor');
  });

  it('refuses a filter it cannot read, clearly', async () => {
    expect(expectStatus(await staff.api.get('/matters?deadlineBefore=soon'), 400).error).toMatchObject({ code: 'invalid_request', message: expect.stringContaining('YYYY-MM-DD') });
    expect(expectStatus(await staff.api.get('/matters?responsible=nobody'), 400).error.code).toBe('invalid_request');
  });
});

describe('changing a matter', () => {
  it('changes what is sent, keeps the rest, moves it between lists, and records it', async () => {
    const [client, opponent] = await Promise.all([contact('Client Fay'), contact('Opponent Gus', 'organisation')]);
    const matter = expectStatus(await staff.api.post('/matters', { title: 'Before', clientId: client.contactId, description: 'Notes' }), 201);
    const changed = expectStatus(
      await staff.api.raw('PATCH', `/matters/${matter.matterId}`, {
        title: 'After',
        status: STATUS_B,
        parties: [{ contactId: opponent.contactId, partyType: originalLists.partyTypes[0].name }],
        tasks: [{ title: 'Draft the reply', dueDate: '2026-07-01', assignee: staff.email }],
        flags: originalLists.flags.slice(0, 1).map((f: any) => f.name),
      }),
      200,
    );
    expect(changed).toMatchObject({ title: 'After', description: 'Notes', status: STATUS_B, parties: [{ contactId: opponent.contactId }], tasks: [{ title: 'Draft the reply', done: false, taskId: expect.any(String) }] });
    expect(expectStatus(await staff.api.get(`/matters/${matter.matterId}`), 200)).toEqual(changed);
    const inList = async (status: string) => (await walk(`status=${encodeURIComponent(status)}&clientId=${client.contactId}`).catch(() => [])).map((m) => m.matterId);
    expect(await inList(STATUS_B)).toEqual([matter.matterId]);
    expect(expectStatus(await staff.api.get(`/matters?status=${encodeURIComponent(STATUS_A)}&clientId=${client.contactId}`), 200).items).toEqual([]);
    const trail = expectStatus(await staff.api.get(`/contacts/${client.contactId}/audit?limit=1`), 200);
    expect(trail.items[0]).toMatchObject({ action: 'matter.updated', matterId: matter.matterId, details: { fields: ['title', 'status', 'parties', 'tasks', 'flags'] } });
  });

  it('a new reference frees the old one; archiving moves it to the archived list', async () => {
    const client = await contact('Client Hal');
    const old = `OLD-${tag}`;
    const matter = expectStatus(await staff.api.post('/matters', { title: 'Renamed', clientId: client.contactId, reference: old }), 201);
    expectStatus(await staff.api.raw('PATCH', `/matters/${matter.matterId}`, { reference: `NEW-${tag}` }), 200);
    expectStatus(await staff.api.post('/matters', { title: 'Takes the old one', clientId: client.contactId, reference: old }), 201);
    expect(expectStatus(await staff.api.raw('PATCH', `/matters/${matter.matterId}`, { reference: old.toLowerCase() }), 409).error.code).toBe('reference_taken');
    expectStatus(await staff.api.raw('PATCH', `/matters/${matter.matterId}`, { archived: true }), 200);
    expect((await walk(`clientId=${client.contactId}`)).map((m) => m.title)).toEqual(['Takes the old one']);
    expect((await walk(`clientId=${client.contactId}&archived=true`)).map((m) => m.title)).toEqual(['Renamed']);
  });
});

describe('approval', () => {
  it('pending → approved (who and when) → reopened; each step recorded, each repeat a conflict', async () => {
    const client = await contact('Client Ivy');
    const matter = expectStatus(await staff.api.post('/matters', { title: 'To approve', clientId: client.contactId }), 201);
    const approved = expectStatus(await staff.api.post(`/matters/${matter.matterId}/approval`), 200);
    expect(approved.approval).toEqual({ state: 'approved', by: staff.email, at: expect.any(String) });
    expect(expectStatus(await staff.api.get(`/matters?clientId=${client.contactId}`), 200).items[0].approved).toBe(true);
    expect(expectStatus(await admin.api.post(`/matters/${matter.matterId}/approval`), 409).error).toEqual({ code: 'already_approved', message: `This matter was approved by ${staff.email}; reopen it first to approve it again.` });
    const reopened = expectStatus(await staff.api.raw('DELETE', `/matters/${matter.matterId}/approval`), 200);
    expect(reopened.approval).toEqual({ state: 'pending' });
    expect(expectStatus(await staff.api.raw('DELETE', `/matters/${matter.matterId}/approval`), 409).error.code).toBe('not_approved');
    const trail = expectStatus(await staff.api.get(`/contacts/${client.contactId}/audit?limit=3`), 200);
    expect(trail.items.map((e: any) => e.action)).toEqual(['matter.reopened', 'matter.approved', 'matter.created']);
    // The matter's own trail, a page at a time: only this matter's entries.
    const first = expectStatus(await staff.api.get(`/matters/${matter.matterId}/activity?limit=2`), 200);
    expect(first.items.map((e: any) => [e.action, e.matterId])).toEqual([['matter.reopened', matter.matterId], ['matter.approved', matter.matterId]]);
    const rest = expectStatus(await staff.api.get(`/matters/${matter.matterId}/activity?limit=2&cursor=${encodeURIComponent(first.cursor)}`), 200);
    expect(rest.items.map((e: any) => e.action)).toEqual(['matter.created']);
  });

  it('an unknown matter is a 404 on every route', async () => {
    const missing = randomUUID();
    expect(expectStatus(await staff.api.get(`/matters/${missing}`), 404).error.code).toBe('not_found');
    expectStatus(await staff.api.post(`/matters/${missing}/approval`), 404);
    expectStatus(await staff.api.raw('DELETE', `/matters/${missing}/approval`), 404);
    expectStatus(await staff.api.raw('PATCH', `/matters/${missing}`, { title: 'x' }), 404);
    expectStatus(await staff.api.get(`/matters/${missing}/activity`), 404);
  });
});

describe('bad input changes nothing', () => {
  let client: any;
  let matter: any;
  beforeAll(async () => {
    client = await contact('Client Jo');
    matter = expectStatus(await staff.api.post('/matters', { title: 'Steady', clientId: client.contactId }), 201);
  });

  const refusals: [string, Record<string, unknown>, string][] = [
    ['a status not in the list', { status: 'no such status' }, 'status: "no such status" is not one of the statuses'],
    ['a party type not in the list', { partyType: 'judge' }, 'parties: "judge" is not one of the party types'],
    ['a flag not in the list', { flags: ['no such flag'] }, 'flags: "no such flag" is not one of the flags'],
    ['a date not in the calendar', { deadlines: [{ label: 'x', date: '2026-02-30', customerVisible: true }] }, 'deadlines: 2026-02-30 is not a date in the calendar.'],
    ['a client that is no contact', { clientId: 'no-such-contact' }, 'clientId: no-such-contact is not a contact.'],
    ['a party that is no contact', { parties: [{ contactId: 'no-such-contact', partyType: 'opponent' }] }, 'parties: no-such-contact is not a contact.'],
    ['a bad reference', { reference: '#1' }, 'reference: use 1 to 40 letters'],
    ['an unknown field', { colour: 'red' }, 'body'],
  ];

  it.each(refusals)('create with %s: 400 with a clear message, and no matter made', async (_, over, message) => {
    const body = 'partyType' in over ? { parties: [{ contactId: 'someone-else', partyType: over.partyType }] } : over;
    const res = await staff.api.post('/matters', { title: 'Refused', clientId: client.contactId, ...body });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(message);
    expect(expectStatus(await staff.api.get(`/matters?clientId=${client.contactId}`), 200).items.map((m: any) => m.title)).toEqual(['Steady']);
  });

  it.each(refusals)('change with %s: 400, and the matter and its trail as they were', async (_, over, message) => {
    const trail = expectStatus(await staff.api.get(`/contacts/${client.contactId}/audit`), 200);
    const body = 'partyType' in over ? { parties: [{ contactId: 'someone-else', partyType: over.partyType }] } : over;
    const res = await staff.api.raw('PATCH', `/matters/${matter.matterId}`, body);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(message);
    expect(expectStatus(await staff.api.get(`/matters/${matter.matterId}`), 200)).toEqual(matter);
    expect(expectStatus(await staff.api.get(`/contacts/${client.contactId}/audit`), 200)).toEqual(trail);
  });

  it('the client cannot also be a party', async () => {
    const res = await staff.api.raw('PATCH', `/matters/${matter.matterId}`, { parties: [{ contactId: client.contactId, partyType: originalLists.partyTypes[0].name }] });
    expect(expectStatus(res, 400).error.message).toBe('parties: the client is the matter\'s client, not one of its other parties.');
  });
});

describe('the lists matters draw on', () => {
  it('every staff member reads them; only admins change them, and a refusal changes nothing', async () => {
    const lists = expectStatus(await staff.api.get('/matter-lists'), 200);
    expect(lists.statuses[0]).toEqual({ name: STATUS_A, customerLabel: 'Starting' });
    expect(expectStatus(await staff.api.raw('PUT', '/matter-lists', lists), 403).error.code).toBe('admin_only');
    const twice = { ...lists, flags: [{ name: 'same', customerVisible: true }, { name: 'SAME', customerVisible: false }] };
    expect(expectStatus(await admin.api.raw('PUT', '/matter-lists', twice), 400).error.message).toBe('flags: "SAME" is listed twice.');
    expect(expectStatus(await admin.api.raw('PUT', '/matter-lists', { ...lists, statuses: [] }), 400).error.code).toBe('invalid_request');
    expect(expectStatus(await staff.api.get('/matter-lists'), 200)).toEqual(lists);
  });

  it('an admin\'s change is recorded in the firm\'s trail', async () => {
    const lists = expectStatus(await staff.api.get('/matter-lists'), 200);
    expect(expectStatus(await admin.api.raw('PUT', '/matter-lists', lists), 200)).toEqual(lists);
    const trail = expectStatus(await admin.api.get('/audit?action=matter_lists.changed&limit=1'), 200);
    expect(trail.items[0]).toMatchObject({ actor: admin.email, details: { statuses: lists.statuses.length } });
  });

  it('the firm\'s word for a matter is a setting any staff member reads', async () => {
    expect(expectStatus(await staff.api.get('/settings'), 200).matterTerm).toMatch(/^(matter|order|contract|file)$/);
    expect(expectStatus(await admin.api.raw('PATCH', '/settings', { matterTerm: 'case' }), 400).error.code).toBe('invalid_request');
  });
});
