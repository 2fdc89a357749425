import { configStore, firm } from '#shared/adapters/index';
import { staffRoute } from '#shared/http/route';
import { currentSettings, withSeatUsage } from '#shared/services/settings';

const deps = { config: configStore(), ...firm() };

export const handler = staffRoute({}, async () => ({ body: await withSeatUsage(deps.config, await currentSettings(deps)) }));
