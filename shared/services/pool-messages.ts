/**
 * Cognito's own emails (codes for sign-up, password resets and address changes) in the language
 * of whom they go to, worded from the email catalogues: the pools' CustomMessage trigger asks for
 * the subject and the HTML, with Cognito's placeholders in them, and Cognito puts the code in.
 * A customer's language is the one they chose (known by their address), else the firm's default,
 * else English; staff get the firm's default, as with every staff email.
 */
import { renderCodeEmail, type CodeEmailPurpose, type PoolAudience } from '../domain/emails.ts';
import { addressLanguage, emailLanguage } from '../domain/language.ts';
import type { ConfigStore, ContactStore } from '../domain/ports.ts';
import { currentBranding } from './email-delivery.ts';

/** The emails Cognito asks the trigger to word, by trigger source; any other source keeps Cognito's default message. */
export const CODE_EMAILS: Readonly<Record<string, CodeEmailPurpose>> = {
  CustomMessage_SignUp: 'confirmSignUp',
  CustomMessage_ResendCode: 'confirmSignUp',
  CustomMessage_ForgotPassword: 'resetPassword',
  CustomMessage_UpdateUserAttribute: 'verifyEmail',
  CustomMessage_VerifyUserAttribute: 'verifyEmail',
  CustomMessage_AdminCreateUser: 'invitation',
};

/** Cognito's placeholder for the user name, which it sends only with an invitation. */
const USERNAME_PARAMETER = '{username}';

export interface PoolMessageDeps {
  audience: PoolAudience;
  /**
   * Whether the pool sends its emails through SES (EmailSendingAccount DEVELOPER). Cognito accepts
   * a trigger's subject and message only then; from its own sender it refuses them
   * (InvalidLambdaResponseException), which would fail the sign-up or reset, so the trigger leaves
   * its default words until `portico:poolMailThroughSes` is on.
   */
  poolSendsThroughSes: boolean;
  config: Pick<ConfigStore, 'settings'>;
  /** The deploy-time firm name and addresses, where the settings set none. */
  firm: { firmName: string; portalUrl: string; adminUrl: string };
  /** The customers' pool only: a customer's chosen language is on their contact. */
  contacts?: Pick<ContactStore, 'findByEmail'>;
  /**
   * Told when the settings or contacts could not be read: the code still goes out (in the firm's
   * name and English at worst), since failing the trigger would fail the person's sign-up or reset.
   */
  onLookupFailed?: (error: unknown) => void;
}

/** What Cognito's CustomMessage event carries that the words depend on. */
export interface PoolMessageRequest {
  triggerSource: string;
  codeParameter: string;
  usernameParameter?: string | null;
  userAttributes: Record<string, string | undefined>;
}

/** The subject and HTML body for Cognito to send, or undefined to leave Cognito's own message. */
export async function poolMessage(deps: PoolMessageDeps, request: PoolMessageRequest): Promise<{ emailSubject: string; emailMessage: string } | undefined> {
  const purpose = CODE_EMAILS[request.triggerSource];
  if (!purpose || !deps.poolSendsThroughSes) return undefined;
  const failed = <T>(fallback: T) => (error: unknown) => (deps.onLookupFailed?.(error), fallback);
  const config = { settings: () => deps.config.settings().catch(failed(undefined)) };
  const email = request.userAttributes.email;
  const [branding, contacts] = await Promise.all([
    currentBranding({ config, ...deps.firm }),
    deps.contacts && email ? deps.contacts.findByEmail(email).catch(failed([])) : [],
  ]);
  const chosen = addressLanguage(contacts, request.userAttributes['custom:contactId']);
  const { subject, html } = renderCodeEmail(purpose, deps.audience, branding, emailLanguage(chosen, branding.language), {
    code: request.codeParameter,
    username: request.usernameParameter ?? USERNAME_PARAMETER,
  });
  return { emailSubject: subject, emailMessage: html };
}
