import { badRequest } from '../errors.ts';
import type { StaffPrincipal } from '../domain/model.ts';
import type { AuditLog, ConfigStore } from '../domain/ports.ts';
import { applySettingsPatch, defaultSettings, withDefaults, seatUsage, settingsSchema, type PortalSettings, type SettingsPatch, type SettingsView } from '../domain/settings.ts';

export interface SettingsDeps {
  config: ConfigStore;
  firmName: string;
  portalUrl: string;
}

export async function currentSettings(deps: SettingsDeps): Promise<PortalSettings> {
  const stored = await deps.config.settings();
  return stored ? withDefaults(stored) : defaultSettings(deps.firmName, deps.portalUrl);
}

/** The settings as staff see them, with the seats in use beside the number of seats. */
export async function withSeatUsage(config: ConfigStore, settings: PortalSettings): Promise<SettingsView> {
  return { ...settings, seatUsage: seatUsage(settings.selfSignUp.seats, await config.seatsUsed()) };
}

/** Applies an admin's change; the whole result is validated, so nothing invalid is ever stored. */
export async function updateSettings(deps: SettingsDeps & { audit: AuditLog }, admin: StaffPrincipal, patch: SettingsPatch, now = new Date()): Promise<PortalSettings> {
  const next = settingsSchema().safeParse(applySettingsPatch(await currentSettings(deps), patch));
  if (!next.success) {
    const issue = next.error.issues[0];
    throw badRequest('invalid_setting', `${issue.path.join('.')}: ${issue.message}`);
  }
  await deps.config.saveSettings(next.data);
  await deps.audit.record({ at: now.toISOString(), actor: admin.email, action: 'settings.changed', details: { change: patch } });
  return next.data;
}
