import { z } from 'zod';
import { auditLog, contactStore, driveStore, outbox, shareStore, transactions } from '#shared/adapters/index';
import { id, staffRoute } from '#shared/http/route';
import { shareItems } from '#shared/services/sharing';

const deps = { contacts: contactStore(), shares: shareStore(), drive: driveStore(), outbox: outbox(), audit: auditLog(), transactions: transactions() };

export const handler = staffRoute(
  {
    path: z.object({ contactId: id }),
    body: z.object({ itemIds: z.array(id).min(1).max(90), notify: z.boolean().default(true) }),
  },
  async ({ path, body, caller }) => ({ body: await shareItems(deps, caller, path.contactId, body.itemIds, body.notify) }),
);
