import {
  AdminAddUserToGroupCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminSetUserPasswordCommand,
  AdminUserGlobalSignOutCommand,
  CognitoIdentityProviderClient,
  ListUsersCommand,
  ListUsersInGroupCommand,
  type AttributeType,
  type UserType,
} from '@aws-sdk/client-cognito-identity-provider';
import * as z from '../zod.ts';
import { ADMINS_GROUP } from '../domain/access-policy.ts';
import type { Page, StaffDirectory, StaffUser } from '../domain/ports.ts';
import { AppError, badRequest, conflict, notFound } from '../errors.ts';
import { createInvitedUser } from './cognito-users.ts';
import { logger } from './observability.ts';

/**
 * The pool signs staff in by email (`signInAliases: { email: true }`), so Cognito names every user
 * it creates with a generated UUID (the user's sub), whatever `Username` the invitation passed; the
 * API lists it as `username`. Anything else is refused before it reaches Cognito, so no path value
 * (`__proto__`, an email, a filter expression) is ever looked up as a user name.
 */
export const staffUsername = () =>
  z.string().check(z.toLowerCase(), z.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'must be a staff username as GET /staff-users lists it'));

/**
 * Cognito's refusals as errors a person can act on. Anything not listed (a missing group or pool,
 * missing permissions: our own misconfiguration) is rethrown and becomes the route's logged 500,
 * whose message names no internals.
 */
export function cognitoRefusal(error: unknown): unknown {
  const name = (error as { name?: string } | undefined)?.name;
  const refusal = (() => {
    switch (name) {
      case 'UserNotFoundException':
        return notFound('staff user');
      case 'InvalidParameterException':
        return badRequest('invalid_request', 'The staff directory refused this request for this user; check the user and try again.');
      case 'UsernameExistsException':
      case 'AliasExistsException':
        return conflict('staff_exists', 'This email already has a staff account.');
      case 'NotAuthorizedException':
        return conflict('not_allowed', 'The staff directory does not allow this change for this user in their current state.');
      case 'TooManyRequestsException':
      case 'LimitExceededException':
        return new AppError(429, 'too_many_requests', 'Too many changes at once; please try again in a moment.');
      default:
        return undefined;
    }
  })();
  if (!refusal) return error;
  // The person sees the plain message; Cognito's own words stay in the log for whoever investigates.
  logger.warn('cognito refused', { name, detail: String((error as Error)?.message ?? '') });
  return refusal;
}

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

/** Every Cognito call goes through here, so a refusal always leaves as a clear 4xx. */
const refused = <T>(pending: Promise<T>): Promise<T> =>
  pending.catch((error: unknown) => {
    throw cognitoRefusal(error);
  });

/** The staff user pool, for the admin-only staff-user routes. */
export class CognitoStaffDirectory implements StaffDirectory {
  private readonly cognito = new CognitoIdentityProviderClient({});

  constructor(private readonly userPoolId: string) {}

  async invite(input: { email: string; name: string; admin: boolean; temporaryPassword: string }): Promise<StaffUser> {
    const user = await refused(createInvitedUser(this.cognito, this.userPoolId, input));
    if (input.admin) await this.setAdmin(user.Username!, true);
    return toStaffUser(user, input.admin);
  }

  async list(limit: number, cursor?: string): Promise<Page<StaffUser>> {
    const [out, admins] = await Promise.all([
      refused(this.cognito.send(new ListUsersCommand({ UserPoolId: this.userPoolId, Limit: Math.min(limit, 60), PaginationToken: cursor }))),
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
      throw cognitoRefusal(error);
    }
  }

  async admins(): Promise<StaffUser[]> {
    const users: StaffUser[] = [];
    let token: string | undefined;
    do {
      const out = await refused(this.cognito.send(new ListUsersInGroupCommand({ UserPoolId: this.userPoolId, GroupName: ADMINS_GROUP, NextToken: token })));
      users.push(...(out.Users ?? []).map((u) => toStaffUser(u, true)));
      token = out.NextToken;
    } while (token);
    return users;
  }

  async setAdmin(username: string, admin: boolean): Promise<void> {
    const Command = admin ? AdminAddUserToGroupCommand : AdminRemoveUserFromGroupCommand;
    await refused(this.cognito.send(new Command({ UserPoolId: this.userPoolId, Username: username, GroupName: ADMINS_GROUP })));
  }

  async setEnabled(username: string, enabled: boolean): Promise<void> {
    const Command = enabled ? AdminEnableUserCommand : AdminDisableUserCommand;
    await refused(this.cognito.send(new Command({ UserPoolId: this.userPoolId, Username: username })));
  }

  async signOutEverywhere(username: string): Promise<void> {
    await refused(this.cognito.send(new AdminUserGlobalSignOutCommand({ UserPoolId: this.userPoolId, Username: username })));
  }

  async setTemporaryPassword(username: string, temporaryPassword: string): Promise<void> {
    await refused(this.cognito.send(new AdminSetUserPasswordCommand({ UserPoolId: this.userPoolId, Username: username, Password: temporaryPassword, Permanent: false })));
  }
}
