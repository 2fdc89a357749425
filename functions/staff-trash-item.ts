import * as z from '#shared/zod';
import { auditLog, driveStore, transactions } from '#shared/adapters/index';
import { id, staffRoute } from '#shared/http/route';
import { trashItem } from '#shared/services/drive';

const deps = { drive: driveStore(), audit: auditLog(), transactions: transactions() };

/** Delete = move to the trash; nothing is lost and it can be restored. */
export const handler = staffRoute({ path: z.object({ itemId: id }) }, async ({ path, caller }) => ({
  body: await trashItem(deps, caller, path.itemId),
}));
