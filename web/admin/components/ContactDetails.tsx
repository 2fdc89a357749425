import { useId, useState } from 'react';
import { patch, post } from '../../common/api.ts';
import { LANGUAGE_NAMES, LANGUAGES, useI18n } from '../../common/i18n.ts';
import { ErrorMessage } from '../../common/ui.tsx';
import { accessIsOpen } from './AccessBadge.tsx';
import { CloseAccessPanel } from './AccessToggle.tsx';
import { Dialog } from './Dialog.tsx';
import { useAction } from './hooks.tsx';
import { UndeliverableNotice } from './Undeliverable.tsx';
import type { Contact } from './types.tsx';

const FIELDS = [
  { key: 'name', type: 'text' },
  { key: 'email', type: 'email' },
  { key: 'phone', type: 'text' },
  { key: 'address', type: 'textarea' },
  { key: 'notes', type: 'textarea' },
  { key: 'language', type: 'language' },
] as const;
type Field = (typeof FIELDS)[number]['key'];

/**
 * `unset`: the contact has no language of its own yet, so "the firm's default" may stay chosen;
 * once set, the API keeps a language (there is no way back to none), so the choice is offered no more.
 */
function Input({ field, value, unset, onChange }: { field: (typeof FIELDS)[number]; value: string; unset: boolean; onChange: (value: string) => void }) {
  const { t } = useI18n();
  const id = useId();
  return (
    <>
      <label htmlFor={id}>{t(`contact.field.${field.key}`)}</label>
      {field.type === 'language' ? (
        <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
          {unset && <option value="">{t('contact.firmDefaultLanguage')}</option>}
          {LANGUAGES.map((l) => (
            <option key={l} value={l} lang={l}>
              {LANGUAGE_NAMES[l]}
            </option>
          ))}
        </select>
      ) : field.type === 'textarea' ? (
        <textarea id={id} rows={field.key === 'notes' ? 4 : 2} value={value} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input id={id} type={field.type} value={value} onChange={(e) => onChange(e.target.value)} required={field.key === 'name'} />
      )}
    </>
  );
}

/** The contact's own details; only the fields that changed are sent, so an untouched email never trips the open-access rule. */
export function ContactDetails({ contact, onChanged }: { contact: Contact; onChanged: (contact: Contact) => void }) {
  const [values, setValues] = useState<Record<Field, string>>(() => Object.fromEntries(FIELDS.map((f) => [f.key, contact[f.key] ?? ''])) as Record<Field, string>);
  const { t } = useI18n();
  const [saved, setSaved] = useState(false);
  const [archiving, setArchiving] = useState(false);
  const save = useAction();
  const archive = useAction();
  const changes = Object.fromEntries(FIELDS.filter((f) => values[f.key] !== (contact[f.key] ?? '')).map((f) => [f.key, values[f.key]]));

  return (
    <section className="card" aria-labelledby="details-heading">
      <h2 id="details-heading">{t('contact.heading')}</h2>
      {contact.archived && <p className="notice">{t('contact.archivedNotice')}</p>}
      <UndeliverableNotice mark={contact.undeliverable} />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setSaved(false);
          void save.run(async () => {
            onChanged(await patch<Contact>(`/contacts/${contact.contactId}`, changes));
            setSaved(true);
          });
        }}
      >
        <p className="muted">{t(`contact.kind.${contact.kind}`)}</p>
        {FIELDS.map((f) => (
          <Input key={f.key} field={f} value={values[f.key]} unset={!contact[f.key]} onChange={(v) => setValues({ ...values, [f.key]: v })} />
        ))}
        <ErrorMessage error={save.error} />
        {saved && !Object.keys(changes).length && (
          <p className="notice" role="status">
            {t('contact.saved')}
          </p>
        )}
        <div className="row spaced">
          <button type="submit" disabled={save.busy || !Object.keys(changes).length}>
            {t('common.save')}
          </button>
          {!contact.archived && (
            <button type="button" className="secondary" aria-expanded={archiving} onClick={() => setArchiving(!archiving)}>
              {t('contact.archive')}
            </button>
          )}
        </div>
      </form>
      {archiving && (
        <ArchivePanel
          contact={contact}
          busy={archive.busy}
          onCancel={() => setArchiving(false)}
          onConfirm={(notifyCustomer) =>
            void archive.run(async () => {
              onChanged(await post<Contact>(`/contacts/${contact.contactId}/archive`, { notifyCustomer }));
              setArchiving(false);
            })
          }
        />
      )}
      <ErrorMessage error={archive.error} />
    </section>
  );
}

/** Archiving closes an open portal access too, so it asks the same question a close does. */
function ArchivePanel({ contact, busy, onConfirm, onCancel }: { contact: Contact; busy: boolean; onConfirm: (notify: boolean) => void; onCancel: () => void }) {
  const { t } = useI18n();
  if (accessIsOpen(contact.access.state)) {
    return <CloseAccessPanel label={t('contact.archive')} confirmLabel={t('contact.confirmArchive')} busy={busy} onConfirm={onConfirm} onCancel={onCancel} />;
  }
  return <ConfirmArchive busy={busy} onConfirm={() => onConfirm(false)} onCancel={onCancel} />;
}

function ConfirmArchive({ busy, onConfirm, onCancel }: { busy: boolean; onConfirm: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  return (
    <Dialog label={t('contact.archive')} onClose={onCancel}>
      <p>{t('contact.archiveQuestion')}</p>
      <div className="row">
        <button type="button" className="danger" disabled={busy} onClick={onConfirm}>
          {t('contact.confirmArchive')}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
