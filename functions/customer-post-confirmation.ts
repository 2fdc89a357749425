import type { PostConfirmationTriggerEvent } from 'aws-lambda';
import { contactStore, mailer } from '#shared/adapters/index';
import { CognitoCustomerDirectory } from '#shared/adapters/customer-directory';
import { requireEnv } from '#shared/env';
import { registerSelfSignUp } from '#shared/services/self-sign-up';

const deps = { contacts: contactStore(), mailer: mailer(), firmName: requireEnv('FIRM_NAME'), staffInbox: requireEnv('STAFF_INBOX') };

/** A self-registered customer becomes a contact with active access, linked through custom:contactId. */
export const handler = async (event: PostConfirmationTriggerEvent): Promise<PostConfirmationTriggerEvent> => {
  if (event.triggerSource !== 'PostConfirmation_ConfirmSignUp') return event;
  const attributes = event.request.userAttributes;
  await registerSelfSignUp(
    { ...deps, directory: new CognitoCustomerDirectory(event.userPoolId) },
    { username: event.userName, sub: attributes.sub, email: attributes.email, name: attributes.name ?? attributes.email },
  );
  return event;
};
