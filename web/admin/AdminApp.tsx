import { useEffect } from 'react';
import { NavLink, Navigate, Route, Routes } from 'react-router';
import { get } from '../common/api.ts';
import { currentUser } from '../common/auth.ts';
import { applyServerLanguages, useI18n } from '../common/i18n.ts';
import { LanguageSwitch, SignedInAs, useAsync } from '../common/ui.tsx';
import { MatterTermContext } from './components/matterTerm.tsx';
import { useStaffTabTitle } from './components/hooks.tsx';
import type { SettingsView } from './components/types.tsx';
import './admin.css';
import { ActivityPage } from './pages/ActivityPage.tsx';
import { ContactPage } from './pages/ContactPage.tsx';
import { ContactsPage } from './pages/ContactsPage.tsx';
import { DrivePage } from './pages/DrivePage.tsx';
import { MatterPage } from './pages/MatterPage.tsx';
import { MattersPage } from './pages/MattersPage.tsx';
import { RequestPage } from './pages/RequestPage.tsx';
import { AwaitingAnswersPage } from './pages/AwaitingAnswersPage.tsx';
import { RequestsPage } from './pages/RequestsPage.tsx';
import { SettingsPage } from './pages/SettingsPage.tsx';
import { StaffUsersPage } from './pages/StaffUsersPage.tsx';
import { TrashPage } from './pages/TrashPage.tsx';

/** The staff UI: contacts, matters, customers' requests, drive, activity, and for admins settings and staff users. */
export function AdminApp() {
  const { t } = useI18n();
  const user = currentUser()!;
  const isAdmin = user.groups.includes('admins');
  // Any staff member may read the settings; the tab then says which firm's portal this is.
  const settings = useAsync(() => get<SettingsView>('/settings'), []);
  useStaffTabTitle(settings.data?.branding.firmName);
  // The firm's default language, for a browser that speaks neither English nor French.
  const firmLanguage = settings.data?.language;
  useEffect(() => applyServerLanguages({ firmDefault: firmLanguage }), [firmLanguage]);
  const matterTerm = settings.data?.matterTerm ?? 'matter';
  return (
    <>
      <header className="top">
        <span className="brand">{t('brand')}</span>
        <nav aria-label={t('common.mainNav')}>
          <NavLink to="/contacts">{t('nav.contacts')}</NavLink>
          <NavLink to="/matters">{t('nav.matters', { context: matterTerm })}</NavLink>
          <NavLink to="/requests">{t('nav.requests')}</NavLink>
          <NavLink to="/awaiting-answers">{t('nav.awaiting')}</NavLink>
          <NavLink to="/drive">{t('nav.drive')}</NavLink>
          {isAdmin && <NavLink to="/activity">{t('nav.activity')}</NavLink>}
          {isAdmin && <NavLink to="/settings">{t('nav.settings')}</NavLink>}
          {isAdmin && <NavLink to="/staff-users">{t('nav.staffUsers')}</NavLink>}
        </nav>
        <SignedInAs name={user.name ?? user.email} />
        <LanguageSwitch />
      </header>
      <MatterTermContext.Provider value={matterTerm}>
        <main>
          <Routes>
            <Route path="/" element={<Navigate to="/contacts" replace />} />
            <Route path="/contacts" element={<ContactsPage />} />
            <Route path="/contacts/:contactId" element={<ContactPage />} />
            <Route path="/matters" element={<MattersPage />} />
            <Route path="/matters/:matterId" element={<MatterPage />} />
            <Route path="/requests" element={<RequestsPage />} />
            <Route path="/requests/:requestId" element={<RequestPage />} />
            <Route path="/awaiting-answers" element={<AwaitingAnswersPage />} />
            <Route path="/drive" element={<DrivePage />} />
            <Route path="/drive/trash" element={<TrashPage />} />
            <Route path="/drive/:folderId" element={<DrivePage />} />
            {/* Admin pages: the API refuses others anyway; hiding them only spares a dead end. */}
            {isAdmin && <Route path="/activity" element={<ActivityPage />} />}
            {isAdmin && <Route path="/settings" element={<SettingsPage />} />}
            {isAdmin && <Route path="/staff-users" element={<StaffUsersPage />} />}
            <Route path="*" element={<h1>{t('notFound')}</h1>} />
          </Routes>
        </main>
      </MatterTermContext.Provider>
    </>
  );
}
