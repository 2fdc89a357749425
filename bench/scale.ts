/**
 * Cost as a firm grows (issue 10 §2): every customer and staff page of a listing, a download and a
 * contact's shares, with 100 / 10,000 / 100,000 items in the folder and shared with the customer,
 * and a customer's matters with as many matters of theirs (issue 12).
 * Each API call is timed interleaved with the raw DynamoDB calls the route needs (made in parallel
 * where they do not depend on each other), n ≥ 100, and reported as p50 and p99 with two ratios:
 * the route against its raw calls, and each size against the smallest.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, BatchWriteCommand, DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import type { LocalCloud } from '../local-cloud/cloud.ts';
import { signIn } from '../local-cloud/identities.ts';
import { emailsArriving, temporaryPasswordIn } from '../local-cloud/mailbox.ts';
import { localCredentials } from '../local-cloud/provision.ts';
import { storedItem } from '../shared/adapters/drive-store.ts';
import { stored as storedShare } from '../shared/adapters/share-store.ts';
import type { DriveItem } from '../shared/domain/model.ts';
import { matterSummary, type Matter } from '../shared/domain/matters.ts';

type Api = (method: string, p: string, body?: unknown) => Promise<any>;
type Call = () => Promise<unknown>;

export interface Percentiles {
  p50: number;
  p99: number;
}

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))];

/**
 * `n` samples of every call, taken in rounds (one of each call per round, in a rotating order),
 * after a few warm-up rounds, so that a slow spell of the machine falls on all of them alike.
 */
async function interleaved(n: number, calls: Call[]): Promise<Percentiles[]> {
  for (let i = 0; i < 5; i++) for (const call of calls) await call();
  const samples: number[][] = calls.map(() => []);
  for (let round = 0; round < n; round++) {
    for (let k = 0; k < calls.length; k++) {
      const which = (round + k) % calls.length;
      const t = performance.now();
      await calls[which]();
      samples[which].push(performance.now() - t);
    }
  }
  return samples.map((xs) => ({ p50: percentile(xs, 50), p99: percentile(xs, 99) }));
}

/** Writes rows 25 at a time, 16 requests in flight, retrying what DynamoDB hands back. */
async function putAll(db: DynamoDBDocumentClient, table: string, rows: Record<string, unknown>[]) {
  const batches: Record<string, unknown>[][] = [];
  for (let i = 0; i < rows.length; i += 25) batches.push(rows.slice(i, i + 25));
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < batches.length) {
        let requests = batches[next++].map((Item) => ({ PutRequest: { Item } }));
        while (requests.length) {
          const out = await db.send(new BatchWriteCommand({ RequestItems: { [table]: requests } }));
          requests = (out.UnprocessedItems?.[table] ?? []) as typeof requests;
        }
      }
    }),
  );
}

export interface ScaleRow {
  route: string;
  size: number;
  api: Percentiles;
  raw: Percentiles;
}

