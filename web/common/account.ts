/**
 * The signed-in user's own account, through Cognito's user-pools API with their access token, as
 * Cognito takes these calls from a browser (JSON, the operation in X-Amz-Target, no AWS signature):
 * change the password, and set up an authenticator app for sign-in codes.
 */
import { accessToken } from './auth.ts';
import { loadConfig, type WebConfig } from './config.ts';
import type { PasswordNeed } from './password-policy.ts';
import { UiError } from './ui-error.ts';

/** A refusal from Cognito, with a message a person can act on (its catalogue key, and the English). */
export class AccountError extends UiError {
  constructor(
    readonly type: string,
    reason: Reason,
  ) {
    super(`common.account.${reason.key}`, reason.english, reason.values);
  }
}

interface Reason {
  key: string;
  english: string;
  values?: Record<string, unknown>;
}

/**
 * Where Cognito's API is: the config's `cognitoUrl`; else, for a Cognito hosted-login domain
 * (`https://<prefix>.auth.<region>.amazoncognito.com`), that region's endpoint; else the login URL
 * itself (the local hosted login answers these calls in front of cognito-local).
 */
export function cognitoEndpoint(config: Pick<WebConfig, 'cognitoUrl' | 'loginUrl'>): string {
  if (config.cognitoUrl) return config.cognitoUrl.replace(/\/?$/, '/');
  const region = /^https:\/\/[^/]+\.auth\.([a-z0-9-]+)\.amazoncognito\.com\/?$/.exec(config.loginUrl)?.[1];
  return region ? `https://cognito-idp.${region}.amazonaws.com/` : `${config.loginUrl.replace(/\/+$/, '')}/`;
}

/** What Cognito says when a new password breaks the policy, as the need it names (see password-policy.ts). */
const POLICY_REASONS: [RegExp, PasswordNeed['kind'] | 'more'][] = [
  [/long enough/i, 'more'],
  [/uppercase/i, 'upper'],
  [/lowercase/i, 'lower'],
  [/numeric/i, 'number'],
  [/symbol/i, 'symbol'],
];

function reasonFor(type: string, message: string): Reason {
  if (type === 'InvalidPasswordException') {
    const need = POLICY_REASONS.find(([pattern]) => pattern.test(message))?.[1];
    return need
      ? { key: `weakPassword.${need}`, english: 'This new password is not strong enough.' }
      : { key: 'passwordRefused', english: 'This new password is not accepted. Choose a longer one with letters, numbers and symbols.' };
  }
  if (type === 'NotAuthorizedException') {
    if (/incorrect username or password/i.test(message)) return { key: 'wrongPassword', english: 'Your current password is not right. Type the password you signed in with.' };
    if (/scope/i.test(message)) return { key: 'noAccountScope', english: "This portal's sign-in does not allow account changes yet. Please tell the firm." };
    return { key: 'expired', english: 'Your sign-in has expired. Sign out, sign in again, then try once more.' };
  }
  if (type === 'CodeMismatchException' || type === 'EnableSoftwareTokenMFAException') return { key: 'wrongCode', english: 'That code is not right. Enter the 6-digit code your authenticator app shows now.' };
  if (type === 'LimitExceededException' || type === 'TooManyRequestsException' || type === 'TooManyFailedAttemptsException') return { key: 'tooManyAttempts', english: 'Too many attempts. Wait a few minutes, then try again.' };
  // Cognito's own words, in English, beat a vague message in the reader's language.
  return message ? { key: 'cognitoSays', english: message, values: { message } } : { key: 'generic', english: 'Something went wrong. Please try again.' };
}

async function call<T>(operation: string, body: Record<string, unknown>): Promise<T> {
  const [config, token] = await Promise.all([loadConfig(), accessToken()]);
  if (!token) throw new AccountError('NoAccessToken', { key: 'tokenTooOld', english: 'Your sign-in is too old for account changes. Sign out, sign in again, then try once more.' });
  let res: Response;
  try {
    res = await fetch(cognitoEndpoint(config), {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSCognitoIdentityProviderService.${operation}` },
      body: JSON.stringify({ ...body, AccessToken: token }),
    });
  } catch {
    throw new AccountError('Network', { key: 'unreachable', english: 'The sign-in service could not be reached. Check your connection and try again.' });
  }
  const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (!res.ok) {
    // Cognito names the error in __type, sometimes behind a namespace ("…#NotAuthorizedException").
    const type = String(json.__type ?? 'Error').split('#').pop()!;
    throw new AccountError(type, reasonFor(type, String(json.message ?? json.Message ?? '')));
  }
  return json as T;
}

export async function changePassword(current: string, proposed: string): Promise<void> {
  await call('ChangePassword', { PreviousPassword: current, ProposedPassword: proposed });
}

/** Whether sign-in already asks for a code from an authenticator app. */
export async function authenticatorEnabled(): Promise<boolean> {
  const user = await call<{ UserMFASettingList?: string[]; PreferredMfaSetting?: string }>('GetUser', {});
  return !!user.UserMFASettingList?.includes('SOFTWARE_TOKEN_MFA');
}

/** Starts authenticator set-up: the secret key the app needs (base32). */
export async function startAuthenticatorSetUp(): Promise<string> {
  const { SecretCode } = await call<{ SecretCode: string }>('AssociateSoftwareToken', {});
  return SecretCode;
}

/** The link an authenticator app opens to add the key (the otpauth URI format every app reads). */
export function otpauthUri(secret: string, account: string, issuer: string): string {
  const e = encodeURIComponent;
  return `otpauth://totp/${e(issuer)}:${e(account)}?secret=${e(secret)}&issuer=${e(issuer)}&algorithm=SHA1&digits=6&period=30`;
}

/** Proves the app has the key, then makes sign-in ask for its code. */
export async function finishAuthenticatorSetUp(code: string): Promise<void> {
  const verified = await call<{ Status?: string }>('VerifySoftwareToken', { UserCode: code, FriendlyDeviceName: 'Authenticator app' });
  if (verified.Status !== 'SUCCESS') throw new AccountError('CodeMismatchException', reasonFor('CodeMismatchException', ''));
  await call('SetUserMFAPreference', { SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } });
}
