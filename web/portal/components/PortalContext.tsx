/** What every page of the portal needs: who is signed in, what they may do, and where to report a closed portal or access. */
import { createContext, useContext, useEffect } from 'react';
import { ApiError, type Answer } from '../../common/api.ts';

/** Who the customer is, the firm's branding and what they may do (`GET /me`). */
export type Profile = Answer<'customer-get-profile'>;

/** Answers that end the session's use of the portal: no documents may stay on screen after them. */
const BLOCKING_CODES = ['portal_closed', 'access_closed'];

export function isBlocking(error: unknown): error is ApiError {
  return error instanceof ApiError && BLOCKING_CODES.includes(error.code);
}

interface PortalContextValue {
  profile: Profile;
  /** Hands any error to the shell; a blocking one replaces the whole portal with its notice. */
  report: (error: unknown) => void;
}

export const PortalContext = createContext<PortalContextValue | undefined>(undefined);

export function usePortal(): PortalContextValue {
  const value = useContext(PortalContext);
  if (!value) throw new Error('usePortal is used outside the portal shell.');
  return value;
}

/** Reports a loading error to the shell, so a closed portal or access shows however the page learnt of it. */
export function useReportError(error: unknown): void {
  const { report } = usePortal();
  useEffect(() => {
    if (error) report(error);
  }, [error, report]);
}
