/**
 * `npm run bench`: Portico's performance, measured in one run on this machine and reported as
 * figures and ratios (never asserted in tests):
 *   1. bundle size and module init of every function against the SDK code it uses (bench/bundles.ts);
 *   2. each page's latency through the local API against the raw store calls the route needs, as
 *      the items in a folder and the shares of a customer grow to 100,000 (see scale.ts).
 */
import { startLocalCloud, type LocalCloud } from '../local-cloud/cloud.ts';
import { createStaffUser, signIn } from '../local-cloud/identities.ts';
import { benchBundles, bundleReport } from './bundles.ts';
import { benchScale, scaleTable } from './scale.ts';

const cloud: LocalCloud = await startLocalCloud({ log: (l) => console.error(l) });
try {
  // 1. Bundles and cold starts, against the SDK code each function uses (bench/bundles.ts).
  console.log(`\n${bundleReport(await benchBundles({ model: cloud.model, runs: 7, env: cloud.sdkEnv }), 7)}`);

  // 2. Cost as a firm grows: every page at 100 / 10,000 / 100,000 items and shares.
  const sizes = (process.env.BENCH_SIZES ?? '100,10000,100000').split(',').map(Number);
  const samples = Number(process.env.BENCH_SAMPLES ?? 100);
  const staff = await createStaffUser(cloud.endpoints.cognito, cloud.staffPool, { email: 'bench-admin@example.test', name: 'Bench', password: 'Bench-password-1!', admin: true });
  const staffToken = (await signIn(cloud.endpoints.cognito, cloud.staffPool, staff)).IdToken!;
  const staffSub = JSON.parse(Buffer.from(staffToken.split('.')[1], 'base64url').toString()).sub as string;
  const staffApi = async (method: string, p: string, body?: unknown) => {
    const res = await fetch(`${cloud.staffApiUrl}${p}`, { method, headers: { authorization: `Bearer ${staffToken}`, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
    const json = await res.json();
    if (!res.ok) throw new Error(`${method} ${p}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  const rows = await benchScale(cloud, staffApi, staffSub, sizes, samples, (l) => console.error(`[bench] ${l}`));
  console.log(`\n## Cost as items and shares grow (n = ${samples} each, API and raw calls interleaved, warm)\n`);
  console.log(scaleTable(rows));
  console.log('\n"raw" is the DynamoDB calls the route needs, made in parallel where they are independent; "smallest" is the same page at the smallest size.');
} finally {
  await cloud.stop();
}
