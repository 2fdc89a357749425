/**
 * Observability and operations, asserted on the synthesized template: tracing, the alarm topic and
 * alarms, the dashboard, scheduled rules' dead-letter queue, reserved concurrency, the drive's KMS
 * key and its grants, the SES configuration set, stages, and the Serverless cdk-nag pack.
 */
import { Match, Template } from 'aws-cdk-lib/assertions';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COUNTS } from '../../shared/metrics.ts';
import { synthesize } from './app-fixture.ts';

const { template, assembly, stack } = synthesize();
const resources = (type: string) => Object.entries(template.findResources(type));
const one = (type: string, prefix: string) => {
  const found = resources(type).filter(([id]) => id.startsWith(prefix));
  expect(found, `${type} ${prefix}`).toHaveLength(1);
  return found[0];
};
// Ours, not CDK's deploy-time helpers (bucket notifications, BucketDeployment).
// The matters capability's functions live in its own nested stack (lib/matters.ts); they are watched all the same.
const matters = Template.fromStack(stack.matters.stack).toJSON();
const functions = [
  ...resources('AWS::Lambda::Function').filter(([id]) => !/^(BucketNotificationsHandler|CustomCDKBucketDeployment)/.test(id)),
  ...Object.entries(matters.Resources as Record<string, any>).filter(([, r]) => r.Type === 'AWS::Lambda::Function'),
];
const policies = resources('AWS::IAM::Policy').map(([, p]) => p);
const statementsOf = (fnId: string) => {
  const roleId = functions.find(([id]) => id === fnId)![1].Properties.Role['Fn::GetAtt'][0];
  return policies.filter((p) => p.Properties.Roles.some((r: any) => r.Ref === roleId)).flatMap((p) => p.Properties.PolicyDocument.Statement);
};
const actionsOn = (fnId: string, resourceId: string) =>
  statementsOf(fnId)
    .filter((s) => JSON.stringify(s.Resource).includes(`"${resourceId}"`))
    .flatMap((s) => [s.Action].flat() as string[]);
// The topic, alarms and dashboard are a nested stack's: they name the parent's resources through its parameters.
const monitoring = Template.fromStack(stack.monitoring.stack);
const monitored = (type: string) => Object.entries(monitoring.findResources(type));
const parameters = monitoring.toJSON().Parameters as Record<string, unknown>;
const [nestedId, nested] = one('AWS::CloudFormation::Stack', 'MonitoringStack');
const [mattersId] = one('AWS::CloudFormation::Stack', 'MattersStack');
/** What a nested-stack parameter is given by the parent, e.g. { Ref: 'DeliverEmails…' }; from the matters stack, its output's value. */
const parentValue = (value: any): unknown => {
  const given = value?.Ref && value.Ref in parameters ? nested.Properties.Parameters[value.Ref] : value;
  const [from, output] = given?.['Fn::GetAtt'] ?? [];
  return from === mattersId ? matters.Outputs[output.replace(/^Outputs\./, '')].Value : given;
};
const resolveParams = (json: any): any =>
  json && typeof json === 'object' ? (json.Ref && json.Ref in parameters ? parentValue(json) : Array.isArray(json) ? json.map(resolveParams) : Object.fromEntries(Object.entries(json).map(([k, v]) => [k, resolveParams(v)]))) : json;
const alarms = monitored('AWS::CloudWatch::Alarm').map(([, a]) => resolveParams(a.Properties));
const [topicId] = monitored('AWS::SNS::Topic').find(([id]) => id.startsWith('Alarms'))!;

describe('tracing', () => {
  it('every function is traced by X-Ray', () => {
    expect(functions.length).toBeGreaterThan(40);
    for (const [id, f] of functions) expect(f.Properties.TracingConfig, id).toEqual({ Mode: 'Active' });
  });
});

