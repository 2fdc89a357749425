import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { acknowledge } from './nag.ts';
import type { Construct } from 'constructs';
import { PortalApi, type HttpMethod } from './api.ts';
import { Data } from './data.ts';
import { Drive } from './drive.ts';
import { CustomerIdentity, StaffIdentity, type CustomerMfa } from './identity.ts';
import { Mail } from './mail.ts';
import { PorticoFunction } from './portico-function.ts';

/** The firm's choices, read from `cdk.json` context (see README "Settings"). */
export interface PorticoSettings {
  readonly firmName: string;
  readonly senderEmail: string;
  /** Staff address told of new self sign-ups. */
  readonly staffInbox: string;
  readonly customerMfa: CustomerMfa;
  readonly selfSignUp: boolean;
  readonly domainPrefix: string;
  readonly webOrigins: string[];
}

export interface PorticoStackProps extends StackProps {
  readonly settings: PorticoSettings;
}

/** Wires the constructs together; each construct owns one concern and the grants on its resources. */
export class PorticoStack extends Stack {
  constructor(scope: Construct, id: string, props: PorticoStackProps) {
    super(scope, id, props);
    const { settings } = props;
    const data = new Data(this, 'Data');
    const drive = new Drive(this, 'Drive', { webOrigins: settings.webOrigins });
    const mail = new Mail(this, 'Mail', { senderEmail: settings.senderEmail, firmName: settings.firmName });
    // The first origin serves the admin UI, the second the customer portal.
    const staffAppUrl = settings.webOrigins[0];
    const portalUrl = settings.webOrigins[1] ?? settings.webOrigins[0];

    const fn = (entry: string, audience: 'staff' | 'customer' | 'system') => {
      const f = new PorticoFunction(this, pascal(entry), { entry, audience });
      f.bindEnv('PORTAL_URL', portalUrl);
      return f;
    };

    // Cognito triggers of the customer pool.
    const preSignUp = fn('customer-pre-sign-up', 'system');
    preSignUp.bindEnv('SELF_SIGN_UP', String(settings.selfSignUp));
    preSignUp.bindEnv('FIRM_NAME', settings.firmName);
    const postConfirmation = fn('customer-post-confirmation', 'system');
    data.bind(postConfirmation, data.contacts, 'CONTACTS_TABLE', 'readwrite');
    mail.grantSend(postConfirmation);
    postConfirmation.bindEnv('STAFF_INBOX', settings.staffInbox);
    const postAuthentication = fn('customer-post-authentication', 'system');
    data.bind(postAuthentication, data.contacts, 'CONTACTS_TABLE', 'readwrite');
    // The pool's ARN cannot be referenced here: the pool already depends on this function as its trigger.
    postConfirmation.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['cognito-idp:AdminUpdateUserAttributes'],
        resources: [this.formatArn({ service: 'cognito-idp', resource: 'userpool', resourceName: '*' })],
      }),
    );
    acknowledge(postConfirmation.role!, ['AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:cognito-idp:<AWS::Region>:<AWS::AccountId>:userpool/*]'], 'A trigger cannot name its own pool without a dependency cycle; the statement allows only AdminUpdateUserAttributes, in this account and region.');

    const staffIdentity = new StaffIdentity(this, 'StaffIdentity', { domainPrefix: settings.domainPrefix, webOrigins: settings.webOrigins });
    const customerIdentity = new CustomerIdentity(this, 'CustomerIdentity', {
      domainPrefix: settings.domainPrefix,
      webOrigins: settings.webOrigins,
      mfa: settings.customerMfa,
      selfSignUp: settings.selfSignUp,
      preSignUp,
      postConfirmation,
      postAuthentication,
    });

    const staffApi = new PortalApi(this, 'StaffApi', { userPool: staffIdentity.userPool, client: staffIdentity.webClient, webOrigins: settings.webOrigins });
    const customerApi = new PortalApi(this, 'CustomerApi', { userPool: customerIdentity.userPool, client: customerIdentity.webClient, webOrigins: settings.webOrigins });

    const staffRoute = (method: HttpMethod, path: string, entry: string) => {
      const f = fn(entry, 'staff');
      staffApi.route(method, path, f);
      return f;
    };
    const customerRoute = (method: HttpMethod, path: string, entry: string) => {
      const f = fn(entry, 'customer');
      // Every customer call checks the caller's access on the contact record and authorises against shares and the drive.
      data.bind(f, data.contacts, 'CONTACTS_TABLE', 'read');
      data.bind(f, data.shares, 'SHARES_TABLE', 'read');
      data.bind(f, data.drive, 'DRIVE_TABLE', 'read');
      customerApi.route(method, path, f);
      return f;
    };

    // Staff API: contacts and portal access.
    data.bind(staffRoute('POST', '/contacts', 'staff-create-contact'), data.contacts, 'CONTACTS_TABLE', 'readwrite');
    data.bind(staffRoute('GET', '/contacts', 'staff-list-contacts'), data.contacts, 'CONTACTS_TABLE', 'read');
    data.bind(staffRoute('GET', '/contacts/{contactId}', 'staff-get-contact'), data.contacts, 'CONTACTS_TABLE', 'read');
    const openAccess = staffRoute('POST', '/contacts/{contactId}/access', 'staff-open-access');
    data.bind(openAccess, data.contacts, 'CONTACTS_TABLE', 'readwrite');
    customerIdentity.grantAdminUserManagement(openAccess);
    mail.grantSend(openAccess);

    // Staff API: sharing.
    const listShares = staffRoute('GET', '/contacts/{contactId}/shares', 'staff-list-shares');
    data.bind(listShares, data.shares, 'SHARES_TABLE', 'read');
    data.bind(listShares, data.drive, 'DRIVE_TABLE', 'read');
    const shareItems = staffRoute('POST', '/contacts/{contactId}/shares', 'staff-share-items');
    data.bind(shareItems, data.contacts, 'CONTACTS_TABLE', 'read');
    data.bind(shareItems, data.shares, 'SHARES_TABLE', 'readwrite');
    data.bind(shareItems, data.drive, 'DRIVE_TABLE', 'read');
    mail.grantSend(shareItems);

    // Staff API: the drive.
    data.bind(staffRoute('POST', '/drive/folders', 'staff-create-folder'), data.drive, 'DRIVE_TABLE', 'readwrite');
    data.bind(staffRoute('GET', '/drive/folders/{folderId}/items', 'staff-list-folder'), data.drive, 'DRIVE_TABLE', 'read');
    const staffUpload = staffRoute('POST', '/drive/uploads', 'staff-start-upload');
    data.bind(staffUpload, data.drive, 'DRIVE_TABLE', 'readwrite');
    drive.grantStaffUpload(staffUpload);
    const staffComplete = staffRoute('POST', '/drive/items/{itemId}/complete', 'staff-complete-upload');
    data.bind(staffComplete, data.drive, 'DRIVE_TABLE', 'readwrite');
    drive.grantRead(staffComplete);
    const staffDownload = staffRoute('GET', '/drive/items/{itemId}/download', 'staff-download-item');
    data.bind(staffDownload, data.drive, 'DRIVE_TABLE', 'read');
    drive.grantRead(staffDownload);

    // Customer API.
    customerRoute('GET', '/me', 'customer-get-profile').bindEnv('FIRM_NAME', settings.firmName);
    customerRoute('GET', '/shared', 'customer-list-shared');
    customerRoute('GET', '/shared/folders/{folderId}/items', 'customer-list-folder');
    drive.grantRead(customerRoute('GET', '/shared/items/{itemId}/download', 'customer-download-item'));
    const customerUpload = customerRoute('POST', '/uploads', 'customer-start-upload');
    data.bind(customerUpload, data.drive, 'DRIVE_TABLE', 'readwrite');
    drive.grantCustomerUpload(customerUpload);

    // Customer uploads → email to the responsible staff, exactly once per batch.
    const notifier = fn('notify-customer-upload', 'system');
    data.bind(notifier, data.contacts, 'CONTACTS_TABLE', 'read');
    data.bind(notifier, data.drive, 'DRIVE_TABLE', 'readwrite');
    data.bind(notifier, data.uploadBatches, 'UPLOAD_BATCHES_TABLE', 'readwrite');
    mail.grantSend(notifier);
    notifier.bindEnv('STAFF_APP_URL', staffAppUrl);
    mail.keepFailures(notifier);
    drive.notifyOnCustomerUpload(notifier);

    const notificationsHandler = this.node.tryFindChild('BucketNotificationsHandler050a0587b7544547bf325f094a3db834');
    if (notificationsHandler) {
      acknowledge(notificationsHandler, ['AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]'], 'CDK\'s own bucket-notification custom resource runs only during deployment, with the basic execution role CDK gives it.');
    }

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
    out('PortalAddress', portalUrl, 'Stable portal address to link from the firm\'s web site');
  }

}

function pascal(s: string): string {
  return s.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase());
}
