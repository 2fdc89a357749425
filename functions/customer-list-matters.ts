import { matterStore } from '#shared/adapters/index';
import { customerRoute, pageQuery } from '#shared/http/route';
import { listCustomerMatters } from '#shared/services/matter-portal';

const matters = matterStore();

/** The customer's matters and their organisations', newest first (F20). */
export const handler = customerRoute({ query: pageQuery }, async ({ query, caller }) => ({
  body: await listCustomerMatters(matters, caller, query.limit, query.cursor),
}));
