import {
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminSetUserPasswordCommand,
  AdminUpdateUserAttributesCommand,
  AdminUserGlobalSignOutCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import type { CustomerAccounts, CustomerDirectory } from '../domain/ports.ts';
import { createInvitedUser } from './cognito-users.ts';

/** The customer user pool; users sign in by email and carry their contact id in `custom:contactId`. */
export class CognitoCustomerDirectory implements CustomerDirectory {
  private readonly cognito = new CognitoIdentityProviderClient({});

  constructor(private readonly userPoolId: string) {}

  async createUser(input: { email: string; name: string; contactId: string; temporaryPassword: string }) {
    const user = await createInvitedUser(this.cognito, this.userPoolId, { ...input, attributes: { 'custom:contactId': input.contactId } });
    const sub = user.Attributes?.find((a) => a.Name === 'sub')?.Value;
    if (!sub) throw new Error('Cognito created a user without a sub');
    return { username: user.Username!, sub };
  }

  async linkContact(username: string, contactId: string): Promise<void> {
    await this.cognito.send(
      new AdminUpdateUserAttributesCommand({
        UserPoolId: this.userPoolId,
        Username: username,
        UserAttributes: [{ Name: 'custom:contactId', Value: contactId }],
      }),
    );
  }
}

/** Account operations on customer users, used when staff close, reopen or re-invite. */
export class CognitoCustomerAccounts implements CustomerAccounts {
  private readonly cognito = new CognitoIdentityProviderClient({});

  constructor(private readonly userPoolId: string) {}

  async disable(username: string): Promise<void> {
    await this.cognito.send(new AdminDisableUserCommand({ UserPoolId: this.userPoolId, Username: username }));
  }

  async enable(username: string): Promise<void> {
    await this.cognito.send(new AdminEnableUserCommand({ UserPoolId: this.userPoolId, Username: username }));
  }

  async signOutEverywhere(username: string): Promise<void> {
    await this.cognito.send(new AdminUserGlobalSignOutCommand({ UserPoolId: this.userPoolId, Username: username }));
  }

  async resetTemporaryPassword(username: string, temporaryPassword: string): Promise<void> {
    await this.cognito.send(new AdminSetUserPasswordCommand({ UserPoolId: this.userPoolId, Username: username, Password: temporaryPassword, Permanent: false }));
  }
}
