/** What each construct promises, asserted on the synthesized template (cdk.json context, cdk-nag on). */
import { NestedStack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { synthesize } from './app-fixture.ts';

const { template, assembly, stack } = synthesize();
const resources = (type: string) => template.findResources(type);
const byLogicalIdPrefix = (type: string, prefix: string) => Object.entries(resources(type)).find(([id]) => id.startsWith(prefix))!;

describe('identity', () => {
  const [, staffPool] = byLogicalIdPrefix('AWS::Cognito::UserPool', 'StaffIdentityPool');
  const [, customerPool] = byLogicalIdPrefix('AWS::Cognito::UserPool', 'CustomerIdentityPool');

  it('staff sign in by email with required TOTP MFA, and only admins create staff users', () => {
    expect(staffPool.Properties).toMatchObject({
      MfaConfiguration: 'ON',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      UsernameAttributes: ['email'],
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      Policies: { PasswordPolicy: { MinimumLength: 12, RequireLowercase: true, RequireUppercase: true, RequireNumbers: true, RequireSymbols: true } },
    });
    template.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: 'admins' });
  });

  it('customer MFA and self sign-up follow the context settings, with the triggers wired', () => {
    expect(customerPool.Properties.MfaConfiguration).toBe('OPTIONAL');
    // cdk.json turns the pool's sign-up capability on; admins switch it on and off at run time.
    expect(customerPool.Properties.AdminCreateUserConfig.AllowAdminCreateUserOnly).toBe(false);
    expect(Object.keys(customerPool.Properties.LambdaConfig).sort()).toEqual(['CustomMessage', 'PostAuthentication', 'PostConfirmation', 'PreSignUp']);
    const other = synthesize({ 'portico:customerMfa': 'required', 'portico:selfSignUp': false }).template;
    other.hasResourceProperties('AWS::Cognito::UserPool', { MfaConfiguration: 'ON', AdminCreateUserConfig: { AllowAdminCreateUserOnly: true }, LambdaConfig: Match.anyValue() });
    const off = synthesize({ 'portico:customerMfa': 'off' }).template;
    off.hasResourceProperties('AWS::Cognito::UserPool', { MfaConfiguration: 'OFF', LambdaConfig: Match.anyValue() });
  });

  it("each pool words its own emails (codes, resets) through its CustomMessage trigger: customers' reads the contacts for their language, staff's only the settings", () => {
    const functionOf = (pool: typeof staffPool) => pool.Properties.LambdaConfig.CustomMessage['Fn::GetAtt'][0] as string;
    expect(Object.keys(staffPool.Properties.LambdaConfig)).toEqual(['CustomMessage']);
    expect(functionOf(staffPool)).toMatch(/^StaffCustomMessage/);
    expect(functionOf(customerPool)).toMatch(/^CustomerCustomMessage/);
    const environment = (logicalId: string) => Object.keys(resources('AWS::Lambda::Function')[logicalId].Properties.Environment.Variables);
    expect(environment(functionOf(customerPool))).toEqual(expect.arrayContaining(['PORTAL_CONFIG_TABLE', 'CONTACTS_TABLE', 'FIRM_NAME', 'PORTAL_URL', 'STAFF_APP_URL']));
    expect(environment(functionOf(staffPool))).toEqual(expect.arrayContaining(['PORTAL_CONFIG_TABLE', 'FIRM_NAME', 'PORTAL_URL', 'STAFF_APP_URL']));
    expect(environment(functionOf(staffPool))).not.toContain('CONTACTS_TABLE');
    // cdk.json leaves the pools on Cognito's own sender, which refuses a trigger's words: the triggers are told so.
    const variables = (pool: typeof staffPool) => resources('AWS::Lambda::Function')[functionOf(pool)].Properties.Environment.Variables;
    for (const pool of [staffPool, customerPool]) expect(variables(pool).POOL_MAIL_THROUGH_SES).toBe('false');
    const throughSes = synthesize({ 'portico:poolMailThroughSes': true }).template;
    const sesPool = Object.entries(throughSes.findResources('AWS::Cognito::UserPool')).find(([id]) => id.startsWith('CustomerIdentityPool'))![1];
    expect(sesPool.Properties.EmailConfiguration.EmailSendingAccount).toBe('DEVELOPER');
    const sesTrigger = throughSes.findResources('AWS::Lambda::Function')[sesPool.Properties.LambdaConfig.CustomMessage['Fn::GetAtt'][0]];
    expect(sesTrigger.Properties.Environment.Variables.POOL_MAIL_THROUGH_SES).toBe('true');
    // Cognito may invoke each one: the permission names its own pool.
    for (const [pool, poolPrefix] of [[staffPool, 'StaffIdentityPool'], [customerPool, 'CustomerIdentityPool']] as const) {
      template.hasResourceProperties('AWS::Lambda::Permission', {
        FunctionName: { 'Fn::GetAtt': [functionOf(pool), 'Arn'] },
        Principal: 'cognito-idp.amazonaws.com',
        SourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp(`^${poolPrefix}`), 'Arn'] },
      });
    }
  });

  it('refuses an unknown MFA setting at synth', () => {
    expect(() => synthesize({ 'portico:customerMfa': 'sometimes' })).toThrow(/customerMfa/);
  });

  it('each pool has a hosted-login domain and a PKCE web client without a secret', () => {
    expect(Object.keys(resources('AWS::Cognito::UserPoolDomain'))).toHaveLength(2);
    const clients = Object.values(resources('AWS::Cognito::UserPoolClient'));
    expect(clients).toHaveLength(2);
    for (const c of clients) {
      expect(c.Properties).toMatchObject({ GenerateSecret: false, AllowedOAuthFlows: ['code'], AllowedOAuthFlowsUserPoolClient: true });
    }
  });

  it('each client calls back only to its own UI: staff to the admin site, customers to the portal', () => {
    const [, staffClient] = byLogicalIdPrefix('AWS::Cognito::UserPoolClient', 'StaffIdentityPoolWebClient');
    const [, customerClient] = byLogicalIdPrefix('AWS::Cognito::UserPoolClient', 'CustomerIdentityPoolWebClient');
    const siteUrl = (distributionPrefix: string, suffix: string) => ({
      'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [byLogicalIdPrefix('AWS::CloudFront::Distribution', distributionPrefix)[0], 'DomainName'] }, suffix]],
    });
    expect(staffClient.Properties.CallbackURLs).toEqual([siteUrl('WebAdminCdn', '/callback')]);
    expect(staffClient.Properties.LogoutURLs).toEqual([siteUrl('WebAdminCdn', '/')]);
    expect(customerClient.Properties.CallbackURLs).toEqual([siteUrl('WebPortalCdn', '/callback')]);
    // Extra origins (a UI dev server) are added only when configured.
    const withDev = synthesize({ 'portico:webOrigins': ['http://localhost:5173'] }).template;
    withDev.hasResourceProperties('AWS::Cognito::UserPoolClient', { CallbackURLs: Match.arrayWith(['http://localhost:5173/callback']) });
  });
});

