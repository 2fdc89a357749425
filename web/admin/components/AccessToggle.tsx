import { useState } from 'react';
import { post } from '../../common/api.ts';
import { useI18n } from '../../common/i18n.ts';
import { ErrorMessage } from '../../common/ui.tsx';
import { AccessBadge, accessIsOpen } from './AccessBadge.tsx';
import { Dialog } from './Dialog.tsx';
import { useAction } from './hooks.tsx';
import type { Contact } from './types.tsx';

/** Asks whether to tell the customer before closing their access. */
export function CloseAccessPanel({
  label,
  confirmLabel,
  busy,
  onConfirm,
  onCancel,
}: {
  label: string;
  confirmLabel: string;
  busy: boolean;
  onConfirm: (notifyCustomer: boolean) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [notify, setNotify] = useState(false);
  return (
    <Dialog label={label} onClose={onCancel}>
      <p>{t('access.closeExplain')}</p>
      <label className="inline">
        <input type="checkbox" checked={notify} onChange={(e) => setNotify(e.target.checked)} /> {t('access.tellCustomer')}
      </label>
      <div className="row">
        <button type="button" className="danger" disabled={busy} onClick={() => onConfirm(notify)}>
          {confirmLabel}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </Dialog>
  );
}

/**
 * The contact list's access cell: ticking opens access (or reopens a closed one, which the API
 * refuses to "open" again); unticking asks first, then closes it.
 */
export function AccessToggle({ contact, onChanged }: { contact: Contact; onChanged: (contact: Contact) => void }) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const action = useAction();
  const open = accessIsOpen(contact.access.state);
  const change = (path: string, body: unknown = {}) =>
    action.run(async () => {
      onChanged(await post<Contact>(`/contacts/${contact.contactId}/${path}`, body));
      setConfirming(false);
    });
  return (
    <div>
      <div className="row">
        <input
          type="checkbox"
          aria-label={t('access.toggleLabel', { name: contact.name })}
          checked={open}
          disabled={action.busy || contact.archived}
          onChange={() => {
            if (open) setConfirming(true);
            else void change(contact.access.state === 'closed' ? 'access/reopen' : 'access');
          }}
        />
        <AccessBadge state={contact.access.state} />
      </div>
      {confirming && (
        <CloseAccessPanel
          label={t('access.close')}
          confirmLabel={t('access.close')}
          busy={action.busy}
          onCancel={() => setConfirming(false)}
          onConfirm={(notifyCustomer) => void change('access/close', { notifyCustomer })}
        />
      )}
      <ErrorMessage error={action.error} />
    </div>
  );
}
