import type { PostAuthenticationTriggerEvent } from 'aws-lambda';
import { contactStore } from '#shared/adapters/index';
import { count, observed } from '#shared/adapters/observability';
import { recordSignIn } from '#shared/services/portal-access';

const contacts = contactStore();

/** Every customer sign-in: the first moves `invited` to `active`; a closed access is refused. */
export const handler = observed(async (event: PostAuthenticationTriggerEvent): Promise<PostAuthenticationTriggerEvent> => {
  const attributes = event.request.userAttributes;
  try {
    await recordSignIn(contacts, attributes['custom:contactId'], attributes.sub);
  } catch (error) {
    // Logged with its reason by `observed`; Cognito shows the person the message.
    count('SignInsRefused');
    throw error;
  }
  return event;
});