describe('web UIs', () => {
  const distributions = Object.entries(resources('AWS::CloudFront::Distribution'));

  it('two CloudFront sites, HTTPS only, from private buckets through origin access control, with the UI routes falling back to index.html', () => {
    expect(distributions).toHaveLength(2);
    for (const [, d] of distributions) {
      const config = d.Properties.DistributionConfig;
      expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
      expect(config.Origins[0].OriginAccessControlId).toBeDefined();
      expect(config.DefaultRootObject).toBe('index.html');
      expect(config.CustomErrorResponses).toEqual(
        expect.arrayContaining([403, 404].map((code) => expect.objectContaining({ ErrorCode: code, ResponseCode: 200, ResponsePagePath: '/index.html' }))),
      );
      expect(config.Logging.Bucket).toBeDefined();
      expect(config.DefaultCacheBehavior.ResponseHeadersPolicyId).toBeDefined();
    }
    for (const policy of Object.values(resources('AWS::CloudFront::ResponseHeadersPolicy'))) {
      const headers = policy.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
      expect(JSON.stringify(headers.ContentSecurityPolicy)).toMatch(/default-src 'self'.*frame-ancestors 'none'/);
      expect(headers).toMatchObject({ StrictTransportSecurity: { Override: true }, FrameOptions: { FrameOption: 'DENY' }, ContentTypeOptions: { Override: true } });
    }
  });

  it('a site bucket leaves no unfinished multipart upload behind for more than a day', () => {
    const sites = Object.entries(resources('AWS::S3::Bucket')).filter(([id]) => /^Web(Admin|Portal)Site/.test(id));
    expect(sites).toHaveLength(2);
    for (const [, site] of sites) expect(site.Properties.LifecycleConfiguration.Rules).toEqual([{ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 }, Status: 'Enabled' }]);
  });

  it('each UI gets its own API, app client and login in /config.json at deploy time', () => {
    const deployments = Object.values(resources('Custom::CDKBucketDeployment'));
    expect(deployments).toHaveLength(2);
    const markers = deployments.map((d) => Object.values(d.Properties.SourceMarkers[1]).map((v) => JSON.stringify(v)).join(' '));
    expect(markers.find((m) => m.includes('StaffApi'))).toMatch(/StaffIdentityPoolWebClient.*StaffIdentityPoolLogin/);
    expect(markers.find((m) => m.includes('CustomerApi'))).toMatch(/CustomerIdentityPoolWebClient.*CustomerIdentityPoolLogin/);
    const config = JSON.parse(readFileSync(path.join(assembly.directory, `asset.${deployments[0].Properties.SourceObjectKeys[1].replace('.zip', '')}`, 'config.json'), 'utf8'));
    expect(Object.keys(config).sort()).toEqual(['apiUrl', 'clientId', 'loginUrl']);
  });

  it('the APIs accept browser calls only from their own UI', () => {
    const apis = Object.entries(resources('AWS::ApiGatewayV2::Api'));
    const origins = (prefix: string) => JSON.stringify(apis.find(([id]) => id.startsWith(prefix))![1].Properties.CorsConfiguration.AllowOrigins);
    expect(origins('StaffApi')).toContain('WebAdminCdn');
    expect(origins('StaffApi')).not.toContain('WebPortalCdn');
    expect(origins('CustomerApi')).toContain('WebPortalCdn');
    expect(origins('CustomerApi')).not.toContain('WebAdminCdn');
  });
});

