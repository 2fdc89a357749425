import { useId, useState } from 'react';
import { get, query } from '../../common/api.ts';
import { useI18n } from '../../common/i18n.ts';
import { ErrorMessage, Loading, useAsync } from '../../common/ui.tsx';
import { useDebounced } from './hooks.tsx';
import type { Contact, Page } from './types.tsx';

/** Finds a contact by the start of its name or its exact email, and hands the chosen one back. */
export function ContactSearch({ label, onPick, exclude = [] }: { label: string; onPick: (contact: Contact) => void; exclude?: string[] }) {
  const { t } = useI18n();
  const id = useId();
  const [text, setText] = useState('');
  const search = useDebounced(text.trim());
  const results = useAsync(
    () => (search ? get<Page<Contact>>(`/contacts${query({ search, limit: 10 })}`) : Promise.resolve({ items: [] })),
    [search],
  );
  const found = (results.data?.items ?? []).filter((c) => !exclude.includes(c.contactId));
  return (
    <div>
      <label htmlFor={id}>{label}</label>
      <input id={id} type="search" value={text} onChange={(e) => setText(e.target.value)} autoComplete="off" />
      {results.loading && search ? <Loading label={t('contacts.searching')} /> : null}
      <ErrorMessage error={results.error} />
      {search && !results.loading && !results.error && found.length === 0 && <p className="muted">{t('contacts.notFound')}</p>}
      <ul className="plain">
        {found.map((c) => (
          <li key={c.contactId}>
            <button type="button" className="secondary" onClick={() => onPick(c)}>
              {c.name}
            </button>{' '}
            <span className="muted">{c.email}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
