/**
 * Bounces and complaints mark an address undeliverable (issue 11 §1), end to end: the local SES
 * plays the mailbox simulator (bounce@ / complaint@simulator.amazonses.com), its event goes through
 * the template's EventBridge rule to the delivery-problem queue and on to the marker, and staff
 * see the mark on the contact and the staff user. A transient bounce marks nothing; a customer
 * never sees the mark; a new address clears it.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../../local-cloud/identities.ts';
import { emailsArriving, settle, temporaryPasswordIn } from '../../local-cloud/mailbox.ts';
import { client, cloud, eventually, expectStatus, staffSession, uniqueEmail } from '../support/world.ts';

type Session = Awaited<ReturnType<typeof staffSession>>;

const simulator = (kind: 'bounce' | 'complaint') => `${kind}+${randomUUID().slice(0, 8)}@simulator.amazonses.com`;
const control = () => cloud().endpoints.control;

/** Locally, a resource's name is its logical id in the synthesized template. */
const logicalId = (type: string, prefix = '') =>
  Object.entries(JSON.parse(readFileSync('cdk.out/Portico.template.json', 'utf8')).Resources as Record<string, { Type: string }>).find(([id, r]) => r.Type === type && id.startsWith(prefix))![0];
/** The configuration set the functions send with. */
const configurationSet = () => logicalId('AWS::SES::ConfigurationSet');

/** Puts an SES event on the local default bus, as SES would; answers how many rules took it. */
async function putSesEvent(detailType: string, detail: Record<string, unknown>): Promise<number> {
  const res = await fetch(`${control()}/_local/events`, {
    method: 'POST',
    body: JSON.stringify({ source: 'aws.ses', detailType, detail: { ...detail, mail: { tags: { 'ses:configuration-set': [configurationSet()] } } } }),
  });
  return (await res.json()).matchedRules;
}

const bounceOf = (email: string, bounceType: 'Permanent' | 'Transient') => ({
  eventType: 'Bounce',
  bounce: { bounceType, bounceSubType: 'General', bouncedRecipients: [{ emailAddress: email }], timestamp: new Date().toISOString() },
});

let staff: Session;
let admin: Session;
beforeAll(async () => {
  [staff, admin] = await Promise.all([staffSession({ name: 'Bounce Staff' }), staffSession({ admin: true, name: 'Bounce Admin' })]);
});

const contactOf = async (contactId: string) => expectStatus(await staff.api.get(`/contacts/${contactId}`), 200);
const newContact = async (email: string) => expectStatus(await staff.api.post('/contacts', { kind: 'person', name: 'Bounce Person', email }), 201);
const markedContact = (contactId: string) => eventually(async () => (await contactOf(contactId)).undeliverable, `contact ${contactId} marked undeliverable`);

