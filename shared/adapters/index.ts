/**
 * Adapters built from the function's environment. Each reads its variable when called at module
 * scope, so a function deployed without a binding fails at cold start, not on a request.
 */
import { requireEnv } from '../env.ts';
import { DynamoAuditLog } from './audit-log.ts';
import { DynamoConfigStore } from './config-store.ts';
import { DynamoContactStore } from './contact-store.ts';
import { CognitoCustomerAccounts, CognitoCustomerDirectory } from './customer-directory.ts';
import { CognitoStaffDirectory } from './staff-directory.ts';
import { DynamoDriveStore } from './drive-store.ts';
import { DynamoMatterStore } from './matter-store.ts';
import { DynamoDocumentCommentStore } from './document-comment-store.ts';
import { DynamoRequestStore } from './request-store.ts';
import { DynamoTransactions } from './dynamo.ts';
import { objectKeys, S3FileStore } from './file-store.ts';
import { SesMailer } from './mailer.ts';
import { DynamoOutbox } from './outbox.ts';
import { DynamoShareStore } from './share-store.ts';
import { DynamoUploadLedger } from './upload-ledger.ts';

export { objectKeys };
export const contactStore = () => new DynamoContactStore(requireEnv('CONTACTS_TABLE'));
export const shareStore = () => new DynamoShareStore(requireEnv('SHARES_TABLE'));
export const driveStore = () => new DynamoDriveStore(requireEnv('DRIVE_TABLE'));
export const uploadLedger = () => new DynamoUploadLedger(requireEnv('UPLOAD_BATCHES_TABLE'));
export const fileStore = () => new S3FileStore(requireEnv('DRIVE_BUCKET'));
export const mailer = () => new SesMailer(requireEnv('SENDER_EMAIL'));
export const outbox = () => new DynamoOutbox(requireEnv('OUTBOX_TABLE'));
export const customerDirectory = () => new CognitoCustomerDirectory(requireEnv('CUSTOMER_USER_POOL_ID'));
export const customerAccounts = () => new CognitoCustomerAccounts(requireEnv('CUSTOMER_USER_POOL_ID'));
export const staffDirectory = () => new CognitoStaffDirectory(requireEnv('STAFF_USER_POOL_ID'));
export const configStore = () => new DynamoConfigStore(requireEnv('PORTAL_CONFIG_TABLE'));
export const matterStore = () => new DynamoMatterStore(requireEnv('MATTERS_TABLE'));
/** Comments on documents live in the matters table, with the matters' threads. */
export const documentCommentStore = () => new DynamoDocumentCommentStore(requireEnv('MATTERS_TABLE'));
export const requestStore = () => new DynamoRequestStore(requireEnv('REQUESTS_TABLE'));
export const auditLog = () => new DynamoAuditLog(requireEnv('AUDIT_TABLE'));
/** Commits writes prepared by the stores above as one transaction. */
export const transactions = () => new DynamoTransactions();
export const firm = () => ({ firmName: requireEnv('FIRM_NAME'), portalUrl: requireEnv('PORTAL_URL') });
export const adminUrl = () => requireEnv('STAFF_APP_URL');

/** What the portal-access use cases need (open, close, reopen, re-invite, archive). */
export const accessDeps = () => ({
  contacts: contactStore(),
  directory: customerDirectory(),
  accounts: customerAccounts(),
  config: configStore(),
  audit: auditLog(),
  outbox: outbox(),
  transactions: transactions(),
});

/** What the matter use cases that change a matter need (the drive for its folder, contacts for its client and parties). */
export const matterDeps = () => ({ matters: matterStore(), contacts: contactStore(), drive: driveStore(), audit: auditLog(), transactions: transactions() });

/** What the staff-user use cases need. */
export const staffUserDeps = () => ({
  directory: staffDirectory(),
  config: configStore(),
  audit: auditLog(),
  outbox: outbox(),
  transactions: transactions(),
});

/** What the upload notifier and the hourly batch flush need. */
export const notifyDeps = () => ({
  contacts: contactStore(),
  drive: driveStore(),
  ledger: uploadLedger(),
  outbox: outbox(),
  audit: auditLog(),
  keys: objectKeys,
  matters: matterStore(),
});
