import { auditLog } from '#shared/adapters/index';
import { activityPageQuery, staffRoute } from '#shared/http/route';

const audit = auditLog();

/** The firm's audit trail, newest first, narrowed by person, action and dates (admins). */
export const handler = staffRoute({ admin: true, query: activityPageQuery() }, async ({ query }) => {
  const { limit, cursor, ...filter } = query;
  return { body: await audit.list('firm', limit, cursor, filter) };
});