describe('data', () => {
  const tables = Object.values(resources('AWS::DynamoDB::GlobalTable'));

  it('every table is on demand, encrypted, retained, protected and has point-in-time recovery', () => {
    expect(tables.length).toBeGreaterThanOrEqual(4);
    for (const t of tables) {
      expect(t.Properties.BillingMode).toBe('PAY_PER_REQUEST');
      expect(t.Properties.SSESpecification).toEqual({ SSEEnabled: true, SSEType: 'KMS' });
      expect(t.Properties.Replicas[0]).toMatchObject({ PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true }, DeletionProtectionEnabled: true });
      expect(t.DeletionPolicy).toBe('Retain');
    }
  });

  it('shares are read by key (access checks), by item, and newest first per contact (paged lists), never scanned', () => {
    const [, shares] = byLogicalIdPrefix('AWS::DynamoDB::GlobalTable', 'DataShares');
    expect(shares.Properties.KeySchema).toEqual([
      { AttributeName: 'contactId', KeyType: 'HASH' },
      { AttributeName: 'itemId', KeyType: 'RANGE' },
    ]);
    const indexes = Object.fromEntries(shares.Properties.GlobalSecondaryIndexes.map((i: any) => [i.IndexName, i.KeySchema.map((k: any) => k.AttributeName)]));
    expect(indexes).toEqual({ byItem: ['itemId', 'contactId'], bySharedAt: ['contactId', 'sharedOrder'] });
  });
});

