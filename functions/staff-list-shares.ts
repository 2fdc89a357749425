import * as z from '#shared/zod';
import { contactStore, driveStore, shareStore } from '#shared/adapters/index';
import { id, staffRoute } from '#shared/http/route';
import { sharesOfExistingContact } from '#shared/services/sharing';

const deps = { shares: shareStore(), drive: driveStore(), contacts: contactStore() };

export const handler = staffRoute({ path: z.object({ contactId: id }) }, async ({ path }) => ({
  body: { items: await sharesOfExistingContact(deps, path.contactId) },
}));
