/**
 * The UIs' message catalogues: French says everything English says, with the same placeholders
 * and markup, and every plural form each language needs. A key added in English only fails here.
 */
import { describe, expect, it } from 'vitest';
import { adminEn } from '../../web/admin/locales/en.ts';
import { adminFr } from '../../web/admin/locales/fr.ts';
import { apiErrorsFr } from '../../web/common/locales/api-errors.fr.ts';
import { commonEn } from '../../web/common/locales/en.ts';
import { commonFr } from '../../web/common/locales/fr.ts';
import type { Catalogue } from '../../web/common/i18n.ts';
import { portalEn } from '../../web/portal/locales/en.ts';
import { portalFr } from '../../web/portal/locales/fr.ts';

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** Every message by its dotted key. */
function flatten(catalogue: Catalogue, prefix = ''): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    if (typeof value === 'string') flat.set(prefix + key, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) flat.set(k, v);
  }
  return flat;
}

/** Keys as code asks for them: "shares.added_one" and "shares.added_other" are both "shares.added". */
const baseKeys = (flat: Map<string, string>) => new Set([...flat.keys()].map((k) => k.replace(PLURAL_SUFFIX, '')));
const placeholders = (message: string) => [...message.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
const tags = (message: string) => [...message.matchAll(/<\/?(\w+)\s*\/?>/g)].map((m) => m[0]).sort();

const catalogues = [
  { name: 'common', en: commonEn, fr: commonFr },
  { name: 'portal', en: portalEn, fr: portalFr },
  { name: 'admin', en: adminEn, fr: adminFr },
];

describe.each(catalogues)('the $name catalogue', ({ en, fr }) => {
  const flatEn = flatten(en);
  const flatFr = flatten(fr);

  it('has a French message for every English one, and none English lacks', () => {
    const missingInFrench = [...baseKeys(flatEn)].filter((k) => !baseKeys(flatFr).has(k));
    const onlyInFrench = [...baseKeys(flatFr)].filter((k) => !baseKeys(flatEn).has(k));
    expect({ missingInFrench, onlyInFrench }).toEqual({ missingInFrench: [], onlyInFrench: [] });
  });

  it('has no empty message', () => {
    const empty = [...flatEn, ...flatFr].filter(([, message]) => !message.trim()).map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it('uses the same placeholders and markup in both languages', () => {
    const differences = [...flatFr].flatMap(([key, french]) => {
      const base = key.replace(PLURAL_SUFFIX, '');
      const english = flatEn.get(key) ?? flatEn.get(`${base}_other`) ?? flatEn.get(base) ?? '';
      // A plural's count may be spelt out in the singular ("la personne est prévenue"), so {{count}} is not compared.
      const without = (names: string[]) => names.filter((n) => !(PLURAL_SUFFIX.test(key) && n === 'count'));
      const same = JSON.stringify(without(placeholders(french))) === JSON.stringify(without(placeholders(english))) && JSON.stringify(tags(french)) === JSON.stringify(tags(english));
      return same ? [] : [{ key, english, french }];
    });
    expect(differences).toEqual([]);
  });

  it.each([
    ['English', 'en', flatEn],
    ['French', 'fr', flatFr],
  ] as const)('has every plural form %s needs (French: 0 and 1 are singular)', (_, language, flat) => {
    const forms = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
    const plurals = new Set([...flat.keys()].filter((k) => PLURAL_SUFFIX.test(k)).map((k) => k.replace(PLURAL_SUFFIX, '')));
    const missing = [...plurals].flatMap((base) => forms.filter((form) => !flat.has(`${base}_${form}`)).map((form) => `${base}_${form}`));
    expect(missing).toEqual([]);
  });
});

describe('the API refusals in French', () => {
  it('are all worded, with no placeholder but the status', () => {
    for (const [code, message] of flatten(apiErrorsFr)) {
      expect(message.trim(), code).not.toBe('');
      expect(placeholders(message).filter((p) => p !== 'status'), code).toEqual([]);
    }
  });
});

describe('French plural rules as the catalogues rely on them', () => {
  it('zero and one take the singular form', () => {
    const rules = new Intl.PluralRules('fr');
    expect([0, 1, 2].map((n) => rules.select(n))).toEqual(['one', 'one', 'other']);
  });
});
