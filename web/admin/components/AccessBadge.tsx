import { useI18n } from '../../common/i18n.ts';
import type { AccessState } from './types.tsx';

export function AccessBadge({ state }: { state: AccessState }) {
  const { t } = useI18n();
  return <span className={`badge ${state}`}>{t(`access.state.${state}`)}</span>;
}

/** Invited and active both mean the customer can (or is about to) sign in. */
export const accessIsOpen = (state: AccessState) => state === 'invited' || state === 'active';
