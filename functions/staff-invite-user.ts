import { z } from 'zod';
import { staffUserDeps } from '#shared/adapters/index';
import { staffRoute } from '#shared/http/route';
import { inviteStaff } from '#shared/services/staff-users';

const deps = staffUserDeps();

export const handler = staffRoute(
  { admin: true, body: z.object({ email: z.email().max(254), name: z.string().trim().min(1).max(200), admin: z.boolean().default(false) }) },
  async ({ body, caller }) => ({ status: 201, body: await inviteStaff(deps, caller, body) }),
);
