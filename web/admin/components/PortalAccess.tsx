import { useState } from 'react';
import { post } from '../../common/api.ts';
import { formatDate } from '../../common/format.ts';
import { useI18n } from '../../common/i18n.ts';
import { ErrorMessage } from '../../common/ui.tsx';
import { AccessBadge } from './AccessBadge.tsx';
import { CloseAccessPanel } from './AccessToggle.tsx';
import { useAction } from './hooks.tsx';
import type { Contact } from './types.tsx';

/** The contact's portal access and the buttons that make sense in its current state. */
export function PortalAccess({ contact, onChanged }: { contact: Contact; onChanged: (contact: Contact) => void }) {
  const { t, locale } = useI18n();
  const { state, invitedAt, activatedAt, closedAt } = contact.access;
  const [closing, setClosing] = useState(false);
  const [notice, setNotice] = useState<string>();
  const [tellOnReopen, setTellOnReopen] = useState(true);
  const action = useAction();
  const call = (path: string, done: string, body: unknown = {}) => {
    setNotice(undefined);
    void action.run(async () => {
      const changed = await post<Contact>(`/contacts/${contact.contactId}/${path}`, body);
      // Resending answers with the contact unchanged; keep what we have.
      onChanged({ ...contact, ...changed });
      setClosing(false);
      setNotice(done);
    });
  };
  const button = (label: string, onClick: () => void, className?: string) => (
    <button type="button" className={className} disabled={action.busy || contact.archived} onClick={onClick}>
      {label}
    </button>
  );

  return (
    <section className="card" aria-labelledby="access-heading">
      <h2 id="access-heading">{t('access.heading')}</h2>
      <p className="row">
        <AccessBadge state={state} />
        <span className="muted">
          {state === 'invited' && invitedAt && t('access.invitedAt', { date: formatDate(invitedAt, locale) })}
          {state === 'active' && activatedAt && t('access.activatedAt', { date: formatDate(activatedAt, locale) })}
          {state === 'closed' && closedAt && t('access.closedAt', { date: formatDate(closedAt, locale) })}
        </span>
      </p>
      {contact.archived && <p className="muted">{t('access.archivedNoAccess')}</p>}
      <div className="row">
        {state === 'none' && button(t('access.open'), () => call('access', t('access.opened')))}
        {state === 'invited' && button(t('access.resend'), () => call('access/invitation', t('access.resent')), 'secondary')}
        {(state === 'invited' || state === 'active') && button(t('access.close'), () => setClosing(true), 'danger')}
        {state === 'closed' && button(t('access.reopen'), () => call('access/reopen', tellOnReopen ? t('access.reopenedTold') : t('access.reopened'), { notifyCustomer: tellOnReopen }))}
        {state === 'closed' && (
          <label className="row">
            <input type="checkbox" checked={tellOnReopen} onChange={(e) => setTellOnReopen(e.target.checked)} /> {t('access.tellCustomer')}
          </label>
        )}
      </div>
      {closing && (
        <CloseAccessPanel
          label={t('access.close')}
          confirmLabel={t('access.confirmClose')}
          busy={action.busy}
          onCancel={() => setClosing(false)}
          onConfirm={(notifyCustomer) => call('access/close', t('access.closed'), { notifyCustomer })}
        />
      )}
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <ErrorMessage error={action.error} />
    </section>
  );
}
