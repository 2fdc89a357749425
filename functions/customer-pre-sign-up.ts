import type { PreSignUpTriggerEvent } from 'aws-lambda';
import { requireEnv } from '#shared/env';

const selfSignUp = requireEnv('SELF_SIGN_UP') === 'true';
const firmName = requireEnv('FIRM_NAME');

/** Refuses self sign-up unless the firm allows it; the hosted login shows this message. */
export const handler = async (event: PreSignUpTriggerEvent): Promise<PreSignUpTriggerEvent> => {
  if (event.triggerSource === 'PreSignUp_SignUp' && !selfSignUp) {
    throw new Error(`Sign-up is not open. Please contact ${firmName} to get access to the portal.`);
  }
  return event;
};
