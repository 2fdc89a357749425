import { z } from 'zod';
import { contactStore, driveStore, firm, mailer, shareStore } from '#shared/adapters/index';
import { id, staffRoute } from '#shared/http/route';
import { shareItems } from '#shared/services/sharing';

const deps = { contacts: contactStore(), shares: shareStore(), drive: driveStore(), mailer: mailer(), ...firm() };

export const handler = staffRoute(
  {
    path: z.object({ contactId: id }),
    body: z.object({ itemIds: z.array(id).min(1).max(100), notify: z.boolean().default(true) }),
  },
  async ({ path, body, caller }) => ({ body: await shareItems(deps, caller, path.contactId, body.itemIds, body.notify) }),
);
