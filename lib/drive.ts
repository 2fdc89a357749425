import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3n from 'aws-cdk-lib/aws-s3-notifications';
import { acknowledge, arnToken } from './nag.ts';
import { Construct } from 'constructs';
import type { PorticoFunction } from './portico-function.ts';

/** Key prefixes of the drive bucket. The layout is owned here and by shared/adapters/file-store.ts. */
export const DRIVE_PREFIX = 'drive/';
export const CUSTOMER_UPLOAD_PREFIX = 'customer-uploads/';

export interface DriveProps {
  /** Origins of the web UIs allowed to PUT and GET by presigned URL. */
  readonly webOrigins: string[];
  /** @default 90 days */
  readonly keepOldVersionsFor?: Duration;
}

/** The firm's drive: one versioned bucket, so every overwrite and delete is recoverable. */
export class Drive extends Construct {
  readonly bucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: DriveProps) {
    super(scope, id);
    const accessLogs = new s3.Bucket(this, 'AccessLogs', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [{ expiration: Duration.days(365) }],
    });
    acknowledge(accessLogs, ['AwsSolutions-S1'], 'This is the access-log bucket itself; logging it into itself would loop.');
    this.bucket = new s3.Bucket(this, 'Bucket', {
      versioned: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'drive/',
      removalPolicy: RemovalPolicy.RETAIN,
      cors: [
        {
          allowedOrigins: props.webOrigins,
          allowedMethods: [s3.HttpMethods.GET, s3.HttpMethods.PUT, s3.HttpMethods.HEAD],
          allowedHeaders: ['*'],
          exposedHeaders: ['ETag'],
          maxAge: 3000,
        },
      ],
      lifecycleRules: [
        {
          id: 'expire-old-versions',
          noncurrentVersionExpiration: props.keepOldVersionsFor ?? Duration.days(90),
          abortIncompleteMultipartUploadAfter: Duration.days(7),
        },
      ],
    });
  }

  /** Customer uploads (and only those) start the notifier, which emails the responsible staff. */
  notifyOnCustomerUpload(fn: PorticoFunction): void {
    this.bucket.addEventNotification(s3.EventType.OBJECT_CREATED, new s3n.LambdaDestination(fn), {
      prefix: CUSTOMER_UPLOAD_PREFIX,
    });
  }

  /** Staff and customer functions sign download URLs for staff files and customer uploads, each authorised in code first. */
  grantRead(fn: PorticoFunction): void {
    this.bucket.grantRead(fn, `${DRIVE_PREFIX}*`);
    this.bucket.grantRead(fn, `${CUSTOMER_UPLOAD_PREFIX}*`);
    this.bindBucket(fn, [DRIVE_PREFIX, CUSTOMER_UPLOAD_PREFIX], ['s3:GetObject*', 's3:GetBucket*', 's3:List*']);
  }

  /** Runs `fn` daily to empty the trash, and lets it delete objects (the bucket keeps old versions per its lifecycle). */
  emptyTrashDaily(fn: PorticoFunction, retentionDays: number): void {
    new events.Rule(this, 'EmptyTrashDaily', {
      schedule: events.Schedule.rate(Duration.days(1)),
      targets: [new targets.LambdaFunction(fn, { retryAttempts: 2 })],
      description: `Removes items trashed more than ${retentionDays} days ago`,
    });
    this.bucket.grantDelete(fn, `${DRIVE_PREFIX}*`);
    this.bucket.grantDelete(fn, `${CUSTOMER_UPLOAD_PREFIX}*`);
    fn.bindEnv('TRASH_RETENTION_DAYS', String(retentionDays));
    this.bindBucket(fn, [DRIVE_PREFIX, CUSTOMER_UPLOAD_PREFIX], ['s3:DeleteObject*']);
  }

  /**
   * Runs `fn` hourly to settle uploads started more than a day ago and never filed: it reads what
   * arrived and discards unfinished multipart uploads (the lifecycle rule would only after 7 days).
   */
  cleanUpAbandonedUploadsHourly(fn: PorticoFunction): void {
    new events.Rule(this, 'CleanUpAbandonedUploadsHourly', {
      schedule: events.Schedule.rate(Duration.hours(1)),
      targets: [new targets.LambdaFunction(fn, { retryAttempts: 2 })],
      description: 'Files or removes uploads started more than a day ago and never completed',
    });
    this.bucket.grantRead(fn, `${DRIVE_PREFIX}*`);
    this.bucket.grantRead(fn, `${CUSTOMER_UPLOAD_PREFIX}*`);
    // Abort only: it never writes an object.
    fn.addToRolePolicy(
      new iam.PolicyStatement({ actions: ['s3:AbortMultipartUpload'], resources: [DRIVE_PREFIX, CUSTOMER_UPLOAD_PREFIX].map((p) => this.bucket.arnForObjects(`${p}*`)) }),
    );
    this.bindBucket(fn, [DRIVE_PREFIX, CUSTOMER_UPLOAD_PREFIX], ['s3:GetObject*', 's3:GetBucket*', 's3:List*']);
  }

  /** Staff functions sign upload URLs for new staff files. */
  grantStaffUpload(fn: PorticoFunction): void {
    this.bucket.grantPut(fn, `${DRIVE_PREFIX}*`);
    this.bindBucket(fn, [DRIVE_PREFIX], ['s3:Abort*']);
  }

  /** Customer functions may only ever write below the customer-upload prefix. */
  grantCustomerUpload(fn: PorticoFunction): void {
    this.bucket.grantPut(fn, `${CUSTOMER_UPLOAD_PREFIX}*`);
    this.bindBucket(fn, [CUSTOMER_UPLOAD_PREFIX], ['s3:Abort*']);
  }

  private bindBucket(fn: PorticoFunction, prefixes: string[], actions: string[]): void {
    fn.bindEnv('DRIVE_BUCKET', this.bucket.bucketName);
    acknowledge(
      fn.role!,
      [...prefixes.map((p) => `AwsSolutions-IAM5[Resource::${arnToken(this.bucket)}/${p}*]`), ...actions.map((a) => `AwsSolutions-IAM5[Action::${a}]`)],
      'Objects have server-made keys below fixed prefixes, so the grant is scoped to a prefix (and the CDK grant\'s action groups); every single object is authorised in code before a presigned URL is made.',
    );
  }
}
