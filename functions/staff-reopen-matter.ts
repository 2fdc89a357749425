import * as z from '#shared/zod';
import { auditLog, matterStore, transactions } from '#shared/adapters/index';
import { id, staffRoute } from '#shared/http/route';
import { setApproval } from '#shared/services/matters';

const deps = { matters: matterStore(), audit: auditLog(), transactions: transactions() };

/** Takes an approval back: the matter is pending again. */
export const handler = staffRoute({ path: z.object({ matterId: id }) }, async ({ path, caller }) => ({ body: await setApproval(deps, caller, path.matterId, false) }));
