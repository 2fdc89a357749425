import type { PostAuthenticationTriggerEvent } from 'aws-lambda';
import { contactStore } from '#shared/adapters/index';
import { recordSignIn } from '#shared/services/portal-access';

const contacts = contactStore();

/** Every customer sign-in: the first moves `invited` to `active`; a closed access is refused. */
export const handler = async (event: PostAuthenticationTriggerEvent): Promise<PostAuthenticationTriggerEvent> => {
  const attributes = event.request.userAttributes;
  await recordSignIn(contacts, attributes['custom:contactId'], attributes.sub);
  return event;
};
