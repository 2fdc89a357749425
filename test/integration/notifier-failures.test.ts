/**
 * No upload notification is silently lost: when SES fails, the event is retried (by the SDK,
 * then by Lambda's asynchronous retries) and delivered once; when SES keeps failing, the event
 * ends in the notifier's failure destination. The local cloud's SES proxy injects the failures.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { emailsTo } from '../../local-cloud/mailbox.ts';
import { call, cloud, customerSession, eventually, expectStatus, putToUrl, staffSession } from '../support/world.ts';

const faults = (sesFailures: number) => call('POST', `${cloud().endpoints.control}/_local/faults`, undefined, { sesFailures });

describe('when SES fails', () => {
  let staff: Awaited<ReturnType<typeof staffSession>>;
  let customer: Awaited<ReturnType<typeof customerSession>>;
  beforeAll(async () => {
    staff = await staffSession({ name: 'Flaky Staff' });
    customer = await customerSession(staff, { name: 'Fiona Flaky' });
  });
  afterEach(async () => {
    await faults(0);
  });

  const uploadOne = async (name: string) => {
    const batch = expectStatus(await customer.api.post('/uploads', { files: [{ name, size: 2, contentType: 'text/plain' }] }), 201);
    expect(await putToUrl(batch.uploads[0].upload, 'hi')).toBe(200);
    return batch.uploads[0].item.itemId as string;
  };
  const emailsAbout = async (name: string) => (await emailsTo(cloud().endpoints.ses, staff.email)).filter((e) => e.body.text?.includes(name));

  it('a send that fails several times is retried and delivered exactly once', async () => {
    // More failures than the SDK's own attempts (3): only Lambda's retry of the event gets it through.
    await faults(4);
    await uploadOne('retried.txt');
    await eventually(async () => ((await emailsAbout('retried.txt')).length ? true : undefined), 'the retried email', 30_000);
    await new Promise((r) => setTimeout(r, 1000));
    expect(await emailsAbout('retried.txt')).toHaveLength(1);
  });

  it('a send that keeps failing leaves the event in the failure destination, not lost', async () => {
    await faults(1000);
    const itemId = await uploadOne('parked.txt');
    const failed = await eventually(async () => {
      const list = expectStatus(await call('GET', `${cloud().endpoints.control}/_local/failed-events`), 200) as any[];
      return list.find((f) => JSON.stringify(f.event).includes(itemId));
    }, 'the parked event', 30_000);
    expect(failed.functionLogicalId).toMatch(/^NotifyCustomerUpload/);
    expect(failed.destination).toMatch(/MailFailedNotifications/);
    expect(failed.attempts).toBe(3);
    expect(await emailsAbout('parked.txt')).toHaveLength(0);

    // Replaying the parked event once SES is back delivers it: the ledger released its claim.
    await faults(0);
    await call('POST', `${cloud().endpoints.control}/_local/s3-events`, undefined, failed.event);
    await eventually(async () => ((await emailsAbout('parked.txt')).length ? true : undefined), 'the replayed email', 30_000);
  });
});
