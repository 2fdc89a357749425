import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3n from 'aws-cdk-lib/aws-s3-notifications';
import { acknowledge, arnToken, functionsRunningAs } from './nag.ts';
import { reserveConcurrency } from './email-delivery.ts';
import { retainedKey } from './keys.ts';
import { logBucket } from './log-bucket.ts';
import { Construct } from 'constructs';
import type { PorticoFunction } from './portico-function.ts';
import type { Schedules } from './schedules.ts';

/** CDK's S3 write grant on a KMS-encrypted bucket: data keys for new objects and parts, re-encryption. */
const KEY_WRITE_WILDCARDS = ['kms:GenerateDataKey*', 'kms:ReEncrypt*'];

/** Key prefixes of the drive bucket. The layout is owned here and by shared/adapters/file-store.ts. */
export const DRIVE_PREFIX = 'drive/';
export const CUSTOMER_UPLOAD_PREFIX = 'customer-uploads/';

export interface DriveProps {
  /** Origins of the web UIs allowed to PUT and GET by presigned URL. */
  readonly webOrigins: string[];
  /** @default 90 days */
  readonly keepOldVersionsFor?: Duration;
  /** Runs the trash and abandoned-upload clean-ups. */
  readonly schedules: Schedules;
  /** A versioned bucket in another region, and its KMS key there, that every object is replicated to. */
  readonly replica?: { readonly bucketArn: string; readonly keyArn: string };
}

/**
 * The firm's drive: one versioned bucket, so every overwrite and delete is recoverable, encrypted
 * with the firm's own KMS key (rotated yearly). Every function that signs or makes a request on it
 * is granted the key with the bucket (CDK's grants add kms:Decrypt to reads, and
 * kms:GenerateDataKey*, Encrypt and Decrypt to writes, which multipart uploads need).
 */
export class Drive extends Construct {
  readonly bucket: s3.Bucket;
  readonly key: kms.Key;
  private readonly schedules: Schedules;
  /** The role of CDK's bucket-notification helper, ours so its findings are reviewed here. */
  private readonly notificationsRole: iam.Role;

