import { useCallback, useEffect, useMemo, useState } from 'react';
import { NavLink, Route, Routes } from 'react-router';
import { get, type ApiError } from '../common/api.ts';
import { applyFirmDefault, useI18n } from '../common/i18n.ts';
import { ErrorMessage, LanguageSwitch, Loading, SignedInAs, useAsync } from '../common/ui.tsx';
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
  const { t } = useI18n();
  const profile = useAsync(() => get<Profile>('/me'), []);
  // The firm's default language, once the API names it (read optionally: older APIs do not send it).
  const firmLanguage = (profile.data?.firm as { language?: unknown } | undefined)?.language;
  useEffect(() => applyFirmDefault(firmLanguage), [firmLanguage]);
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
              <NavLink to="/profile">{t('nav.account')}</NavLink>
            </nav>
            <SignedInAs name={context.profile.name ?? context.profile.email} />
            <LanguageSwitch />
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
