import * as z from '#shared/zod';
import { auditLog, configStore, contactStore } from '#shared/adapters/index';
import { contactFields, id, staffRoute } from '#shared/http/route';
import { updateContact } from '#shared/services/contacts';

const deps = { contacts: contactStore(), config: configStore(), audit: auditLog() };

export const handler = staffRoute(
  { path: z.object({ contactId: id }), body: z.strictObject(contactFields()) },
  async ({ path, body, caller }) => ({ body: await updateContact(deps, caller, path.contactId, body) }),
);
