import { configStore, firm } from '#shared/adapters/index';
import { staffRoute } from '#shared/http/route';
import { currentSettings } from '#shared/services/settings';

const deps = { config: configStore(), ...firm() };

export const handler = staffRoute({}, async () => ({ body: await currentSettings(deps) }));
