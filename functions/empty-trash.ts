import type { ScheduledEvent } from 'aws-lambda';
import { auditLog, driveStore, fileStore } from '#shared/adapters/index';
import { logger, observed } from '#shared/adapters/observability';
import { requireEnv } from '#shared/env';
import { emptyTrash } from '#shared/services/drive';

const deps = { drive: driveStore(), files: fileStore(), audit: auditLog() };
const retentionDays = Number(requireEnv('TRASH_RETENTION_DAYS'));

/** Daily: removes what has been in the trash longer than the retention period, as of the schedule's time. */
export const handler = observed(async (event: ScheduledEvent): Promise<{ removed: number }> => {
  const removed = await emptyTrash(deps, new Date(event.time ?? Date.now()), retentionDays);
  logger.info('trash emptied', { removed });
  return { removed };
});
