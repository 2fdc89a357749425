import { useId, useState } from 'react';
import { patch, post } from '../../common/api.ts';
import { ErrorMessage } from '../../common/ui.tsx';
import { accessIsOpen } from './AccessBadge.tsx';
import { CloseAccessPanel } from './AccessToggle.tsx';
import { Dialog } from './Dialog.tsx';
import { useAction } from './hooks.tsx';
import type { Contact } from './types.tsx';

const FIELDS = [
  { key: 'name', label: 'Name', type: 'text' },
  { key: 'email', label: 'Email', type: 'email' },
  { key: 'phone', label: 'Phone', type: 'text' },
  { key: 'address', label: 'Address', type: 'textarea' },
  { key: 'notes', label: 'Notes', type: 'textarea' },
] as const;
type Field = (typeof FIELDS)[number]['key'];

function Input({ field, value, onChange }: { field: (typeof FIELDS)[number]; value: string; onChange: (value: string) => void }) {
  const id = useId();
  return (
    <>
      <label htmlFor={id}>{field.label}</label>
      {field.type === 'textarea' ? (
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
  const [saved, setSaved] = useState(false);
  const [archiving, setArchiving] = useState(false);
  const save = useAction();
  const archive = useAction();
  const changes = Object.fromEntries(FIELDS.filter((f) => values[f.key] !== (contact[f.key] ?? '')).map((f) => [f.key, values[f.key]]));

  return (
    <section className="card" aria-labelledby="details-heading">
      <h2 id="details-heading">Details</h2>
      {contact.archived && <p className="notice">This contact is archived.</p>}
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
        <p className="muted">{contact.kind === 'organisation' ? 'Organisation' : 'Person'}</p>
        {FIELDS.map((f) => (
          <Input key={f.key} field={f} value={values[f.key]} onChange={(v) => setValues({ ...values, [f.key]: v })} />
        ))}
        <ErrorMessage error={save.error} />
        {saved && !Object.keys(changes).length && (
          <p className="notice" role="status">
            Saved.
          </p>
        )}
        <div className="row spaced">
          <button type="submit" disabled={save.busy || !Object.keys(changes).length}>
            Save
          </button>
          {!contact.archived && (
            <button type="button" className="secondary" aria-expanded={archiving} onClick={() => setArchiving(!archiving)}>
              Archive contact
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
  if (accessIsOpen(contact.access.state)) {
    return <CloseAccessPanel label="Archive contact" confirmLabel="Confirm archive" busy={busy} onConfirm={onConfirm} onCancel={onCancel} />;
  }
  return <ConfirmArchive busy={busy} onConfirm={() => onConfirm(false)} onCancel={onCancel} />;
}

function ConfirmArchive({ busy, onConfirm, onCancel }: { busy: boolean; onConfirm: () => void; onCancel: () => void }) {
  return (
    <Dialog label="Archive contact" onClose={onCancel}>
      <p>Archive this contact? Nothing can be shared with an archived contact.</p>
      <div className="row">
        <button type="button" className="danger" disabled={busy} onClick={onConfirm}>
          Confirm archive
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}
