import * as z from '#shared/zod';
import { contactStore, driveStore, matterStore } from '#shared/adapters/index';
import { customerRoute, id, pageQuery } from '#shared/http/route';
import { listCustomerMatterDocuments } from '#shared/services/matter-portal';

const deps = { matters: matterStore(), contacts: contactStore(), drive: driveStore() };

/** The customer files in one of the customer's matters (F20). */
export const handler = customerRoute({ path: z.object({ matterId: id }), query: pageQuery }, async ({ path, query, caller }) => ({
  body: await listCustomerMatterDocuments(deps, caller, path.matterId, query.limit, query.cursor),
}));
