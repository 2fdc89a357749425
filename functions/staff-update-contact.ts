import { z } from 'zod';
import { auditLog, contactStore } from '#shared/adapters/index';
import { contactFields, id, staffRoute } from '#shared/http/route';
import { updateContact } from '#shared/services/contacts';

const deps = { contacts: contactStore(), audit: auditLog() };

export const handler = staffRoute(
  { path: z.object({ contactId: id }), body: z.object(contactFields).strict() },
  async ({ path, body, caller }) => ({ body: await updateContact(deps, caller, path.contactId, body) }),
);
