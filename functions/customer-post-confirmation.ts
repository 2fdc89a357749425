import type { PostConfirmationTriggerEvent } from 'aws-lambda';
import { auditLog, configStore, contactStore, firm, outbox, transactions } from '#shared/adapters/index';
import { CognitoCustomerDirectory } from '#shared/adapters/customer-directory';
import { logger, observed } from '#shared/adapters/observability';
import { requireEnv } from '#shared/env';
import { registerSelfSignUp } from '#shared/services/self-sign-up';
import { currentSettings } from '#shared/services/settings';

const config = configStore();
const firmInfo = firm();
const deps = { contacts: contactStore(), outbox: outbox(), audit: auditLog(), transactions: transactions(), staffInbox: requireEnv('STAFF_INBOX') };

/** A self-registered customer becomes a contact with active access, linked through custom:contactId. */
export const handler = observed(async (event: PostConfirmationTriggerEvent): Promise<PostConfirmationTriggerEvent> => {
  if (event.triggerSource !== 'PostConfirmation_ConfirmSignUp') return event;
  const attributes = event.request.userAttributes;
  const settings = await currentSettings({ config, ...firmInfo });
  await registerSelfSignUp(
    // The pool id comes with the event: the trigger cannot be told its own pool without a cycle.
    { ...deps, directory: new CognitoCustomerDirectory(event.userPoolId) },
    { username: event.userName, sub: attributes.sub, email: attributes.email, name: attributes.name ?? attributes.email },
    settings.selfSignUp.accessType,
  );
  logger.info('self sign-up registered', { username: event.userName });
  return event;
});