describe('alarms', () => {
  const alarmOn = (metricName: string, dimension?: unknown) =>
    alarms.filter((a) => a.MetricName === metricName && (dimension === undefined || JSON.stringify(a.Dimensions).includes(JSON.stringify(dimension))));

  it('live in a nested stack of the portal\'s stack', () => {
    expect(nestedId).toBeDefined();
    expect(resources('AWS::CloudWatch::Alarm')).toHaveLength(0);
    // CloudFormation's limit is 500 per stack; keep room for more routes. Each route costs 7
    // resources (function, role, policy, log group, permission, integration, route), so a new
    // capability's routes live in a nested stack of its own, as the matters' do.
    expect(Object.keys(template.toJSON().Resources).length).toBeLessThan(450);
    expect(Object.keys(matters.Resources).length).toBeLessThan(450);
  });

  it('go to an encrypted, TLS-only topic, with no subscriber unless portico:alarmEmail is set', () => {
    const [, topic] = monitored('AWS::SNS::Topic')[0];
    expect(topic.Properties.KmsMasterKeyId).toBeDefined();
    monitoring.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
    // CloudWatch must be able to use the topic's key.
    monitoring.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: { Statement: Match.arrayWith([Match.objectLike({ Principal: { Service: 'cloudwatch.amazonaws.com' }, Action: Match.arrayWith(['kms:Decrypt']) })]) },
    });
    expect(monitored('AWS::SNS::Subscription')).toHaveLength(0);
    for (const a of alarms) {
      expect(a.AlarmActions).toEqual([{ Ref: topicId }]);
      expect(a.OKActions).toEqual([{ Ref: topicId }]);
      expect(a.AlarmDescription).toBeTruthy();
    }
  });

  it('each function has an errors alarm', () => {
    for (const [id] of functions) expect(alarmOn('Errors', { Name: 'FunctionName', Value: { Ref: id } }), id).toHaveLength(1);
  });

  it('throttles of every function are watched (in groups of at most ten, the limit of an alarm\'s metric math)', () => {
    const throttleAlarms = alarms.filter((a) => a.Metrics?.some((m: any) => m.MetricStat?.Metric.MetricName === 'Throttles'));
    const watched = throttleAlarms.flatMap((a) => a.Metrics.filter((m: any) => m.MetricStat).map((m: any) => m.MetricStat.Metric.Dimensions[0].Value.Ref));
    expect(watched.sort()).toEqual(functions.map(([id]) => id).sort());
    for (const a of throttleAlarms) expect(a.Metrics.filter((m: any) => m.MetricStat).length).toBeLessThanOrEqual(10);
  });

  it('each API has a 5xx-rate alarm', () => {
    for (const [apiId] of resources('AWS::ApiGatewayV2::Api')) {
      const rate = alarms.filter((a) => a.Metrics?.some((m: any) => m.MetricStat?.Metric.MetricName === '5xx' && JSON.stringify(m.MetricStat.Metric.Dimensions).includes(apiId)));
      expect(rate, apiId).toHaveLength(1);
      expect(rate[0].Metrics.find((m: any) => m.Expression).Expression).toMatch(/100 \* errors \/ requests/);
    }
  });

  it('any message in a failure queue raises an alarm', () => {
    const dlqs = resources('AWS::SQS::Queue').filter(([id]) => /^(MailFailedNotifications|SchedulesFailures)/.test(id));
    expect(dlqs).toHaveLength(2);
    for (const [id] of dlqs) {
      const a = alarmOn('ApproximateNumberOfMessagesVisible', { Name: 'QueueName', Value: { 'Fn::GetAtt': [id, 'QueueName'] } });
      expect(a, id).toHaveLength(1);
      expect(a[0]).toMatchObject({ Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold' });
    }
  });

  it('SES bounce and complaint rates alarm before AWS would review the account', () => {
    expect(alarmOn('Reputation.BounceRate')[0]).toMatchObject({ Namespace: 'AWS/SES', Threshold: 0.04 });
    expect(alarmOn('Reputation.ComplaintRate')[0]).toMatchObject({ Namespace: 'AWS/SES', Threshold: 0.0008 });
  });

  it('an email waiting ten minutes in the outbox stream raises an alarm (the deliverer\'s iterator age)', () => {
    const [deliverer] = functions.find(([id]) => id.startsWith('DeliverEmails'))!;
    expect(alarmOn('IteratorAge', { Name: 'FunctionName', Value: { Ref: deliverer } })[0]).toMatchObject({ Threshold: 600000, Statistic: 'Maximum' });
  });

  it('one dashboard shows the APIs, the functions, email and the failure queues', () => {
    const [, dashboard] = monitored('AWS::CloudWatch::Dashboard')[0];
    const body = JSON.stringify(dashboard.Properties.DashboardBody);
    for (const title of ['API requests', 'API 4xx', 'API 5xx', 'API latency', 'Function errors', 'Function duration', 'Function throttles', 'Emails sent', 'Emails failed', 'Failure queues']) {
      expect(body).toContain(title);
    }
  });

  it("the dashboard graphs every count Portico publishes, in its namespace, by the dimension the functions write", () => {
    const [, dashboard] = monitored('AWS::CloudWatch::Dashboard')[0];
    const body = JSON.stringify(dashboard.Properties.DashboardBody).replace(/\\"/g, '"');
    const names = Object.values(COUNTS).flat();
    expect(names).toEqual(expect.arrayContaining(['StaffUploadsStarted', 'CustomerDownloads', 'EmailsSent', 'EmailsFailed', 'SignInsRefused']));
    for (const name of names) expect(body).toContain(`["Portico","${name}","service","portico"`);
  });

  it('an alarm email subscribes to the topic', () => {
    const other = Template.fromStack(synthesize({ 'portico:alarmEmail': 'ops@example.com' }).stack.monitoring.stack);
    other.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@example.com', TopicArn: { Ref: Match.stringLikeRegexp('^Alarms') } });
    expect(() => synthesize({ 'portico:alarmEmail': 'not an address' })).toThrow(/alarmEmail/);
  });
});

describe('scheduled runs', () => {
  const rules = resources('AWS::Events::Rule').filter(([, r]) => r.Properties.ScheduleExpression);
  const [queueId] = one('AWS::SQS::Queue', 'SchedulesFailures');

  it('every scheduled rule retries and then keeps the event in an encrypted, TLS-only dead-letter queue', () => {
    expect(rules.map(([, r]) => r.Properties.ScheduleExpression).sort()).toEqual(['rate(1 day)', 'rate(1 hour)', 'rate(1 hour)', 'rate(5 minutes)']);
    for (const [id, r] of rules) {
      expect(r.Properties.Targets, id).toEqual([
        expect.objectContaining({ RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 3600 }, DeadLetterConfig: { Arn: { 'Fn::GetAtt': [queueId, 'Arn'] } } }),
      ]);
    }
    const [, queue] = one('AWS::SQS::Queue', 'SchedulesFailures');
    expect(queue.Properties.SqsManagedSseEnabled).toBe(true);
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: queueId }],
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
  });

  it('a scheduled run that fails every retry is kept in the same queue (the function\'s on-failure destination)', () => {
    for (const [, r] of rules) {
      const fnId = r.Properties.Targets[0].Arn['Fn::GetAtt'][0];
      template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
        FunctionName: { Ref: fnId },
        MaximumRetryAttempts: 2,
        DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [queueId, 'Arn'] } } },
      });
    }
  });
});

