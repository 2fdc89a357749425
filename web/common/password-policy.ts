/**
 * A user pool's password policy (the template's `Policies.PasswordPolicy`) and what a password
 * lacks to meet it: as needs the portal words in the reader's language, and in English for the
 * local hosted login. Pure: the portal's profile page uses it when its `/config.json` carries the
 * policy, and the local hosted login checks passwords with it, as Cognito does and cognito-local
 * does not.
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

/** One thing a password needs, without words: each UI says it in its own language. */
export type PasswordNeed =
  | { kind: 'length'; min: number; /** How long the password typed is, when there is one. */ has?: number }
  | { kind: 'upper' | 'lower' | 'number' | 'symbol' | 'noEdgeSpace' };

function rules(policy: PasswordPolicy | undefined) {
  const p = { ...COGNITO_DEFAULT_POLICY, ...(policy ?? {}) };
  const rule = (need: PasswordNeed, applies: boolean, met: (pw: string) => boolean) => ({ need, applies, met });
  return [
    rule({ kind: 'length', min: p.MinimumLength }, true, (pw) => lengthOf(pw) >= p.MinimumLength),
    rule({ kind: 'upper' }, p.RequireUppercase, (pw) => /[A-Z]/.test(pw)),
    rule({ kind: 'lower' }, p.RequireLowercase, (pw) => /[a-z]/.test(pw)),
    rule({ kind: 'number' }, p.RequireNumbers, (pw) => /[0-9]/.test(pw)),
    rule({ kind: 'symbol' }, p.RequireSymbols, (pw) => [...pw.trim()].some((c) => SYMBOLS.has(c))),
  ].filter((r) => r.applies);
}

/** What the policy asks for, the length first. */
export function policyNeeds(policy: PasswordPolicy | undefined): PasswordNeed[] {
  return rules(policy).map((r) => r.need);
}

/** What the password lacks, one need each (empty when it meets the policy). */
export function unmetNeeds(policy: PasswordPolicy | undefined, password: string): PasswordNeed[] {
  const unmet = rules(policy)
    .filter((r) => !r.met(password))
    .map((r) => (r.need.kind === 'length' && password ? { ...r.need, has: lengthOf(password) } : r.need));
  // Cognito refuses a password that starts or ends with a space.
  if (password !== password.trim()) unmet.push({ kind: 'noEdgeSpace' });
  return unmet;
}

/** A need in English (the local hosted login's words). */
function inEnglish(need: PasswordNeed): string {
  switch (need.kind) {
    case 'length':
      return `at least ${need.min} characters${need.has !== undefined ? ` (this one has ${need.has})` : ''}`;
    case 'upper':
      return 'an upper-case letter';
    case 'lower':
      return 'a lower-case letter';
    case 'number':
      return 'a number';
    case 'symbol':
      return 'a symbol (such as ! or -)';
    case 'noEdgeSpace':
      return 'no space at the start or the end';
  }
}

function list(items: string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** The policy in one phrase, for the text beside a new-password field. */
export function describePolicy(policy: PasswordPolicy | undefined): string {
  const [length, ...kinds] = policyNeeds(policy).map(inEnglish);
  return kinds.length ? `${length}, with ${list(kinds)}` : length;
}

/** What the password lacks, one item each (empty when it meets the policy). */
export function missingFromPassword(policy: PasswordPolicy | undefined, password: string): string[] {
  return unmetNeeds(policy, password).map(inEnglish);
}

/** A sentence saying everything the password lacks, or undefined when it meets the policy. */
export function passwordProblem(policy: PasswordPolicy | undefined, password: string): string | undefined {
  const missing = missingFromPassword(policy, password);
  return missing.length ? `This password is not strong enough. It needs ${list(missing)}.` : undefined;
}
