import * as z from '#shared/zod';
import { staffUserDeps } from '#shared/adapters/index';
import { staffUsername } from '#shared/adapters/staff-directory';
import { staffRoute } from '#shared/http/route';
import { setStaffRole } from '#shared/services/staff-users';

const deps = staffUserDeps();

export const handler = staffRoute(
  { admin: true, path: z.object({ username: staffUsername() }), body: z.strictObject({ admin: z.boolean() }) },
  async ({ path, body, caller }) => ({ body: await setStaffRole(deps, caller, path.username, body.admin) }),
);
