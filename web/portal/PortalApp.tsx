import { useCallback, useMemo, useState } from 'react';
import { NavLink, Route, Routes } from 'react-router';
import { get, type ApiError } from '../common/api.ts';
import { ErrorMessage, Loading, SignedInAs, useAsync } from '../common/ui.tsx';
import { BlockedNotice } from './components/BlockedNotice.tsx';
import { Branded } from './components/Branding.tsx';
import { isBlocking, PortalContext, type Profile } from './components/PortalContext.tsx';
import { FolderPage } from './pages/FolderPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { ProfilePage } from './pages/ProfilePage.tsx';
import { SharedWithYouPage } from './pages/SharedWithYouPage.tsx';
import './portal.css';

export type { Profile };

/** The customer's portal, in the firm's branding. */
export function PortalApp() {
  const profile = useAsync(() => get<Profile>('/me'), []);
  const [blocked, setBlocked] = useState<ApiError>();
  const report = useCallback((error: unknown) => {
    if (isBlocking(error)) setBlocked((current) => current ?? error);
  }, []);
  const context = useMemo(() => (profile.data ? { profile: profile.data, report } : undefined), [profile.data, report]);

  // A closed portal or access hides everything, whichever request learnt of it first.
  const stop = blocked ?? (isBlocking(profile.error) ? profile.error : undefined);
  if (stop) return <BlockedNotice error={stop} knownFirm={profile.data?.firm} />;
  if (profile.loading && !profile.data) return <Loading />;
  if (profile.error || !context) {
    return (
      <main className="centered">
        <ErrorMessage error={profile.error} />
        <button type="button" onClick={profile.reload}>
          Try again
        </button>
      </main>
    );
  }
  return (
    <PortalContext.Provider value={context}>
      <Branded
        firm={context.profile.firm}
        nav={
          <>
            <nav aria-label="Main">
              <NavLink to="/" end>
                Shared with you
              </NavLink>
              <NavLink to="/profile">Your account</NavLink>
            </nav>
            <SignedInAs name={context.profile.name ?? context.profile.email} />
          </>
        }
      >
        <main>
          <Routes>
            <Route path="/" element={<SharedWithYouPage />} />
            <Route path="/folders/:folderId" element={<FolderPage />} />
            <Route path="/profile" element={<ProfilePage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
        </main>
      </Branded>
    </PortalContext.Provider>
  );
}
