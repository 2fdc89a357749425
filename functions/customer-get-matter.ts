import * as z from '#shared/zod';
import { contactStore, matterStore } from '#shared/adapters/index';
import { customerRoute, id } from '#shared/http/route';
import { getCustomerMatter } from '#shared/services/matter-portal';

const deps = { matters: matterStore(), contacts: contactStore() };

/** What the customer may see of one of their matters (F20). */
export const handler = customerRoute({ path: z.object({ matterId: id }) }, async ({ path, caller, settings }) => ({
  body: await getCustomerMatter(deps, caller, settings, path.matterId),
}));
