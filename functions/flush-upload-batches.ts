import type { ScheduledEvent } from 'aws-lambda';
import { notifyDeps } from '#shared/adapters/index';
import { logger, observed } from '#shared/adapters/observability';
import { flushStaleBatches } from '#shared/services/upload-notifications';

const deps = notifyDeps();

/** Hourly: staff hear of uploads whose batch never completed (a file the customer gave up on). */
export const handler = observed(async (event: ScheduledEvent): Promise<{ emailed: number }> => {
  const emailed = await flushStaleBatches(deps, new Date(event.time ?? Date.now()));
  logger.info('stale upload batches flushed', { emailed });
  return { emailed };
});
