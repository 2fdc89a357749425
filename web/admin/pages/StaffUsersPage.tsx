import { useId, useState } from 'react';
import { get, post, put, query } from '../../common/api.ts';
import { currentUser } from '../../common/auth.ts';
import { formatDate } from '../../common/format.ts';
import { useI18n } from '../../common/i18n.ts';
import { ErrorMessage, Loading } from '../../common/ui.tsx';
import { Dialog } from '../components/Dialog.tsx';
import { UndeliverableBadge } from '../components/Undeliverable.tsx';
import { useAction, usePaged } from '../components/hooks.tsx';
import type { Page, StaffUser } from '../components/types.tsx';

function InviteForm({ onInvited }: { onInvited: (user: StaffUser) => void }) {
  const { t } = useI18n();
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
      <h2 id="invite-heading">{t('staff.invite')}</h2>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void invite();
        }}
      >
        <label htmlFor={ids.email}>{t('table.email')}</label>
        <input id={ids.email} type="email" value={email} onChange={(e) => setEmail(e.target.value)} required />
        <label htmlFor={ids.name}>{t('table.name')}</label>
        <input id={ids.name} type="text" value={name} onChange={(e) => setName(e.target.value)} required />
        <label className="inline spaced">
          <input type="checkbox" checked={admin} onChange={(e) => setAdmin(e.target.checked)} /> {t('staff.administrator')}
        </label>
        <ErrorMessage error={action.error} />
        <div className="row spaced">
          <button type="submit" disabled={action.busy || !email.trim() || !name.trim()}>
            {t('staff.inviteButton')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** Makes a staff member an administrator or a regular staff member, after a confirmation. */
function RoleChange({ user, onChanged, onNotice, onClose }: { user: StaffUser; onChanged: (user: StaffUser) => void; onNotice: (message: string) => void; onClose: () => void }) {
  const { t } = useI18n();
  const action = useAction();
  const label = user.name ?? user.email;
  const yourself = currentUser()?.email === user.email;
  const makeAdmin = !user.admin;
  const change = () =>
    action.run(async () => {
      onChanged(await put<StaffUser>(`/staff-users/${encodeURIComponent(user.username)}/role`, { admin: makeAdmin }));
      onClose();
      onNotice(makeAdmin ? t('staff.nowAdmin', { name: label }) : yourself ? t('staff.youNowStaff') : t('staff.nowStaff', { name: label }));
    });
  const title = t(makeAdmin ? 'staff.makeAdminLabel' : 'staff.makeStaffLabel', { email: user.email });
  return (
    <Dialog label={title} onClose={onClose}>
      <p>
        {makeAdmin ? t('staff.adminExplain', { name: label }) : yourself ? t('staff.youStaffExplain') : t('staff.staffExplain', { name: label })}
      </p>
      <ErrorMessage error={action.error} />
      <div className="row">
        <button type="button" disabled={action.busy} onClick={() => void change()}>
          {makeAdmin ? t('staff.makeAdmin') : t('staff.makeStaff')}
        </button>
        <button type="button" className="secondary" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </Dialog>
  );
}

function UserActions({ user, onChanged, onNotice }: { user: StaffUser; onChanged: (user: StaffUser) => void; onNotice: (message: string) => void }) {
  const { t } = useI18n();
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
      onNotice(t(user.enabled ? 'staff.wasDisabled' : 'staff.wasEnabled', { name: label }));
    });
  const reset = () =>
    action.run(async () => {
      await post(`/staff-users/${encodeURIComponent(user.username)}/password-reset`);
      setConfirm(undefined);
      onNotice(t('staff.resetDone', { name: label }));
    });
  return (
    <>
      <div className="actions">
        <button type="button" className={user.enabled ? 'secondary' : undefined} aria-label={t(user.enabled ? 'staff.disableLabel' : 'staff.enableLabel', { email: user.email })} disabled={action.busy} onClick={() => void setEnabled()}>
          {user.enabled ? t('staff.disable') : t('staff.enable')}
        </button>
        <button type="button" className="secondary" aria-label={t('staff.resetLabel', { email: user.email })} aria-expanded={confirm === 'reset'} disabled={action.busy} onClick={() => toggle('reset')}>
          {t('staff.reset')}
        </button>
        <button
          type="button"
          className="secondary"
          aria-label={t(user.admin ? 'staff.makeStaffLabel' : 'staff.makeAdminLabel', { email: user.email })}
          aria-expanded={confirm === 'role'}
          disabled={action.busy}
          onClick={() => toggle('role')}
        >
          {user.admin ? t('staff.makeStaff') : t('staff.makeAdmin')}
        </button>
      </div>
      {confirm === 'reset' && (
        <Dialog label={t('staff.resetLabel', { email: user.email })} onClose={() => setConfirm(undefined)}>
          <p>{t('staff.resetExplain', { name: label })}</p>
          <div className="row">
            <button type="button" disabled={action.busy} onClick={() => void reset()}>
              {t('staff.sendNewPassword')}
            </button>
            <button type="button" className="secondary" onClick={() => setConfirm(undefined)}>
              {t('common.cancel')}
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
  const { t, locale } = useI18n();
  const users = usePaged((cursor) => get<Page<StaffUser>>(`/staff-users${query({ cursor, limit: 50 })}`), []);
  const [notice, setNotice] = useState<string>();
  const replace = (user: StaffUser) => users.update((all) => all.map((u) => (u.username === user.username ? { ...u, ...user } : u)));
  return (
    <>
      <h1>{t('nav.staffUsers')}</h1>
      <InviteForm
        onInvited={(user) => {
          setNotice(t('staff.invited', { email: user.email }));
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
            <table className="stack-on-phone" role="table">
              <thead role="rowgroup">
                <tr role="row">
                  <th role="columnheader">{t('table.name')}</th>
                  <th role="columnheader" className="optional">{t('table.email')}</th>
                  <th role="columnheader">{t('staff.role')}</th>
                  <th role="columnheader">{t('staff.status')}</th>
                  <th role="columnheader">{t('table.actions')}</th>
                </tr>
              </thead>
              <tbody role="rowgroup">
                {users.items.map((u) => (
                  <tr role="row" key={u.username}>
                    <td role="cell">
                      {u.name ?? u.email}
                      {u.createdAt && <div className="muted small">{t('staff.since', { date: formatDate(u.createdAt, locale) })}</div>}
                    </td>
                    <td role="cell" className="optional break" data-label={t('table.email')}>
                      {u.email}
                      <UndeliverableBadge mark={u.undeliverable} />
                    </td>
                    <td role="cell" data-label={t('staff.role')}>{u.admin ? t('staff.administrator') : t('staff.staff')}</td>
                    <td role="cell" data-label={t('staff.status')}>
                      {u.enabled ? t('staff.enabled') : t('staff.disabled')}
                      {u.status === 'FORCE_CHANGE_PASSWORD' && <div className="muted small">{t('staff.invitationPending')}</div>}
                    </td>
                    <td role="cell">
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
          {t('common.loadMore')}
        </button>
      )}
    </>
  );
}
