import * as z from '#shared/zod';
import { accessDeps } from '#shared/adapters/index';
import { id, staffRoute } from '#shared/http/route';
import { resendInvitation } from '#shared/services/portal-access';

const deps = accessDeps();

export const handler = staffRoute({ path: z.object({ contactId: id }) }, async ({ path, caller }) => ({
  body: await resendInvitation(deps, caller, path.contactId),
}));
