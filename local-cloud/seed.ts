/**
 * The demo firm, created on a fresh local cloud through the same HTTP APIs and sign-ins a person
 * would use: one staff admin (password + TOTP), one customer with active portal access, a few
 * folders and files, and one share.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { LocalCloud } from './cloud.ts';
import { createStaffUser, signIn, type StaffCredentials } from './identities.ts';
import { emailsArriving, temporaryPasswordIn } from './mailbox.ts';

export interface DemoCredentials {
  staff: StaffCredentials;
  customer: { email: string; password: string };
}

async function api(base: string, token: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`Seeding failed at ${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

const DEMO_FILES: Record<string, Record<string, string>> = {
  'Annual accounts 2025': {
    'Balance sheet 2025.txt': 'Balance sheet as of 31 December 2025\nAssets 1,250,000\nLiabilities 730,000\n',
    'Notes to the accounts.txt': 'Notes to the annual accounts 2025.\n',
  },
  'Engagement': { 'Engagement letter.txt': 'Engagement letter between the firm and the client.\n' },
};

/** What seeding needs of the cloud (so a test can seed the cloud it shares). */
export type SeedTarget = Pick<LocalCloud, 'endpoints' | 'staffPool' | 'customerPool' | 'staffApiUrl'>;

export async function seedDemoFirm(cloud: SeedTarget, stateFile: string): Promise<DemoCredentials> {
  if (existsSync(stateFile)) return JSON.parse(readFileSync(stateFile, 'utf8'));
  const cognito = cloud.endpoints.cognito;
  const staff = await createStaffUser(cognito, cloud.staffPool, { email: 'admin@demo-firm.test', name: 'Dana Admin', password: 'Portico-demo-2026!', admin: true });
  const staffToken = (await signIn(cognito, cloud.staffPool, staff)).IdToken!;
  const call = (method: string, path: string, body?: unknown) => api(cloud.staffApiUrl, staffToken, method, path, body);

  const customerEmail = 'client@example.test';
  const contact = await call('POST', '/contacts', { kind: 'person', name: 'Chris Client', email: customerEmail, responsibleStaff: [staff.email] });
  await call('POST', `/contacts/${contact.contactId}/access`);
  // The invitation leaves through the outbox a moment after the API answered.
  const [invitation] = await emailsArriving(cloud.endpoints.ses, customerEmail);
  const customer = { email: customerEmail, password: 'Client-demo-2026!' };
  // The customer accepts the invitation: temporary password → own password → access becomes active.
  await signIn(cognito, cloud.customerPool, { email: customerEmail, password: temporaryPasswordIn(invitation), newPassword: customer.password });

  const folders: string[] = [];
  for (const [folderName, files] of Object.entries(DEMO_FILES)) {
    const folder = await call('POST', '/drive/folders', { name: folderName });
    folders.push(folder.itemId);
    for (const [name, text] of Object.entries(files)) {
      const bytes = Buffer.from(text);
      const { item, upload } = await call('POST', '/drive/uploads', { parentId: folder.itemId, name, size: bytes.length, contentType: 'text/plain' });
      const put = await fetch(upload.url, { method: 'PUT', headers: upload.headers, body: new Uint8Array(bytes) });
      if (!put.ok) throw new Error(`Seeding upload of ${name} failed: ${put.status}`);
      await call('POST', `/drive/items/${item.itemId}/complete`, {});
    }
  }
  await call('POST', `/contacts/${contact.contactId}/shares`, { itemIds: [folders[0]], notify: true });

  const credentials = { staff, customer };
  writeFileSync(stateFile, JSON.stringify(credentials, null, 2));
  return credentials;
}
