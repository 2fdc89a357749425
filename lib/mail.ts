import { Duration, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as destinations from 'aws-cdk-lib/aws-lambda-destinations';
import * as ses from 'aws-cdk-lib/aws-ses';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { acknowledge } from './nag.ts';
import { Construct } from 'constructs';
import type { PorticoFunction } from './portico-function.ts';
import type { Schedules } from './schedules.ts';

export interface MailProps {
  /** The address every portal email comes from; verify it in SES after the first deploy. */
  readonly senderEmail: string;
  /** The user pools send their own emails through SES too; off, they use Cognito's built-in sender. */
  readonly poolMailThroughSes: boolean;
  /** Runs the hourly flush of upload batches. */
  readonly schedules: Schedules;
}

/**
 * Email: the SES identity, the configuration set every email is sent with, permission to send, and
 * where failed notifications and delivery problems are kept.
 */
export class Mail extends Construct {
  readonly identity: ses.EmailIdentity;
  /** Sends with reputation metrics, the account's suppression list, and bounce and complaint events. */
  readonly configurationSet: ses.ConfigurationSet;
  /**
   * Bounce, complaint and reject events of portal emails, kept 14 days until the marker
   * (lib/undeliverable.ts) has read them; what it fails five times goes to the failure queue.
   */
  readonly deliveryProblems: sqs.Queue;
  /** Events a notifier could not handle after its retries: nothing is silently lost. */
  readonly failedNotifications: sqs.Queue;

  constructor(scope: Construct, id: string, private readonly props: MailProps) {
    super(scope, id);
    this.configurationSet = new ses.ConfigurationSet(this, 'Sending', {
      reputationMetrics: true,
      // Addresses that bounced or complained are not sent to again (SES's account suppression list).
      suppressionReasons: ses.SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });
    this.identity = new ses.EmailIdentity(this, 'Sender', {
      identity: ses.Identity.email(props.senderEmail),
      configurationSet: this.configurationSet,
    });
    this.failedNotifications = new sqs.Queue(this, 'FailedNotifications', {
      retentionPeriod: Duration.days(14),
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
    acknowledge(this.failedNotifications, ['AwsSolutions-SQS3', 'Serverless-SQSRedrivePolicy', 'sqs_dlq_check'], 'This queue is itself the failure destination of the notifier (and of the delivery-problem rule); it keeps failed events 14 days for ops to inspect and replay.');
    // SES sends configuration-set events only to the default event bus; a rule keeps ours in a queue.
    this.configurationSet.addEventDestination('BouncesAndComplaints', {
      destination: ses.EventDestination.eventBus(events.EventBus.fromEventBusName(this, 'DefaultBus', 'default')),
      events: [ses.EmailSendingEvent.BOUNCE, ses.EmailSendingEvent.COMPLAINT, ses.EmailSendingEvent.REJECT],
    });
    this.deliveryProblems = new sqs.Queue(this, 'DeliveryProblems', {
      retentionPeriod: Duration.days(14),
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      deadLetterQueue: { queue: this.failedNotifications, maxReceiveCount: 5 },
    });
    new events.Rule(this, 'KeepDeliveryProblems', {
      description: 'Keeps bounce, complaint and reject events of portal emails',
      eventPattern: {
        source: ['aws.ses'],
        detailType: ['Email Bounced', 'Email Complaint Received', 'Email Rejected'],
        detail: { mail: { tags: { 'ses:configuration-set': [this.configurationSet.configurationSetName] } } },
      },
      targets: [new targets.SqsQueue(this.deliveryProblems, { retryAttempts: 8, maxEventAge: Duration.hours(24), deadLetterQueue: this.failedNotifications })],
    });
  }

  /**
   * How a user pool sends its own emails (invitations, codes, password resets): through SES, from
   * the firm's address and name, with the configuration set, so they count in the bounce and
   * complaint alarms and land in the delivery-problem queue, and are not capped at Cognito's 50 a
   * day. Cognito refuses to create or update a pool naming an identity not yet verified, so this
   * is a second deploy (`portico:poolMailThroughSes`) once the address is; until then, undefined:
   * Cognito's own sender, from no-reply@verificationemail.com.
   */
  poolEmail(fromName: string): cognito.UserPoolEmail | undefined {
    if (!this.props.poolMailThroughSes) return undefined;
    return cognito.UserPoolEmail.withSES({
      fromEmail: this.props.senderEmail,
      fromName,
      configurationSetName: this.configurationSet.configurationSetName,
      sesRegion: Stack.of(this).region,
    });
  }

  grantSend(fn: PorticoFunction): void {
    this.identity.grantSendEmail(fn);
    fn.bindEnv('SENDER_EMAIL', this.props.senderEmail);
    // Sending with a configuration set is authorised on the set too.
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['ses:SendEmail', 'ses:SendRawEmail'],
        resources: [Stack.of(this).formatArn({ service: 'ses', resource: 'configuration-set', resourceName: this.configurationSet.configurationSetName })],
      }),
    );
    fn.bindEnv('SES_CONFIGURATION_SET', this.configurationSet.configurationSetName);
  }

  /** Runs `fn` hourly: it announces upload batches whose last files never arrived. */
  flushHourly(fn: PorticoFunction): void {
    this.props.schedules.run(this, 'FlushUploadBatchesHourly', {
      schedule: events.Schedule.rate(Duration.hours(1)),
      fn,
      description: 'Emails staff about upload batches whose remaining files never arrived',
    });
  }

  /** S3 and Cognito invoke notifiers asynchronously: retry twice, then keep the event in the failure queue. */
  keepFailures(fn: PorticoFunction): void {
    new lambda.EventInvokeConfig(this, `${fn.node.id}InvokeConfig`, {
      function: fn,
      retryAttempts: 2,
      maxEventAge: Duration.hours(6),
      onFailure: new destinations.SqsDestination(this.failedNotifications),
    });
    acknowledge(fn, ['Serverless-LambdaDLQ'], 'An event that failed every retry goes to the failure queue through this function\'s on-failure destination (the newer form of a DLQ).');
  }
}
