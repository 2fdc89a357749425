/**
 * The audit trail in the reader's language: an action's label from the catalogue (an action the
 * catalogue does not know yet shows its English label, then its code), and details with their
 * field names translated; the values are the record's own (names, emails, dates).
 */
import type { TFunction } from 'i18next';
import { actionLabel } from '../../../shared/domain/activity.ts';
import type { AuditEntry } from './types.tsx';

export const actionWords = (action: string, t: TFunction) => t(`activity.${action}`, { defaultValue: actionLabel(action) });

function describe(value: unknown, t: TFunction): string {
  if (Array.isArray(value)) return value.map((v) => describe(v, t)).join(', ');
  if (value && typeof value === 'object') return Object.entries(value).map(([k, v]) => `${k} ${describe(v, t)}`).join(', ');
  if (typeof value === 'boolean') return value ? t('audit.yes') : t('audit.no');
  return String(value);
}

/** One line of details, e.g. "name: Budget.xlsx · customer told: yes"; raw ids are left out, as in the CSV. */
export function detailsWords(details: AuditEntry['details'], t: TFunction): string {
  return Object.entries(details ?? {})
    .filter(([k]) => !/Ids?$/.test(k))
    .map(([k, v]) => `${t(`auditDetails.${k}`, { defaultValue: k })}: ${k === 'fields' && Array.isArray(v) ? v.map((f) => t(`auditFields.${f}`, { defaultValue: String(f) })).join(', ') : describe(v, t)}`)
    .join(' · ');
}
