/**
 * No promised email is lost and none is sent twice: every email is written to the outbox with the
 * change it announces, and delivered from there. When SES fails the API still answers (the change
 * and the email are stored together), the outbox stream retries, and once SES is back the email
 * arrives exactly once — through the stream's retries, or the sweep after a longer outage. The
 * local cloud's SES proxy injects the failures.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { emailsTo, settle } from '../../local-cloud/mailbox.ts';
import { call, cloud, customerSession, eventually, expectStatus, mailTo, putToUrl, staffSession, uniqueEmail } from '../support/world.ts';

const faults = (sesFailures: number) => call('POST', `${cloud().endpoints.control}/_local/faults`, undefined, { sesFailures });
/** Runs the scheduled rules (the outbox sweep among them) as if `minutes` had passed. */
const sweepAfter = (minutes: number) => call('POST', `${cloud().endpoints.control}/_local/schedules`, undefined, { time: new Date(Date.now() + minutes * 60_000).toISOString() });
const failedBatches = async () => expectStatus(await call('GET', `${cloud().endpoints.control}/_local/failed-stream-batches`), 200) as any[];

describe('when SES fails', () => {
  let staff: Awaited<ReturnType<typeof staffSession>>;
  let customer: Awaited<ReturnType<typeof customerSession>>;
  beforeAll(async () => {
    staff = await staffSession({ name: 'Flaky Staff', admin: true });
    customer = await customerSession(staff, { name: 'Fiona Flaky' });
  });
  afterEach(async () => {
    await faults(0);
  });

  it('sharing answers at once; the email is retried by the stream and arrives exactly once', async () => {
    const folder = expectStatus(await staff.api.post('/drive/folders', { name: 'Retried share' }), 201);
    // More failures than the SDK's own attempts (3): only the stream's retry gets it through.
    await faults(4);
    expect(expectStatus(await staff.api.post(`/contacts/${customer.contact.contactId}/shares`, { itemIds: [folder.itemId] }), 200)).toEqual({ added: [folder.itemId], emailed: 1 });
    const about = async () => (await mailTo(customer.email)).filter((e) => e.body.text?.includes('Retried share'));
    await eventually(async () => ((await about()).length ? true : undefined), 'the retried share email', 30_000);
    expect(await about()).toHaveLength(1);
    // Sharing again changes nothing and promises nothing.
    expect(expectStatus(await staff.api.post(`/contacts/${customer.contact.contactId}/shares`, { itemIds: [folder.itemId] }), 200)).toEqual({ added: [], emailed: 0 });
    expect(await about()).toHaveLength(1);
  });

  it('an outage longer than the retries: opening and closing access answer, and the sweep delivers both emails once SES is back', async () => {
    await faults(100_000);
    const email = uniqueEmail('outage');
    const contact = expectStatus(await staff.api.post('/contacts', { kind: 'person', name: 'Otto Outage', email }), 201);
    expect(expectStatus(await staff.api.post(`/contacts/${contact.contactId}/access`), 200).access.state).toBe('invited');
    expect(expectStatus(await staff.api.post(`/contacts/${contact.contactId}/access/close`, { notifyCustomer: true }), 200).access.state).toBe('closed');
    // The close is complete: audit entry written, seat released, and a retry is refused as there is nothing to close.
    expect((await staff.api.post(`/contacts/${contact.contactId}/access/close`, { notifyCustomer: true })).status).toBe(409);
    const trail = expectStatus(await staff.api.get(`/contacts/${contact.contactId}/audit`), 200).items.map((e: any) => e.action);
    expect(trail).toEqual(expect.arrayContaining(['access.opened', 'access.closed']));
    await settle(cloud().endpoints.control);
    expect(await emailsTo(cloud().endpoints.ses, email)).toHaveLength(0);
    expect((await failedBatches()).some((f) => /DeliverEmails/.test(f.functionLogicalId) && /MailFailedNotifications/.test(f.destination))).toBe(true);

    // SES is back; the stream has given up, the sweep has not.
    await faults(0);
    const swept = await sweepAfter(10);
    expect(Object.entries(swept.body).find(([fn]) => fn.startsWith('SweepOutbox'))?.[1]).toMatchObject({ sent: 2 });
    const arrived = await mailTo(email);
    expect(arrived.map((e) => e.subject).sort()).toEqual([expect.stringContaining('opened a client portal'), expect.stringContaining('has been closed')]);
    // A second sweep finds nothing left to send.
    await sweepAfter(20);
    expect(await mailTo(email)).toHaveLength(2);
  });

  it('a customer upload\'s notice is recorded once however often S3 delivers the event, and survives SES failing', async () => {
    await faults(4);
    const batch = expectStatus(await customer.api.post('/uploads', { files: [{ name: 'outbox notice.txt', size: 2, contentType: 'text/plain' }] }), 201);
    expect(await putToUrl(batch.uploads[0].upload, 'hi')).toBe(200);
    const about = async () => (await mailTo(staff.email)).filter((e) => e.body.text?.includes('outbox notice.txt'));
    await eventually(async () => ((await about()).length ? true : undefined), 'the upload notice', 30_000);
    expect(await about()).toHaveLength(1);
  });
});
