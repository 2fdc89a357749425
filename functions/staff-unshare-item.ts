import { z } from 'zod';
import { auditLog, shareStore } from '#shared/adapters/index';
import { id, staffRoute } from '#shared/http/route';
import { unshareItem } from '#shared/services/sharing';

const deps = { shares: shareStore(), audit: auditLog() };

export const handler = staffRoute({ path: z.object({ contactId: id, itemId: id }) }, async ({ path, caller }) => ({
  body: await unshareItem(deps, caller, path.contactId, path.itemId),
}));
