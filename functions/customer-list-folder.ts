import * as z from '#shared/zod';
import { driveStore, shareStore } from '#shared/adapters/index';
import { customerRoute, id, pageQuery } from '#shared/http/route';
import { listSharedFolder } from '#shared/services/customer-portal';

const deps = { shares: shareStore(), drive: driveStore() };

export const handler = customerRoute({ path: z.object({ folderId: id }), query: pageQuery }, async ({ path, query, caller }) => ({
  body: await listSharedFolder(deps, caller, path.folderId, query.limit, query.cursor),
}));
