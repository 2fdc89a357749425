import { driveStore, shareStore } from '#shared/adapters/index';
import { customerRoute } from '#shared/http/route';
import { listSharedRoots } from '#shared/services/customer-portal';

const deps = { shares: shareStore(), drive: driveStore() };

export const handler = customerRoute({}, async ({ caller }) => ({
  body: { items: await listSharedRoots(deps, caller) },
}));
