import type { CustomMessageTriggerEvent } from 'aws-lambda';
import { adminUrl, configStore, contactStore, firm } from '#shared/adapters/index';
import { logger, observed } from '#shared/adapters/observability';
import { requireEnv } from '#shared/env';
import { poolMessage } from '#shared/services/pool-messages';

const deps = {
  audience: 'customer' as const,
  poolSendsThroughSes: requireEnv('POOL_MAIL_THROUGH_SES') === 'true',
  config: configStore(),
  contacts: contactStore(),
  firm: { ...firm(), adminUrl: adminUrl() },
  onLookupFailed: (error: unknown) => logger.warn('language lookup failed; the code goes out in the default language', error instanceof Error ? error : String(error)),
};

/** Cognito's codes to customers (sign-up, resend, password reset) in the customer's or the firm's language. */
export const handler = observed(async (event: CustomMessageTriggerEvent): Promise<CustomMessageTriggerEvent> => {
  const message = await poolMessage(deps, { ...event.request, triggerSource: event.triggerSource });
  if (message) Object.assign(event.response, message);
  return event;
});