describe('matters', () => {
  const nested = Template.fromStack(stack.matters.stack).toJSON().Resources as Record<string, any>;
  const ofType = (type: string) => Object.entries(nested).filter(([, r]) => r.Type === type);

  it('live in a nested stack of their own: a table for matters and one for requests, each read by key and by partition (no index), and their staff and customer routes', () => {
    const tables = ofType('AWS::DynamoDB::GlobalTable');
    expect(tables).toHaveLength(2);
    for (const [, table] of tables) {
      expect(table.Properties.KeySchema).toEqual([
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ]);
      expect(table.Properties.GlobalSecondaryIndexes).toBeUndefined();
      expect(table.Properties.Replicas[0]).toMatchObject({ PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true }, DeletionProtectionEnabled: true });
      expect(table.DeletionPolicy).toBe('Retain');
    }
    expect(ofType('AWS::Lambda::Function')).toHaveLength(38);
    // Staff and customer routes have the same keys on their two APIs: count each key per API.
    const apiOf = (r: any) => JSON.stringify(r.Properties.ApiId);
    const apis = [...new Set(ofType('AWS::ApiGatewayV2::Route').map(([, r]) => apiOf(r)))];
    expect(apis).toHaveLength(2);
    const keys = apis.map((api) => ofType('AWS::ApiGatewayV2::Route').filter(([, r]) => apiOf(r) === api).map(([, r]) => r.Properties.RouteKey).sort());
    const staffKeys = [
      'DELETE /matters/{matterId}/approval',
      'GET /awaiting-answers',
      'GET /drive/items/{itemId}/comments',
      'GET /drive/items/{itemId}/comments/{contactId}',
      'POST /drive/items/{itemId}/comments/{contactId}',
      'POST /drive/items/{itemId}/comments/{contactId}/{commentId}/hide',
      'GET /matter-lists',
      'GET /matters',
      'GET /matters/{matterId}',
      'GET /matters/{matterId}/activity',
      'GET /matters/{matterId}/comments',
      'GET /matters/{matterId}/documents',
      'PATCH /matters/{matterId}',
      'POST /matters',
      'POST /matters/{matterId}/approval',
      'POST /matters/{matterId}/comments',
      'POST /matters/{matterId}/comments/{commentId}/hide',
      'PUT /matter-lists',
      'PUT /matters/{matterId}/documents/{itemId}/type',
      'GET /requests',
      'GET /requests/{requestId}',
      'POST /requests/{requestId}/accept',
      'POST /requests/{requestId}/decline',
    ].sort();
    const customerKeys = [
      'GET /matters',
      'GET /matters/{matterId}',
      'GET /matters/{matterId}/comments',
      'GET /matters/{matterId}/documents',
      'GET /matters/{matterId}/documents/{itemId}/download',
      'GET /matters/{matterId}/uploads',
      'POST /matters/{matterId}/comments',
      'POST /matters/{matterId}/uploads',
      'GET /request-form',
      'GET /shared/items/{itemId}/comments',
      'POST /shared/items/{itemId}/comments',
      'GET /requests',
      'GET /requests/{requestId}',
      'POST /requests',
      'POST /requests/{requestId}/uploads',
    ].sort();
    expect(keys.sort((a, b) => b.length - a.length)).toEqual([staffKeys, customerKeys]);
    for (const [, route] of ofType('AWS::ApiGatewayV2::Route')) expect(route.Properties.AuthorizationType).toBe('JWT');
  });

  it('reading routes may only read the tables; only changes write them; a customer reading their requests cannot read matters', () => {
    const tableIds = ofType('AWS::DynamoDB::GlobalTable').map(([id]) => id);
    const requestsTableId = tableIds.find((id) => id.startsWith('Requests'))!;
    const tableId = tableIds.find((id) => id !== requestsTableId)!;
    const statementsOn = (fnName: string, table: string) => {
      // The name and CDK's hash only: CustomerGetRequest is not CustomerGetRequestForm.
      const [, fn] = ofType('AWS::Lambda::Function').find(([id]) => new RegExp(`^${fnName}[0-9A-F]{8}$`).test(id))!;
      const role = fn.Properties.Role['Fn::GetAtt'][0];
      return ofType('AWS::IAM::Policy')
        .filter(([, p]) => p.Properties.Roles.some((r: any) => r.Ref === role))
        .flatMap(([, p]) => p.Properties.PolicyDocument.Statement)
        .filter((st: any) => JSON.stringify(st.Resource).includes(table));
    };
    const writesRequests = (fnPrefix: string) => statementsOn(fnPrefix, requestsTableId).some((st: any) => [st.Action].flat().includes('dynamodb:PutItem'));
    for (const reader of ['StaffListRequests', 'StaffGetRequest', 'CustomerListRequests', 'CustomerGetRequest', 'CustomerGetRequestForm', 'CustomerStartRequestUpload']) expect(writesRequests(reader), reader).toBe(false);
    for (const writer of ['CustomerSubmitRequest', 'StaffAcceptRequest', 'StaffDeclineRequest']) expect(writesRequests(writer), writer).toBe(true);
    for (const fn of ['CustomerListRequests', 'CustomerGetRequest', 'StaffListRequests']) expect(statementsOn(fn, tableId), fn).toEqual([]);
    const writes = (fnPrefix: string) => {
      const [, fn] = ofType('AWS::Lambda::Function').find(([id]) => id.startsWith(fnPrefix))!;
      const role = fn.Properties.Role['Fn::GetAtt'][0];
      const statements = ofType('AWS::IAM::Policy')
        .filter(([, p]) => p.Properties.Roles.some((r: any) => r.Ref === role))
        .flatMap(([, p]) => p.Properties.PolicyDocument.Statement)
        .filter((st: any) => JSON.stringify(st.Resource).includes(tableId));
      return statements.some((st: any) => [st.Action].flat().includes('dynamodb:PutItem'));
    };
    const readers = ['StaffListMatters', 'StaffGetMatter', 'StaffListMatterLists', 'StaffListMatterDocuments', 'StaffSetDocumentType', 'StaffListMatterComments'];
    const customers = ['CustomerListMatters', 'CustomerGetMatter', 'CustomerListMatterDocuments', 'CustomerDownloadMatterDocument', 'CustomerStartMatterUpload', 'CustomerListMatterUploads', 'CustomerListMatterComments'];
    for (const reader of [...readers, ...customers]) expect(writes(reader), reader).toBe(false);
    const writers = ['StaffCreateMatter', 'StaffUpdateMatter', 'StaffApproveMatter', 'StaffReopenMatter', 'StaffUpdateMatterLists', 'StaffAddMatterComment', 'StaffHideMatterComment', 'CustomerAddMatterComment'];
    for (const writer of writers) expect(writes(writer), writer).toBe(true);
  });
});

