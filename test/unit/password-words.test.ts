/** The portal words a password's shortcomings as the hosted login does in English, and in French. */
import i18next, { type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { commonEn } from '../../web/common/locales/en.ts';
import { commonFr } from '../../web/common/locales/fr.ts';
import { describePolicy, passwordProblem, type PasswordPolicy } from '../../web/common/password-policy.ts';
import { describePolicyIn, passwordProblemIn } from '../../web/common/password-words.ts';

function tIn(language: 'en' | 'fr'): TFunction {
  const i18n = i18next.createInstance();
  void i18n.init({ resources: { en: { translation: { common: commonEn } }, fr: { translation: { common: commonFr } } }, lng: language, initAsync: false, interpolation: { escapeValue: false } });
  return i18n.t;
}

const policy: PasswordPolicy = { MinimumLength: 12, RequireUppercase: true, RequireLowercase: true, RequireNumbers: true, RequireSymbols: true };

describe('password words', () => {
  it('in English, exactly the hosted login\'s sentences', () => {
    const t = tIn('en');
    for (const password of ['weak', ' Abcdefghijk1! ', 'abc', '']) expect(passwordProblemIn(policy, password, t)).toBe(passwordProblem(policy, password));
    expect(describePolicyIn(policy, t, 'en')).toBe(`${describePolicy(policy).replace(/^./, (c) => c.toUpperCase())}.`);
  });

  it('in French, every shortcoming in one sentence', () => {
    const t = tIn('fr');
    expect(passwordProblemIn(policy, 'weak', t)).toBe(
      "Ce mot de passe n'est pas assez robuste. Il lui faut au moins 12 caractères (celui-ci en compte 4), une lettre majuscule, un chiffre et un symbole (par exemple ! ou -).",
    );
    expect(describePolicyIn(policy, t, 'fr')).toMatch(/^Au moins 12 caractères, avec une lettre majuscule, une lettre minuscule, un chiffre et un symbole/);
    expect(passwordProblemIn(policy, 'Abcdefghijk1!', t)).toBeUndefined();
  });
});
