import {
  AdminAddUserToGroupCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  AdminSetUserPasswordCommand,
  AdminUserGlobalSignOutCommand,
  CognitoIdentityProviderClient,
  ListUsersCommand,
  ListUsersInGroupCommand,
  type AttributeType,
  type UserType,
} from '@aws-sdk/client-cognito-identity-provider';
import { ADMINS_GROUP } from '../domain/access-policy.ts';
import type { Page, StaffDirectory, StaffUser } from '../domain/ports.ts';
import { createInvitedUser } from './cognito-users.ts';

const attr = (attributes: AttributeType[] | undefined, name: string) => attributes?.find((a) => a.Name === name)?.Value;

function toStaffUser(user: UserType | { Username?: string; UserAttributes?: AttributeType[]; Enabled?: boolean; UserStatus?: string; UserCreateDate?: Date }, admin: boolean): StaffUser {
  const attributes = 'Attributes' in user ? user.Attributes : (user as { UserAttributes?: AttributeType[] }).UserAttributes;
  return {
    username: user.Username!,
    sub: attr(attributes, 'sub') ?? user.Username!,
    email: attr(attributes, 'email') ?? '',
    name: attr(attributes, 'name'),
    enabled: user.Enabled !== false,
    admin,
    status: String(user.UserStatus ?? ''),
    createdAt: user.UserCreateDate?.toISOString(),
  };
}

/** The staff user pool, for the admin-only staff-user routes. */
export class CognitoStaffDirectory implements StaffDirectory {
  private readonly cognito = new CognitoIdentityProviderClient({});

  constructor(private readonly userPoolId: string) {}

  async invite(input: { email: string; name: string; admin: boolean; temporaryPassword: string }): Promise<StaffUser> {
    const user = await createInvitedUser(this.cognito, this.userPoolId, input);
    if (input.admin) await this.cognito.send(new AdminAddUserToGroupCommand({ UserPoolId: this.userPoolId, Username: user.Username!, GroupName: ADMINS_GROUP }));
    return toStaffUser(user, input.admin);
  }

  async list(limit: number, cursor?: string): Promise<Page<StaffUser>> {
    const [out, admins] = await Promise.all([
      this.cognito.send(new ListUsersCommand({ UserPoolId: this.userPoolId, Limit: Math.min(limit, 60), PaginationToken: cursor })),
      this.admins(),
    ]);
    const adminNames = new Set(admins.map((a) => a.username));
    return { items: (out.Users ?? []).map((u) => toStaffUser(u, adminNames.has(u.Username!))), cursor: out.PaginationToken };
  }

  async get(username: string): Promise<StaffUser | undefined> {
    try {
      const [user, groups] = await Promise.all([
        this.cognito.send(new AdminGetUserCommand({ UserPoolId: this.userPoolId, Username: username })),
        this.cognito.send(new AdminListGroupsForUserCommand({ UserPoolId: this.userPoolId, Username: username })),
      ]);
      return toStaffUser(user, (groups.Groups ?? []).some((g) => g.GroupName === ADMINS_GROUP));
    } catch (error) {
      if ((error as { name?: string }).name === 'UserNotFoundException') return undefined;
      throw error;
    }
  }

  async admins(): Promise<StaffUser[]> {
    const users: StaffUser[] = [];
    let token: string | undefined;
    do {
      const out = await this.cognito.send(new ListUsersInGroupCommand({ UserPoolId: this.userPoolId, GroupName: ADMINS_GROUP, NextToken: token }));
      users.push(...(out.Users ?? []).map((u) => toStaffUser(u, true)));
      token = out.NextToken;
    } while (token);
    return users;
  }

  async setEnabled(username: string, enabled: boolean): Promise<void> {
    const Command = enabled ? AdminEnableUserCommand : AdminDisableUserCommand;
    await this.cognito.send(new Command({ UserPoolId: this.userPoolId, Username: username }));
  }

  async signOutEverywhere(username: string): Promise<void> {
    await this.cognito.send(new AdminUserGlobalSignOutCommand({ UserPoolId: this.userPoolId, Username: username }));
  }

  async setTemporaryPassword(username: string, temporaryPassword: string): Promise<void> {
    await this.cognito.send(new AdminSetUserPasswordCommand({ UserPoolId: this.userPoolId, Username: username, Password: temporaryPassword, Permanent: false }));
  }
}
