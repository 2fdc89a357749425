import { staffUserDeps } from '#shared/adapters/index';
import { pageQuery, staffRoute } from '#shared/http/route';
import { listStaff } from '#shared/services/staff-users';

const deps = staffUserDeps();

export const handler = staffRoute({ admin: true, query: pageQuery }, async ({ query }) => ({
  body: await listStaff(deps, query.limit, query.cursor),
}));
