/**
 * The UIs' languages: one i18next instance per UI, holding the common catalogue and the UI's own,
 * both languages bundled (a few kilobytes each), so switching never waits for a download.
 *
 * Which language shows: the person's own choice, remembered in this browser; else the choice their
 * account keeps (a customer's, made on another device or by staff on the contact); else the first
 * of the browser's languages we speak; else the firm's default; else English. The account's and
 * the firm's are known once the API has answered.
 */
import i18next, { type i18n as I18n, type Resource } from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { apiErrorsFr } from './locales/api-errors.fr.ts';
import { commonEn } from './locales/en.ts';
import { commonFr } from './locales/fr.ts';

export const LANGUAGES = ['en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language named in itself, as a switch shows it. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', fr: 'Français' };

const CHOICE_KEY = 'portico.language';

export const isLanguage = (value: unknown): value is Language => typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);

/** A nested catalogue of messages; plural forms are sibling keys with i18next's suffixes (`_one`, `_many`, `_other`). */
export interface Catalogue {
  [key: string]: string | Catalogue;
}

/** The language this browser chose explicitly, if any (storage may be blocked: then nothing is remembered). */
export function rememberedLanguage(): Language | undefined {
  try {
    const stored = localStorage.getItem(CHOICE_KEY);
    return isLanguage(stored) ? stored : undefined;
  } catch {
    return undefined;
  }
}

/** The first of the browser's preferred languages that we speak ("fr-CA" counts as French). */
export function browserLanguage(preferred: readonly string[] = navigator.languages ?? [navigator.language]): Language | undefined {
  return preferred.map((tag) => tag.slice(0, 2).toLowerCase()).find(isLanguage);
}

/** The precedence in one place: remembered choice > the account's choice > browser > firm default > English. */
export function chooseLanguage(sources: { remembered?: Language; account?: unknown; browser?: Language; firmDefault?: unknown }): Language {
  const known = (value: unknown) => (isLanguage(value) ? value : undefined);
  return sources.remembered ?? known(sources.account) ?? sources.browser ?? known(sources.firmDefault) ?? 'en';
}

let instance: I18n | undefined;

/** Starts the UI's i18next with the common catalogue and the app's own; call once, before the first render. */
export function startI18n(app: { en: Catalogue; fr: Catalogue }): I18n {
  const resources: Resource = {
    en: { translation: { common: commonEn, ...app.en } },
    fr: { translation: { common: commonFr, apiErrors: apiErrorsFr, ...app.fr } },
  };
  instance = i18next.createInstance();
  instance.use(initReactI18next);
  instance.on('languageChanged', (language) => {
    document.documentElement.lang = language;
    // The tab's own name until the firm's is known (useTabTitle then names the firm, after this render).
    document.title = instance!.t('documentTitle');
  });
  void instance.init({
    resources,
    lng: chooseLanguage({ remembered: rememberedLanguage(), browser: browserLanguage() }),
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    // React escapes what it renders; escaping here too would show "&amp;" in names.
    interpolation: { escapeValue: false },
    // The resources are in the bundle: initialise synchronously, so the first render is already translated.
    initAsync: false,
    returnEmptyString: false,
  });
  return instance;
}

function i18n(): I18n {
  if (!instance) throw new Error('startI18n must run before the UI renders.');
  return instance;
}

/** The language on screen ("en" before the UI has started its i18n). */
export const activeLanguage = (): Language => (isLanguage(instance?.language) ? (instance.language as Language) : 'en');

/** The person switches language: it shows at once and is remembered in this browser. */
export function chooseLanguageExplicitly(language: Language): void {
  try {
    localStorage.setItem(CHOICE_KEY, language);
  } catch {
    // Storage blocked: the switch still applies to this visit.
  }
  void i18n().changeLanguage(language);
}

/** What the API says, once it has answered: the account's own choice (customers) and the firm's default. */
export function applyServerLanguages(server: { account?: unknown; firmDefault?: unknown }): void {
  const language = chooseLanguage({ remembered: rememberedLanguage(), browser: browserLanguage(), ...server });
  if (language !== i18n().language) void i18n().changeLanguage(language);
}

/**
 * The locale dates and numbers are formatted in: the browser's own variant of the active language
 * when it has one ("en-GB" writes 12 Mar 2026, "fr-CA" its own way), else the language itself.
 */
export function formattingLocale(language: Language = activeLanguage()): string {
  const preferred = typeof navigator === 'undefined' ? [] : (navigator.languages ?? []);
  return preferred.find((tag) => tag.slice(0, 2).toLowerCase() === language) ?? language;
}

/** `t` and the locale to format with, re-rendering the component when the language changes. */
export function useI18n() {
  const { t, i18n: current } = useTranslation();
  const language: Language = isLanguage(current.language) ? current.language : 'en';
  return { t, language, locale: formattingLocale(language) };
}
