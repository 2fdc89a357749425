import { requestStore } from '#shared/adapters/index';
import { customerRoute, pageQuery } from '#shared/http/route';
import { listOwnRequests } from '#shared/services/request-portal';

const requests = requestStore();

/** The customer's own requests, newest first (F21). */
export const handler = customerRoute({ query: pageQuery }, async ({ query, caller }) => ({ body: await listOwnRequests(requests, caller, query.limit, query.cursor) }));
