import type { ScheduledEvent } from 'aws-lambda';
import { notifyDeps } from '#shared/adapters/index';
import { flushStaleBatches } from '#shared/services/upload-notifications';

const deps = notifyDeps();

/** Hourly: staff hear of uploads whose batch never completed (a file the customer gave up on). */
export const handler = async (event: ScheduledEvent): Promise<{ emailed: number }> => {
  const emailed = await flushStaleBatches(deps, new Date(event.time ?? Date.now()));
  console.log(JSON.stringify({ level: 'info', message: 'stale upload batches flushed', emailed }));
  return { emailed };
};
