import { AdminCreateUserCommand, type CognitoIdentityProviderClient, type UserType } from '@aws-sdk/client-cognito-identity-provider';

/**
 * Creates a user who signs in by email with a temporary password. Cognito's own invitation is
 * suppressed: the portal sends its own, which names the firm and the portal.
 */
export async function createInvitedUser(
  cognito: CognitoIdentityProviderClient,
  userPoolId: string,
  input: { email: string; name: string; temporaryPassword: string; attributes?: Record<string, string> },
): Promise<UserType> {
  const out = await cognito.send(
    new AdminCreateUserCommand({
      UserPoolId: userPoolId,
      Username: input.email,
      TemporaryPassword: input.temporaryPassword,
      MessageAction: 'SUPPRESS',
      UserAttributes: [
        { Name: 'email', Value: input.email },
        { Name: 'email_verified', Value: 'true' },
        { Name: 'name', Value: input.name },
        ...Object.entries(input.attributes ?? {}).map(([Name, Value]) => ({ Name, Value })),
      ],
    }),
  );
  if (!out.User?.Username) throw new Error('Cognito created a user without a username');
  return out.User;
}
