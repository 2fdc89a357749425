/**
 * Logs and metrics (issue 11 §1): a request's function log carries API Gateway's request id (the
 * one the access log and the `apigw-requestid` header carry) as the Powertools Logger's
 * correlation id with the cold-start flag, and an upload is counted in an EMF line of the
 * `Portico` namespace that names the same request.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../../local-cloud/identities.ts';
import { cloud, customerSession, eventually, expectStatus, staffSession } from '../support/world.ts';

const functionLogs = 'test-results/local-cloud-logs/functions';

/** The JSON lines of one function's log (its logical id starts with `prefix`). */
function jsonLines(prefix: string): any[] {
  if (!existsSync(functionLogs)) return [];
  const file = readdirSync(functionLogs).find((f) => f.startsWith(prefix) && /^[A-Za-z]+[0-9A-F]{8}\.log$/.test(f));
  if (!file) return [];
  return readFileSync(path.join(functionLogs, file), 'utf8')
    .split('\n')
    .flatMap((line) => {
      try {
        return [JSON.parse(line)];
      } catch {
        return [];
      }
    });
}

let staff: Awaited<ReturnType<typeof staffSession>>;
beforeAll(async () => {
  staff = await staffSession({ name: 'Metrics Staff' });
});

async function startUpload(name: string): Promise<string> {
  const res = await fetch(`${cloud().staffApiUrl}/drive/uploads`, {
    method: 'POST',
    headers: { authorization: `Bearer ${staff.idToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name, size: 3, contentType: 'text/plain' }),
  });
  expect(res.status).toBe(201);
  const requestId = res.headers.get('apigw-requestid');
  expect(requestId).toMatch(/^[\w-]{8,}$/);
  return requestId!;
}

describe('function logs and metrics', () => {
  it('a request is logged as JSON with its API request id as correlation id and the cold-start flag, and an upload is counted as EMF naming that request', async () => {
    const first = await startUpload(`metrics-${Date.now()}-a.txt`);
    const second = await startUpload(`metrics-${Date.now()}-b.txt`);
    for (const requestId of [first, second]) {
      const line = await eventually(async () => jsonLines('StaffStartUpload').find((l) => l.correlation_id === requestId && l.message === 'answered'), `the log line of ${requestId}`);
      expect(line).toMatchObject({ level: 'INFO', service: 'portico', status: 201, route: 'POST /drive/uploads' });
      expect(typeof line.cold_start).toBe('boolean');
      expect(line.function_request_id).toEqual(expect.any(String));
      const emf = await eventually(async () => jsonLines('StaffStartUpload').find((l) => l._aws && l.requestId === requestId), `the EMF line of ${requestId}`);
      expect(emf._aws.CloudWatchMetrics[0]).toMatchObject({ Namespace: 'Portico', Dimensions: [['service']] });
      expect(emf._aws.CloudWatchMetrics[0].Metrics).toEqual([{ Name: 'StaffUploadsStarted', Unit: 'Count' }]);
      expect(emf).toMatchObject({ service: 'portico', StaffUploadsStarted: 1 });
    }
    // An environment's first request is its cold start; a later one on the same environment is not.
    const flags = jsonLines('StaffStartUpload').filter((l) => l.message === 'answered').map((l) => l.cold_start);
    expect(flags).toContain(false);
    expect(flags, 'some environment served its first request in this log').toContain(true);
  });

  it('an answer that counts nothing writes no EMF line and no Powertools warning', async () => {
    const res = await fetch(`${cloud().staffApiUrl}/settings`, { headers: { authorization: `Bearer ${staff.idToken}` } });
    expect(res.status).toBe(200);
    const requestId = res.headers.get('apigw-requestid')!;
    await eventually(async () => jsonLines('StaffGetSettings').find((l) => l.correlation_id === requestId), 'the settings log line');
    const lines = jsonLines('StaffGetSettings');
    expect(lines.filter((l) => l._aws)).toEqual([]);
    expect(lines.filter((l) => /No application metrics/.test(l.message ?? ''))).toEqual([]);
  });

  it('a sign-in the PostAuthentication trigger refuses is counted, and its error logged with its stack', async () => {
    const customer = await customerSession(staff, { name: 'Refused Signin' });
    expectStatus(await staff.api.post(`/contacts/${customer.contact.contactId}/access/close`, { notifyCustomer: false }), 200);
    const before = jsonLines('CustomerPostAuthentication').filter((l) => l.SignInsRefused).length;
    // cognito-local ignores the trigger's refusal (see README), but the trigger runs as in AWS.
    await signIn(cloud().endpoints.cognito, cloud().customerPool, { email: customer.email, password: 'Correct-horse-42!' }).catch(() => undefined);
    const emf = await eventually(async () => {
      const counted = jsonLines('CustomerPostAuthentication').filter((l) => l.SignInsRefused);
      return counted.length > before ? counted.at(-1) : undefined;
    }, 'the SignInsRefused count');
    expect(emf._aws.CloudWatchMetrics[0]).toMatchObject({ Namespace: 'Portico', Metrics: [{ Name: 'SignInsRefused', Unit: 'Count' }] });
    const failed = jsonLines('CustomerPostAuthentication').filter((l) => l.message === 'invocation failed').at(-1);
    expect(failed).toMatchObject({ level: 'ERROR', error: { message: expect.stringMatching(/access is closed/), stack: expect.stringContaining('index.mjs') } });
  });
});
