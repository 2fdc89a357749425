import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { acknowledge } from './nag.ts';
import { Construct, type IDependable } from 'constructs';
import type { CustomDomain } from './domains.ts';
import type { PorticoFunction } from './portico-function.ts';

export type CustomerMfa = 'off' | 'optional' | 'required';

/** Where a pool's own emails go out (the Mail construct): its SES settings, and the identity that must exist first. */
export interface PoolMailer {
  poolEmail(fromName: string): cognito.UserPoolEmail | undefined;
  readonly identity: IDependable;
}

interface PortalUserPoolProps {
  /** Invitations, codes and password resets go through SES from the firm's address, named after the firm. */
  readonly mailer: PoolMailer;
  readonly firmName: string;
  /** Prefix of the hosted-login domain, unique per region. */
  readonly domainPrefix: string;
  /** Web UI origins; `/callback` and `/` on each are the OAuth callback and sign-out URLs. */
  readonly webOrigins: string[];
  /** The firm's own name for the hosted login; without it, `<domainPrefix>-….auth.<region>.amazoncognito.com`. */
  readonly loginDomain?: CustomDomain;
  /** The CustomMessage trigger: words the pool's own emails (codes, resets) in the reader's language. */
  readonly customMessage: PorticoFunction;
}

/** Cognito runs a trigger synchronously and fails the person's request if it fails: nothing to keep for a retry. */
function acknowledgeTriggers(triggers: PorticoFunction[]): void {
  for (const trigger of triggers) {
    acknowledge(trigger, ['Serverless-LambdaDLQ'], 'Cognito invokes this trigger synchronously during sign-up, sign-in or a password reset and fails that request if it fails; there is no event to keep.');
  }
}

/** The CloudFront name a custom hosted-login domain's DNS record points at. */
export function loginDnsTarget(domain: cognito.UserPoolDomain): string {
  return (domain.node.defaultChild as cognito.CfnUserPoolDomain).attrCloudFrontDistribution;
}

/** The hosted-login domain: the firm's own name when set, else a Cognito prefix. */
function loginDomain(pool: cognito.UserPool, props: PortalUserPoolProps, suffix: string): cognito.UserPoolDomain {
  return pool.addDomain('Login', props.loginDomain
    ? { customDomain: { domainName: props.loginDomain.name, certificate: props.loginDomain.certificate } }
    : { cognitoDomain: { domainPrefix: `${props.domainPrefix}-${suffix}` } });
}

export const strongPasswords: cognito.PasswordPolicy = {
  minLength: 12,
  requireLowercase: true,
  requireUppercase: true,
  requireDigits: true,
  requireSymbols: true,
  tempPasswordValidity: Duration.days(7),
};

/** The web UI's app client: authorization code with PKCE, no secret (a browser cannot keep one). */
function webClient(pool: cognito.UserPool, props: PortalUserPoolProps, readAttributes?: cognito.ClientAttributes) {
  return pool.addClient('WebClient', {
    generateSecret: false,
    authFlows: { userSrp: true },
    preventUserExistenceErrors: true,
    oAuth: {
      flows: { authorizationCodeGrant: true },
      // COGNITO_ADMIN lets the signed-in user change their own password and set up TOTP (the portal's profile page).
      scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE, cognito.OAuthScope.COGNITO_ADMIN],
      callbackUrls: props.webOrigins.map((o) => `${o}/callback`),
      logoutUrls: props.webOrigins.map((o) => `${o}/`),
    },
    idTokenValidity: Duration.hours(1),
    accessTokenValidity: Duration.hours(1),
    refreshTokenValidity: Duration.days(1),
    enableTokenRevocation: true,
    readAttributes,
    // Customers may change their name, never the contact they are linked to.
    writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ fullname: true }),
  });
}

/** Staff sign in by email with a required TOTP second factor; only admins create staff users. */
export class StaffIdentity extends Construct {
  readonly userPool: cognito.UserPool;
  readonly webClient: cognito.UserPoolClient;
  readonly domain: cognito.UserPoolDomain;
  static readonly ADMINS_GROUP = 'admins';

