/** The password policy and a password's shortcomings, worded in the reader's language (see password-policy.ts). */
import type { TFunction } from 'i18next';
import { policyNeeds, unmetNeeds, type PasswordNeed, type PasswordPolicy } from './password-policy.ts';

function needWords(need: PasswordNeed, t: TFunction): string {
  if (need.kind === 'length') return need.has === undefined ? t('common.password.need.length', { min: need.min }) : t('common.password.need.lengthHas', { min: need.min, has: need.has });
  return t(`common.password.need.${need.kind}`);
}

/**
 * "a, b and c" / "a, b et c". Not Intl.ListFormat: its English adds a serial comma, and the
 * portal must word a password's shortcomings exactly as the hosted login does.
 */
function joined(items: string[], t: TFunction): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} ${t('common.password.and')} ${items.at(-1)}`;
}

/** The policy in one sentence, for the text beside a new-password field. */
export function describePolicyIn(policy: PasswordPolicy | undefined, t: TFunction, locale: string): string {
  const [length, ...kinds] = policyNeeds(policy).map((need) => needWords(need, t));
  const sentence = kinds.length ? t('common.password.policy', { length, kinds: joined(kinds, t) }) : t('common.password.policyLengthOnly', { length });
  return sentence.replace(/^./, (c) => c.toLocaleUpperCase(locale));
}

/** A sentence saying everything the password lacks, or undefined when it meets the policy. */
export function passwordProblemIn(policy: PasswordPolicy | undefined, password: string, t: TFunction): string | undefined {
  const unmet = unmetNeeds(policy, password);
  return unmet.length ? t('common.password.weak', { needs: joined(unmet.map((need) => needWords(need, t)), t) }) : undefined;
}
