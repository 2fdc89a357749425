import type { ScheduledEvent } from 'aws-lambda';
import { auditLog, driveStore, fileStore } from '#shared/adapters/index';
import { logger, observed } from '#shared/adapters/observability';
import { cleanUpAbandonedUploads } from '#shared/services/abandoned-uploads';

const deps = { drive: driveStore(), files: fileStore(), audit: auditLog() };

/** Hourly: uploads started more than a day before the schedule's time and never filed are filed or removed. */
export const handler = observed(async (event: ScheduledEvent) => {
  const result = await cleanUpAbandonedUploads(deps, new Date(event.time ?? Date.now()));
  logger.info('abandoned uploads settled', { ...result });
  return result;
});
