import { useId, useState } from 'react';
import { get, post, put, query } from '../../common/api.ts';
import { currentUser } from '../../common/auth.ts';
import { formatDate } from '../../common/format.ts';
import { ErrorMessage, Loading } from '../../common/ui.tsx';
import { Dialog } from '../components/Dialog.tsx';
import { useAction, usePaged } from '../components/hooks.tsx';
import type { Page, StaffUser } from '../components/types.tsx';

function InviteForm({ onInvited }: { onInvited: (user: StaffUser) => void }) {
  const ids = { email: useId(), name: useId() };
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [admin, setAdmin] = useState(false);
  const action = useAction();
  const invite = () =>
    action.run(async () => {
      onInvited(await post<StaffUser>('/staff-users', { email: email.trim(), name: name.trim(), admin }));
      setEmail('');
      setName('');
      setAdmin(false);
    });
  return (
    <section className="card" aria-labelledby="invite-heading">
      <h2 id="invite-heading">Invite a staff user</h2>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void invite();
        }}
      >
        <label htmlFor={ids.email}>Email</label>
        <input id={ids.email} type="email" value={email} onChange={(e) => setEmail(e.target.value)} required />
        <label htmlFor={ids.name}>Name</label>
        <input id={ids.name} type="text" value={name} onChange={(e) => setName(e.target.value)} required />
        <label className="inline spaced">
          <input type="checkbox" checked={admin} onChange={(e) => setAdmin(e.target.checked)} /> Administrator
        </label>
        <ErrorMessage error={action.error} />
        <div className="row spaced">
          <button type="submit" disabled={action.busy || !email.trim() || !name.trim()}>
            Invite
          </button>
        </div>
      </form>
    </section>
  );
}

