import type { ScheduledEvent } from 'aws-lambda';
import { deliveryDeps } from '#shared/adapters/delivery';
import { logger, observed } from '#shared/adapters/observability';
import { sweepOutbox } from '#shared/services/email-delivery';

const deps = deliveryDeps();

/** Every few minutes: what is still unsent (SES was down longer than the stream's retries) is tried again. */
export const handler = observed(async (event: ScheduledEvent): Promise<{ sent: number; failed: number }> => {
  const result = await sweepOutbox(deps, new Date(event.time));
  logger.info('outbox swept', result);
  return result;
});
