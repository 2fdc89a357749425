/**
 * The role rule of shared/domain/access-policy.ts: a token's admin claim counts only if the token
 * was issued after the user was last made a regular staff member. Every combination of claim,
 * demotion record and issue time.
 */
import { describe, expect, it } from 'vitest';
import { currentRole, requireAdmin, staffPrincipal } from '../../shared/domain/access-policy.ts';
import { AppError } from '../../shared/errors.ts';

const token = (groups: string | undefined, iat: string | number | undefined) =>
  ({ sub: 's', email: 'e@x', token_use: 'id', ...(groups === undefined ? {} : { 'cognito:groups': groups }), ...(iat === undefined ? {} : { iat }) }) as const;

const decide = (groups: string | undefined, iat: string | number | undefined, validAfter: number | undefined) => {
  const claims = token(groups, iat);
  try {
    requireAdmin(currentRole(staffPrincipal(claims), claims.iat, validAfter));
    return 'admin';
  } catch (e) {
    return e instanceof AppError ? `${e.status} ${e.code}` : `threw ${String(e)}`;
  }
};

describe('staff role', () => {
  it.each([
    // groups claim, iat (as API Gateway passes it, a string), last demotion (epoch s), decision
    ['[admins]', '1000', undefined, 'admin'],
    ['[admins]', '999', 1000, '403 admin_only'],
    ['[admins]', '1000', 1000, 'admin'],
    ['[admins]', '1001', 1000, 'admin'],
    ['[admins]', 1001, 1000, 'admin'],
    ['[admins]', undefined, 1000, '403 admin_only'],
    ['[admins]', 'not-a-number', 1000, '403 admin_only'],
    ['[admins]', undefined, undefined, 'admin'],
    ['[staff]', '2000', 1000, '403 admin_only'],
    ['[staff]', '2000', undefined, '403 admin_only'],
    [undefined, '2000', undefined, '403 admin_only'],
    [undefined, '999', 1000, '403 admin_only'],
  ] as const)('claim %s issued at %s, demoted at %s: %s', (groups, iat, validAfter, expected) => {
    expect(decide(groups, iat, validAfter)).toBe(expected);
  });

  it('never grants more than the token claims, and keeps the caller otherwise unchanged', () => {
    const staff = staffPrincipal(token('[staff]', '1'));
    expect(currentRole(staff, '5000', 1000)).toBe(staff);
    const admin = staffPrincipal(token('[admins]', '900'));
    expect(currentRole(admin, '900', 1000)).toEqual({ ...admin, isAdmin: false });
    expect(admin.isAdmin).toBe(true);
  });
});