describe('drive', () => {
  const [bucketId, bucket] = byLogicalIdPrefix('AWS::S3::Bucket', 'DriveBucket');

  it('is versioned, private, encrypted with its own KMS key, logged, with CORS and an old-version lifecycle', () => {
    const [keyId] = byLogicalIdPrefix('AWS::KMS::Key', 'DriveKey');
    expect(bucket.Properties).toMatchObject({
      VersioningConfiguration: { Status: 'Enabled' },
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: { 'Fn::GetAtt': [keyId, 'Arn'] } }, BucketKeyEnabled: true }] },
      LoggingConfiguration: { DestinationBucketName: expect.anything() },
    });
    expect(bucket.Properties.CorsConfiguration.CorsRules[0].AllowedMethods).toEqual(expect.arrayContaining(['GET', 'PUT']));
    expect(bucket.Properties.LifecycleConfiguration.Rules[0].NoncurrentVersionExpiration.NoncurrentDays).toBe(90);
    expect(bucket.DeletionPolicy).toBe('Retain');
  });

  it('its key lets no one but an AWS service, for an AWS resource, create a grant on the firm\'s documents', () => {
    const [, key] = byLogicalIdPrefix('AWS::KMS::Key', 'DriveKey');
    expect(key.Properties.KeyPolicy.Statement).toContainEqual({
      Sid: 'GrantsOnlyForAwsServices',
      Effect: 'Deny',
      Principal: { AWS: '*' },
      Action: 'kms:CreateGrant',
      Resource: '*',
      Condition: { BoolIfExists: { 'kms:GrantIsForAWSResource': 'false', 'aws:PrincipalIsAWSService': 'false' } },
    });
  });

  it('access logs (the drive\'s and the sites\') are kept a year, and a deleted or overwritten log file 90 days more as an old version', () => {
    const logBuckets = Object.entries(resources('AWS::S3::Bucket')).filter(([id]) => /^(DriveAccessLogs|WebLogs)/.test(id));
    expect(logBuckets).toHaveLength(2);
    for (const [, b] of logBuckets) {
      expect(b.Properties.VersioningConfiguration).toEqual({ Status: 'Enabled' });
      expect(b.Properties.LifecycleConfiguration.Rules).toEqual([{ ExpirationInDays: 365, NoncurrentVersionExpiration: { NoncurrentDays: 90 }, Status: 'Enabled' }]);
      expect(b.DeletionPolicy).toBe('Retain');
    }
  });

  it('refuses requests without TLS', () => {
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: bucketId },
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
  });

  it('sends only customer uploads to the upload notifier', () => {
    const [, n] = Object.entries(resources('Custom::S3BucketNotifications'))[0];
    const configs = n.Properties.NotificationConfiguration.LambdaFunctionConfigurations;
    expect(configs).toHaveLength(1);
    expect(configs[0]).toMatchObject({ Events: ['s3:ObjectCreated:*'], Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'customer-uploads/' }] } } });
    expect(configs[0].LambdaFunctionArn['Fn::GetAtt'][0]).toMatch(/^NotifyCustomerUpload/);
  });
});

