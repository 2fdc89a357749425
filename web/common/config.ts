/**
 * What a web UI needs to know about the stack it talks to. It is not built into the bundle: the
 * stack writes `/config.json` next to the UI at deploy time (and the local cloud serves its own),
 * so one build runs against any deployment.
 */
import type { PasswordPolicy } from './password-policy.ts';
import { UiError } from './ui-error.ts';

export interface WebConfig {
  /** The HTTP API this UI may call (the staff API for the admin UI, the customer API for the portal). */
  apiUrl: string;
  /** The pool's web client: authorization code with PKCE, no secret. */
  clientId: string;
  /** Base URL of the pool's hosted login (Cognito's domain in AWS, the local stand-in locally). */
  loginUrl: string;
  /**
   * Cognito's user-pools API, for the signed-in user's own account calls (`https://cognito-idp.<region>.amazonaws.com/`).
   * Optional: without it, it is worked out from `loginUrl` (see account.ts).
   */
  cognitoUrl?: string;
  /** The pool's MFA setting as the template declares it; the portal offers authenticator set-up only when it is `OPTIONAL`. */
  mfaConfiguration?: 'OFF' | 'OPTIONAL' | 'ON';
  /** The pool's password policy as the template declares it, so a new password is checked before it is sent. */
  passwordPolicy?: PasswordPolicy;
}

let loaded: Promise<WebConfig> | undefined;

export function loadConfig(): Promise<WebConfig> {
  loaded ??= fetch('/config.json', { cache: 'no-store' }).then(async (res) => {
    if (!res.ok) throw new UiError('common.errors.missingConfig', `This site is missing its configuration (/config.json answered ${res.status}).`, { status: res.status });
    return (await res.json()) as WebConfig;
  });
  return loaded;
}
