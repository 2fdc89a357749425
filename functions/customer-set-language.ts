import * as z from '#shared/zod';
import { contactStore } from '#shared/adapters/index';
import { LANGUAGES } from '#shared/domain/language';
import { customerRoute } from '#shared/http/route';
import { chooseLanguage } from '#shared/services/customer-profile';

const deps = { contacts: contactStore() };

/** The customer chose a language in the portal: their emails follow it. */
export const handler = customerRoute({ body: z.strictObject({ language: z.enum(LANGUAGES) }) }, async ({ body, caller }) => ({
  body: await chooseLanguage(deps, caller, body.language),
}));
