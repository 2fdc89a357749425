import * as z from '#shared/zod';
import { accessDeps } from '#shared/adapters/index';
import { id, staffRoute } from '#shared/http/route';
import { archiveContact } from '#shared/services/contacts';
import { closeAccess } from '#shared/services/portal-access';

const deps = accessDeps();

export const handler = staffRoute(
  { path: z.object({ contactId: id }), body: z.object({ notifyCustomer: z._default(z.boolean(), false) }) },
  async ({ path, body, caller }) => ({
    body: await archiveContact(deps, caller, path.contactId, () => closeAccess(deps, caller, path.contactId, body.notifyCustomer)),
  }),
);
