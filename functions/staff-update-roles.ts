import * as z from '#shared/zod';
import { auditLog, configStore } from '#shared/adapters/index';
import { staffRoute } from '#shared/http/route';
import { updateRoles } from '#shared/services/contacts';

const deps = { config: configStore(), audit: auditLog() };

/** Admins maintain the list of roles; links made earlier keep their role's name. */
export const handler = staffRoute(
  { admin: true, body: z.strictObject({ roles: z.array(z.string().check(z.trim(), z.minLength(1), z.maxLength(40))).check(z.minLength(1), z.maxLength(50)) }) },
  async ({ body, caller }) => ({ body: { roles: await updateRoles(deps, caller, body.roles) } }),
);
