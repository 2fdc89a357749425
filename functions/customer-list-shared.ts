import { driveStore, shareStore } from '#shared/adapters/index';
import { customerRoute, pageQuery } from '#shared/http/route';
import { listSharedRoots } from '#shared/services/portal-roots';

const deps = { shares: shareStore(), drive: driveStore() };

export const handler = customerRoute({ query: pageQuery }, async ({ query, caller }) => ({
  body: await listSharedRoots(deps, caller, query.limit, query.cursor),
}));
