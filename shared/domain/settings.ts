/** The firm's run-time settings, changed by admins through the staff API and validated here. */
import { z } from 'zod';

const control = z.enum(['allowed', 'forbidden', 'beforeApproval']);

export const settingsSchema = z
  .object({
    /** F6: when false, every customer call answers "portal closed". */
    portalOpen: z.boolean(),
    /** F5: needs the pool's self sign-up (deploy setting portico:selfSignUp) to be on as well. */
    selfSignUp: z
      .object({
        enabled: z.boolean(),
        accessType: z.enum(['client', 'collaborator', 'both']),
        seats: z.number().int().min(0).max(100_000),
      })
      .strict(),
    /** F17: what customers may do with their own uploads; read-only viewing always remains. */
    attachments: z.object({ upload: control, replace: control, delete: control }).strict(),
    /** F18 */
    customerComments: z.boolean(),
    /** F19 */
    branding: z
      .object({
        firmName: z.string().trim().min(1).max(120),
        logoUrl: z.url({ protocol: /^https?$/ }).max(2000).optional(),
        colour: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'use a colour like #1f6feb'),
        portalAddress: z.url({ protocol: /^https?$/ }).max(2000).optional(),
      })
      .strict(),
  })
  .strict();

export type PortalSettings = z.infer<typeof settingsSchema>;
export type AttachmentControl = PortalSettings['attachments']['upload'];

/** A partial change: every section optional, each given section validated whole with its defaults filled in. */
export const settingsPatchSchema = z
  .object({
    portalOpen: z.boolean().optional(),
    selfSignUp: settingsSchema.shape.selfSignUp.partial().optional(),
    attachments: settingsSchema.shape.attachments.partial().optional(),
    customerComments: z.boolean().optional(),
    // An empty logo or portal address removes it.
    branding: settingsSchema.shape.branding
      .partial()
      .extend({
        logoUrl: settingsSchema.shape.branding.shape.logoUrl.or(z.literal('')),
        portalAddress: settingsSchema.shape.branding.shape.portalAddress.or(z.literal('')),
      })
      .optional(),
  })
  .strict();

export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

/**
 * Portal seats in use. A seat is held by every customer whose portal access is open (invited or
 * active), whether staff opened it or the customer signed up; closing the access (archiving the
 * contact closes it) frees the seat. Only self sign-ups are refused when none is left, so `used`
 * may exceed the seats an admin set; `left` then is 0, never negative.
 */
export interface SeatUsage {
  used: number;
  left: number;
}

/** What `GET /settings` answers: the settings and how many seats are used. */
export type SettingsView = PortalSettings & { seatUsage: SeatUsage };

export function seatUsage(seats: number, used: number): SeatUsage {
  return { used, left: Math.max(0, seats - used) };
}

export function defaultSettings(firmName: string, portalAddress?: string): PortalSettings {
  return {
    portalOpen: true,
    selfSignUp: { enabled: false, accessType: 'client', seats: 25 },
    attachments: { upload: 'allowed', replace: 'beforeApproval', delete: 'beforeApproval' },
    customerComments: false,
    branding: { firmName, colour: '#1f4e79', portalAddress },
  };
}

export function applySettingsPatch(current: PortalSettings, patch: SettingsPatch): PortalSettings {
  return {
    portalOpen: patch.portalOpen ?? current.portalOpen,
    selfSignUp: { ...current.selfSignUp, ...patch.selfSignUp },
    attachments: { ...current.attachments, ...patch.attachments },
    customerComments: patch.customerComments ?? current.customerComments,
    branding: withoutEmpty({ ...current.branding, ...patch.branding }),
  };
}

function withoutEmpty<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== '')) as T;
}

/** Whether an attachment control allows the action now; `approved` is the matter's approval (F22), false while matters do not exist. */
export function controlAllows(control: AttachmentControl, approved = false): boolean {
  return control === 'allowed' || (control === 'beforeApproval' && !approved);
}
