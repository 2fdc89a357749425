/**
 * The firm's run-time settings: what an admin may set (`PATCH /settings` validates with these
 * schemas), what a new firm starts with, how a partial change applies, and what the attachment
 * controls allow.
 */
import { describe, expect, it } from 'vitest';
import {
  applySettingsPatch,
  controlAllows,
  defaultSettings,
  seatUsage,
  settingsPatchSchema,
  settingsSchema,
  type PortalSettings,
  type SettingsPatch,
  withDefaults,
} from '../../shared/domain/settings.ts';

const valid = (): PortalSettings => ({
  portalOpen: true,
  selfSignUp: { enabled: true, accessType: 'both', seats: 10 },
  attachments: { upload: 'allowed', replace: 'forbidden', delete: 'beforeApproval' },
  customerComments: true,
  language: 'fr',
  matterTerm: 'order',
  branding: { firmName: 'Smith & Co', logoUrl: 'https://smith.test/logo.png', colour: '#1F6feb', portalAddress: 'https://portal.smith.test' },
});

/** The settings with one section's fields changed, as a whole settings object an admin might send. */
const withSection = <K extends keyof PortalSettings>(key: K, change: Partial<PortalSettings[K]>): unknown => {
  const s = valid();
  return { ...s, [key]: { ...(s[key] as object), ...change } };
};
const accepts = (value: unknown) => settingsSchema().safeParse(value).success;
const acceptsPatch = (value: unknown) => settingsPatchSchema().safeParse(value).success;

describe('what an admin may set', () => {
  it('accepts complete, well-formed settings as they are', () => {
    expect(settingsSchema().parse(valid())).toEqual(valid());
  });

  it('an attachment control is allowed, forbidden or "before approval", nothing else', () => {
    for (const control of ['allowed', 'forbidden', 'beforeApproval']) {
      for (const action of ['upload', 'replace', 'delete'] as const) expect(accepts(withSection('attachments', { [action]: control }))).toBe(true);
    }
    expect(accepts(withSection('attachments', { upload: 'sometimes' as never }))).toBe(false);
    expect(accepts(withSection('attachments', { upload: '' as never }))).toBe(false);
  });

  it('self sign-up gives client, collaborator or both access, nothing else', () => {
    for (const accessType of ['client', 'collaborator', 'both'] as const) expect(accepts(withSection('selfSignUp', { accessType }))).toBe(true);
    expect(accepts(withSection('selfSignUp', { accessType: 'admin' as never }))).toBe(false);
    expect(accepts(withSection('selfSignUp', { accessType: '' as never }))).toBe(false);
  });

  it('self sign-up seats are a whole number from 0 to 100,000', () => {
    for (const seats of [0, 1, 100_000]) expect(accepts(withSection('selfSignUp', { seats }))).toBe(true);
    for (const seats of [-1, 100_001, 2.5]) expect(accepts(withSection('selfSignUp', { seats }))).toBe(false);
  });

  it('the firm name is trimmed, and must keep 1 to 120 characters', () => {
    expect(settingsSchema().parse(withSection('branding', { firmName: '  Smith & Co  ' })).branding.firmName).toBe('Smith & Co');
    expect(accepts(withSection('branding', { firmName: 'x' }))).toBe(true);
    expect(accepts(withSection('branding', { firmName: 'x'.repeat(120) }))).toBe(true);
    expect(accepts(withSection('branding', { firmName: '   ' }))).toBe(false);
    expect(accepts(withSection('branding', { firmName: 'x'.repeat(121) }))).toBe(false);
  });

  it('the logo and portal addresses are http or https URLs: no javascript:, data: or other schemes', () => {
    for (const field of ['logoUrl', 'portalAddress'] as const) {
      for (const url of ['https://smith.test/logo.png', 'http://smith.test']) expect(accepts(withSection('branding', { [field]: url })), `${field} ${url}`).toBe(true);
      for (const url of ['javascript:alert(1)', 'data:image/png;base64,AAAA', 'ftp://smith.test', 'httpx://smith.test', 'xhttp://smith.test', 'not a url']) {
        expect(accepts(withSection('branding', { [field]: url })), `${field} ${url}`).toBe(false);
      }
    }
  });

  it('the logo and portal addresses are at most 2,000 characters and may be left out', () => {
    const long = (n: number) => `https://smith.test/${'a'.repeat(n - 'https://smith.test/'.length)}`;
    for (const field of ['logoUrl', 'portalAddress'] as const) {
      expect(accepts(withSection('branding', { [field]: long(2000) }))).toBe(true);
      expect(accepts(withSection('branding', { [field]: long(2001) }))).toBe(false);
      expect(accepts(withSection('branding', { [field]: undefined }))).toBe(true);
    }
  });

  it('the colour is a hex colour like #1f6feb, and an admin who gets it wrong is shown one', () => {
    for (const colour of ['#1f6feb', '#ABCDEF', '#000000']) expect(accepts(withSection('branding', { colour }))).toBe(true);
    for (const colour of ['1f6feb', 'x#1f6feb', '#1f6feb0', '#1f6', '#1', '#gggggg', 'red']) expect(accepts(withSection('branding', { colour })), colour).toBe(false);
    const result = settingsSchema().safeParse(withSection('branding', { colour: 'red' }));
    expect(result.error?.issues.map((i) => i.message)).toEqual(['use a colour like #1f6feb']);
  });

  it('refuses unknown fields in every section, so a typo is not silently ignored', () => {
    expect(accepts({ ...valid(), portalOpn: false })).toBe(false);
    for (const key of ['selfSignUp', 'attachments', 'branding'] as const) expect(accepts(withSection(key, { extra: 1 } as never)), key).toBe(false);
  });
});

