import * as z from '#shared/zod';
import { auditLog, matterStore, transactions } from '#shared/adapters/index';
import { id, staffRoute } from '#shared/http/route';
import { setApproval } from '#shared/services/matters';

const deps = { matters: matterStore(), audit: auditLog(), transactions: transactions() };

/** Approves a pending matter (F22), recording who and when. */
export const handler = staffRoute({ path: z.object({ matterId: id }) }, async ({ path, caller }) => ({ body: await setApproval(deps, caller, path.matterId, true) }));
