import { Duration } from 'aws-cdk-lib';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as events from 'aws-cdk-lib/aws-events';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { acknowledge } from './nag.ts';
import type { PorticoFunction } from './portico-function.ts';
import type { Schedules } from './schedules.ts';

export interface EmailDeliveryProps {
  readonly outbox: dynamodb.TableV2;
  /** Sends what the outbox's stream brings. */
  readonly deliverer: PorticoFunction;
  /** Retries what is still unsent. */
  readonly sweeper: PorticoFunction;
  /** Where stream batches that failed every retry are recorded (the sweep still sends their emails). */
  readonly failures: sqs.IQueue;
  /** Runs the sweep. */
  readonly schedules: Schedules;
}

/**
 * Delivery of the emails the portal promised: the outbox table's stream invokes the deliverer for
 * each new email (retried, batches split on failure, then recorded in the failure queue), and a
 * sweep every five minutes sends whatever is still unsent, so an SES outage delays email but
 * never loses it.
 */
export class EmailDelivery extends Construct {
  /**
   * How far the deliverer is behind the outbox's stream: the age of the newest record of the last
   * batch it was given, i.e. how long the email it just took had waited. It measures the stream
   * only: an email whose batch failed every retry (failure queue) waits for the sweep, which this
   * does not see; the failure queue's own alarm covers that.
   */
  readonly delay: cloudwatch.Metric;

  constructor(scope: Construct, id: string, props: EmailDeliveryProps) {
    super(scope, id);
    // Email goes out at SES's sending rate (1 per second in the sandbox, 14 at first in production):
    // the stream's shards already bound the deliverer, and the cap keeps a burst of stream batches
    // and the sweep from outrunning SES (throttled sends would only be retried) or taking the
    // account's concurrency from the APIs. One sweep at a time: two would race for the same emails.
    reserveConcurrency(props.deliverer, 2);
    reserveConcurrency(props.sweeper, 1);
    acknowledge(
      props.deliverer,
      ['Serverless-LambdaDLQ'],
      'Only the outbox stream invokes this function; its event source mapping records batches that failed every retry in the failure queue (on-failure destination), and the sweep still sends their emails.',
    );
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
    props.schedules.run(this, 'SweepEveryFiveMinutes', {
      schedule: events.Schedule.rate(Duration.minutes(5)),
      fn: props.sweeper,
      description: 'Sends portal emails still unsent (SES was down longer than the stream retries)',
    });
    this.delay = props.deliverer.metric('IteratorAge', { statistic: 'Maximum', period: Duration.minutes(5) });
  }
}

/** Caps a function's concurrency (and reserves it from the account's pool). */
export function reserveConcurrency(fn: PorticoFunction, executions: number): void {
  (fn.node.defaultChild as lambda.CfnFunction).reservedConcurrentExecutions = executions;
}
