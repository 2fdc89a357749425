import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { acknowledge } from './nag.ts';
import type { Construct } from 'constructs';
import { PortalApi, type HttpMethod } from './api.ts';
import { Data, type TableAccess, type TableName } from './data.ts';
import { CustomDomains, type CustomDomain, type DomainSettings } from './domains.ts';
import { Drive } from './drive.ts';
import { EmailDelivery } from './email-delivery.ts';
import { LogKey } from './log-key.ts';
import { CustomerIdentity, loginDnsTarget, StaffIdentity, strongPasswords, type CustomerMfa } from './identity.ts';
import { Mail } from './mail.ts';
import { MatterRecords } from './matters.ts';
import { RequestRecords } from './requests.ts';
import { Monitoring } from './monitoring.ts';
import { PageCursors } from './page-cursors.ts';
import { PorticoFunction } from './portico-function.ts';
import { Schedules } from './schedules.ts';
import { UndeliverableAddresses } from './undeliverable.ts';
import { WebSites } from './web.ts';

/** The firm's choices, read from `cdk.json` context (see README "Settings"). */
export interface PorticoSettings {
  /**
   * A deployment's name (`dev`, `prod`) so several deploy side by side in one account: it is part of
   * the stack's name and the hosted-login domains. Without it, the names are those of a single
   * deployment (stack `Portico`).
   */
  readonly stage?: string;
  readonly firmName: string;
  readonly senderEmail: string;
  /** The user pools' own emails go through SES (needs the sender verified first: Cognito checks it). */
  readonly poolMailThroughSes: boolean;
  /** Staff address told of new self sign-ups. */
  readonly staffInbox: string;
  readonly customerMfa: CustomerMfa;
  readonly selfSignUp: boolean;
  /** Prefix of the hosted-login domains, the stage included. */
  readonly domainPrefix: string;
  /** Extra origins allowed to sign in and call the APIs besides the deployed UIs, e.g. a UI dev server. */
  readonly webOrigins: string[];
  /** Days an item stays in the trash before it is removed. */
  readonly trashRetentionDays: number;
  /** The firm's own names for the sites, logins and APIs, and their certificates; each is optional. */
  readonly domains: DomainSettings;
  /** A bucket and key in another region the drive is replicated to (made by ops there beforehand). */
  readonly replica?: { readonly bucketArn: string; readonly keyArn: string };
  /** Who gets the alarm emails; without it, nobody is subscribed to the alarm topic. */
  readonly alarmEmail?: string;
  /**
   * Whether synth also runs cfn-guard with AWS Control Tower's proactive controls (read by the app,
   * not the stack: it changes no resource). The local cloud turns it off for speed; an infra test runs it.
   */
  readonly controlTowerChecks: boolean;
}

export interface PorticoStackProps extends StackProps {
  readonly settings: PorticoSettings;
}

/** Wires the constructs together; each construct owns one concern and the grants on its resources. */
export class PorticoStack extends Stack {
  readonly monitoring: Monitoring;
  readonly matters: MatterRecords;

