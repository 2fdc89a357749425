import { Duration } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as destinations from 'aws-cdk-lib/aws-lambda-destinations';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { acknowledge } from './nag.ts';
import type { PorticoFunction } from './portico-function.ts';

export interface ScheduledRun {
  readonly schedule: events.Schedule;
  readonly fn: PorticoFunction;
  readonly description: string;
}

/**
 * The portal's scheduled runs (trash, abandoned uploads, upload batches, outbox sweep) and where
 * a run that failed is kept. EventBridge retries delivering a run twice within an hour, then puts
 * the event in `failures`; once delivered, Lambda retries a failing run twice and then records it
 * in the same queue (the function's on-failure destination). Each scheduled function is idempotent
 * and the next run catches up, so a kept event is a signal for ops (an alarm), not work to replay.
 */
export class Schedules extends Construct {
  /** Scheduled runs that could not be delivered or kept failing; 14 days to look at them. */
  readonly failures: sqs.Queue;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.failures = new sqs.Queue(this, 'Failures', {
      retentionPeriod: Duration.days(14),
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
    acknowledge(
      this.failures,
      ['AwsSolutions-SQS3', 'Serverless-SQSRedrivePolicy', 'sqs_dlq_check'],
      'This queue is itself the dead-letter queue of the scheduled rules and functions; a message in it raises an alarm and is kept 14 days for ops.',
    );
  }

  /** A rule in `scope` (the construct that owns the job) that runs `fn` on a schedule, with retries and a dead-letter queue. */
  run(scope: Construct, id: string, run: ScheduledRun): events.Rule {
    const rule = new events.Rule(scope, id, {
      schedule: run.schedule,
      targets: [new targets.LambdaFunction(run.fn, { retryAttempts: 2, maxEventAge: Duration.hours(1), deadLetterQueue: this.failures })],
      description: run.description,
    });
    run.fn.configureAsyncInvoke({ retryAttempts: 2, maxEventAge: Duration.hours(1), onFailure: new destinations.SqsDestination(this.failures) });
    acknowledge(
      run.fn,
      ['Serverless-LambdaDLQ'],
      'Only its schedule invokes this function, asynchronously; a run that fails every retry goes to the schedules\' failure queue through the function\'s on-failure destination (the newer form of a DLQ).',
    );
    return rule;
  }
}
