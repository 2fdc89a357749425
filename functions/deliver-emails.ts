import type { DynamoDBStreamEvent } from 'aws-lambda';
import { deliveryDeps } from '#shared/adapters/delivery';
import { logger, observed } from '#shared/adapters/observability';
import { deliverEmails } from '#shared/services/email-delivery';

const deps = deliveryDeps();

/** New outbox items, from the table's stream: each email is sent once; a failure makes the stream retry the batch. */
export const handler = observed(async (event: DynamoDBStreamEvent): Promise<void> => {
  const ids = event.Records.filter((r) => r.eventName === 'INSERT').flatMap((r) => (r.dynamodb?.Keys?.emailId?.S ? [r.dynamodb.Keys.emailId.S] : []));
  const result = await deliverEmails(deps, ids);
  logger.info('emails delivered', result);
});