describe('an address that bounces or complains is marked undeliverable', () => {
  it('a contact whose invitation bounces is marked (bounce, since), shown in the staff answers and cleared by a new address', async () => {
    const email = simulator('bounce');
    const contact = await newContact(email);
    expect(contact.undeliverable).toBeUndefined();
    expectStatus(await staff.api.post(`/contacts/${contact.contactId}/access`), 200);

    const mark = await markedContact(contact.contactId);
    expect(mark.reason).toBe('bounce');
    expect(Date.parse(mark.since)).toBeGreaterThan(Date.parse(contact.createdAt) - 1000);
    const found = expectStatus(await staff.api.get(`/contacts?search=${encodeURIComponent(email)}`), 200).items;
    expect(found.map((c: any) => c.undeliverable?.reason)).toEqual(['bounce']);
    const audit = expectStatus(await staff.api.get(`/contacts/${contact.contactId}/audit`), 200).items;
    expect(audit.filter((e: any) => e.action === 'contact.undeliverable')).toHaveLength(1);

    // The email signs the customer in: access is closed before the address changes, as always.
    expectStatus(await staff.api.post(`/contacts/${contact.contactId}/access/close`, { notifyCustomer: false }), 200);
    const same = expectStatus(await staff.api.raw('PATCH', `/contacts/${contact.contactId}`, { email: email.toUpperCase() }), 200);
    expect(same.undeliverable, 'the same address in other letters is not a new one').toMatchObject({ reason: 'bounce' });
    const changed = expectStatus(await staff.api.raw('PATCH', `/contacts/${contact.contactId}`, { email: uniqueEmail('fixed') }), 200);
    expect(changed.undeliverable).toBeUndefined();
    expect((await contactOf(contact.contactId)).undeliverable).toBeUndefined();
  });

  it('every contact at the address is marked once, however often SES reports it', async () => {
    const email = simulator('bounce');
    const [first, second] = [await newContact(email), await newContact(email)];
    expectStatus(await staff.api.post(`/contacts/${first.contactId}/access`), 200);
    const mark = await markedContact(second.contactId);
    expect((await contactOf(first.contactId)).undeliverable).toEqual(mark);

    // A redelivered or later bounce keeps the first mark and audits nothing more.
    expect(await putSesEvent('Email Bounced', bounceOf(email, 'Permanent'))).toBe(1);
    await settle(control());
    expect((await contactOf(first.contactId)).undeliverable).toEqual(mark);
    const audit = expectStatus(await staff.api.get(`/contacts/${first.contactId}/audit`), 200).items;
    expect(audit.filter((e: any) => e.action === 'contact.undeliverable')).toHaveLength(1);
  });

  it('a complaint marks the contact (complaint)', async () => {
    const contact = await newContact(simulator('complaint'));
    expectStatus(await staff.api.post(`/contacts/${contact.contactId}/access`), 200);
    expect((await markedContact(contact.contactId)).reason).toBe('complaint');
  });

  it('a transient bounce marks nothing; a permanent one for the same address does', async () => {
    const email = uniqueEmail('transient');
    const contact = await newContact(email);
    expect(await putSesEvent('Email Bounced', bounceOf(email, 'Transient'))).toBe(1);
    await settle(control());
    expect((await contactOf(contact.contactId)).undeliverable).toBeUndefined();
    // The same path with a permanent bounce marks it, so the quiet above is the rule, not a dead path.
    expect(await putSesEvent('Email Bounced', bounceOf(email, 'Permanent'))).toBe(1);
    expect((await markedContact(contact.contactId)).reason).toBe('bounce');
  });

  it('an event of another configuration set or source reaches no rule', async () => {
    const res = await fetch(`${control()}/_local/events`, {
      method: 'POST',
      body: JSON.stringify({ source: 'aws.ses', detailType: 'Email Bounced', detail: { ...bounceOf(uniqueEmail('x'), 'Permanent'), mail: { tags: { 'ses:configuration-set': ['someone-elses'] } } } }),
    });
    expect((await res.json()).matchedRules).toBe(0);
  });

  it('a staff user whose invitation bounces is marked in GET /staff-users', async () => {
    const email = simulator('bounce');
    const invited = expectStatus(await admin.api.post('/staff-users', { email, name: 'Bouncing Staff', admin: false }), 201);
    expect(invited.undeliverable).toBeUndefined();
    const listed = await eventually(async () => {
      const user = expectStatus(await admin.api.get('/staff-users?limit=60'), 200).items.find((u: any) => u.email === email);
      return user?.undeliverable ? user : undefined;
    }, 'the staff user marked undeliverable');
    expect(listed.undeliverable.reason).toBe('bounce');
    const others = expectStatus(await admin.api.get('/staff-users?limit=60'), 200).items.filter((u: any) => u.email === admin.email);
    expect(others[0].undeliverable).toBeUndefined();
  });

  it('a customer whose address bounced never sees the mark', async () => {
    const email = simulator('bounce');
    const contact = await newContact(email);
    expectStatus(await staff.api.post(`/contacts/${contact.contactId}/access`), 200);
    await markedContact(contact.contactId);
    // The simulator still keeps the invitation locally, so the customer can sign in with it.
    const [invitation] = await emailsArriving(cloud().endpoints.ses, email, (e) => /opened a client portal/.test(e.subject));
    const tokens = await signIn(cloud().endpoints.cognito, cloud().customerPool, { email, password: temporaryPasswordIn(invitation), newPassword: 'Correct-horse-42!' });
    const customer = client(cloud().customerApiUrl, tokens.IdToken!);
    for (const path of ['/me', '/shared']) {
      const body = expectStatus(await customer.get(path), 200);
      // The address itself contains "bounce"; the mark's field and its reason and date must not appear.
      expect(JSON.stringify(body), path).not.toMatch(/undeliverable|"reason"|"since"/i);
    }
  });

  it('a message the marker cannot read is retried, then kept in the failure queue by the redrive policy, and holds up no other', async () => {
    const problems = logicalId('AWS::SQS::Queue', 'MailDeliveryProblems');
    const failures = logicalId('AWS::SQS::Queue', 'MailFailedNotifications');
    const poison = `not an event ${randomUUID()}`;
    const email = uniqueEmail('beside-poison');
    const contact = await newContact(email);
    expect((await fetch(`${control()}/_local/queues/${problems}`, { method: 'POST', body: poison })).status).toBe(202);
    expect(await putSesEvent('Email Bounced', bounceOf(email, 'Permanent'))).toBe(1);
    expect((await markedContact(contact.contactId)).reason).toBe('bounce');
    const kept = await eventually(async () => {
      const messages = (await (await fetch(`${control()}/_local/queues/${failures}`)).json()) as { body: string }[];
      return messages.find((m) => m.body === poison);
    }, 'the unreadable message in the failure queue');
    expect(kept).toBeDefined();
  });
});
