import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { acknowledge } from './nag.ts';
import type { PorticoFunction } from './portico-function.ts';

export interface UndeliverableAddressesProps {
  /** SES bounce and complaint events, as the mail construct's EventBridge rule keeps them (its redrive keeps what fails). */
  readonly deliveryProblems: sqs.IQueue;
  /** Marks the contacts and staff users at each address. */
  readonly marker: PorticoFunction;
}

/**
 * Bounces and complaints mark an address undeliverable: the marker reads the delivery-problem
 * queue in batches and reports each failed message alone (partial batch failures), so one bad
 * message is retried without the others and, after the queue's last receive, is kept in its
 * dead-letter queue (the failure queue, which raises an alarm).
 */
export class UndeliverableAddresses extends Construct {
  constructor(scope: Construct, id: string, props: UndeliverableAddressesProps) {
    super(scope, id);
    const mapping = props.marker.addEventSourceMapping('DeliveryProblems', {
      eventSourceArn: props.deliveryProblems.queueArn,
      batchSize: 10,
      reportBatchItemFailures: true,
    });
    props.deliveryProblems.grantConsumeMessages(props.marker);
    acknowledge(
      mapping,
      ['Serverless-LambdaEventSourceMappingDestination'],
      'An SQS event source takes no on-failure destination: the queue\'s redrive policy moves a message that failed five receives to the failure queue.',
    );
    acknowledge(
      props.marker,
      ['Serverless-LambdaDLQ'],
      'Only the delivery-problem queue invokes this function, synchronously; a message it fails is retried by the queue and then kept by the queue\'s own dead-letter queue.',
    );
  }
}
