/**
 * The default roles of links between contacts are stored as ids and shown in the reader's
 * language in the admin UI; a role an admin added is shown as written (issue 11 §3).
 */
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ROLES, isDefaultRole } from '../../shared/domain/roles.ts';
import { adminEn } from '../../web/admin/locales/en.ts';
import { adminFr } from '../../web/admin/locales/fr.ts';
import { roleWords } from '../../web/admin/components/roleWords.ts';

const reader = (language: 'en' | 'fr') => {
  const instance = i18next.createInstance();
  void instance.init({ lng: language, resources: { en: { translation: adminEn }, fr: { translation: adminFr } }, initAsync: false });
  return instance.t;
};

describe('default roles', () => {
  it('a firm starts with these roles, by id', () => {
    expect(DEFAULT_ROLES).toEqual(['partner', 'director', 'employee', 'accountant', 'lawyer', 'assistant']);
  });

  it('only the defaults are translated; a role an admin added, or one that merely contains a default, is not', () => {
    for (const role of DEFAULT_ROLES) expect(isDefaultRole(role)).toBe(true);
    for (const role of ['auditor', 'partners', 'Partner', '', 'heading']) expect(isDefaultRole(role)).toBe(false);
  });

  it('the admin UI shows each default in French, and in English as it is stored', () => {
    const fr = reader('fr');
    expect(DEFAULT_ROLES.map((r) => roleWords(r, fr))).toEqual(['associé', 'dirigeant', 'salarié', 'comptable', 'avocat', 'assistant']);
    const en = reader('en');
    expect(DEFAULT_ROLES.map((r) => roleWords(r, en))).toEqual(DEFAULT_ROLES);
  });

  it("a role an admin added is shown as written, even one named like a catalogue key", () => {
    const fr = reader('fr');
    expect(roleWords('commissaire aux comptes', fr)).toBe('commissaire aux comptes');
    expect(roleWords('heading', fr)).toBe('heading');
  });
});
