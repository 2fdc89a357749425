/**
 * The languages the portal speaks. A customer's emails go out in the language they chose (in the
 * portal, or staff set on the contact), else in the firm's default language (a setting); staff
 * emails in the firm's default language.
 */
export const LANGUAGES = ['en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The firm's default language until an admin sets one. */
export const DEFAULT_LANGUAGE: Language = 'en';

/** The language an email to this recipient is written in. */
export function emailLanguage(recipientChoice: Language | undefined, firmDefault: Language | undefined): Language {
  return recipientChoice ?? firmDefault ?? DEFAULT_LANGUAGE;
}
