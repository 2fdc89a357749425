import * as z from '#shared/zod';
import { matterStore } from '#shared/adapters/index';
import { id, pageQuery, staffRoute } from '#shared/http/route';
import { staffComments } from '#shared/services/matter-comments';

const matters = matterStore();

/** A matter's whole thread, internal notes and hidden comments included (F18). */
export const handler = staffRoute({ path: z.object({ matterId: id }), query: pageQuery }, async ({ path, query, caller }) => ({
  body: await staffComments(matters, caller, path.matterId, query.limit, query.cursor),
}));