export async function benchScale(cloud: LocalCloud, staffApi: Api, staffSub: string, sizes: number[], n: number, log: (line: string) => void): Promise<ScaleRow[]> {
  const db = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: cloud.endpoints.dynamodb, region: 'us-east-1', credentials: localCredentials }));
  const table = (prefix: string) => cloud.model.tables.find((t) => t.logicalId.startsWith(`Data${prefix}`))!.logicalId;
  const [drive, shares, contacts, config, audit] = ['Drive', 'Shares', 'Contacts', 'PortalConfig', 'Audit'].map(table);
  const get = (TableName: string, Key: Record<string, unknown>) => db.send(new GetCommand({ TableName, Key, ConsistentRead: true }));
  const batchGet = (TableName: string, Keys: Record<string, unknown>[]) => db.send(new BatchGetCommand({ RequestItems: { [TableName]: { Keys, ConsistentRead: true } } }));
  const put = (TableName: string, items: Record<string, unknown>[]) => db.send(new BatchWriteCommand({ RequestItems: { [TableName]: items.map((Item) => ({ PutRequest: { Item } })) } }));
  const worlds: { size: number; routes: { route: string; api: Call; raw: Call }[] }[] = [];
  // The matters' table is the one of its nested stack: the only table not made by lib/data.ts's Data construct.
  const matters = cloud.model.tables.find((t) => !t.logicalId.startsWith('Data') && t.keySchema.some((k: { AttributeName: string }) => k.AttributeName === 'pk'))!.logicalId;

  for (const size of sizes) {
    // A folder of `size` files, all shared one by one with a customer who also has the folder itself.
    const started = Date.now();
    const folder = await staffApi('POST', '/drive/folders', { name: `Bench ${size}` });
    const email = `bench-${size}-${randomUUID().slice(0, 6)}@example.test`;
    const contact = await staffApi('POST', '/contacts', { kind: 'person', name: `Bench ${size}`, email });
    await staffApi('POST', `/contacts/${contact.contactId}/access`);
    const [invitation] = await emailsArriving(cloud.endpoints.ses, email, (e) => /opened a client portal/.test(e.subject));
    const token = (await signIn(cloud.endpoints.cognito, cloud.customerPool, { email, password: temporaryPasswordIn(invitation), newPassword: 'Bench-password-2!' })).IdToken!;
    const customerApi = async (p: string) => {
      const res = await fetch(`${cloud.customerApiUrl}${p}`, { headers: { authorization: `Bearer ${token}` } });
      if (!res.ok) throw new Error(`GET ${p}: ${res.status} ${await res.text()}`);
      return res.json();
    };
    const base = Date.parse('2026-01-01T00:00:00Z');
    const files: DriveItem[] = Array.from({ length: size }, (_, i) => ({
      itemId: `bench-${size}-${String(i).padStart(6, '0')}`,
      kind: 'file',
      name: `Document ${String(i).padStart(6, '0')}.pdf`,
      parentId: folder.itemId,
      ancestorIds: [folder.itemId],
      status: 'ready',
      size: 1000,
      contentType: 'application/pdf',
      objectKey: `drive/bench-${size}-${i}`,
      createdAt: new Date(base + i * 1000).toISOString(),
      createdBy: { kind: 'staff', id: 'bench', name: 'Bench' },
    }));
    await putAll(db, drive, files.map(storedItem));
    await putAll(db, shares, files.map((f) => storedShare({ contactId: contact.contactId, itemId: f.itemId, sharedAt: f.createdAt, sharedBy: 'bench@example.test' })));
    await staffApi('POST', `/contacts/${contact.contactId}/shares`, { itemIds: [folder.itemId], notify: false });
    // As many matters, all this customer's, each with its row on the client's list as the store writes it.
    const matterRows = Array.from({ length: size }, (_, i) => benchMatter(size, i, contact.contactId, base)).flatMap((m) => [
      { pk: `matter#${m.matterId}`, sk: 'matter', matter: m },
      { pk: `list#live#client#${m.clientId}`, sk: `${m.createdAt}#${m.matterId}`, summary: matterSummary(m) },
    ]);
    await putAll(db, matters, matterRows);
    log(`seeded ${size.toLocaleString('en')} items, ${(size + 1).toLocaleString('en')} shares and ${size.toLocaleString('en')} matters in ${((Date.now() - started) / 1000).toFixed(0)} s`);

    const file = files[Math.floor(size / 2)];
    const customerAuth = () => Promise.all([get(contacts, { contactId: contact.contactId }), get(config, { configKey: 'settings' })]);
    const staffAuth = () => get(config, { configKey: `staff#${staffSub}` });
    const page = (index: string, key: string, value: string, forward = true) =>
      db.send(new QueryCommand({ TableName: index === 'byParent' ? drive : shares, IndexName: index, KeyConditionExpression: `${key} = :v`, ExpressionAttributeValues: { ':v': value }, Limit: 51, ScanIndexForward: forward }));
    worlds.push({
      size,
      routes: [
        // The floor: a route that makes only the access check's two reads. What it costs above them
        // is the local cloud's own hops (HTTP, JWT check, the function's process), paid by every route.
        { route: 'customer GET /me (access check only)', api: () => customerApi('/me'), raw: customerAuth },
        {
          route: 'customer GET /shared (first page of 50)',
          api: () => customerApi('/shared?limit=50'),
          raw: async () => {
            await customerAuth();
            const found = await page('bySharedAt', 'contactId', contact.contactId, false);
            const items = await batchGet(drive, [{ itemId: `inbox-${contact.contactId}` }, ...(found.Items ?? []).map((s) => ({ itemId: s.itemId }))]);
            const above = [...new Set((items.Responses?.[drive] ?? []).flatMap((i) => i.ancestorIds as string[]))];
            if (above.length) await batchGet(drive, above.map((itemId) => ({ itemId })));
          },
        },
        {
          route: 'customer GET /shared/folders/{id}/items (page of 50)',
          api: () => customerApi(`/shared/folders/${folder.itemId}/items?limit=50`),
          raw: async () => {
            await customerAuth();
            await Promise.all([page('byParent', 'listedUnder', folder.itemId), get(drive, { itemId: folder.itemId }).then(() => batchGet(shares, [{ contactId: contact.contactId, itemId: folder.itemId }]))]);
          },
        },
        {
          route: 'customer GET /shared/items/{id}/download',
          api: () => customerApi(`/shared/items/${file.itemId}/download`),
          raw: async () => {
            await customerAuth();
            await get(drive, { itemId: file.itemId });
            await Promise.all([batchGet(drive, [{ itemId: folder.itemId }]), batchGet(shares, [file.itemId, folder.itemId].map((itemId) => ({ contactId: contact.contactId, itemId })))]);
            const entryKey = `${new Date().toISOString()}#${randomUUID()}`;
            await put(audit, ['firm', contact.contactId, `item#${file.itemId}`].map((scope) => ({ scope, entryKey, action: 'file.downloaded' })));
          },
        },
        {
          route: 'customer GET /matters (first page of 50)',
          api: () => customerApi('/matters?limit=50'),
          raw: async () => {
            await customerAuth();
            const found = await db.send(
              new QueryCommand({ TableName: matters, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `list#live#client#${contact.contactId}` }, ScanIndexForward: false, Limit: 51, ConsistentRead: true }),
            );
            const ids = (found.Items ?? []).slice(0, 50).map((row) => row.summary.matterId as string);
            await Promise.all([batchGet(matters, ids.map((id) => ({ pk: `matter#${id}`, sk: 'matter' }))), get(matters, { pk: 'lists', sk: 'lists' })]);
          },
        },
        {
          route: 'staff GET /drive/folders/{id}/items (page of 50)',
          api: () => staffApi('GET', `/drive/folders/${folder.itemId}/items?limit=50`),
          raw: async () => {
            await staffAuth();
            await Promise.all([get(drive, { itemId: folder.itemId }), page('byParent', 'listedUnder', folder.itemId)]);
          },
        },
        {
          route: 'staff GET /contacts/{id}/shares (page of 50)',
          api: () => staffApi('GET', `/contacts/${contact.contactId}/shares?limit=50`),
          raw: async () => {
            await staffAuth();
            await Promise.all([
              get(contacts, { contactId: contact.contactId }),
              page('bySharedAt', 'contactId', contact.contactId, false).then((found) => batchGet(drive, (found.Items ?? []).map((s) => ({ itemId: s.itemId })))),
            ]);
          },
        },
      ],
    });
  }

  // Each route at every size, through the API and raw, measured side by side in the same rounds.
  const rows: ScaleRow[] = [];
  for (const [r, { route }] of worlds[0].routes.entries()) {
    const calls = worlds.flatMap((w) => [w.routes[r].api, w.routes[r].raw]);
    const measured = await interleaved(n, calls);
    worlds.forEach((w, k) => rows.push({ route, size: w.size, api: measured[2 * k], raw: measured[2 * k + 1] }));
    log(`measured ${route}`);
  }
  return rows;
}