  constructor(scope: Construct, id: string, props: PorticoStackProps) {
    super(scope, id, props);
    const { settings } = props;
    const data = new Data(this, 'Data');
    const logKey = new LogKey(this, 'Logs').key;
    const domains = new CustomDomains(this, 'Domains', settings.domains);
    const origin = (d?: CustomDomain) => (d ? [`https://${d.name}`] : []);
    const web = new WebSites(this, 'Web', {
      admin: domains.admin,
      portal: domains.portal,
      adminConnectsTo: [...origin(domains.staffApi), ...origin(domains.staffLogin)],
      portalConnectsTo: [...origin(domains.customerApi), ...origin(domains.customerLogin)],
    });
    const staffAppUrl = web.admin.url;
    const portalUrl = web.portal.url;
    const staffOrigins = [staffAppUrl, ...settings.webOrigins];
    const customerOrigins = [portalUrl, ...settings.webOrigins];
    const schedules = new Schedules(this, 'Schedules');
    const drive = new Drive(this, 'Drive', { webOrigins: [staffAppUrl, portalUrl, ...settings.webOrigins], schedules, replica: settings.replica });
    const mail = new Mail(this, 'Mail', { senderEmail: settings.senderEmail, poolMailThroughSes: settings.poolMailThroughSes, schedules });
    const cursors = new PageCursors(this, 'PageCursors');
    const matters = (this.matters = new MatterRecords(this, 'Matters'));

    const functions: PorticoFunction[] = [];
    const fn = (entry: string, audience: 'staff' | 'customer' | 'system', scope: Construct = this) => {
      const f = new PorticoFunction(scope, pascal(entry), { entry, audience, logKey });
      functions.push(f);
      f.bindEnv('FIRM_NAME', settings.firmName);
      f.bindEnv('PORTAL_URL', portalUrl);
      f.bindEnv('STAFF_APP_URL', staffAppUrl);
      return f;
    };

    // Cognito triggers of the customer pool.
    const preSignUp = fn('customer-pre-sign-up', 'system');
    preSignUp.bindEnv('SELF_SIGN_UP', String(settings.selfSignUp));
    data.grant(preSignUp, 'portalConfig', 'readwrite');
    const postConfirmation = fn('customer-post-confirmation', 'system');
    data.grant(postConfirmation, 'contacts', 'readwrite');
    data.grant(postConfirmation, 'portalConfig', 'read');
    data.grant(postConfirmation, 'audit', 'readwrite');
    data.grant(postConfirmation, 'outbox', 'readwrite');
    postConfirmation.bindEnv('STAFF_INBOX', settings.staffInbox);
    // The pool's ARN cannot be referenced here: the pool already depends on this function as its trigger.
    postConfirmation.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['cognito-idp:AdminUpdateUserAttributes'],
        resources: [this.formatArn({ service: 'cognito-idp', resource: 'userpool', resourceName: '*' })],
      }),
    );
    acknowledge(postConfirmation.role!, ['AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:cognito-idp:<AWS::Region>:<AWS::AccountId>:userpool/*]'], 'A trigger cannot name its own pool without a dependency cycle; the statement allows only AdminUpdateUserAttributes, in this account and region.');
    const postAuthentication = fn('customer-post-authentication', 'system');
    data.grant(postAuthentication, 'contacts', 'readwrite');

    // Each pool's CustomMessage trigger words its codes in the reader's language: a customer's
    // choice is on their contact, staff read in the firm's default (settings).
    const customerMessage = fn('customer-custom-message', 'system');
    data.grant(customerMessage, 'portalConfig', 'read');
    data.grant(customerMessage, 'contacts', 'read');
    const staffMessage = fn('staff-custom-message', 'system');
    data.grant(staffMessage, 'portalConfig', 'read');
    // Cognito takes a trigger's words only from a pool that sends through SES; until then the triggers leave Cognito's own.
    for (const trigger of [customerMessage, staffMessage]) trigger.bindEnv('POOL_MAIL_THROUGH_SES', String(settings.poolMailThroughSes));

    const staffIdentity = new StaffIdentity(this, 'StaffIdentity', {
      mailer: mail,
      firmName: settings.firmName,
      domainPrefix: settings.domainPrefix,
      webOrigins: staffOrigins,
      loginDomain: domains.staffLogin,
      customMessage: staffMessage,
    });
    const customerIdentity = new CustomerIdentity(this, 'CustomerIdentity', {
      mailer: mail,
      firmName: settings.firmName,
      domainPrefix: settings.domainPrefix,
      webOrigins: customerOrigins,
      loginDomain: domains.customerLogin,
      mfa: settings.customerMfa,
      selfSignUp: settings.selfSignUp,
      preSignUp,
      postConfirmation,
      postAuthentication,
      customMessage: customerMessage,
    });

    const staffApi = new PortalApi(this, 'StaffApi', { userPool: staffIdentity.userPool, client: staffIdentity.webClient, webOrigins: staffOrigins, domain: domains.staffApi, logKey });
    const customerApi = new PortalApi(this, 'CustomerApi', { userPool: customerIdentity.userPool, client: customerIdentity.webClient, webOrigins: customerOrigins, domain: domains.customerApi, logKey });
    domains.outputDnsTargets([
      { domain: domains.admin, target: web.admin.distribution.distributionDomainName, id: 'AdminDnsTarget' },
      { domain: domains.portal, target: web.portal.distribution.distributionDomainName, id: 'PortalDnsTarget' },
      { domain: domains.staffLogin, target: loginDnsTarget(staffIdentity.domain), id: 'StaffLoginDnsTarget' },
      { domain: domains.customerLogin, target: loginDnsTarget(customerIdentity.domain), id: 'CustomerLoginDnsTarget' },
      { domain: domains.staffApi, target: staffApi.domainTarget ?? '', id: 'StaffApiDnsTarget' },
      { domain: domains.customerApi, target: customerApi.domainTarget ?? '', id: 'CustomerApiDnsTarget' },
    ]);

    /** A staff route; every staff call reads the disabled-staff record, so each gets portalConfig read. */
    const staffRoute = (method: HttpMethod, path: string, entry: string, grants: [TableName, TableAccess][] = [], scope?: Construct) => {
      const f = fn(entry, 'staff', scope);
      cursors.bind(f);
      data.grant(f, 'portalConfig', grants.some(([t]) => t === 'portalConfig') ? 'readwrite' : 'read');
      for (const [table, access] of grants) if (table !== 'portalConfig') data.grant(f, table, access);
      staffApi.route(method, path, f, scope);
      return f;
    };
    /** A customer route: every call checks access (contacts) and the portal switch (portalConfig) and authorises against shares and the drive. */
    const customerRoute = (method: HttpMethod, path: string, entry: string, driveAccess: TableAccess = 'read', extra: [TableName, TableAccess][] = [], scope?: Construct) => {
      const f = fn(entry, 'customer', scope);
      cursors.bind(f);
      data.grant(f, 'contacts', 'read');
      data.grant(f, 'portalConfig', 'read');
      data.grant(f, 'shares', 'read');
      data.grant(f, 'drive', driveAccess);
      for (const [table, access] of extra) data.grant(f, table, access);
      customerApi.route(method, path, f, scope);
      return f;
    };
    /** Routes that change portal access: Cognito account operations, email, seats and audit. */
    const accessRoute = (method: HttpMethod, path: string, entry: string) => {
      const f = staffRoute(method, path, entry, [['contacts', 'readwrite'], ['portalConfig', 'readwrite'], ['audit', 'readwrite'], ['outbox', 'readwrite']]);
      customerIdentity.grantAdminUserManagement(f);
      return f;
    };
    /** Admin-only routes over staff users. */
    const staffUserRoute = (method: HttpMethod, path: string, entry: string) => {
      const f = staffRoute(method, path, entry, [['portalConfig', 'readwrite'], ['audit', 'readwrite'], ['outbox', 'readwrite']]);
      staffIdentity.grantUserAdministration(f);
      return f;
    };

    // Staff API: contacts (F8) and portal access (F3, F4, F7).
    staffRoute('POST', '/contacts', 'staff-create-contact', [['contacts', 'readwrite'], ['audit', 'readwrite']]);
    staffRoute('GET', '/contacts', 'staff-list-contacts', [['contacts', 'read']]);
    staffRoute('GET', '/contacts/{contactId}', 'staff-get-contact', [['contacts', 'read']]);
    staffRoute('PATCH', '/contacts/{contactId}', 'staff-update-contact', [['contacts', 'readwrite'], ['audit', 'readwrite']]);
    staffRoute('GET', '/contacts/{contactId}/audit', 'staff-list-contact-audit', [['audit', 'read']]);
    accessRoute('POST', '/contacts/{contactId}/archive', 'staff-archive-contact');
    accessRoute('POST', '/contacts/{contactId}/access', 'staff-open-access');
    accessRoute('POST', '/contacts/{contactId}/access/close', 'staff-close-access');
    accessRoute('POST', '/contacts/{contactId}/access/reopen', 'staff-reopen-access');
    accessRoute('POST', '/contacts/{contactId}/access/invitation', 'staff-resend-invitation');

    // Staff API: settings (F5, F6, F17–F19), staff users (F1) and the firm's audit trail.
    staffRoute('GET', '/settings', 'staff-get-settings');
    staffRoute('PATCH', '/settings', 'staff-update-settings', [['portalConfig', 'readwrite'], ['audit', 'readwrite']]);
    staffRoute('GET', '/audit', 'staff-list-audit', [['audit', 'read']]);
    staffRoute('GET', '/audit/export', 'staff-export-audit', [['audit', 'read']]);
    staffRoute('GET', '/roles', 'staff-list-roles');
    staffRoute('PUT', '/roles', 'staff-update-roles', [['portalConfig', 'readwrite'], ['audit', 'readwrite']]);
    staffUserRoute('POST', '/staff-users', 'staff-invite-user');
    staffUserRoute('GET', '/staff-users', 'staff-list-users');
    staffUserRoute('PUT', '/staff-users/{username}/enabled', 'staff-set-user-enabled');
    staffUserRoute('PUT', '/staff-users/{username}/role', 'staff-set-user-role');
    staffUserRoute('POST', '/staff-users/{username}/password-reset', 'staff-reset-user-password');

    // Staff API: sharing (F10, F11).
    staffRoute('GET', '/contacts/{contactId}/shares', 'staff-list-shares', [['shares', 'read'], ['drive', 'read'], ['contacts', 'read']]);
    staffRoute('POST', '/contacts/{contactId}/shares', 'staff-share-items', [['contacts', 'read'], ['shares', 'readwrite'], ['drive', 'read'], ['audit', 'readwrite'], ['outbox', 'readwrite']]);

    // Staff API: the drive (F9).
    staffRoute('POST', '/drive/folders', 'staff-create-folder', [['drive', 'readwrite']]);
    staffRoute('GET', '/drive/folders/{folderId}/items', 'staff-list-folder', [['drive', 'read']]);
    drive.grantStaffUpload(staffRoute('POST', '/drive/uploads', 'staff-start-upload', [['drive', 'readwrite']]));
    const staffComplete = staffRoute('POST', '/drive/items/{itemId}/complete', 'staff-complete-upload', [['drive', 'readwrite']]);
    drive.grantRead(staffComplete);
    drive.grantStaffUpload(staffComplete);
    drive.grantRead(staffRoute('GET', '/drive/items/{itemId}/download', 'staff-download-item', [['drive', 'readwrite'], ['audit', 'readwrite']]));
    staffRoute('GET', '/drive/items/{itemId}/downloads', 'staff-list-item-downloads', [['audit', 'read']]);
    staffRoute('PATCH', '/drive/items/{itemId}', 'staff-update-item', [['drive', 'readwrite'], ['audit', 'readwrite']]);
    staffRoute('DELETE', '/drive/items/{itemId}', 'staff-trash-item', [['drive', 'readwrite'], ['audit', 'readwrite']]);
    staffRoute('POST', '/drive/items/{itemId}/restore', 'staff-restore-item', [['drive', 'readwrite'], ['audit', 'readwrite']]);
    staffRoute('GET', '/drive/items/{itemId}/shares', 'staff-list-item-shares', [['shares', 'read'], ['contacts', 'read'], ['drive', 'read']]);
    staffRoute('DELETE', '/contacts/{contactId}/shares/{itemId}', 'staff-unshare-item', [['shares', 'readwrite'], ['audit', 'readwrite'], ['contacts', 'read'], ['drive', 'read']]);

    // Staff API: matters (F20, F22), in their own nested stack. A change writes the matter, its audit
    // entry and (on create) its drive folder in one transaction, and checks its client and parties.
    const matterRoute = (method: HttpMethod, path: string, entry: string, access: TableAccess, grants: [TableName, TableAccess][] = []) => {
      const f = staffRoute(method, path, entry, grants, matters.stack);
      matters.grant(f, access);
      return f;
    };
    matterRoute('POST', '/matters', 'staff-create-matter', 'readwrite', [['contacts', 'read'], ['drive', 'readwrite'], ['audit', 'readwrite']]);
    matterRoute('GET', '/matters', 'staff-list-matters', 'read');
    matterRoute('GET', '/matters/{matterId}', 'staff-get-matter', 'read');
    matterRoute('PATCH', '/matters/{matterId}', 'staff-update-matter', 'readwrite', [['contacts', 'read'], ['audit', 'readwrite']]);
    matterRoute('POST', '/matters/{matterId}/approval', 'staff-approve-matter', 'readwrite', [['audit', 'readwrite']]);
    matterRoute('DELETE', '/matters/{matterId}/approval', 'staff-reopen-matter', 'readwrite', [['audit', 'readwrite']]);
    matterRoute('GET', '/matter-lists', 'staff-list-matter-lists', 'read');
    matterRoute('PUT', '/matter-lists', 'staff-update-matter-lists', 'readwrite', [['audit', 'readwrite']]);
    matterRoute('GET', '/matters/{matterId}/documents', 'staff-list-matter-documents', 'read', [['drive', 'read']]);
    matterRoute('PUT', '/matters/{matterId}/documents/{itemId}/type', 'staff-set-document-type', 'read', [['drive', 'readwrite'], ['audit', 'readwrite']]);

    // Customer API: their matters (F20), in the matters' nested stack. What a customer sees of a
    // matter and of its documents is decided there, by the access policy, from keyed reads.
    const customerMatterRoute = (method: HttpMethod, path: string, entry: string, extra: [TableName, TableAccess][] = [], driveAccess: TableAccess = 'read', matterAccess: TableAccess = 'read') => {
      const f = customerRoute(method, path, entry, driveAccess, extra, matters.stack);
      matters.grant(f, matterAccess);
      return f;
    };
    customerMatterRoute('GET', '/matters', 'customer-list-matters');
    customerMatterRoute('GET', '/matters/{matterId}', 'customer-get-matter');
    customerMatterRoute('GET', '/matters/{matterId}/documents', 'customer-list-matter-documents');
    drive.grantRead(customerMatterRoute('GET', '/matters/{matterId}/documents/{itemId}/download', 'customer-download-matter-document', [['audit', 'readwrite']]));
    drive.grantCustomerUpload(customerMatterRoute('POST', '/matters/{matterId}/uploads', 'customer-start-matter-upload', [], 'readwrite'));
    customerMatterRoute('GET', '/matters/{matterId}/uploads', 'customer-list-matter-uploads');

    // A matter's thread (F18): a new comment, its email to the other side (outbox) and its audit entry are one transaction.
    matterRoute('GET', '/matters/{matterId}/comments', 'staff-list-matter-comments', 'read');
    matterRoute('POST', '/matters/{matterId}/comments', 'staff-add-matter-comment', 'readwrite', [['contacts', 'read'], ['audit', 'readwrite'], ['outbox', 'readwrite']]);
    matterRoute('POST', '/matters/{matterId}/comments/{commentId}/hide', 'staff-hide-matter-comment', 'readwrite', [['audit', 'readwrite']]);
    matterRoute('GET', '/awaiting-answers', 'staff-list-awaiting-answers', 'read');
    // Comments on documents (F18): one thread per document and customer, in the comments' table.
    customerMatterRoute('GET', '/shared/items/{itemId}/comments', 'customer-list-document-comments');
    customerMatterRoute('POST', '/shared/items/{itemId}/comments', 'customer-add-document-comment', [['audit', 'readwrite'], ['outbox', 'readwrite']], 'read', 'readwrite');
    matterRoute('GET', '/drive/items/{itemId}/comments', 'staff-list-document-threads', 'read', [['drive', 'read']]);
    matterRoute('GET', '/drive/items/{itemId}/comments/{contactId}', 'staff-list-document-comments', 'read', [['drive', 'read']]);
    matterRoute('POST', '/drive/items/{itemId}/comments/{contactId}', 'staff-add-document-comment', 'readwrite', [['drive', 'read'], ['contacts', 'read'], ['audit', 'readwrite'], ['outbox', 'readwrite']]);
    matterRoute('POST', '/drive/items/{itemId}/comments/{contactId}/{commentId}/hide', 'staff-hide-document-comment', 'readwrite', [['drive', 'read'], ['audit', 'readwrite']]);
    matterRoute('GET', '/matters/{matterId}/activity', 'staff-list-matter-activity', 'read', [['audit', 'read']]);
    customerMatterRoute('GET', '/matters/{matterId}/comments', 'customer-list-matter-comments');
    customerMatterRoute('POST', '/matters/{matterId}/comments', 'customer-add-matter-comment', [['audit', 'readwrite'], ['outbox', 'readwrite']], 'read', 'readwrite');

    // Requests (F21), in the matters' nested stack: accepting one writes its matter, the new
    // contacts, the request, the audit entries and the customer's email in one transaction.
    const requests = new RequestRecords(matters.stack, 'Requests');
    const requestRoute = (fn: PorticoFunction, access: TableAccess, matterAccess?: TableAccess) => {
      requests.grant(fn, access);
      if (matterAccess) matters.grant(fn, matterAccess);
      return fn;
    };
    requestRoute(customerRoute('GET', '/request-form', 'customer-get-request-form', 'read', [], matters.stack), 'read', 'read');
    requestRoute(customerRoute('POST', '/requests', 'customer-submit-request', 'read', [['audit', 'readwrite'], ['outbox', 'readwrite']], matters.stack), 'readwrite', 'read');
    requestRoute(customerRoute('GET', '/requests', 'customer-list-requests', 'read', [], matters.stack), 'read');
    requestRoute(customerRoute('GET', '/requests/{requestId}', 'customer-get-request', 'read', [], matters.stack), 'read');
    drive.grantCustomerUpload(requestRoute(customerRoute('POST', '/requests/{requestId}/uploads', 'customer-start-request-upload', 'readwrite', [], matters.stack), 'read'));
    requestRoute(staffRoute('GET', '/requests', 'staff-list-requests', [], matters.stack), 'read');
    requestRoute(staffRoute('GET', '/requests/{requestId}', 'staff-get-request', [['drive', 'read']], matters.stack), 'read');
    requestRoute(
      staffRoute('POST', '/requests/{requestId}/accept', 'staff-accept-request', [['contacts', 'readwrite'], ['drive', 'readwrite'], ['audit', 'readwrite'], ['outbox', 'readwrite']], matters.stack),
      'readwrite',
      'readwrite',
    );
    requestRoute(staffRoute('POST', '/requests/{requestId}/decline', 'staff-decline-request', [['contacts', 'read'], ['audit', 'readwrite'], ['outbox', 'readwrite']], matters.stack), 'readwrite');

    // Customer API (F12–F15).
    customerRoute('GET', '/me', 'customer-get-profile');
    customerRoute('PUT', '/me/language', 'customer-set-language', 'read', [['contacts', 'readwrite']]);
    customerRoute('GET', '/shared', 'customer-list-shared');
    customerRoute('GET', '/shared/folders/{folderId}/items', 'customer-list-folder');
    // Every download is on the record (the file's download receipts).
    drive.grantRead(customerRoute('GET', '/shared/items/{itemId}/download', 'customer-download-item', 'read', [['audit', 'readwrite']]));
    // Uploads and deletes read a matter's approval when the file is in its "From client" folder (F22).
    const startUpload = customerRoute('POST', '/uploads', 'customer-start-upload', 'readwrite');
    drive.grantCustomerUpload(startUpload);
    matters.grant(startUpload, 'read');
    drive.grantCustomerUpload(customerRoute('POST', '/uploads/{itemId}/complete', 'customer-complete-upload'));
    // Deleting moves the customer's own upload to the staff trash: a drive record change, no S3 delete.
    matters.grant(customerRoute('DELETE', '/uploads/{itemId}', 'customer-delete-upload', 'readwrite', [['audit', 'readwrite']]), 'read');

    // The trash empties itself after the retention period (F9).
    const trashEmptier = fn('empty-trash', 'system');
    data.grant(trashEmptier, 'drive', 'readwrite');
    data.grant(trashEmptier, 'audit', 'readwrite');
    drive.emptyTrashDaily(trashEmptier, settings.trashRetentionDays);
    // Uploads started and never filed do not stay "uploading…" for ever.
    const uploadCleaner = fn('clean-up-uploads', 'system');
    data.grant(uploadCleaner, 'drive', 'readwrite');
    data.grant(uploadCleaner, 'audit', 'readwrite');
    drive.cleanUpAbandonedUploadsHourly(uploadCleaner);

    // Customer uploads → email to the responsible staff, exactly once per batch (F16): the notifier
    // on each S3 event (it also marks the file ready), and an hourly flush for batches left incomplete.
    const uploadMailer = (entry: string, driveAccess: TableAccess) => {
      const f = fn(entry, 'system');
      data.grant(f, 'contacts', 'read');
      data.grant(f, 'drive', driveAccess);
      data.grant(f, 'uploadBatches', 'readwrite');
      data.grant(f, 'outbox', 'readwrite');
      data.grant(f, 'audit', 'readwrite');
      // Files sent into a matter are announced to that matter's responsible staff.
      matters.grant(f, 'read');
      return f;
    };
    const notifier = uploadMailer('notify-customer-upload', 'readwrite');
    mail.keepFailures(notifier);
    drive.notifyOnCustomerUpload(notifier);
    mail.flushHourly(uploadMailer('flush-upload-batches', 'read'));

    // Every email the portal promises is written to the outbox with its change, and delivered from there.
    const emailSender = (entry: string) => {
      const f = fn(entry, 'system');
      data.grant(f, 'outbox', 'readwrite');
      // Emails are worded with the firm's branding at sending time.
      data.grant(f, 'portalConfig', 'read');
      mail.grantSend(f);
      return f;
    };
    const delivery = new EmailDelivery(this, 'EmailDelivery', { outbox: data.outbox, deliverer: emailSender('deliver-emails'), sweeper: emailSender('sweep-outbox'), failures: mail.failedNotifications, schedules });

    // Bounces and complaints mark the contacts and staff users at that address undeliverable.
    const marker = fn('mark-undeliverable', 'system');
    data.grant(marker, 'contacts', 'readwrite');
    data.grant(marker, 'portalConfig', 'readwrite');
    data.grant(marker, 'audit', 'readwrite');
    new UndeliverableAddresses(this, 'UndeliverableAddresses', { deliveryProblems: mail.deliveryProblems, marker });


    this.monitoring = new Monitoring(this, 'Monitoring', {
      functions,
      apis: { StaffApi: staffApi, CustomerApi: customerApi },
      failureQueues: { FailedNotifications: mail.failedNotifications, FailedSchedules: schedules.failures },
      emailDelay: delivery.delay,
      alarmEmail: settings.alarmEmail,
    });

    // Each UI learns its API, app client and login at deploy time, from /config.json.
    web.admin.deploy({ apiUrl: staffApi.url, clientId: staffIdentity.webClient.userPoolClientId, loginUrl: staffIdentity.domain.baseUrl() });
    web.portal.deploy({
      apiUrl: customerApi.url,
      clientId: customerIdentity.webClient.userPoolClientId,
      loginUrl: customerIdentity.domain.baseUrl(),
      mfaConfiguration: ({ off: 'OFF', optional: 'OPTIONAL', required: 'ON' } as const)[settings.customerMfa],
      passwordPolicy: {
        MinimumLength: strongPasswords.minLength!,
        RequireLowercase: !!strongPasswords.requireLowercase,
        RequireUppercase: !!strongPasswords.requireUppercase,
        RequireNumbers: !!strongPasswords.requireDigits,
        RequireSymbols: !!strongPasswords.requireSymbols,
      },
    });

    const out = (id: string, value: string, description: string) => new CfnOutput(this, id, { value, description });
    out('StaffApiUrl', staffApi.url, 'Base URL of the staff HTTP API (admin web UI)');
    out('CustomerApiUrl', customerApi.url, 'Base URL of the customer HTTP API (portal web UI)');
    out('StaffUserPoolId', staffIdentity.userPool.userPoolId, 'Staff user pool');
    out('StaffWebClientId', staffIdentity.webClient.userPoolClientId, 'Staff web UI app client');
    out('StaffLoginDomain', staffIdentity.domain.baseUrl(), 'Staff hosted login');
    out('CustomerUserPoolId', customerIdentity.userPool.userPoolId, 'Customer user pool');
    out('CustomerWebClientId', customerIdentity.webClient.userPoolClientId, 'Customer web UI app client');
    out('CustomerLoginDomain', customerIdentity.domain.baseUrl(), 'Customer hosted login');
    out('DriveBucketName', drive.bucket.bucketName, 'The firm\'s drive');
    out('AdminUrl', staffAppUrl, 'The staff admin web UI');
    out('PortalAddress', portalUrl, 'Stable portal address to link from the firm\'s web site');
  }

}

function pascal(s: string): string {
  return s.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase());
}
