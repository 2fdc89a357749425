import type { AccessState } from './types.tsx';

const LABELS: Record<AccessState, string> = { invited: 'Invited', active: 'Active', closed: 'Closed', none: 'No access' };

export function AccessBadge({ state }: { state: AccessState }) {
  return <span className={`badge ${state}`}>{LABELS[state]}</span>;
}

/** Invited and active both mean the customer can (or is about to) sign in. */
export const accessIsOpen = (state: AccessState) => state === 'invited' || state === 'active';