describe('mail', () => {
  it('has an SES identity for the sender and a failure queue for notifications that keep failing', () => {
    template.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: 'portal@example.com' });
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: Match.stringLikeRegexp('^NotifyCustomerUpload') },
      MaximumRetryAttempts: 2,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [Match.stringLikeRegexp('^MailFailedNotifications'), 'Arn'] } } },
    });
  });
});

describe('api', () => {
  const routes = Object.values(resources('AWS::ApiGatewayV2::Route'));
  const authorizers = resources('AWS::ApiGatewayV2::Authorizer');

  it('every route requires a JWT of the pool that API serves', () => {
    expect(routes.length).toBeGreaterThan(10);
    for (const route of routes) {
      expect(route.Properties.AuthorizationType, route.Properties.RouteKey).toBe('JWT');
      const authorizer = authorizers[route.Properties.AuthorizerId.Ref];
      const apiId: string = route.Properties.ApiId.Ref;
      const pool = apiId.startsWith('Staff') ? 'StaffIdentityPool' : 'CustomerIdentityPool';
      expect(authorizer.Properties.ApiId.Ref).toBe(apiId);
      expect(JSON.stringify(authorizer.Properties.JwtConfiguration.Issuer)).toContain(pool);
      expect(authorizer.Properties.JwtConfiguration.Audience[0].Ref).toMatch(new RegExp(`^${pool}WebClient`));
    }
  });

  it('both APIs log access and throttle', () => {
    const stages = Object.values(resources('AWS::ApiGatewayV2::Stage'));
    expect(stages).toHaveLength(2);
    for (const s of stages) {
      expect(s.Properties.AccessLogSettings.DestinationArn).toBeDefined();
      expect(s.Properties.DefaultRouteSettings).toMatchObject({ ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 });
    }
  });
});