describe('concurrency', () => {
  it('the upload notifier and the email senders have reserved concurrency', () => {
    const reserved = Object.fromEntries(functions.filter(([, f]) => f.Properties.ReservedConcurrentExecutions !== undefined).map(([id, f]) => [id.replace(/[0-9A-F]{8}$/, ''), f.Properties.ReservedConcurrentExecutions]));
    expect(reserved).toEqual({ NotifyCustomerUpload: 5, DeliverEmails: 2, SweepOutbox: 1 });
  });
});

describe('the drive\'s key', () => {
  const [keyId, key] = one('AWS::KMS::Key', 'DriveKey');

  it('is the firm\'s own, rotated and retained', () => {
    expect(key.Properties.EnableKeyRotation).toBe(true);
    expect(key.DeletionPolicy).toBe('Retain');
  });

  it('every function told the drive bucket may use the key as it uses the bucket: decrypt to read, data keys to write', () => {
    const told = functions.filter(([, f]) => f.Properties.Environment?.Variables?.DRIVE_BUCKET);
    expect(told.length).toBeGreaterThan(5);
    for (const [id] of told) {
      const s3Actions = statementsOf(id).flatMap((s) => [s.Action].flat() as string[]);
      const keyActions = actionsOn(id, keyId);
      if (s3Actions.some((a) => a.startsWith('s3:GetObject'))) expect(keyActions, id).toContain('kms:Decrypt');
      if (s3Actions.some((a) => a.startsWith('s3:PutObject'))) expect(keyActions, id).toEqual(expect.arrayContaining(['kms:GenerateDataKey*', 'kms:Decrypt']));
    }
  });
});

