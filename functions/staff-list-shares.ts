import * as z from '#shared/zod';
import { contactStore, driveStore, shareStore } from '#shared/adapters/index';
import { id, pageQuery, staffRoute } from '#shared/http/route';
import { sharesOfExistingContact } from '#shared/services/sharing';

const deps = { shares: shareStore(), drive: driveStore(), contacts: contactStore() };

export const handler = staffRoute({ path: z.object({ contactId: id }), query: pageQuery }, async ({ path, query }) => ({
  body: await sharesOfExistingContact(deps, path.contactId, query.limit, query.cursor),
}));
