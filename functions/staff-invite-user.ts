import * as z from '#shared/zod';
import { staffUserDeps } from '#shared/adapters/index';
import { staffRoute } from '#shared/http/route';
import { inviteStaff } from '#shared/services/staff-users';

const deps = staffUserDeps();

export const handler = staffRoute(
  { admin: true, body: z.object({ email: z.email().check(z.maxLength(254)), name: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)), admin: z._default(z.boolean(), false) }) },
  async ({ body, caller }) => ({ status: 201, body: await inviteStaff(deps, caller, body) }),
);
