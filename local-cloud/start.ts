/**
 * `npm start`: synthesizes the stack, runs it against the emulators with state kept in
 * `.local-cloud/`, seeds the demo firm on first start, and prints where everything is.
 * `npm start -- --fresh` forgets all local state first. Ctrl-C stops every process.
 */
import { rmSync } from 'node:fs';
import * as path from 'node:path';
import { startLocalCloud } from './cloud.ts';
import { totpCode } from './identities.ts';
import { seedDemoFirm } from './seed.ts';

const stateDir = path.resolve('.local-cloud');
if (process.argv.includes('--fresh')) {
  rmSync(stateDir, { recursive: true, force: true });
  console.log('Local state removed (--fresh).');
}

// The admin UI on 5173 and the portal on 5174 when those ports are free, so bookmarks survive restarts.
const cloud = await startLocalCloud({ stateDir, log: (line) => console.log(line), webPorts: [5173, 5174], checkResponses: true });
let stopping = false;
const shutdown = async () => {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping the local cloud…');
  await cloud.stop();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);

try {
  console.log('Seeding the demo firm (first start only)…');
  const demo = await seedDemoFirm(cloud, path.join(stateDir, 'demo.json'));
  console.log(`
Portico is running locally (the synthesized stack, on emulators).

  Admin web UI (staff)      ${cloud.web.adminUrl}
  Customer portal           ${cloud.web.portalUrl}
  Hosted login              ${cloud.endpoints.login}   (stand-in pages in front of cognito-local; see README)
  Staff API                 ${cloud.staffApiUrl}
  Customer API              ${cloud.customerApiUrl}
  Mailbox (SES)             ${cloud.endpoints.ses}/   (JSON: ${cloud.endpoints.ses}/store)
  Failed events             ${cloud.endpoints.control}/_local/failed-events

  Staff pool ${cloud.staffPool.userPoolId}, client ${cloud.staffPool.clientId}
  Customer pool ${cloud.customerPool.userPoolId}, client ${cloud.customerPool.clientId}
  Bucket ${cloud.bucketName} at ${cloud.endpoints.s3}; DynamoDB at ${cloud.endpoints.dynamodb}

Demo credentials
  Staff admin   ${demo.staff.email} / ${demo.staff.password}
                TOTP secret ${demo.staff.totpSecret} (current code ${totpCode(demo.staff.totpSecret)})
  Customer      ${demo.customer.email} / ${demo.customer.password}

State is kept in .local-cloud/ (npm start -- --fresh to reset). Press Ctrl-C to stop.`);
} catch (error) {
  console.error(error);
  // A seed that stopped halfway leaves users behind that the next seed would collide with.
  console.error('\nThe demo firm could not be seeded. Start again from a clean state with: npm start -- --fresh');
  await cloud.stop();
  process.exit(1);
}
