/**
 * How the staff directory reports Cognito's refusals: each known one as a 4xx a person can act
 * on, without Cognito's own words; anything else unchanged, for the route's logged 500.
 */
import { describe, expect, it, vi } from 'vitest';
import { cognitoRefusal, staffUsername } from '../../shared/adapters/staff-directory.ts';
import { errorResponse } from '../../shared/http/route.ts';
import { AppError } from '../../shared/errors.ts';

const cognitoError = (name: string) => Object.assign(new Error(`${name}: 1 validation error detected: Value at 'username' failed (pool us-east-1_Secret)`), { name });

describe('Cognito refusals', () => {
  it.each([
    ['UserNotFoundException', 404, 'not_found'],
    ['InvalidParameterException', 400, 'invalid_request'],
    ['UsernameExistsException', 409, 'staff_exists'],
    ['AliasExistsException', 409, 'staff_exists'],
    ['NotAuthorizedException', 409, 'not_allowed'],
    ['TooManyRequestsException', 429, 'too_many_requests'],
    ['LimitExceededException', 429, 'too_many_requests'],
  ])('%s → %i %s, naming nothing of Cognito', (name, status, code) => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const mapped = cognitoRefusal(cognitoError(name));
    expect(mapped).toBeInstanceOf(AppError);
    expect(mapped).toMatchObject({ status, code });
    expect((mapped as AppError).message).not.toMatch(/Exception|us-east-1|validation error/);
  });

  it.each(['ResourceNotFoundException', 'AccessDeniedException', 'InternalErrorException', 'UnsupportedError'])(
    '%s stays as it is: the route answers a 500 whose message names no internals',
    (name) => {
      const error = cognitoError(name);
      expect(cognitoRefusal(error)).toBe(error);
      vi.spyOn(console, 'error').mockImplementation(() => {});
      const res = errorResponse(error) as { statusCode: number; body: string };
      expect(res.statusCode).toBe(500);
      expect(res.body).not.toMatch(/Exception|us-east-1|validation/);
    },
  );
});

describe('staff usernames', () => {
  it.each(['__proto__', 'constructor', 'toString', 'nobody@nowhere.test', '', ' 0f8fad5b-d9cb-469f-a165-70867728950e', '0f8fad5b-d9cb-469f-a165-70867728950e\n'])('refuses %j', (value) => {
    expect(staffUsername().safeParse(value).success).toBe(false);
  });

  it('accepts the UUIDs the pool gives its users, in lower case', () => {
    expect(staffUsername().parse('0f8fad5b-d9cb-469f-a165-70867728950e')).toBe('0f8fad5b-d9cb-469f-a165-70867728950e');
    expect(staffUsername().parse('0F8FAD5B-D9CB-469F-A165-70867728950E')).toBe('0f8fad5b-d9cb-469f-a165-70867728950e');
  });
});
