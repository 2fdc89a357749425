import type { PreSignUpTriggerEvent } from 'aws-lambda';
import { configStore, firm } from '#shared/adapters/index';
import { count, observed } from '#shared/adapters/observability';
import { requireEnv } from '#shared/env';
import { admitSelfSignUp } from '#shared/services/self-sign-up';
import { currentSettings } from '#shared/services/settings';

const poolAllowsSignUp = requireEnv('SELF_SIGN_UP') === 'true';
const config = configStore();
const firmInfo = firm();

/** Refuses a self sign-up unless it is switched on and a seat is left; the hosted login shows the message. */
export const handler = observed(async (event: PreSignUpTriggerEvent): Promise<PreSignUpTriggerEvent> => {
  // Users that staff create (AdminCreateUser) are not sign-ups and take their seat when access opens.
  if (event.triggerSource !== 'PreSignUp_SignUp') return event;
  try {
    await admitSelfSignUp(config, await currentSettings({ config, ...firmInfo }), poolAllowsSignUp);
  } catch (error) {
    // Logged with its reason by `observed`; Cognito shows the person the message.
    count('SignUpsRefused');
    throw error;
  }
  return event;
});