describe('replication of the drive (portico:replicaBucketArn)', () => {
  const replicaBucketArn = 'arn:aws:s3:::portico-replica-eu-central-1';
  const replicaKeyArn = 'arn:aws:kms:eu-central-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';

  it('is off by default', () => {
    expect(one('AWS::S3::Bucket', 'DriveBucket')[1].Properties.ReplicationConfiguration).toBeUndefined();
  });

  it('copies every version, KMS-encrypted objects and delete markers included, to the replica with its own key, under a role of its own', () => {
    const replicated = synthesize({ 'portico:replicaBucketArn': replicaBucketArn, 'portico:replicaKeyArn': replicaKeyArn }).template;
    const [, bucket] = Object.entries(replicated.findResources('AWS::S3::Bucket')).find(([id]) => id.startsWith('DriveBucket'))!;
    const config = bucket.Properties.ReplicationConfiguration;
    const roleId = config.Role['Fn::GetAtt'][0];
    expect(roleId).toMatch(/^DriveReplicationRole/);
    expect(config.Rules).toEqual([
      expect.objectContaining({
        Status: 'Enabled',
        Destination: expect.objectContaining({ Bucket: replicaBucketArn, EncryptionConfiguration: { ReplicaKmsKeyID: replicaKeyArn } }),
        SourceSelectionCriteria: expect.objectContaining({ SseKmsEncryptedObjects: { Status: 'Enabled' } }),
        DeleteMarkerReplication: { Status: 'Enabled' },
      }),
    ]);
    // No fixed role name (CDK's default, CDKReplicationRole), so two stages can replicate side by side.
    expect(replicated.findResources('AWS::IAM::Role')[roleId].Properties.RoleName).toBeUndefined();
    const statements = Object.values(replicated.findResources('AWS::IAM::Policy'))
      .filter((p) => p.Properties.Roles.some((r: any) => r.Ref === roleId))
      .flatMap((p) => p.Properties.PolicyDocument.Statement);
    const on = (resource: string) => statements.filter((st) => JSON.stringify(st.Resource).includes(resource)).flatMap((st) => [st.Action].flat());
    expect(on(one('AWS::KMS::Key', 'DriveKey')[0])).toContain('kms:Decrypt');
    expect(on(replicaKeyArn)).toContain('kms:Encrypt');
    expect(on(replicaBucketArn)).toEqual(expect.arrayContaining(['s3:ReplicateObject', 's3:ReplicateDelete']));
  });

  it('needs the replica\'s key with its bucket', () => {
    expect(() => synthesize({ 'portico:replicaBucketArn': replicaBucketArn })).toThrow(/replicaKeyArn/);
  });
});

