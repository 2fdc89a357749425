import * as z from '#shared/zod';
import { matterStore } from '#shared/adapters/index';
import { customerRoute, id, pageQuery } from '#shared/http/route';
import { customerComments } from '#shared/services/matter-comments';

const matters = matterStore();

/** The thread of one of the customer's matters, oldest first (F18). */
export const handler = customerRoute({ path: z.object({ matterId: id }), query: pageQuery }, async ({ path, query, caller }) => ({
  body: await customerComments(matters, caller, path.matterId, query.limit, query.cursor),
}));
