import { z } from 'zod';
import { auditLog, driveStore } from '#shared/adapters/index';
import { id, staffRoute } from '#shared/http/route';
import { restoreItem } from '#shared/services/drive';

const deps = { drive: driveStore(), audit: auditLog() };

export const handler = staffRoute({ path: z.object({ itemId: id }) }, async ({ path, caller }) => ({
  body: await restoreItem(deps, caller, path.itemId),
}));