  constructor(scope: Construct, id: string, props: DriveProps) {
    super(scope, id);
    this.schedules = props.schedules;
    const accessLogs = logBucket(this, 'AccessLogs');
    // Rotated, retained with the bucket (without the key every document is unreadable), and no
    // one hands out a grant on the firm's documents: S3 and replication use the key through their
    // roles' grants.
    this.key = retainedKey(this, 'Key', 'Encrypts the firm\'s drive (client documents)');
    this.notificationsRole = new iam.Role(this, 'NotificationsHandlerRole', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'CDK\'s deploy-time helper that sets the drive bucket\'s event notifications',
    });
    const replica = props.replica && {
      role: new iam.Role(this, 'ReplicationRole', { assumedBy: new iam.ServicePrincipal('s3.amazonaws.com'), description: 'S3 replication of the drive to its replica bucket' }),
      bucket: s3.Bucket.fromBucketArn(this, 'Replica', props.replica.bucketArn),
      key: kms.Key.fromKeyArn(this, 'ReplicaKey', props.replica.keyArn),
    };
    this.bucket = new s3.Bucket(this, 'Bucket', {
      versioned: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: this.key,
      // A bucket key makes S3 ask KMS for a data key per bucket and period, not per object: far
      // fewer (paid) KMS calls, and CloudTrail's KMS events then name the bucket, not the object.
      // Who read which document is in the bucket's access logs (and S3 data events if enabled).
      bucketKeyEnabled: true,
      notificationsHandlerRole: this.notificationsRole,
      // A copy of every version in another region (portico:replicaBucketArn): the replica bucket is
      // made once by ops in that region (one stack cannot create a bucket in another region), and
      // deletions are replicated as delete markers, so the replica keeps old versions as long as its
      // own lifecycle says.
      // Our own role: CDK's default one has a fixed name (CDKReplicationRole), which two stages would share.
      replicationRole: replica?.role,
      replicationRules: replica && [{ destination: replica.bucket, kmsKey: replica.key, sseKmsEncryptedObjects: true, deleteMarkerReplication: true }],
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
    acknowledge(
      this.bucket,
      ['s3_bucket_object_lock_enabled_check'],
      'Object Lock (CT.S3.PR.9) would forbid what the portal must do: empty the trash after its retention period and let a customer delete an upload. Versioning already keeps every overwritten or deleted version 90 days, and the bucket is retained when the stack is deleted.',
    );
    acknowledge(
      this.bucket,
      ['s3_event_notifications_enabled_check'],
      'Customer uploads do notify a function (notifyOnCustomerUpload), but CDK sets the notification through its custom resource (Custom::S3BucketNotifications), which the template\'s bucket properties that CT.S3.PR.4 reads do not show.',
    );
    if (replica) {
      // Read every version here, replicate there, and use both keys.
      this.bucket.grantReplicationPermission(replica.role, { sourceDecryptionKey: this.key, destinations: [{ bucket: replica.bucket, encryptionKey: replica.key }] });
      acknowledge(
        replica.role,
        [`AwsSolutions-IAM5[Resource::${arnToken(this.bucket)}/*]`, `AwsSolutions-IAM5[Resource::${props.replica!.bucketArn}/*]`, 'AwsSolutions-IAM5[Action::kms:GenerateDataKey*]', 'AwsSolutions-IAM5[Action::kms:ReEncrypt*]'],
        'S3 replication copies every object version of the drive to the replica bucket: the role needs all objects of both buckets, and CDK\'s KMS action groups on the drive\'s key and the replica\'s key only.',
      );
    }
  }

  /** Customer uploads (and only those) start the notifier, which emails the responsible staff. */
  notifyOnCustomerUpload(fn: PorticoFunction): void {
    this.bucket.addEventNotification(s3.EventType.OBJECT_CREATED, new s3n.LambdaDestination(fn), {
      prefix: CUSTOMER_UPLOAD_PREFIX,
    });
    // A customer dropping 500 files makes 500 events at once: at most 5 notifiers run, so a bulk
    // upload cannot take the account's concurrency from the APIs; Lambda keeps retrying throttled
    // events for up to the invoke config's maximum event age (6 hours, see Mail.keepFailures).
    reserveConcurrency(fn, 5);
    acknowledge(
      this.notificationsRole,
      ['AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]', 'AwsSolutions-IAM5[Resource::*]'],
      'CDK\'s own bucket-notification custom resource runs only during deployment, with the basic execution role and the s3:PutBucketNotification statement CDK gives it.',
    );
    for (const handler of functionsRunningAs(this.notificationsRole)) {
      acknowledge(
        handler,
        ['Serverless-LambdaDLQ', 'Serverless-LambdaTracing'],
        'CDK\'s own bucket-notification custom resource: CloudFormation calls it synchronously during deployment and reports its failure; CDK sets its code, runtime and settings.',
      );
      acknowledge(handler, ['lambda_inside_vpc_check'], 'CDK\'s own bucket-notification custom resource runs only during deployment and calls only S3\'s API (over TLS, with its role); CDK gives it no VPC, and it needs none.');
    }
  }

  /** Staff and customer functions sign download URLs for staff files and customer uploads, each authorised in code first. */
  grantRead(fn: PorticoFunction): void {
    this.bucket.grantRead(fn, `${DRIVE_PREFIX}*`);
    this.bucket.grantRead(fn, `${CUSTOMER_UPLOAD_PREFIX}*`);
    this.bindBucket(fn, [DRIVE_PREFIX, CUSTOMER_UPLOAD_PREFIX], ['s3:GetObject*', 's3:GetBucket*', 's3:List*']);
  }

  /** Runs `fn` daily to empty the trash, and lets it delete objects (the bucket keeps old versions per its lifecycle). */
  emptyTrashDaily(fn: PorticoFunction, retentionDays: number): void {
    this.schedules.run(this, 'EmptyTrashDaily', {
      schedule: events.Schedule.rate(Duration.days(1)),
      fn,
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
    this.schedules.run(this, 'CleanUpAbandonedUploadsHourly', {
      schedule: events.Schedule.rate(Duration.hours(1)),
      fn,
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
    this.bindBucket(fn, [DRIVE_PREFIX], ['s3:Abort*', ...KEY_WRITE_WILDCARDS]);
  }

  /** Customer functions may only ever write below the customer-upload prefix. */
  grantCustomerUpload(fn: PorticoFunction): void {
    this.bucket.grantPut(fn, `${CUSTOMER_UPLOAD_PREFIX}*`);
    this.bindBucket(fn, [CUSTOMER_UPLOAD_PREFIX], ['s3:Abort*', ...KEY_WRITE_WILDCARDS]);
  }

  private bindBucket(fn: PorticoFunction, prefixes: string[], actions: string[]): void {
    fn.bindEnv('DRIVE_BUCKET', this.bucket.bucketName);
    acknowledge(
      fn.role!,
      [...prefixes.map((p) => `AwsSolutions-IAM5[Resource::${arnToken(this.bucket, fn)}/${p}*]`), ...actions.map((a) => `AwsSolutions-IAM5[Action::${a}]`)],
      'Objects have server-made keys below fixed prefixes, so the grant is scoped to a prefix (and the CDK grant\'s action groups, on the drive\'s own key for KMS); every single object is authorised in code before a presigned URL is made.',
    );
  }
}

