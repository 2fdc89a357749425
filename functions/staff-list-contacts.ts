import { z } from 'zod';
import { contactStore } from '#shared/adapters/index';
import { pageQuery, staffRoute } from '#shared/http/route';
import { listContacts } from '#shared/services/contacts';

const contacts = contactStore();

export const handler = staffRoute({ query: pageQuery.extend({ search: z.string().trim().min(1).max(100).optional() }) }, async ({ query }) => ({
  body: await listContacts(contacts, query.limit, query.cursor, query.search),
}));
