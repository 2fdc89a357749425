import * as z from '#shared/zod';
import { auditLog, contactStore, driveStore, outbox, shareStore, transactions } from '#shared/adapters/index';
import { id, staffRoute } from '#shared/http/route';
import { shareItems } from '#shared/services/sharing';

const deps = { contacts: contactStore(), shares: shareStore(), drive: driveStore(), outbox: outbox(), audit: auditLog(), transactions: transactions() };

export const handler = staffRoute(
  {
    path: z.object({ contactId: id }),
    body: z.object({ itemIds: z.array(id).check(z.minLength(1), z.maxLength(90)), notify: z._default(z.boolean(), true) }),
  },
  async ({ path, body, caller }) => ({ body: await shareItems(deps, caller, path.contactId, body.itemIds, body.notify) }),
);
