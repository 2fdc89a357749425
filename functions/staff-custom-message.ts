import type { CustomMessageTriggerEvent } from 'aws-lambda';
import { adminUrl, configStore, firm } from '#shared/adapters/index';
import { logger, observed } from '#shared/adapters/observability';
import { requireEnv } from '#shared/env';
import { poolMessage } from '#shared/services/pool-messages';

const deps = {
  audience: 'staff' as const,
  poolSendsThroughSes: requireEnv('POOL_MAIL_THROUGH_SES') === 'true',
  config: configStore(),
  firm: { ...firm(), adminUrl: adminUrl() },
  onLookupFailed: (error: unknown) => logger.warn('settings lookup failed; the code goes out in the default language', error instanceof Error ? error : String(error)),
};

/** Cognito's codes to staff (password reset) in the firm's language, as every staff email. */
export const handler = observed(async (event: CustomMessageTriggerEvent): Promise<CustomMessageTriggerEvent> => {
  const message = await poolMessage(deps, { ...event.request, triggerSource: event.triggerSource });
  if (message) Object.assign(event.response, message);
  return event;
});
