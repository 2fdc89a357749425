import { useId, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { get, post, query } from '../../common/api.ts';
import { useI18n } from '../../common/i18n.ts';
import { ErrorMessage, Loading } from '../../common/ui.tsx';
import { AccessToggle } from '../components/AccessToggle.tsx';
import { UndeliverableBadge } from '../components/Undeliverable.tsx';
import { useAction, useDebounced, usePaged } from '../components/hooks.tsx';
import type { Contact, ContactKind, Page } from '../components/types.tsx';

function NewContactForm({ onCancel }: { onCancel: () => void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const ids = { name: useId(), email: useId(), kind: useId() };
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [kind, setKind] = useState<ContactKind>('person');
  const action = useAction();
  const create = () =>
    action.run(async () => {
      const contact = await post<Contact>('/contacts', { kind, name, ...(email.trim() ? { email: email.trim() } : {}) });
      navigate(`/contacts/${contact.contactId}`);
    });
  return (
    <section className="card" aria-label={t('contacts.newContact')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <label htmlFor={ids.name}>{t('contact.field.name')}</label>
        <input id={ids.name} type="text" value={name} onChange={(e) => setName(e.target.value)} required autoFocus />
        <label htmlFor={ids.email}>{t('contact.field.email')}</label>
        <input id={ids.email} type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
        <label htmlFor={ids.kind}>{t('contact.kindLabel')}</label>
        <select id={ids.kind} value={kind} onChange={(e) => setKind(e.target.value as ContactKind)}>
          <option value="person">{t('contact.kind.person')}</option>
          <option value="organisation">{t('contact.kind.organisation')}</option>
        </select>
        <ErrorMessage error={action.error} />
        <div className="row spaced">
          <button type="submit" disabled={action.busy || !name.trim()}>
            {t('contacts.create')}
          </button>
          <button type="button" className="secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** The contact list: search, create, and open or close portal access from the list itself. */
export function ContactsPage() {
  const { t } = useI18n();
  const searchId = useId();
  const [text, setText] = useState('');
  const search = useDebounced(text.trim());
  const [creating, setCreating] = useState(false);
  const contacts = usePaged((cursor) => get<Page<Contact>>(`/contacts${query({ search, cursor, limit: 50 })}`), [search]);
  const replace = (changed: Contact) => contacts.update((all) => all.map((c) => (c.contactId === changed.contactId ? changed : c)));

  return (
    <>
      <h1>{t('nav.contacts')}</h1>
      <div className="row toolbar">
        <div className="grow">
          <label htmlFor={searchId}>{t('contacts.search')}</label>
          <input id={searchId} type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder={t('contacts.searchPlaceholder')} />
        </div>
        <button type="button" aria-expanded={creating} onClick={() => setCreating(!creating)}>
          {t('contacts.newContact')}
        </button>
      </div>
      {creating && <NewContactForm onCancel={() => setCreating(false)} />}
      <ErrorMessage error={contacts.error} />
      {contacts.loading && !contacts.items.length ? (
        <Loading />
      ) : contacts.items.length ? (
        <div className="table-wrap">
          <table className="stack-on-phone" role="table">
            <thead role="rowgroup">
              <tr role="row">
                <th role="columnheader">{t('table.name')}</th>
                <th role="columnheader">{t('table.email')}</th>
                <th role="columnheader">{t('contacts.portalAccess')}</th>
              </tr>
            </thead>
            <tbody role="rowgroup">
              {contacts.items.map((c) => (
                <tr role="row" key={c.contactId}>
                  <td role="cell">
                    <Link to={`/contacts/${c.contactId}`}>{c.name}</Link>
                    {c.archived && <span className="muted">{t('contacts.archived')}</span>}
                  </td>
                  <td role="cell" className="break" data-label={t('table.email')}>
                    {c.email}
                    <UndeliverableBadge mark={c.undeliverable} />
                  </td>
                  <td role="cell" data-label={t('contacts.portalAccess')}>
                    <AccessToggle contact={c} onChanged={replace} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        !contacts.error && <p className="muted">{search ? t('contacts.noMatch') : t('contacts.none')}</p>
      )}
      {contacts.loading && contacts.items.length > 0 && <Loading />}
      {contacts.hasMore && (
        <button type="button" className="secondary" onClick={contacts.loadMore} disabled={contacts.loading}>
          {t('common.loadMore')}
        </button>
      )}
    </>
  );
}