describe('what a partial change may contain', () => {
  it('any one section, or none, may be sent alone', () => {
    expect(acceptsPatch({})).toBe(true);
    expect(acceptsPatch({ portalOpen: false })).toBe(true);
    expect(acceptsPatch({ customerComments: true })).toBe(true);
    expect(acceptsPatch({ selfSignUp: { seats: 5 } })).toBe(true);
    expect(acceptsPatch({ attachments: { delete: 'forbidden' } })).toBe(true);
    expect(acceptsPatch({ branding: { colour: '#000000' } })).toBe(true);
  });

  it('each field sent is checked as in the full settings', () => {
    expect(acceptsPatch({ portalOpen: 'yes' })).toBe(false);
    expect(acceptsPatch({ selfSignUp: { seats: -1 } })).toBe(false);
    expect(acceptsPatch({ attachments: { upload: 'sometimes' } })).toBe(false);
    expect(acceptsPatch({ branding: { colour: 'red' } })).toBe(false);
    expect(acceptsPatch({ branding: { logoUrl: 'javascript:alert(1)' } })).toBe(false);
    expect(acceptsPatch({ branding: { portalAddress: 'ftp://smith.test' } })).toBe(false);
    expect(acceptsPatch({ colour: '#000000' })).toBe(false);
  });

  it('an empty logo or portal address is accepted (it removes the address); other non-URLs are not', () => {
    expect(settingsPatchSchema().parse({ branding: { logoUrl: '', portalAddress: '' } })).toEqual({ branding: { logoUrl: '', portalAddress: '' } });
    expect(acceptsPatch({ branding: { logoUrl: 'https://smith.test/new.png' } })).toBe(true);
    expect(acceptsPatch({ branding: { logoUrl: ' ' } })).toBe(false);
    expect(acceptsPatch({ branding: { portalAddress: 'Stryker was here!' } })).toBe(false);
  });
});

describe('a new firm\'s settings', () => {
  it('are valid settings', () => {
    expect(accepts(defaultSettings('Smith & Co'))).toBe(true);
    expect(accepts(defaultSettings('Smith & Co', 'https://portal.smith.test'))).toBe(true);
  });

  it('speak English until an admin chooses French', () => {
    expect(defaultSettings('Smith & Co').language).toBe('en');
  });

  it('call the work a "matter" until an admin chooses another word', () => {
    expect(defaultSettings('Smith & Co').matterTerm).toBe('matter');
  });

  it('open the portal, with self sign-up off (client access, 25 seats) and no customer comments', () => {
    const s = defaultSettings('Smith & Co');
    expect(s.portalOpen).toBe(true);
    expect(s.selfSignUp).toEqual({ enabled: false, accessType: 'client', seats: 25 });
    expect(s.customerComments).toBe(false);
  });

  it('let customers upload, and replace or delete their uploads until the matter is approved', () => {
    expect(defaultSettings('Smith & Co').attachments).toEqual({ upload: 'allowed', replace: 'beforeApproval', delete: 'beforeApproval' });
  });

  it('carry the firm\'s name and portal address, in the house colour', () => {
    expect(defaultSettings('Smith & Co', 'https://portal.smith.test').branding).toEqual({ firmName: 'Smith & Co', colour: '#1f4e79', portalAddress: 'https://portal.smith.test' });
  });
});

