import * as z from '#shared/zod';
import { auditLog, driveStore, matterStore, shareStore, transactions } from '#shared/adapters/index';
import { customerRoute, id } from '#shared/http/route';
import { deleteOwnUpload } from '#shared/services/customer-portal';

const deps = { shares: shareStore(), drive: driveStore(), matters: matterStore(), audit: auditLog(), transactions: transactions() };

/** A customer deletes a document they uploaded, when the attachment controls allow it; staff files never. */
export const handler = customerRoute({ path: z.object({ itemId: id }) }, async ({ path, caller, settings }) => ({
  body: await deleteOwnUpload(deps, caller, settings, path.itemId),
}));
