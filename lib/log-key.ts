import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { retainedKey } from './keys.ts';

/**
 * The portal's key for its CloudWatch log groups: every function's log group and both APIs' access
 * logs, in the portal's stack and its nested stacks (they get it as a parameter). Logs of a
 * client-document portal hold names, email addresses and user ids, so they are encrypted with a
 * key the firm controls (Control Tower's CT.CLOUDWATCH.PR.3): disabling it makes them unreadable.
 *
 * One key for all of them: one key policy to review and one key's monthly cost, where a key per
 * stack would only add both. CloudWatch Logs encrypts and decrypts with it itself, as the service
 * principal of the stack's region and only for this account's log groups (the log group's ARN is
 * in the encryption context of every call it makes), so a function's role needs no KMS permission
 * to write its logs.
 */
export class LogKey extends Construct {
  readonly key: kms.Key;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.key = retainedKey(this, 'Key', 'Encrypts the Portico log groups (function logs, API access logs)');
    const { account, partition, region } = Stack.of(this);
    this.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'CloudWatchLogsForThisAccountsLogGroups',
        principals: [new iam.ServicePrincipal(`logs.${region}.amazonaws.com`)],
        actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
        resources: ['*'],
        conditions: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': `arn:${partition}:logs:${region}:${account}:log-group:*` } },
      }),
    );
  }
}
