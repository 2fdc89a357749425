import * as z from '#shared/zod';
import { auditLog, contactStore, matterStore, outbox, requestStore, transactions } from '#shared/adapters/index';
import { contactName, customerRoute, id } from '#shared/http/route';
import { MAX_INVOLVED } from '#shared/domain/requests';
import { submitRequest } from '#shared/services/request-portal';

const deps = { requests: requestStore(), matters: matterStore(), contacts: contactStore(), audit: auditLog(), outbox: outbox(), transactions: transactions() };

const involved = z.union([
  z.strictObject({ contactId: id }),
  z.strictObject({ name: contactName(), email: z.optional(z.email()), kind: z.enum(['person', 'organisation']) }),
]);

/** A customer asks the firm for new work (F21); their responsible staff are told by email. */
export const handler = customerRoute(
  {
    body: z.strictObject({
      kind: z.string().check(z.trim(), z.minLength(1), z.maxLength(60)),
      title: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
      description: z.optional(z.string().check(z.maxLength(5000))),
      involved: z._default(z.array(involved).check(z.maxLength(MAX_INVOLVED)), []),
    }),
  },
  async ({ body, caller }) => ({ status: 201, body: await submitRequest(deps, caller, body) }),
);
