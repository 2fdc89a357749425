import * as z from '#shared/zod';
import { driveStore, matterStore } from '#shared/adapters/index';
import { id, pageQuery, staffRoute } from '#shared/http/route';
import { listMatterDocuments } from '#shared/services/matter-documents';

const deps = { matters: matterStore(), drive: driveStore() };

/** The matter's folder with each document's type (F20). */
export const handler = staffRoute({ path: z.object({ matterId: id }), query: pageQuery }, async ({ path, query, caller }) => ({
  body: await listMatterDocuments(deps, caller, path.matterId, query.limit, query.cursor),
}));
