import type { DynamoDBStreamEvent } from 'aws-lambda';
import { deliveryDeps } from '#shared/adapters/delivery';
import { deliverEmails } from '#shared/services/email-delivery';

const deps = deliveryDeps();

/** New outbox items, from the table's stream: each email is sent once; a failure makes the stream retry the batch. */
export const handler = async (event: DynamoDBStreamEvent): Promise<void> => {
  const ids = event.Records.filter((r) => r.eventName === 'INSERT').flatMap((r) => (r.dynamodb?.Keys?.emailId?.S ? [r.dynamodb.Keys.emailId.S] : []));
  const result = await deliverEmails(deps, ids);
  console.log(JSON.stringify({ level: 'info', message: 'emails delivered', ...result }));
};
