import { z } from 'zod';
import { contactStore, customerDirectory, firm, mailer } from '#shared/adapters/index';
import { id, staffRoute } from '#shared/http/route';
import { openAccess } from '#shared/services/portal-access';

const deps = { contacts: contactStore(), directory: customerDirectory(), mailer: mailer(), ...firm() };

export const handler = staffRoute({ path: z.object({ contactId: id }) }, async ({ path }) => ({
  body: await openAccess(deps, path.contactId),
}));
