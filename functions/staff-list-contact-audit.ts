import * as z from '#shared/zod';
import { auditLog } from '#shared/adapters/index';
import { id, pageQuery, staffRoute } from '#shared/http/route';

const audit = auditLog();

/** One contact's audit trail, newest first. */
export const handler = staffRoute({ path: z.object({ contactId: id }), query: pageQuery }, async ({ path, query }) => ({
  body: await audit.list(path.contactId, query.limit, query.cursor),
}));
