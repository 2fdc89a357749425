import { auditLog, configStore, firm } from '#shared/adapters/index';
import { settingsPatchSchema } from '#shared/domain/settings';
import { staffRoute } from '#shared/http/route';
import { updateSettings, withSeatUsage } from '#shared/services/settings';

const deps = { config: configStore(), audit: auditLog(), ...firm() };

// Answers as GET /settings does, so the form shows the seats left for the number just saved.
export const handler = staffRoute({ admin: true, body: settingsPatchSchema() }, async ({ body, caller }) => ({
  body: await withSeatUsage(deps.config, await updateSettings(deps, caller, body)),
}));