/** A matter of the bench's customer, as the matters' store keeps it. */
function benchMatter(size: number, i: number, clientId: string, base: number): Matter {
  const at = new Date(base + i * 1000).toISOString();
  return {
    matterId: `bench-matter-${size}-${String(i).padStart(6, '0')}`,
    reference: `B-${size}-${i}`,
    title: `Bench matter ${i}`,
    status: 'open',
    deadlines: [{ label: 'Hearing', date: '2027-01-01', customerVisible: true }],
    clientId,
    parties: [],
    responsibleStaff: ['bench@example.test'],
    tasks: [],
    flags: [],
    approval: { state: 'pending' },
    archived: false,
    folderId: `bench-matter-folder-${i}`,
    createdAt: at,
    createdBy: 'bench@example.test',
    updatedAt: at,
  };
}

const ms = (x: number) => x.toFixed(1);

/** The table the README quotes: p50 and p99 through the API and raw, their ratio, and each size against the smallest. */
export function scaleTable(rows: ScaleRow[]): string {
  const smallest = new Map<string, ScaleRow>();
  for (const row of rows) if (!smallest.has(row.route) || smallest.get(row.route)!.size > row.size) smallest.set(row.route, row);
  const lines = ['| route | size | API p50 / p99 (ms) | raw p50 / p99 (ms) | API ÷ raw, p50 | p50 / p99 ÷ smallest |', '|---|---:|---:|---:|---:|---:|'];
  for (const row of rows) {
    const first = smallest.get(row.route)!;
    lines.push(
      `| ${row.route} | ${row.size.toLocaleString('en')} | ${ms(row.api.p50)} / ${ms(row.api.p99)} | ${ms(row.raw.p50)} / ${ms(row.raw.p99)} | ${(row.api.p50 / row.raw.p50).toFixed(2)}× | ${(row.api.p50 / first.api.p50).toFixed(2)}× / ${(row.api.p99 / first.api.p99).toFixed(2)}× |`,
    );
  }
  return lines.join('\n');
}
