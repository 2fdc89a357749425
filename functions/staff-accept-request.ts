import * as z from '#shared/zod';
import { matterDeps, outbox, requestStore } from '#shared/adapters/index';
import { id, matterFields, staffRoute } from '#shared/http/route';
import { MAX_INVOLVED } from '#shared/domain/requests';
import { acceptRequest } from '#shared/services/requests';

const deps = { ...matterDeps(), requests: requestStore(), outbox: outbox() };
const { reference, status } = matterFields();

/** Accepts a request: it becomes a matter, contacts the customer added are merged or created, and the customer is told. */
export const handler = staffRoute(
  {
    path: z.object({ requestId: id }),
    body: z.strictObject({
      involved: z.array(z.strictObject({ partyType: z.string().check(z.trim(), z.minLength(1), z.maxLength(60)), mergeInto: z.optional(id) })).check(z.maxLength(MAX_INVOLVED)),
      clientId: z.optional(id),
      reference,
      title: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))),
      status,
    }),
  },
  async ({ path, body, caller }) => ({ status: 201, body: await acceptRequest(deps, caller, path.requestId, body) }),
);