describe('email sending', () => {
  const [setId] = one('AWS::SES::ConfigurationSet', 'MailSending');

  it('a configuration set with reputation metrics and suppression, sending bounces, complaints and rejects to EventBridge', () => {
    template.hasResourceProperties('AWS::SES::ConfigurationSet', {
      ReputationOptions: { ReputationMetricsEnabled: true },
      SuppressionOptions: { SuppressedReasons: Match.arrayWith(['BOUNCE', 'COMPLAINT']) },
    });
    template.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      ConfigurationSetName: { Ref: setId },
      EventDestination: { Enabled: true, MatchingEventTypes: Match.arrayWith(['bounce', 'complaint']), EventBridgeDestination: Match.anyValue() },
    });
    template.hasResourceProperties('AWS::SES::EmailIdentity', { ConfigurationSetAttributes: { ConfigurationSetName: { Ref: setId } } });
  });

  it('the events are kept in a queue', () => {
    const [queueId] = one('AWS::SQS::Queue', 'MailDeliveryProblems');
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: { source: ['aws.ses'], 'detail-type': Match.arrayWith(['Email Bounced', 'Email Complaint Received']) },
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [queueId, 'Arn'] }, DeadLetterConfig: Match.anyValue() })],
    });
  });

  it('the marker reads that queue in batches, reporting failed messages alone, and the queue keeps what failed five times in the failure queue', () => {
    const [queueId, queue] = one('AWS::SQS::Queue', 'MailDeliveryProblems');
    const [failuresId] = one('AWS::SQS::Queue', 'MailFailedNotifications');
    const [markerId] = one('AWS::Lambda::Function', 'MarkUndeliverable');
    expect(queue.Properties.RedrivePolicy).toEqual({ deadLetterTargetArn: { 'Fn::GetAtt': [failuresId, 'Arn'] }, maxReceiveCount: 5 });
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: { 'Fn::GetAtt': [queueId, 'Arn'] },
      FunctionName: { Ref: markerId },
      BatchSize: 10,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
    expect(actionsOn(markerId, queueId)).toEqual(expect.arrayContaining(['sqs:ReceiveMessage', 'sqs:DeleteMessage']));
    // It marks contacts and the address record, and audits; it sends nothing.
    expect(statementsOf(markerId).flatMap((s) => [s.Action].flat()).filter((a: string) => a.startsWith('ses:'))).toEqual([]);
  });

  it('every function that sends email is told the configuration set and may send with it', () => {
    const senders = functions.filter(([, f]) => f.Properties.Environment?.Variables?.SENDER_EMAIL);
    expect(senders.length).toBeGreaterThanOrEqual(2);
    for (const [id, f] of senders) {
      expect(f.Properties.Environment.Variables.SES_CONFIGURATION_SET, id).toEqual({ Ref: setId });
      expect(actionsOn(id, setId), id).toContain('ses:SendEmail');
    }
  });

  it("with portico:poolMailThroughSes, both user pools send their own emails through SES from the firm's address, with the configuration set, once the identity exists", () => {
    const withSes = synthesize({ 'portico:poolMailThroughSes': true }).template;
    const [sesSetId] = Object.keys(withSes.findResources('AWS::SES::ConfigurationSet'));
    const [identityId] = Object.keys(withSes.findResources('AWS::SES::EmailIdentity'));
    const pools = Object.entries(withSes.findResources('AWS::Cognito::UserPool'));
    expect(pools.map(([id]) => id.replace(/Pool[0-9A-F]{8}$/, '')).sort()).toEqual(['CustomerIdentity', 'StaffIdentity']);
    for (const [id, pool] of pools) {
      expect(pool.Properties.EmailConfiguration, id).toMatchObject({ EmailSendingAccount: 'DEVELOPER', From: 'Portico Demo Firm <portal@example.com>', ConfigurationSet: { Ref: sesSetId } });
      expect(JSON.stringify(pool.Properties.EmailConfiguration.SourceArn), id).toContain('identity/portal@example.com');
      expect(pool.DependsOn, id).toContain(identityId);
    }
  });

  it('without it (the first deploy, before the sender is verified: Cognito refuses an unverified one), the pools use Cognito\'s sender', () => {
    for (const [id, pool] of resources('AWS::Cognito::UserPool')) expect(pool.Properties.EmailConfiguration, id).toBeUndefined();
    expect(() => synthesize({ 'portico:poolMailThroughSes': 'yes' })).toThrow(/poolMailThroughSes must be true or false/);
  });
});

describe('stages', () => {
  it('without a stage the stack and login domains keep their names', () => {
    expect(stack.stackName).toBe('Portico');
    const prefixes = resources('AWS::Cognito::UserPoolDomain').map(([, d]) => d.Properties.Domain).sort();
    expect(prefixes).toEqual(['portico-demo-portal', 'portico-demo-staff']);
  });

  it('a stage names the stack and the hosted-login domains, so two deploy side by side', () => {
    const prod = synthesize({ 'portico:stage': 'prod' });
    expect(prod.stack.stackName).toBe('Portico-prod');
    const prefixes = Object.values(prod.template.findResources('AWS::Cognito::UserPoolDomain')).map((d) => d.Properties.Domain).sort();
    expect(prefixes).toEqual(['portico-demo-prod-portal', 'portico-demo-prod-staff']);
    expect(() => synthesize({ 'portico:stage': 'Prod!' })).toThrow(/portico:stage/);
  });
});

describe('cdk-nag', () => {
  it('the Serverless pack runs too, with no unacknowledged finding, and every acknowledgement gives a reason', () => {
    const report = JSON.parse(readFileSync(path.join(assembly.directory, 'validation-report.json'), 'utf8'));
    const serverless = report.pluginReports.find((p: any) => p.pluginName === 'Serverless');
    expect(serverless.violations).toEqual([]);
    expect(serverless.conclusion).toBe('success');
    for (const s of serverless.suppressedViolations) expect(s.reason.length, s.acknowledgedId).toBeGreaterThan(40);
  });
});
