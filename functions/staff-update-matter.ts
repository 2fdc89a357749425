import * as z from '#shared/zod';
import { auditLog, contactStore, matterStore, transactions } from '#shared/adapters/index';
import { id, matterFields, staffRoute } from '#shared/http/route';
import { updateMatter } from '#shared/services/matters';

const deps = { matters: matterStore(), contacts: contactStore(), audit: auditLog(), transactions: transactions() };

/** Changes the fields sent (a list sent replaces the whole list); `archived` archives or brings back. */
export const handler = staffRoute(
  { path: z.object({ matterId: id }), body: z.strictObject({ ...matterFields(), archived: z.optional(z.boolean()) }) },
  async ({ path, body, caller }) => ({ body: await updateMatter(deps, caller, path.matterId, body) }),
);
