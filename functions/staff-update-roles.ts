import { z } from 'zod';
import { auditLog, configStore } from '#shared/adapters/index';
import { staffRoute } from '#shared/http/route';
import { updateRoles } from '#shared/services/contacts';

const deps = { config: configStore(), audit: auditLog() };

/** Admins maintain the list of roles; links made earlier keep their role's name. */
export const handler = staffRoute(
  { admin: true, body: z.object({ roles: z.array(z.string().trim().min(1).max(40)).min(1).max(50) }).strict() },
  async ({ body, caller }) => ({ body: { roles: await updateRoles(deps, caller, body.roles) } }),
);
