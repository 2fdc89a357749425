/**
 * `npm run bench`: Portico's performance, measured in one run on this machine and reported as
 * figures and ratios (never asserted in tests):
 *   1. bundle size and module init of every function against the SDK code it uses (bench/bundles.ts);
 *   2. latency through the local API against the raw store calls the route needs;
 *   3. how a folder listing and the portal's root list grow with the number of items.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { startLocalCloud, type LocalCloud } from '../local-cloud/cloud.ts';
import { createStaffUser, signIn } from '../local-cloud/identities.ts';
import { emailsTo, temporaryPasswordIn } from '../local-cloud/mailbox.ts';
import { localCredentials } from '../local-cloud/provision.ts';
import { benchBundles, bundleReport } from './bundles.ts';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
async function timeIt(n: number, fn: () => Promise<unknown>): Promise<number> {
  await fn(); // warm
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  return median(samples);
}
const ms = (x: number) => `${x.toFixed(1)} ms`;

const cloud: LocalCloud = await startLocalCloud({ log: (l) => console.error(l) });
try {
  // 1. Bundles and cold starts, against the SDK code each function uses (bench/bundles.ts).
  console.log(`\n${bundleReport(await benchBundles({ model: cloud.model, runs: 7, env: cloud.sdkEnv }), 7)}`);

  // A world to measure against.
  const staff = await createStaffUser(cloud.endpoints.cognito, cloud.staffPool, { email: 'bench-admin@example.test', name: 'Bench', password: 'Bench-password-1!', admin: true });
  const staffToken = (await signIn(cloud.endpoints.cognito, cloud.staffPool, staff)).IdToken!;
  const api = async (base: string, token: string, method: string, p: string, body?: unknown) => {
    const res = await fetch(`${base}${p}`, { method, headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
    const json = await res.json();
    if (!res.ok) throw new Error(`${method} ${p}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  const staffApi = (method: string, p: string, body?: unknown) => api(cloud.staffApiUrl, staffToken, method, p, body);
  const contact = await staffApi('POST', '/contacts', { kind: 'person', name: 'Bench Customer', email: 'bench-customer@example.test' });
  await staffApi('POST', `/contacts/${contact.contactId}/access`);
  const [invitation] = await emailsTo(cloud.endpoints.ses, 'bench-customer@example.test');
  const customerToken = (await signIn(cloud.endpoints.cognito, cloud.customerPool, { email: 'bench-customer@example.test', password: temporaryPasswordIn(invitation), newPassword: 'Bench-password-2!' })).IdToken!;
  const customerApi = (p: string) => api(cloud.customerApiUrl, customerToken, 'GET', p);

  const sizes = [10, 100, 1000];
  const folders: Record<number, string> = {};
  for (const n of sizes) {
    const folder = await staffApi('POST', '/drive/folders', { name: `Folder with ${n}` });
    folders[n] = folder.itemId;
    for (let i = 0; i < n; i += 25) await Promise.all(Array.from({ length: Math.min(25, n - i) }, (_, k) => staffApi('POST', '/drive/folders', { parentId: folder.itemId, name: `sub ${i + k}` })));
  }
  await staffApi('POST', `/contacts/${contact.contactId}/shares`, { itemIds: [folders[10]], notify: false });

  // 2. Latency through the API against the raw store calls the route makes.
  const db = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: cloud.endpoints.dynamodb, region: 'us-east-1', credentials: localCredentials }));
  const table = (prefix: string) => cloud.model.tables.find((t) => t.logicalId.startsWith(`Data${prefix}`))!.logicalId;
  const rawShared = async () => {
    await Promise.all([
      db.send(new GetCommand({ TableName: table('Contacts'), Key: { contactId: contact.contactId }, ConsistentRead: true })),
      db.send(new GetCommand({ TableName: table('PortalConfig'), Key: { configKey: 'settings' }, ConsistentRead: true })),
    ]);
    const shares = await db.send(new QueryCommand({ TableName: table('Shares'), KeyConditionExpression: 'contactId = :c', ExpressionAttributeValues: { ':c': contact.contactId } }));
    await db.send(new BatchGetCommand({ RequestItems: { [table('Drive')]: { Keys: (shares.Items ?? []).map((s) => ({ itemId: s.itemId })), ConsistentRead: true } } }));
    await db.send(new GetCommand({ TableName: table('Drive'), Key: { itemId: `inbox-${contact.contactId}` } }));
  };
  const rawList = async () => {
    await db.send(new GetCommand({ TableName: table('PortalConfig'), Key: { configKey: `staff#x` }, ConsistentRead: true }));
    await db.send(new GetCommand({ TableName: table('Drive'), Key: { itemId: folders[1000] }, ConsistentRead: true }));
    await db.send(new QueryCommand({ TableName: table('Drive'), IndexName: 'byParent', KeyConditionExpression: 'listedUnder = :p', ExpressionAttributeValues: { ':p': folders[1000] }, Limit: 50 }));
  };
  const N = 30;
  const apiShared = await timeIt(N, () => customerApi('/shared'));
  const storeShared = await timeIt(N, rawShared);
  const apiList = await timeIt(N, () => staffApi('GET', `/drive/folders/${folders[1000]}/items?limit=50`));
  const storeList = await timeIt(N, rawList);
  console.log(`\n## Latency through the API vs the raw store calls it needs (median of ${N}, warm)\n`);
  console.log('| route | through API | raw store calls | ratio |');
  console.log('|---|---:|---:|---:|');
  console.log(`| customer GET /shared | ${ms(apiShared)} | ${ms(storeShared)} | ${(apiShared / storeShared).toFixed(2)}× |`);
  console.log(`| staff GET /drive/folders/{id}/items (page of 50) | ${ms(apiList)} | ${ms(storeList)} | ${(apiList / storeList).toFixed(2)}× |`);

  // 3. Growth with the number of items.
  console.log(`\n## Growth with the number of items (median of ${N})\n`);
  console.log('| folder size | first page of 50 | ratio to 10 items |');
  console.log('|---:|---:|---:|');
  const base = await timeIt(N, () => staffApi('GET', `/drive/folders/${folders[10]}/items?limit=50`));
  for (const n of sizes) {
    const t = n === 10 ? base : await timeIt(N, () => staffApi('GET', `/drive/folders/${folders[n]}/items?limit=50`));
    console.log(`| ${n} | ${ms(t)} | ${(t / base).toFixed(2)}× |`);
  }
  console.log('\n| items shared with the customer | GET /shared | ratio to 1 share |');
  console.log('|---:|---:|---:|');
  const shareBase = await timeIt(N, () => customerApi('/shared'));
  console.log(`| 1 | ${ms(shareBase)} | 1.00× |`);
  const children = (await staffApi('GET', `/drive/folders/${folders[1000]}/items?limit=200`)).items.map((i: { itemId: string }) => i.itemId);
  let shared = 1;
  for (const target of [10, 100]) {
    const add = children.slice(shared - 1, target - 1);
    for (let i = 0; i < add.length; i += 100) await staffApi('POST', `/contacts/${contact.contactId}/shares`, { itemIds: add.slice(i, i + 100), notify: false });
    shared = target;
    const t = await timeIt(N, () => customerApi('/shared'));
    console.log(`| ${target} | ${ms(t)} | ${(t / shareBase).toFixed(2)}× |`);
  }
  console.log('\nA folder listing costs one page whatever the folder holds; the portal root grows with what is shared with the customer (one query plus one batch read per 100 items).');
} finally {
  await cloud.stop();
}