  constructor(scope: Construct, id: string, props: PortalUserPoolProps) {
    super(scope, id);
    this.userPool = new cognito.UserPool(this, 'Pool', {
      signInAliases: { email: true },
      selfSignUpEnabled: false,
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: strongPasswords,
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      standardAttributes: { email: { required: true, mutable: true }, fullname: { required: false, mutable: true } },
      lambdaTriggers: { customMessage: props.customMessage },
      email: props.mailer.poolEmail(props.firmName),
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    if (props.mailer.poolEmail(props.firmName)) this.userPool.node.addDependency(props.mailer.identity);
    acknowledgeTriggers([props.customMessage]);
    new cognito.CfnUserPoolGroup(this, 'Admins', {
      userPoolId: this.userPool.userPoolId,
      groupName: StaffIdentity.ADMINS_GROUP,
      description: 'Staff who manage staff users and settings',
    });
    this.domain = loginDomain(this.userPool, props, 'staff');
    this.webClient = webClient(this.userPool, props);
    acknowledge(this.userPool, ['AwsSolutions-COG8'], 'The Plus feature plan (threat protection) is a per-user cost ops can turn on; staff already need TOTP MFA and strong passwords.');
  }

  /** Lets an admin-only staff function invite, list, disable, reset, promote and demote staff users. */
  grantUserAdministration(fn: PorticoFunction): void {
    this.userPool.grant(
      fn,
      'cognito-idp:AdminCreateUser',
      'cognito-idp:AdminGetUser',
      'cognito-idp:AdminAddUserToGroup',
      'cognito-idp:AdminRemoveUserFromGroup',
      'cognito-idp:AdminListGroupsForUser',
      'cognito-idp:ListUsers',
      'cognito-idp:ListUsersInGroup',
      'cognito-idp:AdminDisableUser',
      'cognito-idp:AdminEnableUser',
      'cognito-idp:AdminUserGlobalSignOut',
      'cognito-idp:AdminSetUserPassword',
    );
    fn.bindEnv('STAFF_USER_POOL_ID', this.userPool.userPoolId);
  }
}

export interface CustomerIdentityProps extends PortalUserPoolProps {
  readonly mfa: CustomerMfa;
  readonly selfSignUp: boolean;
  readonly preSignUp: PorticoFunction;
  readonly postConfirmation: PorticoFunction;
  readonly postAuthentication: PorticoFunction;
}

/** Customers sign in by email; MFA and self sign-up are the firm's settings. */
export class CustomerIdentity extends Construct {
  readonly userPool: cognito.UserPool;
  readonly webClient: cognito.UserPoolClient;
  readonly domain: cognito.UserPoolDomain;
  /** The custom attribute that ties a customer user to its contact; set only by the portal's own functions. */
  static readonly CONTACT_ATTRIBUTE = 'contactId';

  constructor(scope: Construct, id: string, props: CustomerIdentityProps) {
    super(scope, id);
    const mfa = { off: cognito.Mfa.OFF, optional: cognito.Mfa.OPTIONAL, required: cognito.Mfa.REQUIRED }[props.mfa];
    this.userPool = new cognito.UserPool(this, 'Pool', {
      signInAliases: { email: true },
      autoVerify: { email: true },
      selfSignUpEnabled: props.selfSignUp,
      mfa,
      mfaSecondFactor: props.mfa === 'off' ? undefined : { otp: true, sms: false },
      passwordPolicy: strongPasswords,
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      standardAttributes: { email: { required: true, mutable: true }, fullname: { required: false, mutable: true } },
      customAttributes: { [CustomerIdentity.CONTACT_ATTRIBUTE]: new cognito.StringAttribute({ mutable: true, maxLen: 64 }) },
      lambdaTriggers: {
        preSignUp: props.preSignUp,
        postConfirmation: props.postConfirmation,
        postAuthentication: props.postAuthentication,
        customMessage: props.customMessage,
      },
      email: props.mailer.poolEmail(props.firmName),
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    if (props.mailer.poolEmail(props.firmName)) this.userPool.node.addDependency(props.mailer.identity);
    acknowledgeTriggers([props.preSignUp, props.postConfirmation, props.postAuthentication, props.customMessage]);
    this.domain = loginDomain(this.userPool, props, 'portal');
    this.webClient = webClient(
      this.userPool,
      props,
      new cognito.ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true, fullname: true })
        .withCustomAttributes(CustomerIdentity.CONTACT_ATTRIBUTE),
    );
    acknowledge(this.userPool, ['AwsSolutions-COG8'], 'The Plus feature plan (threat protection) is a per-user cost ops can turn on; customer access is also checked on every request against the contact record.');
    if (props.mfa !== 'required') {
      acknowledge(this.userPool, ['AwsSolutions-COG2'], 'Customer MFA is the firm\'s setting (portico:customerMfa); it is "optional" or "off" only when ops choose so.');
    }
  }

  /** Lets a staff function create, disable and sign out customer users. */
  grantAdminUserManagement(fn: PorticoFunction): void {
    this.userPool.grant(
      fn,
      'cognito-idp:AdminCreateUser',
      'cognito-idp:AdminGetUser',
      'cognito-idp:AdminDisableUser',
      'cognito-idp:AdminEnableUser',
      'cognito-idp:AdminUserGlobalSignOut',
      'cognito-idp:AdminUpdateUserAttributes',
      'cognito-idp:AdminSetUserPassword',
    );
    fn.bindEnv('CUSTOMER_USER_POOL_ID', this.userPool.userPoolId);
  }
}
