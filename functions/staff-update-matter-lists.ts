import { auditLog, matterStore, transactions } from '#shared/adapters/index';
import { matterListsBody, staffRoute } from '#shared/http/route';
import { updateMatterLists } from '#shared/services/matters';

const deps = { matters: matterStore(), audit: auditLog(), transactions: transactions() };

/** Admins replace the lists whole; matters keep a value removed since (as links keep a removed role). */
export const handler = staffRoute({ admin: true, body: matterListsBody() }, async ({ body, caller }) => ({ body: await updateMatterLists(deps, caller, body) }));
