import * as z from '#shared/zod';
import { requestStore } from '#shared/adapters/index';
import { pageQuery, staffRoute } from '#shared/http/route';
import { listRequests } from '#shared/services/requests';

const requests = requestStore();

/** Staff's requests queue (F21): open ones oldest first, accepted or declined ones newest first. */
export const handler = staffRoute({ query: z.extend(pageQuery, { state: z._default(z.enum(['open', 'accepted', 'declined']), 'open') }) }, async ({ query, caller }) => ({
  body: await listRequests(requests, caller, query.state, query.limit, query.cursor),
}));
