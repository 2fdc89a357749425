import * as z from '#shared/zod';
import { auditLog, driveStore, transactions } from '#shared/adapters/index';
import { id, staffRoute } from '#shared/http/route';
import { restoreItem } from '#shared/services/drive';

const deps = { drive: driveStore(), audit: auditLog(), transactions: transactions() };

export const handler = staffRoute({ path: z.object({ itemId: id }) }, async ({ path, caller }) => ({
  body: await restoreItem(deps, caller, path.itemId),
}));
