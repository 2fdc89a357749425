import * as z from '#shared/zod';
import { auditLog, contactStore, outbox, requestStore, transactions } from '#shared/adapters/index';
import { id, staffRoute } from '#shared/http/route';
import { declineRequest } from '#shared/services/requests';

const deps = { requests: requestStore(), contacts: contactStore(), audit: auditLog(), outbox: outbox(), transactions: transactions() };

/** Declines a request with a reason, which is emailed to the customer. */
export const handler = staffRoute(
  { path: z.object({ requestId: id }), body: z.strictObject({ reason: z.string().check(z.maxLength(2000)) }) },
  async ({ path, body, caller }) => ({ body: await declineRequest(deps, caller, path.requestId, body.reason) }),
);
