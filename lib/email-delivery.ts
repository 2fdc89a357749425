import { Duration } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import type { PorticoFunction } from './portico-function.ts';

export interface EmailDeliveryProps {
  readonly outbox: dynamodb.TableV2;
  /** Sends what the outbox's stream brings. */
  readonly deliverer: PorticoFunction;
  /** Retries what is still unsent. */
  readonly sweeper: PorticoFunction;
  /** Where stream batches that failed every retry are recorded (the sweep still sends their emails). */
  readonly failures: sqs.IQueue;
}

/**
 * Delivery of the emails the portal promised: the outbox table's stream invokes the deliverer for
 * each new email (retried, batches split on failure, then recorded in the failure queue), and a
 * sweep every five minutes sends whatever is still unsent, so an SES outage delays email but
 * never loses it.
 */
export class EmailDelivery extends Construct {
  constructor(scope: Construct, id: string, props: EmailDeliveryProps) {
    super(scope, id);
    props.deliverer.addEventSource(
      new DynamoEventSource(props.outbox, {
        startingPosition: lambda.StartingPosition.TRIM_HORIZON,
        batchSize: 10,
        retryAttempts: 5,
        bisectBatchOnError: true,
        reportBatchItemFailures: false,
        onFailure: new SqsDlq(props.failures),
      }),
    );
    new events.Rule(this, 'SweepEveryFiveMinutes', {
      schedule: events.Schedule.rate(Duration.minutes(5)),
      targets: [new targets.LambdaFunction(props.sweeper, { retryAttempts: 2 })],
      description: 'Sends portal emails still unsent (SES was down longer than the stream retries)',
    });
  }
}
