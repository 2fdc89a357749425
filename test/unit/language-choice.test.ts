/** Which language a UI shows: the person's choice, then their browser, then the firm's default, then English. */
import { describe, expect, it } from 'vitest';
import { browserLanguage, chooseLanguage } from '../../web/common/i18n.ts';

describe('the language a UI shows', () => {
  it('a remembered choice beats the browser and the firm', () => {
    expect(chooseLanguage({ remembered: 'en', browser: 'fr', firmDefault: 'fr' })).toBe('en');
  });

  it("the account's choice (another device, or staff on the contact) beats the browser, not this browser's own choice", () => {
    expect(chooseLanguage({ account: 'fr', browser: 'en', firmDefault: 'en' })).toBe('fr');
    expect(chooseLanguage({ remembered: 'en', account: 'fr' })).toBe('en');
  });

  it('without a choice, the browser beats the firm', () => {
    expect(chooseLanguage({ browser: 'fr', firmDefault: 'en' })).toBe('fr');
  });

  it("without a choice or a browser language we speak, the firm's default applies", () => {
    expect(chooseLanguage({ firmDefault: 'fr' })).toBe('fr');
  });

  it('an unknown or missing firm default falls back to English', () => {
    expect(chooseLanguage({ firmDefault: 'de' })).toBe('en');
    expect(chooseLanguage({})).toBe('en');
  });

  it("the browser's first language we speak counts, whatever its region", () => {
    expect(browserLanguage(['de-DE', 'fr-CA', 'en-GB'])).toBe('fr');
    expect(browserLanguage(['EN-us'])).toBe('en');
    expect(browserLanguage(['de-DE', 'it'])).toBeUndefined();
  });
});
