import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { acknowledge } from './nag.ts';

export interface LogBucketProps {
  /**
   * CloudFront's standard logs are written with an ACL, so a bucket that takes them must accept it.
   * @default BUCKET_OWNER_ENFORCED (ACLs off)
   */
  readonly objectOwnership?: s3.ObjectOwnership;
}

/**
 * A bucket that receives access logs (S3 server access logs, CloudFront standard logs): private,
 * TLS only, retained with the stack, each log file kept a year. It is versioned, so a log file
 * deleted or overwritten stays an old version for 90 days (evidence is not erased by one call).
 */
export function logBucket(scope: Construct, id: string, props: LogBucketProps = {}): s3.Bucket {
  const bucket = new s3.Bucket(scope, id, {
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    encryption: s3.BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    objectOwnership: props.objectOwnership ?? s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
    removalPolicy: RemovalPolicy.RETAIN,
    versioned: true,
    lifecycleRules: [{ expiration: Duration.days(365), noncurrentVersionExpiration: Duration.days(90) }],
  });
  acknowledge(bucket, ['AwsSolutions-S1', 's3_bucket_logging_enabled_check'], 'This is the access-log bucket itself; logging it into itself would loop.');
  acknowledge(bucket, ['s3_bucket_default_encryption_kms_check'], 'S3 delivers server access logs only to a bucket encrypted with S3-managed keys (SSE-S3), which this one is.');
  acknowledge(bucket, ['s3_event_notifications_enabled_check'], 'Nothing reacts to a new log file; ops read the logs when they investigate.');
  acknowledge(bucket, ['s3_bucket_object_lock_enabled_check'], 'Log files expire after a year by the lifecycle rule, which Object Lock would forbid; versioning keeps a deleted log file 90 days.');
  return bucket;
}
