import * as z from '#shared/zod';
import { auditLog, matterStore } from '#shared/adapters/index';
import { id, pageQuery, staffRoute } from '#shared/http/route';
import { matterActivity } from '#shared/services/matters';

const deps = { matters: matterStore(), audit: auditLog() };

/** What was done on one matter, newest first: changes, approvals, documents typed, comments, the request it came from. */
export const handler = staffRoute({ path: z.object({ matterId: id }), query: pageQuery }, async ({ path, query, caller }) => ({
  body: await matterActivity(deps, caller, path.matterId, query.limit, query.cursor),
}));
