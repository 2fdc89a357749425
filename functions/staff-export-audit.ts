import { auditLog } from '#shared/adapters/index';
import { activityQuery, staffRoute } from '#shared/http/route';
import { exportActivity } from '#shared/services/activity';

const audit = auditLog();

/** The firm's activity as CSV, narrowed like the list (admins). */
export const handler = staffRoute({ admin: true, query: activityQuery() }, async ({ query }) => ({
  body: await exportActivity(audit, query),
  file: { contentType: 'text/csv; charset=utf-8', fileName: 'portal-activity.csv' },
}));
