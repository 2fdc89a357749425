/**
 * Real sign-ins against the local user pools, as a person would do them through the hosted
 * login: temporary password → own password, TOTP set-up and codes. Used by the seed and tests.
 */
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AssociateSoftwareTokenCommand,
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  SetUserMFAPreferenceCommand,
  VerifySoftwareTokenCommand,
  type AuthenticationResultType,
} from '@aws-sdk/client-cognito-identity-provider';
import { Secret, TOTP } from 'otpauth';
import { localCredentials, LOCAL_REGION } from './provision.ts';

export interface Pool {
  userPoolId: string;
  clientId: string;
}

export interface StaffCredentials {
  email: string;
  password: string;
  totpSecret: string;
}

const clients = new Map<string, CognitoIdentityProviderClient>();
function cognitoAt(endpoint: string): CognitoIdentityProviderClient {
  let c = clients.get(endpoint);
  if (!c) clients.set(endpoint, (c = new CognitoIdentityProviderClient({ endpoint, region: LOCAL_REGION, credentials: localCredentials })));
  return c;
}

export function totpCode(secret: string): string {
  return new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate();
}

/** Signs in with a password; answers NEW_PASSWORD_REQUIRED and SOFTWARE_TOKEN_MFA as the hosted login would. */
export async function signIn(
  endpoint: string,
  pool: Pool,
  input: { email: string; password: string; newPassword?: string; totpSecret?: string },
): Promise<AuthenticationResultType> {
  const cognito = cognitoAt(endpoint);
  let out = await cognito.send(
    new InitiateAuthCommand({ ClientId: pool.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: input.email, PASSWORD: input.password } }),
  );
  for (let step = 0; step < 3 && !out.AuthenticationResult; step++) {
    if (out.ChallengeName === 'NEW_PASSWORD_REQUIRED') {
      if (!input.newPassword) throw new Error(`${input.email} must choose a new password`);
      out = await cognito.send(
        new RespondToAuthChallengeCommand({
          ClientId: pool.clientId,
          ChallengeName: 'NEW_PASSWORD_REQUIRED',
          Session: out.Session,
          ChallengeResponses: { USERNAME: input.email, NEW_PASSWORD: input.newPassword },
        }),
      );
    } else if (out.ChallengeName === 'SOFTWARE_TOKEN_MFA') {
      if (!input.totpSecret) throw new Error(`${input.email} needs a TOTP code`);
      out = await cognito.send(
        new RespondToAuthChallengeCommand({
          ClientId: pool.clientId,
          ChallengeName: 'SOFTWARE_TOKEN_MFA',
          Session: out.Session,
          ChallengeResponses: { USERNAME: input.email, SOFTWARE_TOKEN_MFA_CODE: totpCode(input.totpSecret) },
        }),
      );
    } else {
      throw new Error(`Unexpected sign-in challenge ${out.ChallengeName}`);
    }
  }
  if (!out.AuthenticationResult) throw new Error('Sign-in did not finish');
  return out.AuthenticationResult;
}

/** Creates a staff user as an admin would, then does the first sign-in: own password and TOTP set-up. */
export async function createStaffUser(
  endpoint: string,
  pool: Pool,
  input: { email: string; name: string; password: string; admin?: boolean },
): Promise<StaffCredentials> {
  const cognito = cognitoAt(endpoint);
  const temporary = `Tmp-${Math.random().toString(36).slice(2, 10)}A1!`;
  await cognito.send(
    new AdminCreateUserCommand({
      UserPoolId: pool.userPoolId,
      Username: input.email,
      TemporaryPassword: temporary,
      MessageAction: 'SUPPRESS',
      UserAttributes: [
        { Name: 'email', Value: input.email },
        { Name: 'email_verified', Value: 'true' },
        { Name: 'name', Value: input.name },
      ],
    }),
  );
  if (input.admin) await cognito.send(new AdminAddUserToGroupCommand({ UserPoolId: pool.userPoolId, Username: input.email, GroupName: 'admins' }));
  const first = await signIn(endpoint, pool, { email: input.email, password: temporary, newPassword: input.password });
  const { SecretCode } = await cognito.send(new AssociateSoftwareTokenCommand({ AccessToken: first.AccessToken }));
  await cognito.send(new VerifySoftwareTokenCommand({ AccessToken: first.AccessToken, UserCode: totpCode(SecretCode!), FriendlyDeviceName: 'authenticator' }));
  await cognito.send(
    new SetUserMFAPreferenceCommand({ AccessToken: first.AccessToken, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } }),
  );
  return { email: input.email, password: input.password, totpSecret: SecretCode! };
}
