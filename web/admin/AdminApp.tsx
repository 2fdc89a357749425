import { NavLink, Navigate, Route, Routes } from 'react-router';
import { get } from '../common/api.ts';
import { currentUser } from '../common/auth.ts';
import { SignedInAs, useAsync } from '../common/ui.tsx';
import { useStaffTabTitle } from './components/hooks.tsx';
import type { SettingsView } from './components/types.tsx';
import './admin.css';
import { ActivityPage } from './pages/ActivityPage.tsx';
import { ContactPage } from './pages/ContactPage.tsx';
import { ContactsPage } from './pages/ContactsPage.tsx';
import { DrivePage } from './pages/DrivePage.tsx';
import { SettingsPage } from './pages/SettingsPage.tsx';
import { StaffUsersPage } from './pages/StaffUsersPage.tsx';
import { TrashPage } from './pages/TrashPage.tsx';

/** The staff UI: contacts, drive, activity, and for admins settings and staff users. */
export function AdminApp() {
  const user = currentUser()!;
  const isAdmin = user.groups.includes('admins');
  // Any staff member may read the settings; the tab then says which firm's portal this is.
  const settings = useAsync(() => get<SettingsView>('/settings'), []);
  useStaffTabTitle(settings.data?.branding.firmName);
  return (
    <>
      <header className="top">
        <span className="brand">Portico — staff</span>
        <nav aria-label="Main">
          <NavLink to="/contacts">Contacts</NavLink>
          <NavLink to="/drive">Drive</NavLink>
          {isAdmin && <NavLink to="/activity">Activity</NavLink>}
          {isAdmin && <NavLink to="/settings">Settings</NavLink>}
          {isAdmin && <NavLink to="/staff-users">Staff users</NavLink>}
        </nav>
        <SignedInAs name={user.name ?? user.email} />
      </header>
      <main>
        <Routes>
          <Route path="/" element={<Navigate to="/contacts" replace />} />
          <Route path="/contacts" element={<ContactsPage />} />
          <Route path="/contacts/:contactId" element={<ContactPage />} />
          <Route path="/drive" element={<DrivePage />} />
          <Route path="/drive/trash" element={<TrashPage />} />
          <Route path="/drive/:folderId" element={<DrivePage />} />
          {/* Admin pages: the API refuses others anyway; hiding them only spares a dead end. */}
          {isAdmin && <Route path="/activity" element={<ActivityPage />} />}
          {isAdmin && <Route path="/settings" element={<SettingsPage />} />}
          {isAdmin && <Route path="/staff-users" element={<StaffUsersPage />} />}
          <Route path="*" element={<h1>Page not found</h1>} />
        </Routes>
      </main>
    </>
  );
}
