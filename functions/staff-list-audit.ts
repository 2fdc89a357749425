import { auditLog } from '#shared/adapters/index';
import { pageQuery, staffRoute } from '#shared/http/route';

const audit = auditLog();

/** The firm's whole audit trail, newest first (admins). */
export const handler = staffRoute({ admin: true, query: pageQuery }, async ({ query }) => ({
  body: await audit.list('firm', query.limit, query.cursor),
}));
