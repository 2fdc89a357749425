import { useState } from 'react';
import { post } from '../../common/api.ts';
import { formatDate } from '../../common/format.ts';
import { ErrorMessage } from '../../common/ui.tsx';
import { AccessBadge } from './AccessBadge.tsx';
import { CloseAccessPanel } from './AccessToggle.tsx';
import { useAction } from './hooks.tsx';
import type { Contact } from './types.tsx';

/** The contact's portal access and the buttons that make sense in its current state. */
export function PortalAccess({ contact, onChanged }: { contact: Contact; onChanged: (contact: Contact) => void }) {
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
      <h2 id="access-heading">Portal access</h2>
      <p className="row">
        <AccessBadge state={state} />
        <span className="muted">
          {state === 'invited' && invitedAt && `Invited ${formatDate(invitedAt)}`}
          {state === 'active' && activatedAt && `Signed in first ${formatDate(activatedAt)}`}
          {state === 'closed' && closedAt && `Closed ${formatDate(closedAt)}`}
        </span>
      </p>
      {contact.archived && <p className="muted">Archived contacts cannot have portal access.</p>}
      <div className="row">
        {state === 'none' && button('Open access', () => call('access', 'Access opened; the invitation is on its way.'))}
        {state === 'invited' && button('Resend invitation', () => call('access/invitation', 'A new invitation was sent.'), 'secondary')}
        {(state === 'invited' || state === 'active') && button('Close access', () => setClosing(true), 'danger')}
        {state === 'closed' && button('Reopen access', () => call('access/reopen', tellOnReopen ? 'Access reopened; the customer is told by email.' : 'Access reopened.', { notifyCustomer: tellOnReopen }))}
        {state === 'closed' && (
          <label className="row">
            <input type="checkbox" checked={tellOnReopen} onChange={(e) => setTellOnReopen(e.target.checked)} /> Tell the customer by email
          </label>
        )}
      </div>
      {closing && (
        <CloseAccessPanel
          label="Close access"
          confirmLabel="Confirm close"
          busy={action.busy}
          onCancel={() => setClosing(false)}
          onConfirm={(notifyCustomer) => call('access/close', 'Access closed.', { notifyCustomer })}
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
