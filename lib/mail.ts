import { Duration } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as destinations from 'aws-cdk-lib/aws-lambda-destinations';
import * as ses from 'aws-cdk-lib/aws-ses';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { acknowledge } from './nag.ts';
import { Construct } from 'constructs';
import type { PorticoFunction } from './portico-function.ts';

export interface MailProps {
  /** The address every portal email comes from; verify it in SES after the first deploy. */
  readonly senderEmail: string;
}

/** Email: the SES identity, permission to send from it, and where failed notifications are kept. */
export class Mail extends Construct {
  readonly identity: ses.EmailIdentity;
  /** Events a notifier could not handle after its retries: nothing is silently lost. */
  readonly failedNotifications: sqs.Queue;

  constructor(scope: Construct, id: string, private readonly props: MailProps) {
    super(scope, id);
    this.identity = new ses.EmailIdentity(this, 'Sender', {
      identity: ses.Identity.email(props.senderEmail),
    });
    this.failedNotifications = new sqs.Queue(this, 'FailedNotifications', {
      retentionPeriod: Duration.days(14),
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
    acknowledge(this.failedNotifications, ['AwsSolutions-SQS3'], 'This queue is itself the failure destination of the notifier; it keeps failed events 14 days for ops to inspect and replay.');
  }

  grantSend(fn: PorticoFunction): void {
    this.identity.grantSendEmail(fn);
    fn.bindEnv('SENDER_EMAIL', this.props.senderEmail);
  }

  /** Runs `fn` hourly: it announces upload batches whose last files never arrived. */
  flushHourly(fn: PorticoFunction): void {
    new events.Rule(this, 'FlushUploadBatchesHourly', {
      schedule: events.Schedule.rate(Duration.hours(1)),
      targets: [new targets.LambdaFunction(fn, { retryAttempts: 2 })],
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
  }
}
