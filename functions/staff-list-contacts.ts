import * as z from '#shared/zod';
import { contactStore } from '#shared/adapters/index';
import { id, pageQuery, staffRoute } from '#shared/http/route';
import { listContacts } from '#shared/services/contacts';

const contacts = contactStore();

/** The contact list by name; `search` by name prefix or exact email; `organisationId` lists an organisation's persons. */
export const handler = staffRoute(
  { query: z.extend(pageQuery, { search: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(100))), organisationId: z.optional(id) }) },
  async ({ query }) => ({ body: await listContacts(contacts, query.limit, query.cursor, query.search, query.organisationId) }),
);
