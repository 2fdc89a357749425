import { useCallback, useEffect, useMemo, useState } from 'react';
import { NavLink, Route, Routes } from 'react-router';
import { get, put, type ApiError } from '../common/api.ts';
import { applyServerLanguages, useI18n, type Language } from '../common/i18n.ts';
import { ErrorMessage, LanguageSwitch, Loading, SignedInAs, useAsync } from '../common/ui.tsx';
import { BlockedNotice } from './components/BlockedNotice.tsx';
import { Branded } from './components/Branding.tsx';
import { isBlocking, PortalContext, type Profile } from './components/PortalContext.tsx';
import { DocumentCommentsPage } from './pages/DocumentCommentsPage.tsx';
import { FolderPage } from './pages/FolderPage.tsx';
import { MatterPage } from './pages/MatterPage.tsx';
import { MattersPage } from './pages/MattersPage.tsx';
import { NewRequestPage } from './pages/NewRequestPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { ProfilePage } from './pages/ProfilePage.tsx';
import { RequestPage } from './pages/RequestPage.tsx';
import { RequestsPage } from './pages/RequestsPage.tsx';
import { SharedWithYouPage } from './pages/SharedWithYouPage.tsx';
import './portal.css';

export type { Profile };

/**
 * An explicit switch is the customer's choice: their emails follow it (`PUT /me/language`). Only a
 * switch counts: a browser's language is a guess, and a choice remembered in this browser may be
 * another person's who used it before. Best effort: the screen has switched either way, and a
 * refusal that matters (portal or access closed) shows on the next request.
 */
function rememberForEmails(language: Language): void {
  put('/me/language', { language }).catch(() => undefined);
}

/** The customer's portal, in the firm's branding. */
export function PortalApp() {
  const { t } = useI18n();
  const profile = useAsync(() => get<Profile>('/me'), []);
  // The customer's own choice (from another device, or set by staff), else the firm's default, where this browser chose nothing.
  const [account, firmDefault] = [profile.data?.language, profile.data?.firm.language];
  useEffect(() => applyServerLanguages({ account, firmDefault }), [account, firmDefault]);
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
          {t('common.tryAgain')}
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
            <nav aria-label={t('common.mainNav')}>
              <NavLink to="/" end>
                {t('nav.shared')}
              </NavLink>
              <NavLink to="/matters">{t('matters.heading', { context: context.profile.firm.matterTerm })}</NavLink>
              <NavLink to="/requests">{t('nav.requests')}</NavLink>
              <NavLink to="/profile">{t('nav.account')}</NavLink>
            </nav>
            <SignedInAs name={context.profile.name ?? context.profile.email} />
            <LanguageSwitch onChosen={rememberForEmails} />
          </>
        }
      >
        <main>
          <Routes>
            <Route path="/" element={<SharedWithYouPage />} />
            <Route path="/folders/:folderId" element={<FolderPage />} />
            <Route path="/items/:itemId/comments" element={<DocumentCommentsPage />} />
            <Route path="/matters" element={<MattersPage />} />
            <Route path="/matters/:matterId" element={<MatterPage />} />
            <Route path="/requests" element={<RequestsPage />} />
            <Route path="/requests/new" element={<NewRequestPage />} />
            <Route path="/requests/:requestId" element={<RequestPage />} />
            <Route path="/profile" element={<ProfilePage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
        </main>
      </Branded>
    </PortalContext.Provider>
  );
}
