import * as z from '#shared/zod';
import { driveStore, requestStore } from '#shared/adapters/index';
import { customerRoute, id } from '#shared/http/route';
import { getOwnRequest } from '#shared/services/request-portal';

const deps = { requests: requestStore(), drive: driveStore() };

/** One of the customer's own requests with the files they sent; anyone else's is a 404. */
export const handler = customerRoute({ path: z.object({ requestId: id }) }, async ({ path, caller }) => ({ body: await getOwnRequest(deps, caller, path.requestId) }));
