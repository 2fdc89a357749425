import { z } from 'zod';
import { contactStore } from '#shared/adapters/index';
import { id, pageQuery, staffRoute } from '#shared/http/route';
import { listContacts } from '#shared/services/contacts';

const contacts = contactStore();

/** The contact list by name; `search` by name prefix or exact email; `organisationId` lists an organisation's persons. */
export const handler = staffRoute(
  { query: pageQuery.extend({ search: z.string().trim().min(1).max(100).optional(), organisationId: id.optional() }) },
  async ({ query }) => ({ body: await listContacts(contacts, query.limit, query.cursor, query.search, query.organisationId) }),
);
