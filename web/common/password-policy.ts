/**
 * A user pool's password policy (the template's `Policies.PasswordPolicy`) and what a password
 * lacks to meet it, in words a person can act on. Pure: the portal's profile page uses it when its
 * `/config.json` carries the policy, and the local hosted login checks passwords with it, as
 * Cognito does and cognito-local does not.
 */
export interface PasswordPolicy {
  MinimumLength?: number;
  RequireLowercase?: boolean;
  RequireUppercase?: boolean;
  RequireNumbers?: boolean;
  RequireSymbols?: boolean;
}

/** What Cognito applies to a pool whose template declares no password policy. */
export const COGNITO_DEFAULT_POLICY: Required<PasswordPolicy> = {
  MinimumLength: 8,
  RequireLowercase: true,
  RequireUppercase: true,
  RequireNumbers: true,
  RequireSymbols: true,
};

/** The characters Cognito counts as symbols (a space inside the password counts too). */
const SYMBOLS = new Set('^$*.[]{}()?"!@#%&/\\,><\':;|_~`=+- ');

const lengthOf = (password: string) => [...password].length;

function rules(policy: PasswordPolicy | undefined) {
  const p = { ...COGNITO_DEFAULT_POLICY, ...(policy ?? {}) };
  return [
    { need: `at least ${p.MinimumLength} characters`, applies: true, met: (pw: string) => lengthOf(pw) >= p.MinimumLength },
    { need: 'an upper-case letter', applies: p.RequireUppercase, met: (pw: string) => /[A-Z]/.test(pw) },
    { need: 'a lower-case letter', applies: p.RequireLowercase, met: (pw: string) => /[a-z]/.test(pw) },
    { need: 'a number', applies: p.RequireNumbers, met: (pw: string) => /[0-9]/.test(pw) },
    { need: 'a symbol (such as ! or -)', applies: p.RequireSymbols, met: (pw: string) => [...pw.trim()].some((c) => SYMBOLS.has(c)) },
  ].filter((r) => r.applies);
}

function list(items: string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** The policy in one phrase, for the text beside a new-password field. */
export function describePolicy(policy: PasswordPolicy | undefined): string {
  const [length, ...kinds] = rules(policy).map((r) => r.need);
  return kinds.length ? `${length}, with ${list(kinds)}` : length;
}

/** What the password lacks, one item each (empty when it meets the policy). */
export function missingFromPassword(policy: PasswordPolicy | undefined, password: string): string[] {
  const missing = rules(policy)
    .filter((r) => !r.met(password))
    .map((r) => (r.need.startsWith('at least') && password ? `${r.need} (this one has ${lengthOf(password)})` : r.need));
  // Cognito refuses a password that starts or ends with a space.
  if (password !== password.trim()) missing.push('no space at the start or the end');
  return missing;
}

/** A sentence saying everything the password lacks, or undefined when it meets the policy. */
export function passwordProblem(policy: PasswordPolicy | undefined, password: string): string | undefined {
  const missing = missingFromPassword(policy, password);
  return missing.length ? `This password is not strong enough. It needs ${list(missing)}.` : undefined;
}
