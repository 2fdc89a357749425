import * as z from '#shared/zod';
import { auditLog, matterStore, transactions } from '#shared/adapters/index';
import { id, staffRoute } from '#shared/http/route';
import { hideComment } from '#shared/services/matter-comments';

const deps = { matters: matterStore(), audit: auditLog(), transactions: transactions() };

/** Hides a comment from the client; it stays on the record, marked (F18). */
export const handler = staffRoute({ path: z.object({ matterId: id, commentId: id }) }, async ({ path, caller }) => ({
  body: await hideComment(deps, caller, path.matterId, path.commentId),
}));
