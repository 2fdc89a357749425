import * as z from '#shared/zod';
import { accessDeps } from '#shared/adapters/index';
import { id, staffRoute } from '#shared/http/route';
import { closeAccess } from '#shared/services/portal-access';

const deps = accessDeps();

/** The one close operation behind the access window, the contact list's tick box and archiving. */
export const handler = staffRoute(
  { path: z.object({ contactId: id }), body: z.object({ notifyCustomer: z.boolean() }) },
  async ({ path, body, caller }) => ({ body: await closeAccess(deps, caller, path.contactId, body.notifyCustomer) }),
);
