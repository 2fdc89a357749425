/**
 * Cognito's own emails (the pools' CustomMessage trigger) in English and French: which language a
 * code email is written in, what it says for each trigger source, and that Cognito's placeholders
 * are in it (Cognito refuses a message without `{####}`, and an invitation without `{username}`).
 */
import { describe, expect, it, vi } from 'vitest';
import { renderCodeEmail, type CodeEmailPurpose, type EmailBranding, type PoolAudience } from '../../shared/domain/emails.ts';
import { addressLanguage } from '../../shared/domain/language.ts';
import type { Contact } from '../../shared/domain/model.ts';
import type { PortalSettings } from '../../shared/domain/settings.ts';
import { CODE_EMAILS, poolMessage, type PoolMessageDeps } from '../../shared/services/pool-messages.ts';

const firm: EmailBranding = {
  firmName: 'Smith & Co',
  colour: '#12ab34',
  portalUrl: 'https://portal.smith.test',
  adminUrl: 'https://admin.smith.test',
};
const placeholders = { code: '{####}', username: '{username}' };

/** The words a person reads in the HTML: tags dropped, entities decoded. */
const readable = (html: string) =>
  html
    .replace(/<title>.*?<\/title>/s, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();

describe('the language of a code email to a customer, from the contacts with their address', () => {
  it('the contact their user is linked to decides, even against other contacts with the address', () => {
    const contacts = [
      { contactId: 'a', language: 'en' as const },
      { contactId: 'b', language: 'fr' as const },
    ];
    expect(addressLanguage(contacts, 'b')).toBe('fr');
    expect(addressLanguage(contacts, 'a')).toBe('en');
  });

  it('a linked contact that chose nothing leaves it to the firm, whatever other contacts chose', () => {
    expect(addressLanguage([{ contactId: 'a' }, { contactId: 'b', language: 'fr' }], 'a')).toBeUndefined();
  });

  it('without a link (a sign-up not yet confirmed), the contacts with the address decide when they agree', () => {
    expect(addressLanguage([{ contactId: 'a', language: 'fr' }])).toBe('fr');
    expect(addressLanguage([{ contactId: 'a', language: 'fr' }, { contactId: 'b' }, { contactId: 'c', language: 'fr' }])).toBe('fr');
    expect(addressLanguage([{ contactId: 'a', language: 'en' }], 'not-these')).toBe('en');
  });

  it('contacts that disagree, chose nothing, or do not exist leave it to the firm', () => {
    expect(addressLanguage([{ contactId: 'a', language: 'fr' }, { contactId: 'b', language: 'en' }])).toBeUndefined();
    expect(addressLanguage([{ contactId: 'a' }])).toBeUndefined();
    expect(addressLanguage([])).toBeUndefined();
  });
});

describe('which emails the trigger words', () => {
  it('every code email Cognito sends by email, by trigger source; anything else keeps Cognito\'s message', () => {
    expect(CODE_EMAILS).toEqual({
      CustomMessage_SignUp: 'confirmSignUp',
      CustomMessage_ResendCode: 'confirmSignUp',
      CustomMessage_ForgotPassword: 'resetPassword',
      CustomMessage_UpdateUserAttribute: 'verifyEmail',
      CustomMessage_VerifyUserAttribute: 'verifyEmail',
      CustomMessage_AdminCreateUser: 'invitation',
    });
  });
});

describe('a code email', () => {
  const purposes: CodeEmailPurpose[] = ['confirmSignUp', 'resetPassword', 'verifyEmail', 'invitation'];
  const cases = (['en', 'fr'] as const).flatMap((language) =>
    (['customer', 'staff'] as PoolAudience[]).flatMap((audience) => purposes.map((purpose) => [purpose, audience, language] as const)),
  );

  it.each(cases)('%s to %s in %s carries the code once, in the firm\'s name and branding, in its language', (purpose, audience, language) => {
    const { subject, html } = renderCodeEmail(purpose, audience, firm, language, placeholders);
    expect(html.split('{####}')).toHaveLength(2);
    expect(subject).toContain('Smith & Co');
    expect(html).toContain(`<html lang="${language}">`);
    expect(html).toContain('<span>Smith &amp; Co</span>');
    expect(html).toContain('background:#12ab34');
    expect(html.length).toBeLessThan(20_000); // Cognito's limit for a message
  });

  it.each(['customer', 'staff'] as const)('an invitation to %s names the user by Cognito\'s placeholder', (audience) => {
    for (const language of ['en', 'fr'] as const) {
      expect(renderCodeEmail('invitation', audience, firm, language, placeholders).html).toContain('<td>{username}</td>');
    }
  });

  it('says what the code is for, in English', () => {
    const words = (purpose: CodeEmailPurpose, audience: PoolAudience = 'customer') => {
      const { subject, html } = renderCodeEmail(purpose, audience, firm, 'en', placeholders);
      return `${subject} | ${readable(html)}`;
    };
    expect(words('confirmSignUp')).toBe(
      'Your verification code for the Smith & Co portal | Smith & Co Enter this verification code to confirm your email address and finish creating your account on the Smith & Co portal. Code {####} The code is valid for 24 hours. If you did not ask for this, ignore this email: nothing changes.',
    );
    expect(words('resetPassword')).toBe(
      'Your password reset code for the Smith & Co portal | Smith & Co Someone asked to reset the password of your account on the Smith & Co portal. Enter this code to choose a new password. Code {####} The code is valid for 1 hour. If you did not ask for this, ignore this email: nothing changes.',
    );
    expect(words('resetPassword', 'staff')).toMatch(/^Your password reset code for the Smith & Co portal administration \| /);
    expect(words('verifyEmail')).toBe(
      'Confirm your email address for the Smith & Co portal | Smith & Co Enter this code to confirm the email address of your account on the Smith & Co portal. Code {####} If you did not ask for this, ignore this email: nothing changes.',
    );
    expect(words('invitation')).toBe(
      'Smith & Co has opened a client portal for you | Smith & Co Smith & Co shares documents with you through a secure client portal. Portal https://portal.smith.test Sign-in email {username} Temporary password {####} Sign in with the temporary password; you will then choose your own password. The temporary password expires in 7 days. If it has expired, ask us to send a new invitation.',
    );
    expect(words('invitation', 'staff')).toBe(
      'You have been invited to the Smith & Co portal administration | Smith & Co You now have a staff account on the Smith & Co portal. Sign in https://admin.smith.test Email {username} Temporary password {####} At sign-in you choose your own password and set up an authenticator app (required).',
    );
  });

  it('says what the code is for, in French', () => {
    const words = (purpose: CodeEmailPurpose, audience: PoolAudience = 'customer') => {
      const { subject, html } = renderCodeEmail(purpose, audience, firm, 'fr', placeholders);
      return `${subject} | ${readable(html)}`;
    };
    expect(words('confirmSignUp')).toBe(
      'Votre code de vérification pour le portail Smith & Co | Smith & Co Saisissez ce code de vérification pour confirmer votre adresse e-mail et terminer la création de votre compte sur le portail Smith & Co. Code {####} Le code est valable 24 heures. Si vous n’êtes pas à l’origine de cette demande, ignorez cet e-mail : rien ne change.',
    );
    expect(words('resetPassword')).toBe(
      'Votre code de réinitialisation du mot de passe pour le portail Smith & Co | Smith & Co Une demande de réinitialisation du mot de passe de votre compte sur le portail Smith & Co a été faite. Saisissez ce code pour choisir un nouveau mot de passe. Code {####} Le code est valable 1 heure. Si vous n’êtes pas à l’origine de cette demande, ignorez cet e-mail : rien ne change.',
    );
    expect(words('resetPassword', 'staff')).toMatch(/^Votre code de réinitialisation du mot de passe pour l’administration du portail Smith & Co \| /);
    expect(words('verifyEmail')).toMatch(/^Confirmez votre adresse e-mail pour le portail Smith & Co \| Smith & Co Saisissez ce code pour confirmer l’adresse e-mail .* Code \{####\} Si vous/);
    expect(words('invitation')).toContain('Adresse de connexion {username} Mot de passe provisoire {####}');
    expect(words('invitation', 'staff')).toContain('Adresse e-mail {username} Mot de passe provisoire {####}');
  });

  it('what people typed (the firm\'s name) is escaped in the HTML, Cognito\'s placeholders are not', () => {
    const { html } = renderCodeEmail('confirmSignUp', 'customer', { ...firm, firmName: '<b>Evil</b>' }, 'en', placeholders);
    expect(html).not.toContain('<b>Evil</b>');
    expect(html).toContain('&lt;b&gt;Evil&lt;/b&gt;');
    expect(html).toContain('<td>{####}</td>');
  });
});

describe('what the trigger answers', () => {
  const contact = (over: Partial<Contact>): Contact =>
    ({ contactId: 'c1', kind: 'person', name: 'Ann', email: 'ann@x.test', responsibleStaff: [], organisationIds: [], archived: false, createdAt: '', createdBy: '', ...over }) as Contact;
  const deps = (over: { language?: 'en' | 'fr'; contacts?: Contact[]; audience?: PoolAudience } = {}): PoolMessageDeps & { findByEmail: ReturnType<typeof vi.fn> } => {
    const findByEmail = vi.fn(async () => over.contacts ?? []);
    return {
      audience: over.audience ?? 'customer',
      poolSendsThroughSes: true,
      config: { settings: async () => (over.language ? ({ language: over.language, branding: { firmName: 'Dupont Avocats' } } as PortalSettings) : undefined) },
      contacts: { findByEmail },
      firm: { firmName: 'Deploy Name', portalUrl: 'https://p.test', adminUrl: 'https://a.test' },
      findByEmail,
    };
  };
  const request = (triggerSource: string, userAttributes: Record<string, string> = { email: 'ann@x.test' }) => ({ triggerSource, codeParameter: '{####}', usernameParameter: null, userAttributes });

  it('a sign-up code in the firm\'s language, in its run-time name, when the address has no contact', async () => {
    const answer = await poolMessage(deps({ language: 'fr' }), request('CustomMessage_SignUp'));
    expect(answer?.emailSubject).toBe('Votre code de vérification pour le portail Dupont Avocats');
    expect(answer?.emailMessage).toContain('<td>{####}</td>');
  });

  it('English when the firm has chosen no language, in the deploy-time name', async () => {
    expect((await poolMessage(deps(), request('CustomMessage_ResendCode')))?.emailSubject).toBe('Your verification code for the Deploy Name portal');
  });

  it('the customer\'s own choice beats the firm\'s, looked up by their address', async () => {
    const d = deps({ language: 'fr', contacts: [contact({ contactId: 'c1', language: 'en' }), contact({ contactId: 'c2', language: 'fr' })] });
    const answer = await poolMessage(d, request('CustomMessage_ForgotPassword', { email: 'Ann@x.test', 'custom:contactId': 'c1' }));
    expect(answer?.emailSubject).toBe('Your password reset code for the Dupont Avocats portal');
    expect(d.findByEmail).toHaveBeenCalledWith('Ann@x.test');
    const french = deps({ contacts: [contact({ language: 'fr' })] });
    expect((await poolMessage(french, request('CustomMessage_ForgotPassword')))?.emailSubject).toBe('Votre code de réinitialisation du mot de passe pour le portail Deploy Name');
  });

  it('staff get the firm\'s language, and the administration\'s wording; no contact is looked up', async () => {
    const d = deps({ language: 'fr', audience: 'staff', contacts: [contact({ language: 'en' })] });
    const { contacts: _unused, ...staff } = d;
    const answer = await poolMessage(staff, request('CustomMessage_ForgotPassword'));
    expect(answer?.emailSubject).toBe('Votre code de réinitialisation du mot de passe pour l’administration du portail Dupont Avocats');
    expect(d.findByEmail).not.toHaveBeenCalled();
  });

  it('an invitation carries Cognito\'s user-name placeholder, the one it sends or its usual one', async () => {
    const sent = await poolMessage(deps(), { ...request('CustomMessage_AdminCreateUser'), usernameParameter: '{username}' });
    expect(sent?.emailMessage).toContain('<td>{username}</td>');
    const usual = await poolMessage(deps(), request('CustomMessage_AdminCreateUser'));
    expect(usual?.emailMessage).toContain('<td>{username}</td>');
    expect(usual?.emailMessage).toContain('<td>{####}</td>');
  });

  it('a message it does not word (the sign-in code of email MFA) is left to Cognito, with nothing read', async () => {
    const d = deps({ language: 'fr' });
    expect(await poolMessage(d, request('CustomMessage_Authentication'))).toBeUndefined();
    expect(d.findByEmail).not.toHaveBeenCalled();
  });

  it("a pool on Cognito's own sender keeps Cognito's message (it refuses a trigger's words there), with nothing read", async () => {
    const d = { ...deps({ language: 'fr' }), poolSendsThroughSes: false };
    for (const source of Object.keys(CODE_EMAILS)) expect(await poolMessage(d, request(source))).toBeUndefined();
    expect(d.findByEmail).not.toHaveBeenCalled();
  });

  it('no address, no lookup: the firm\'s language', async () => {
    const d = deps({ language: 'fr', contacts: [contact({ language: 'en' })] });
    expect((await poolMessage(d, request('CustomMessage_SignUp', {})))?.emailSubject).toMatch(/^Votre code/);
    expect(d.findByEmail).not.toHaveBeenCalled();
  });

  it('a failed lookup is reported, and the code still goes out (the firm\'s language, or English in the deploy-time name)', async () => {
    const failures: unknown[] = [];
    const contactsDown = { ...deps({ language: 'fr' }), findByEmail: undefined, contacts: { findByEmail: async () => Promise.reject(new Error('throttled')) }, onLookupFailed: (e: unknown) => failures.push(e) };
    expect((await poolMessage(contactsDown, request('CustomMessage_SignUp')))?.emailSubject).toMatch(/^Votre code de vérification pour le portail Dupont Avocats/);
    const settingsDown = { ...deps({ contacts: [] }), config: { settings: async () => Promise.reject(new Error('timeout')) }, onLookupFailed: (e: unknown) => failures.push(e) };
    expect((await poolMessage(settingsDown, request('CustomMessage_SignUp')))?.emailSubject).toBe('Your verification code for the Deploy Name portal');
    expect(failures.map((e) => (e as Error).message)).toEqual(['throttled', 'timeout']);
    // Without anyone to tell, it still goes out.
    const { onLookupFailed: _none, ...silent } = settingsDown;
    expect(await poolMessage(silent, request('CustomMessage_SignUp'))).toBeDefined();
  });
});
