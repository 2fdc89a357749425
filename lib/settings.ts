import type { Node } from 'constructs';
import { readDomainSettings } from './domains.ts';
import type { PorticoSettings } from './portico-stack.ts';

/** Reads and validates the `portico:*` context settings, so a typo fails synth instead of a deploy. */
export function readSettings(node: Node): PorticoSettings {
  const get = (key: string) => node.tryGetContext(`portico:${key}`);
  const mfa = get('customerMfa') ?? 'optional';
  if (!['off', 'optional', 'required'].includes(mfa)) {
    throw new Error(`portico:customerMfa must be "off", "optional" or "required", not ${JSON.stringify(mfa)}`);
  }
  const senderEmail = get('senderEmail');
  if (typeof senderEmail !== 'string' || !/^[^@\s]+@[^@\s]+$/.test(senderEmail)) {
    throw new Error('portico:senderEmail must be the email address portal mail is sent from');
  }
  const staffInbox = get('staffInbox') ?? senderEmail;
  if (typeof staffInbox !== 'string' || !/^[^@\s]+@[^@\s]+$/.test(staffInbox)) throw new Error('portico:staffInbox must be an email address');
  const selfSignUp = get('selfSignUp');
  const retention = Number(get('trashRetentionDays') ?? 30);
  if (!Number.isInteger(retention) || retention < 1) throw new Error('portico:trashRetentionDays must be a whole number of days, at least 1');
  const origins = get('webOrigins');
  if (origins !== undefined && (!Array.isArray(origins) || origins.some((o) => !/^https?:\/\/[^/]+$/.test(String(o))))) {
    throw new Error('portico:webOrigins must list origins such as "http://localhost:5173" (extra origins allowed besides the deployed UIs)');
  }
  const stage = get('stage');
  if (stage !== undefined && (typeof stage !== 'string' || !/^[a-z][a-z0-9]{0,11}$/.test(stage))) {
    throw new Error('portico:stage must be a short lowercase name such as "dev" or "prod" (letters and digits, at most 12)');
  }
  const domainPrefix = String(get('domainPrefix') ?? 'portico');
  const replicaBucketArn = get('replicaBucketArn');
  const replicaKeyArn = get('replicaKeyArn');
  if (replicaBucketArn !== undefined || replicaKeyArn !== undefined) {
    if (typeof replicaBucketArn !== 'string' || !/^arn:aws[\w-]*:s3:::[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(replicaBucketArn)) {
      throw new Error('portico:replicaBucketArn must be the ARN of a versioned bucket in another region (arn:aws:s3:::name)');
    }
    if (typeof replicaKeyArn !== 'string' || !/^arn:aws[\w-]*:kms:[\w-]+:\d{12}:key\/[\w-]+$/.test(replicaKeyArn)) {
      throw new Error('portico:replicaKeyArn must be the ARN of the KMS key in the replica\'s region that encrypts the copies');
    }
  }
  const poolMail = get('poolMailThroughSes');
  if (poolMail !== undefined && ![true, false, 'true', 'false'].includes(poolMail)) throw new Error('portico:poolMailThroughSes must be true or false');
  const checks = get('controlTowerChecks');
  if (checks !== undefined && ![true, false, 'true', 'false'].includes(checks)) throw new Error('portico:controlTowerChecks must be true or false');
  const alarmEmail = get('alarmEmail');
  if (alarmEmail !== undefined && (typeof alarmEmail !== 'string' || !/^[^@\s]+@[^@\s]+$/.test(alarmEmail))) throw new Error('portico:alarmEmail must be the email address alarms are sent to');
  return {
    domains: readDomainSettings(get),
    replica: replicaBucketArn ? { bucketArn: replicaBucketArn, keyArn: replicaKeyArn } : undefined,
    alarmEmail,
    firmName: String(get('firmName') ?? 'Portico'),
    senderEmail,
    poolMailThroughSes: poolMail === true || poolMail === 'true',
    staffInbox,
    customerMfa: mfa,
    selfSignUp: selfSignUp === true || selfSignUp === 'true',
    stage,
    // Hosted-login domains are unique per region: each stage has its own.
    domainPrefix: stage ? `${domainPrefix}-${stage}` : domainPrefix,
    webOrigins: (origins ?? []).map(String),
    trashRetentionDays: retention,
    controlTowerChecks: checks !== false && checks !== 'false',
  };
}
