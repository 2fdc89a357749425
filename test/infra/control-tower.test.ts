/**
 * CDK's policy-validation plugin for cfn-guard runs AWS Control Tower's proactive controls at
 * synth (`portico:controlTowerChecks`, on by default; the other infra tests and the local cloud
 * turn it off for speed, so this file is where CI enforces it).
 */
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { CfnGuardValidator } from '@cdklabs/cdk-validator-cfnguard';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acknowledge, ControlTowerChecks, GUARD_PLUGIN } from '../../lib/nag.ts';
import { synthesize } from './app-fixture.ts';

interface Acknowledged {
  ruleName: string;
  reason: string;
  acknowledgedAt: string;
  acknowledgedStackTrace: string;
  violatingConstructs: { constructPath: string }[];
}

function guardReport(context: Record<string, unknown>) {
  const { assembly, stack } = synthesize({ ...context, 'portico:controlTowerChecks': true });
  const report = JSON.parse(readFileSync(path.join(assembly.directory, 'validation-report.json'), 'utf8'));
  return { stack, guard: report.pluginReports.find((p: { pluginName: string }) => p.pluginName === GUARD_PLUGIN) };
}

/** Who called `acknowledge`: the frame after it in the stack trace CDK recorded. */
const acknowledgedFrom = (a: Acknowledged) => a.acknowledgedStackTrace.split('\n').find((line, i, all) => i > 0 && /at acknowledge \(.*lib\/nag\.ts/.test(all[i - 1]))?.trim() ?? '';

const everySetting = {
  'portico:stage': 'prod',
  'portico:adminDomain': 'admin.firm.example',
  'portico:portalDomain': 'portal.firm.example',
  'portico:staffLoginDomain': 'staff-login.firm.example',
  'portico:customerLoginDomain': 'login.firm.example',
  'portico:staffApiDomain': 'staff-api.firm.example',
  'portico:customerApiDomain': 'api.firm.example',
  'portico:certificateArn': 'arn:aws:acm:us-east-1:123456789012:certificate/abc-123',
  'portico:apiCertificateArn': 'arn:aws:acm:eu-west-1:123456789012:certificate/def-456',
  'portico:replicaBucketArn': 'arn:aws:s3:::firm-drive-replica',
  'portico:replicaKeyArn': 'arn:aws:kms:eu-central-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
  'portico:alarmEmail': 'ops@firm.example',
  'portico:poolMailThroughSes': true,
};

describe.each([
  ['as cdk.json sets it up', {}],
  ['with every optional setting (custom domains, replica, stage, alarm email, pool mail through SES)', everySetting],
])('the Control Tower checks, %s', (_, context) => {
  const { stack, guard } = guardReport(context);
  const acknowledged: Acknowledged[] = guard.suppressedViolations;

  it('find nothing unacknowledged', () => {
    expect(guard.violations.map((v: { ruleName: string; violatingConstructs: { constructPath: string }[] }) => [v.ruleName, v.violatingConstructs.map((c) => c.constructPath)])).toEqual([]);
    expect(guard.conclusion).toBe('success');
  });

  it('find every log group encrypted with a customer-managed key, none acknowledged instead', () => {
    expect(acknowledged.filter((a) => a.ruleName === 'cloudwatch_log_group_encrypted_check').flatMap((a) => a.violatingConstructs.map((c) => c.constructPath))).toEqual([]);
  });

  it('have every acknowledgement given with a reason, by the construct that creates the resource, never by the stack', () => {
    expect(acknowledged.length).toBeGreaterThan(0);
    for (const a of acknowledged) {
      expect(a.reason.length, a.ruleName).toBeGreaterThan(40);
      expect(a.acknowledgedAt, a.ruleName).not.toBe(stack.node.path);
      expect(acknowledgedFrom(a), `${a.ruleName} at ${a.acknowledgedAt}`).toMatch(/lib\/(?!portico-stack\.ts)[\w-]+\.ts/);
    }
  });
});

describe('the cfn-guard plugin', () => {
  // A queue with neither encryption at rest (CT.SQS.PR.2) nor a dead-letter queue (CT.SQS.PR.1).
  const noncompliantQueue = () => {
    const app = new App();
    const queue = new sqs.Queue(new Stack(app, 'Noncompliance1'), 'Queue', { enforceSSL: true });
    Validations.of(app).addPlugins(new ControlTowerChecks());
    return { app, queue };
  };
  const why = 'A test queue whose failed messages nobody needs to keep.';

  it('fails synthesis on a finding', () => {
    expect(() => noncompliantQueue().app.synth()).toThrow(/sqs_dlq_check/);
  });

  it('still fails synthesis on the findings left once another is acknowledged', () => {
    const { app, queue } = noncompliantQueue();
    acknowledge(queue, ['sqs_dlq_check'], why);
    expect(() => app.synth()).toThrow(/sqs_queue_encrypted_check/);
  });

  it('passes once the construct acknowledges every finding through the one helper every check uses', () => {
    const { app, queue } = noncompliantQueue();
    acknowledge(queue, ['sqs_dlq_check', 'sqs_queue_encrypted_check'], why);
    expect(() => app.synth()).not.toThrow();
  });

  it('reports under the name the helper acknowledges it by', () => {
    expect(new CfnGuardValidator().name).toBe(GUARD_PLUGIN);
  });
});