/** Makes a staff member an administrator or a regular staff member, after a confirmation. */
function RoleChange({ user, onChanged, onNotice, onClose }: { user: StaffUser; onChanged: (user: StaffUser) => void; onNotice: (message: string) => void; onClose: () => void }) {
  const action = useAction();
  const label = user.name ?? user.email;
  const yourself = currentUser()?.email === user.email;
  const makeAdmin = !user.admin;
  const change = () =>
    action.run(async () => {
      onChanged(await put<StaffUser>(`/staff-users/${encodeURIComponent(user.username)}/role`, { admin: makeAdmin }));
      onClose();
      onNotice(
        makeAdmin
          ? `${label} is now an administrator; the admin pages appear at their next sign-in.`
          : yourself
            ? 'You are now a regular staff member; sign in again to continue without the admin pages.'
            : `${label} is now a regular staff member; the admin pages no longer work for them.`,
      );
    });
  const title = makeAdmin ? `Make ${user.email} an administrator` : `Make ${user.email} a regular staff member`;
  return (
    <Dialog label={title} onClose={onClose}>
      <p>
        {makeAdmin
          ? `${label} will be able to change the settings, see the firm's activity and manage staff users, from their next sign-in.`
          : yourself
            ? 'You will no longer be an administrator: the admin pages stop working for you at once and you are signed out everywhere. Another administrator must remain.'
            : `${label} will no longer be an administrator: the admin pages stop working for them at once and they are signed out everywhere.`}
      </p>
      <ErrorMessage error={action.error} />
      <div className="row">
        <button type="button" disabled={action.busy} onClick={() => void change()}>
          {makeAdmin ? 'Make administrator' : 'Make regular staff'}
        </button>
        <button type="button" className="secondary" onClick={onClose}>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}

function UserActions({ user, onChanged, onNotice }: { user: StaffUser; onChanged: (user: StaffUser) => void; onNotice: (message: string) => void }) {
  const [confirm, setConfirm] = useState<'reset' | 'role'>();
  const action = useAction();
  const label = user.name ?? user.email;
  const toggle = (which: 'reset' | 'role') => {
    action.clearError();
    setConfirm(confirm === which ? undefined : which);
  };
  const setEnabled = () =>
    action.run(async () => {
      onChanged(await put<StaffUser>(`/staff-users/${encodeURIComponent(user.username)}/enabled`, { enabled: !user.enabled }));
      onNotice(`${label} was ${user.enabled ? 'disabled' : 'enabled'}.`);
    });
  const reset = () =>
    action.run(async () => {
      await post(`/staff-users/${encodeURIComponent(user.username)}/password-reset`);
      setConfirm(undefined);
      onNotice(`${label} was sent a new temporary password.`);
    });
  return (
    <>
      <div className="actions">
        <button type="button" className={user.enabled ? 'secondary' : undefined} aria-label={`${user.enabled ? 'Disable' : 'Enable'} ${user.email}`} disabled={action.busy} onClick={() => void setEnabled()}>
          {user.enabled ? 'Disable' : 'Enable'}
        </button>
        <button type="button" className="secondary" aria-label={`Reset password for ${user.email}`} aria-expanded={confirm === 'reset'} disabled={action.busy} onClick={() => toggle('reset')}>
          Reset password
        </button>
        <button
          type="button"
          className="secondary"
          aria-label={user.admin ? `Make ${user.email} a regular staff member` : `Make ${user.email} an administrator`}
          aria-expanded={confirm === 'role'}
          disabled={action.busy}
          onClick={() => toggle('role')}
        >
          {user.admin ? 'Make regular staff' : 'Make administrator'}
        </button>
      </div>
      {confirm === 'reset' && (
        <Dialog label={`Reset password for ${user.email}`} onClose={() => setConfirm(undefined)}>
          <p>
            {label} will get an email with a new temporary password and must choose a new password at the next sign-in.
          </p>
          <div className="row">
            <button type="button" disabled={action.busy} onClick={() => void reset()}>
              Send new password
            </button>
            <button type="button" className="secondary" onClick={() => setConfirm(undefined)}>
              Cancel
            </button>
          </div>
        </Dialog>
      )}
      {confirm === 'role' && <RoleChange user={user} onChanged={onChanged} onNotice={onNotice} onClose={() => setConfirm(undefined)} />}
      <ErrorMessage error={action.error} />
    </>
  );
}

/** Staff accounts (admins): invite, disable or enable, reset a password, make an administrator or regular staff. */
export function StaffUsersPage() {
  const users = usePaged((cursor) => get<Page<StaffUser>>(`/staff-users${query({ cursor, limit: 50 })}`), []);
  const [notice, setNotice] = useState<string>();
  const replace = (user: StaffUser) => users.update((all) => all.map((u) => (u.username === user.username ? { ...u, ...user } : u)));
  return (
    <>
      <h1>Staff users</h1>
      <InviteForm
        onInvited={(user) => {
          setNotice(`${user.email} was invited; the invitation email is on its way.`);
          users.reload();
        }}
      />
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <ErrorMessage error={users.error} />
      {users.loading && !users.items.length ? (
        <Loading />
      ) : (
        users.items.length > 0 && (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>Name</th>
                  <th className="optional">Email</th>
                  <th>Role</th>
                  <th>Status</th>
                  <th>Actions</th>
                </tr>
              </thead>
              <tbody>
                {users.items.map((u) => (
                  <tr key={u.username}>
                    <td>
                      {u.name ?? u.email}
                      {u.createdAt && <div className="muted small">Since {formatDate(u.createdAt)}</div>}
                    </td>
                    <td className="optional break">{u.email}</td>
                    <td>{u.admin ? 'Administrator' : 'Staff'}</td>
                    <td>
                      {u.enabled ? 'Enabled' : 'Disabled'}
                      {u.status === 'FORCE_CHANGE_PASSWORD' && <div className="muted small">Invitation not yet accepted</div>}
                    </td>
                    <td>
                      <UserActions user={u} onChanged={replace} onNotice={setNotice} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      )}
      {users.hasMore && (
        <button type="button" className="secondary" onClick={users.loadMore} disabled={users.loading}>
          Load more
        </button>
      )}
    </>
  );
}