describe('functions', () => {
  // Ours, not CDK's deploy-time helpers (bucket notifications, BucketDeployment).
  const functions = Object.entries(resources('AWS::Lambda::Function')).filter(([id]) => !/^(BucketNotificationsHandler|CustomCDKBucketDeployment)/.test(id));
  const policies = Object.values(resources('AWS::IAM::Policy'));
  const statementsOf = (fnId: string) => {
    const roleId = functions.find(([id]) => id === fnId)![1].Properties.Role['Fn::GetAtt'][0];
    return policies.filter((p) => p.Properties.Roles.some((r: any) => r.Ref === roleId)).flatMap((p) => p.Properties.PolicyDocument.Statement);
  };

  it('run Node 24 on ARM64 with bounded memory and timeout and their own log group', () => {
    for (const [, f] of functions) {
      expect(f.Properties).toMatchObject({ Runtime: 'nodejs24.x', Architectures: ['arm64'], LoggingConfig: { LogGroup: expect.anything() } });
      expect(f.Properties.MemorySize).toBeLessThanOrEqual(1024);
      expect(f.Properties.Timeout).toBeLessThanOrEqual(30);
    }
  });

  it('keep their logs a year', () => {
    const logGroups = resources('AWS::Logs::LogGroup');
    for (const [, f] of functions) expect(logGroups[f.Properties.LoggingConfig.LogGroup.Ref].Properties.RetentionInDays).toBe(365);
  });

  it('never share a role', () => {
    const roles = functions.map(([, f]) => f.Properties.Role['Fn::GetAtt'][0]);
    expect(new Set(roles).size).toBe(roles.length);
  });

  it('an hourly rule settles abandoned uploads with a role that can read and abort, never write or delete', () => {
    const [fnId] = functions.find(([id]) => id.startsWith('CleanUpUploads'))!;
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(1 hour)',
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [fnId, 'Arn'] } })],
    });
    const actions = statementsOf(fnId).flatMap((s) => [s.Action].flat() as string[]);
    expect(actions).toContain('s3:AbortMultipartUpload');
    expect(actions.filter((a) => /^s3:(Put|Delete)/.test(a))).toEqual([]);
  });

  it('customer-facing functions cannot call Cognito admin APIs nor write outside the upload prefix', () => {
    const customerFns = functions.filter(([id]) => /^Customer(GetProfile|ListShared|ListFolder|DownloadItem|StartUpload)/.test(id));
    expect(customerFns).toHaveLength(5);
    for (const [id] of customerFns) {
      for (const s of statementsOf(id)) {
        const actions: string[] = [s.Action].flat();
        expect(actions.some((a) => a.startsWith('cognito-idp:')), id).toBe(false);
        if (actions.some((a) => /^s3:(Put|Delete)/.test(a))) {
          expect(JSON.stringify(s.Resource), id).toMatch(/\/customer-uploads\/\*/);
          expect(JSON.stringify(s.Resource), id).not.toMatch(/\/drive\/\*/);
        }
        expect(actions.some((a) => a.startsWith('s3:Delete')), id).toBe(false);
      }
    }
  });
});

