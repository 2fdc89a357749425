import { auditLog, configStore, firm } from '#shared/adapters/index';
import { settingsPatchSchema } from '#shared/domain/settings';
import { staffRoute } from '#shared/http/route';
import { updateSettings } from '#shared/services/settings';

const deps = { config: configStore(), audit: auditLog(), ...firm() };

export const handler = staffRoute({ admin: true, body: settingsPatchSchema }, async ({ body, caller }) => ({
  body: await updateSettings(deps, caller, body),
}));
