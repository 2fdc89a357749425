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

/**
 * The language a customer chose, as far as the contacts with their email address tell (Cognito's
 * own emails know only the address): the contact their user is linked to decides, choice or none;
 * without a link (a sign-up not yet confirmed), the one language those contacts chose, if they
 * agree; undefined when nobody chose or they disagree, so the firm's default applies.
 */
export function addressLanguage(contacts: { contactId: string; language?: Language }[], linkedContactId?: string): Language | undefined {
  const linked = contacts.find((c) => c.contactId === linkedContactId);
  if (linked) return linked.language;
  const chosen = new Set(contacts.flatMap((c) => (c.language ? [c.language] : [])));
  return chosen.size === 1 ? [...chosen][0] : undefined;
}