describe('logs', () => {
  const [keyId, key] = byLogicalIdPrefix('AWS::KMS::Key', 'LogsKey');
  const keyArn = { 'Fn::GetAtt': [keyId, 'Arn'] };
  // Every nested stack (matters, monitoring, and any a new capability adds), with what the portal's
  // stack passes to each of its parameters.
  const nested = stack.node.findAll().filter(NestedStack.isNestedStack).map((n) => {
    const given = resources('AWS::CloudFormation::Stack')[stack.getLogicalId(n.nestedStackResource!)].Properties.Parameters ?? {};
    return { path: n.node.path, template: Template.fromStack(n).toJSON(), given: given as Record<string, unknown> };
  });
  const logGroupsOf = (t: any) => Object.entries(t.Resources as Record<string, any>).filter(([, r]) => r.Type === 'AWS::Logs::LogGroup');

  it('every log group, in the portal\'s stack and in each nested stack, is encrypted with the portal\'s log key', () => {
    const own = logGroupsOf(template.toJSON());
    // Each function's and both APIs' access logs.
    expect(own.length).toBeGreaterThan(40);
    for (const [id, group] of own) expect(group.Properties.KmsKeyId, id).toEqual(keyArn);
    expect(nested.map((n) => n.path)).toEqual(expect.arrayContaining([stack.matters.stack.node.path, stack.monitoring.stack.node.path]));
    expect(nested.flatMap((n) => logGroupsOf(n.template)).length).toBeGreaterThan(0);
    for (const n of nested) {
      for (const [id, group] of logGroupsOf(n.template)) {
        const ref = group.Properties.KmsKeyId?.Ref;
        expect(ref, `${n.path}/${id}`).toBeDefined();
        expect(n.given[ref], `${n.path}/${id}`).toEqual(keyArn);
      }
    }
  });

  it('the key is rotated, retained, and lets CloudWatch Logs use it only for this account\'s log groups in the stack\'s region', () => {
    expect(key.Properties.EnableKeyRotation).toBe(true);
    expect(key.DeletionPolicy).toBe('Retain');
    const allowed = key.Properties.KeyPolicy.Statement.filter((st: any) => st.Effect === 'Allow');
    // The account's own administration of the key (CDK's default), and the logs service.
    expect(allowed.map((st: any) => st.Principal)).toEqual([
      { AWS: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::', { Ref: 'AWS::AccountId' }, ':root']] } },
      { Service: { 'Fn::Join': ['', ['logs.', { Ref: 'AWS::Region' }, '.amazonaws.com']] } },
    ]);
    expect(allowed[1]).toMatchObject({
      Action: ['kms:Decrypt*', 'kms:Describe*', 'kms:Encrypt*', 'kms:GenerateDataKey*', 'kms:ReEncrypt*'],
      Resource: '*',
      Condition: {
        ArnLike: {
          'kms:EncryptionContext:aws:logs:arn': { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':logs:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':log-group:*']] },
        },
      },
    });
    expect(Object.keys(allowed[1].Condition)).toEqual(['ArnLike']);
    expect(key.Properties.KeyPolicy.Statement).toContainEqual(expect.objectContaining({ Sid: 'GrantsOnlyForAwsServices', Effect: 'Deny', Action: 'kms:CreateGrant' }));
  });
});

describe('outputs and cdk-nag', () => {
  it('outputs both API URLs, pools, clients, login domains, the bucket and the portal address', () => {
    const outputs = Object.keys(template.findOutputs('*'));
    for (const name of ['StaffApiUrl', 'CustomerApiUrl', 'StaffUserPoolId', 'StaffWebClientId', 'StaffLoginDomain', 'CustomerUserPoolId', 'CustomerWebClientId', 'CustomerLoginDomain', 'DriveBucketName', 'PortalAddress']) {
      expect(outputs).toContain(name);
    }
  });

  it('AwsSolutions has no unacknowledged finding, and every acknowledgement gives a reason', () => {
    const report = JSON.parse(readFileSync(path.join(assembly.directory, 'validation-report.json'), 'utf8'));
    const nag = report.pluginReports.find((p: any) => p.pluginName === 'AwsSolutions');
    expect(nag.violations).toEqual([]);
    expect(nag.conclusion).toBe('success');
    for (const s of nag.suppressedViolations) expect(s.reason.length, s.acknowledgedId).toBeGreaterThan(40);
  });
});
