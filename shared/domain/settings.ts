/** The firm's run-time settings, changed by admins through the staff API and validated here. */
import * as z from '../zod.ts';
import { DEFAULT_LANGUAGE, LANGUAGES } from './language.ts';
import { MATTER_TERMS } from './matters.ts';

/**
 * The schemas are built when called, by the two settings routes, not when this module loads:
 * every function imports it, and esbuild keeps (and each cold start builds) a zod schema made at
 * module level even where nothing uses it, as it cannot tell that building one has no side effects.
 */
export function settingsSchema() {
  const control = z.enum(['allowed', 'forbidden', 'beforeApproval']);
  const webAddress = z.url({ protocol: /^https?$/ }).check(z.maxLength(2000));
  return z.strictObject({
    /** F6: when false, every customer call answers "portal closed". */
    portalOpen: z.boolean(),
    /** F5: needs the pool's self sign-up (deploy setting portico:selfSignUp) to be on as well. */
    selfSignUp: z.strictObject({
      enabled: z.boolean(),
      accessType: z.enum(['client', 'collaborator', 'both']),
      seats: z.int().check(z.minimum(0), z.maximum(100_000)),
    }),
    /** F17: what customers may do with their own uploads; read-only viewing always remains. */
    attachments: z.strictObject({ upload: control, replace: control, delete: control }),
    /** F18 */
    customerComments: z.boolean(),
    /** The language of the portal for customers whose browser speaks neither English nor French, and of every email to someone who chose none. */
    language: z.enum(LANGUAGES),
    /** What the firm calls a matter (F20), in both UIs and in emails. */
    matterTerm: z.enum(MATTER_TERMS),
    /** F19 */
    branding: z.strictObject({
      firmName: z.string().check(z.trim(), z.minLength(1), z.maxLength(120)),
      logoUrl: z.optional(webAddress),
      colour: z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/, 'use a colour like #1f6feb')),
      portalAddress: z.optional(webAddress),
    }),
  });
}

export type PortalSettings = z.infer<ReturnType<typeof settingsSchema>>;
export type AttachmentControl = PortalSettings['attachments']['upload'];

/** A partial change: every section optional, each given section validated whole with its defaults filled in. */
export function settingsPatchSchema() {
  const { shape } = settingsSchema();
  return z.strictObject({
    portalOpen: z.optional(z.boolean()),
    selfSignUp: z.optional(z.partial(shape.selfSignUp)),
    attachments: z.optional(z.partial(shape.attachments)),
    customerComments: z.optional(z.boolean()),
    language: z.optional(shape.language),
    matterTerm: z.optional(shape.matterTerm),
    // An empty logo or portal address removes it.
    branding: z.optional(
      z.extend(z.partial(shape.branding), {
        logoUrl: z.union([shape.branding.shape.logoUrl, z.literal('')]),
        portalAddress: z.union([shape.branding.shape.portalAddress, z.literal('')]),
      }),
    ),
  });
}

export type SettingsPatch = z.infer<ReturnType<typeof settingsPatchSchema>>;

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

/** The firm's colour until an admin sets one: a dark blue that keeps white text readable. */
export const DEFAULT_COLOUR = '#1f4e79';

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
    language: DEFAULT_LANGUAGE,
    matterTerm: 'matter',
    branding: { firmName, colour: DEFAULT_COLOUR, portalAddress },
  };
}

/** Settings stored before a setting existed read with its default. */
export function withDefaults(stored: PortalSettings): PortalSettings {
  return { ...stored, language: stored.language ?? DEFAULT_LANGUAGE, matterTerm: stored.matterTerm ?? 'matter' };
}

export function applySettingsPatch(current: PortalSettings, patch: SettingsPatch): PortalSettings {
  return {
    portalOpen: patch.portalOpen ?? current.portalOpen,
    selfSignUp: { ...current.selfSignUp, ...patch.selfSignUp },
    attachments: { ...current.attachments, ...patch.attachments },
    customerComments: patch.customerComments ?? current.customerComments,
    language: patch.language ?? current.language,
    matterTerm: patch.matterTerm ?? current.matterTerm,
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
