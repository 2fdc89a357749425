import * as z from '#shared/zod';
import { auditLog, configStore, contactStore } from '#shared/adapters/index';
import { contactFields, contactName, staffRoute } from '#shared/http/route';
import { createContact } from '#shared/services/contacts';

const deps = { contacts: contactStore(), config: configStore(), audit: auditLog() };

export const handler = staffRoute(
  { body: z.object({ kind: z.enum(['person', 'organisation']), ...contactFields(), name: contactName() }) },
  async ({ body, caller }) => ({ status: 201, body: await createContact(deps, caller, body) }),
);
