import * as z from '#shared/zod';
import { driveStore, requestStore } from '#shared/adapters/index';
import { id, staffRoute } from '#shared/http/route';
import { getRequest } from '#shared/services/requests';

const deps = { requests: requestStore(), drive: driveStore() };

/** One request with everyone it names (those the customer added marked so) and the files sent with it. */
export const handler = staffRoute({ path: z.object({ requestId: id }) }, async ({ path, caller }) => ({ body: await getRequest(deps, caller, path.requestId) }));
