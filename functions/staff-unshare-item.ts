import * as z from '#shared/zod';
import { auditLog, contactStore, driveStore, shareStore, transactions } from '#shared/adapters/index';
import { id, staffRoute } from '#shared/http/route';
import { unshareItem } from '#shared/services/sharing';

const deps = { shares: shareStore(), contacts: contactStore(), drive: driveStore(), audit: auditLog(), transactions: transactions() };

export const handler = staffRoute({ path: z.object({ contactId: id, itemId: id }) }, async ({ path, caller }) => ({
  body: await unshareItem(deps, caller, path.contactId, path.itemId),
}));
