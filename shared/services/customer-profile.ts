/** What a customer may change about themselves in the portal. */
import type { Language } from '../domain/language.ts';
import type { CustomerPrincipal } from '../domain/model.ts';
import type { ContactStore } from '../domain/ports.ts';
import { notFound } from '../errors.ts';

/** The language of the customer's emails from now on (the portal already speaks it). */
export async function chooseLanguage(deps: { contacts: ContactStore }, customer: CustomerPrincipal, language: Language): Promise<{ language: Language }> {
  if (!(await deps.contacts.updateDetails(customer.contactId, { language }))) throw notFound('contact');
  return { language };
}
