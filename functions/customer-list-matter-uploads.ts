import * as z from '#shared/zod';
import { driveStore, matterStore } from '#shared/adapters/index';
import { customerRoute, id, pageQuery } from '#shared/http/route';
import { listOwnMatterUploads } from '#shared/services/matter-uploads';

const deps = { matters: matterStore(), drive: driveStore() };

/** What the customer sent into one of their matters. */
export const handler = customerRoute({ path: z.object({ matterId: id }), query: pageQuery }, async ({ path, query, caller }) => ({
  body: await listOwnMatterUploads(deps, caller, path.matterId, query.limit, query.cursor),
}));
