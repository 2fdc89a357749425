import { configStore } from '#shared/adapters/index';
import { staffRoute } from '#shared/http/route';
import { currentRoles } from '#shared/services/contacts';

const config = configStore();

/** The roles a link between contacts can have (partner, accountant, employee…). */
export const handler = staffRoute({}, async () => ({ body: { roles: await currentRoles(config) } }));
