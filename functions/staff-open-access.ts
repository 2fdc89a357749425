import * as z from '#shared/zod';
import { accessDeps } from '#shared/adapters/index';
import { id, staffRoute } from '#shared/http/route';
import { openAccess } from '#shared/services/portal-access';

const deps = accessDeps();

export const handler = staffRoute({ path: z.object({ contactId: id }) }, async ({ path, caller }) => ({
  body: await openAccess(deps, caller, path.contactId),
}));
