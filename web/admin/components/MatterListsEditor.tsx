import { useId, useState } from 'react';
import { get, put, type Answer } from '../../common/api.ts';
import { useI18n } from '../../common/i18n.ts';
import { ErrorMessage, Loading, useAsync } from '../../common/ui.tsx';
import { useAction } from './hooks.tsx';
import { useMatterWords } from './matterTerm.tsx';

type Lists = Answer<'staff-list-matter-lists'>;
type ListName = keyof Lists;
/** Each list's entries: a name, and the one thing besides it each list says. */
type Entry = { name: string; customerLabel?: string; customerVisible?: boolean; customerFile?: boolean };

/** What each list holds beside the name: the words customers see, or whether customers see it. */
const EXTRA: Record<ListName, { field: 'customerLabel' | 'customerVisible' | 'customerFile'; kind: 'text' | 'flag' } | undefined> = {
  statuses: { field: 'customerLabel', kind: 'text' },
  partyTypes: { field: 'customerVisible', kind: 'flag' },
  flags: { field: 'customerVisible', kind: 'flag' },
  documentTypes: { field: 'customerFile', kind: 'flag' },
  requestKinds: undefined,
};
const LISTS = Object.keys(EXTRA) as ListName[];

/**
 * The lists matters and requests draw on (admins): statuses with the words customers see, party
 * types, flags and document types each shown to customers or not, and the kinds of request.
 * Sent whole; a matter keeps a value removed since, but none is given anew.
 */
export function MatterListsEditor() {
  const { t } = useI18n();
  const words = useMatterWords();
  const lists = useAsync(() => get<Lists>('/matter-lists'), []);
  return (
    <section className="card" aria-labelledby="matter-lists-heading">
      <h2 id="matter-lists-heading">{t('matterLists.heading', words)}</h2>
      <p className="muted">{t('matterLists.intro', words)}</p>
      {lists.loading ? <Loading /> : lists.error ? <ErrorMessage error={lists.error} /> : <ListsForm initial={lists.data!} />}
    </section>
  );
}

function ListsForm({ initial }: { initial: Lists }) {
  const { t } = useI18n();
  const [lists, setLists] = useState<Record<ListName, Entry[]>>(initial as Record<ListName, Entry[]>);
  const [saved, setSaved] = useState(false);
  const action = useAction();
  const change = (list: ListName, entries: Entry[]) => {
    setSaved(false);
    setLists({ ...lists, [list]: entries });
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        void action.run(async () => {
          const trimmed = Object.fromEntries(LISTS.map((l) => [l, lists[l].filter((entry) => entry.name.trim())]));
          setLists((await put<Answer<'staff-update-matter-lists'>>('/matter-lists', trimmed)) as Record<ListName, Entry[]>);
          setSaved(true);
        });
      }}
    >
      {LISTS.map((list) => (
        <ListFields key={list} list={list} entries={lists[list]} onChange={(entries) => change(list, entries)} />
      ))}
      <div className="row spaced">
        <button type="submit" disabled={action.busy}>
          {t('matterLists.save')}
        </button>
      </div>
      {saved && (
        <p className="notice" role="status">
          {t('matterLists.saved')}
        </p>
      )}
      <ErrorMessage error={action.error} />
    </form>
  );
}

function ListFields({ list, entries, onChange }: { list: ListName; entries: Entry[]; onChange: (entries: Entry[]) => void }) {
  const { t } = useI18n();
  const id = useId();
  const extra = EXTRA[list];
  const set = (i: number, entry: Entry) => onChange(entries.map((e, n) => (n === i ? entry : e)));
  const blank: Entry = extra ? { name: '', [extra.field]: extra.kind === 'flag' ? false : '' } : { name: '' };
  return (
    <fieldset className="group">
      <legend>{t(`matterLists.${list}.heading`)}</legend>
      {entries.map((entry, i) => (
        <div className="row list-entry" key={i}>
          <label htmlFor={`${id}-${i}`}>{t(`matterLists.${list}.name`, { n: i + 1 })}</label>
          <input id={`${id}-${i}`} value={entry.name} maxLength={60} onChange={(e) => set(i, { ...entry, name: e.target.value })} />
          {extra?.kind === 'text' && (
            <>
              <label htmlFor={`${id}-${i}-x`}>{t(`matterLists.${list}.extra`, { name: entry.name })}</label>
              <input id={`${id}-${i}-x`} value={String(entry[extra.field] ?? '')} maxLength={80} onChange={(e) => set(i, { ...entry, [extra.field]: e.target.value })} />
            </>
          )}
          {extra?.kind === 'flag' && (
            <label className="check">
              <input type="checkbox" checked={Boolean(entry[extra.field])} onChange={(e) => set(i, { ...entry, [extra.field]: e.target.checked })} />
              {t(`matterLists.${list}.extra`, { name: entry.name })}
            </label>
          )}
          <button type="button" className="secondary" onClick={() => onChange(entries.filter((_, n) => n !== i))} aria-label={t('matterLists.remove', { name: entry.name || t(`matterLists.${list}.name`, { n: i + 1 }) })}>
            {t('matterLists.removeButton')}
          </button>
        </div>
      ))}
      <button type="button" className="secondary" onClick={() => onChange([...entries, blank])}>
        {t(`matterLists.${list}.add`)}
      </button>
    </fieldset>
  );
}
