import * as z from '#shared/zod';
import { contactStore } from '#shared/adapters/index';
import { id, staffRoute } from '#shared/http/route';
import { getContact } from '#shared/services/contacts';

const contacts = contactStore();

export const handler = staffRoute({ path: z.object({ contactId: id }) }, async ({ path }) => ({
  body: await getContact(contacts, path.contactId),
}));
