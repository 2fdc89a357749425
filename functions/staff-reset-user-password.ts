import * as z from '#shared/zod';
import { staffUserDeps } from '#shared/adapters/index';
import { staffUsername } from '#shared/adapters/staff-directory';
import { staffRoute } from '#shared/http/route';
import { resetStaffPassword } from '#shared/services/staff-users';

const deps = staffUserDeps();

export const handler = staffRoute({ admin: true, path: z.object({ username: staffUsername() }) }, async ({ path, caller }) => ({
  body: await resetStaffPassword(deps, caller, path.username),
}));