describe('applying a partial change', () => {
  const current = valid();
  const apply = (patch: SettingsPatch) => applySettingsPatch(current, patch);

  it('an empty change keeps everything', () => {
    expect(apply({})).toEqual(current);
  });

  it('the portal switch and customer comments change either way', () => {
    const closed = applySettingsPatch({ ...current, portalOpen: false, customerComments: false }, { portalOpen: true, customerComments: true });
    expect(closed).toMatchObject({ portalOpen: true, customerComments: true });
    expect(apply({ portalOpen: false, customerComments: false })).toMatchObject({ portalOpen: false, customerComments: false });
  });

  it('the default language changes to English or French, and stays when not sent', () => {
    expect(apply({ language: 'en' }).language).toBe('en');
    expect(apply({}).language).toBe('fr');
    expect(acceptsPatch({ language: 'de' })).toBe(false);
    expect(accepts({ ...valid(), language: 'de' })).toBe(false);
  });

  it('settings stored before the language setting existed read as English; a stored choice is kept', () => {
    const { language: _none, ...old } = valid();
    expect(withDefaults(old as PortalSettings).language).toBe('en');
    expect(withDefaults(valid()).language).toBe('fr');
  });

  it('what the firm calls a matter is one of matter, order, contract, file; it stays when not sent', () => {
    expect(apply({ matterTerm: 'contract' }).matterTerm).toBe('contract');
    expect(apply({}).matterTerm).toBe('order');
    expect(acceptsPatch({ matterTerm: 'case' })).toBe(false);
    expect(accepts({ ...valid(), matterTerm: 'case' })).toBe(false);
  });

  it('settings stored before matters existed call them matters; a stored choice is kept', () => {
    const { matterTerm: _none, ...old } = valid();
    expect(withDefaults(old as PortalSettings).matterTerm).toBe('matter');
    expect(withDefaults(valid()).matterTerm).toBe('order');
  });

  it('a field sent in a section changes only that field', () => {
    expect(apply({ selfSignUp: { seats: 3 } }).selfSignUp).toEqual({ ...current.selfSignUp, seats: 3 });
    expect(apply({ attachments: { upload: 'forbidden' } }).attachments).toEqual({ ...current.attachments, upload: 'forbidden' });
    expect(apply({ branding: { colour: '#000000' } }).branding).toEqual({ ...current.branding, colour: '#000000' });
  });

  it('an empty logo or portal address removes it; the other branding stays', () => {
    const next = apply({ branding: { logoUrl: '', portalAddress: '' } });
    expect(next.branding).toEqual({ firmName: 'Smith & Co', colour: '#1F6feb' });
    expect('logoUrl' in next.branding).toBe(false);
  });

  it('does not change the current settings object', () => {
    const before = structuredClone(current);
    apply({ portalOpen: false, selfSignUp: { seats: 1 }, attachments: { upload: 'forbidden' }, branding: { logoUrl: '' } });
    expect(current).toEqual(before);
  });
});

describe('attachment controls', () => {
  it('"allowed" always allows, "forbidden" never does', () => {
    expect(controlAllows('allowed')).toBe(true);
    expect(controlAllows('allowed', true)).toBe(true);
    expect(controlAllows('forbidden')).toBe(false);
    expect(controlAllows('forbidden', true)).toBe(false);
  });

  it('"before approval" allows until the matter is approved', () => {
    expect(controlAllows('beforeApproval', false)).toBe(true);
    expect(controlAllows('beforeApproval', true)).toBe(false);
  });

  it('while matters do not exist, nothing is approved, so "before approval" allows', () => {
    expect(controlAllows('beforeApproval')).toBe(true);
  });
});

describe('seats used and left', () => {
  it('left is the seats not yet held', () => {
    expect(seatUsage(25, 7)).toEqual({ used: 7, left: 18 });
    expect(seatUsage(3, 3)).toEqual({ used: 3, left: 0 });
  });

  it('left is never negative when staff opened more accesses than there are seats', () => {
    expect(seatUsage(2, 5)).toEqual({ used: 5, left: 0 });
  });
});
