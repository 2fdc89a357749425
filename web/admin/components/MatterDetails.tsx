import { useId, useState } from 'react';
import { patch } from '../../common/api.ts';
import { useI18n } from '../../common/i18n.ts';
import { ErrorMessage } from '../../common/ui.tsx';
import { useAction } from './hooks.tsx';
import { useMatterWords } from './matterTerm.tsx';
import type { Matter, MatterLists } from './types.tsx';

/** The fields staff change most: reference, title, status, description and flags (each marked when customers see it). */
export function MatterDetails({ matter, lists, onSaved }: { matter: Matter; lists: MatterLists; onSaved: (m: Matter) => void }) {
  const { t } = useI18n();
  const words = useMatterWords();
  const ids = { reference: useId(), title: useId(), status: useId(), description: useId() };
  const [reference, setReference] = useState(matter.reference);
  const [title, setTitle] = useState(matter.title);
  const [status, setStatus] = useState(matter.status);
  const [description, setDescription] = useState(matter.description ?? '');
  const [flags, setFlags] = useState(matter.flags);
  const [saved, setSaved] = useState(false);
  const action = useAction();
  const save = () =>
    action.run(async () => {
      setSaved(false);
      onSaved(await patch<Matter>(`/matters/${matter.matterId}`, { ...(reference.trim() !== matter.reference ? { reference } : {}), title, status, description, flags }));
      setSaved(true);
    });
  const statuses = lists.statuses.some((s) => s.name === matter.status) ? lists.statuses : [{ name: matter.status, customerLabel: '' }, ...lists.statuses];
  return (
    <section className="card" aria-label={t('matter.details', words)}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label htmlFor={ids.reference}>{t('matter.field.reference')}</label>
        <input id={ids.reference} type="text" value={reference} onChange={(e) => setReference(e.target.value)} maxLength={40} required />
        <label htmlFor={ids.title}>{t('matter.field.title')}</label>
        <input id={ids.title} type="text" value={title} onChange={(e) => setTitle(e.target.value)} required />
        <label htmlFor={ids.status}>{t('matter.field.status')}</label>
        <select id={ids.status} value={status} onChange={(e) => setStatus(e.target.value)}>
          {statuses.map((s) => (
            <option key={s.name} value={s.name}>
              {s.customerLabel ? t('matter.statusOption', { name: s.name, label: s.customerLabel }) : s.name}
            </option>
          ))}
        </select>
        <label htmlFor={ids.description}>{t('matter.field.description')}</label>
        <textarea id={ids.description} value={description} onChange={(e) => setDescription(e.target.value)} rows={4} />
        <fieldset>
          <legend>{t('matter.field.flags')}</legend>
          {lists.flags.map((f) => (
            <label key={f.name} className="check">
              <input type="checkbox" checked={flags.includes(f.name)} onChange={(e) => setFlags(e.target.checked ? [...flags, f.name] : flags.filter((x) => x !== f.name))} />{' '}
              {f.customerVisible ? t('matter.flagVisible', { name: f.name }) : t('matter.flagInternal', { name: f.name })}
            </label>
          ))}
        </fieldset>
        <ErrorMessage error={action.error} />
        {saved && <p role="status">{t('matter.saved', words)}</p>}
        <button type="submit" disabled={action.busy || !title.trim() || !reference.trim()}>
          {t('common.save')}
        </button>
      </form>
    </section>
  );
}
