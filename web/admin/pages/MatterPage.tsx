import { useId, useState } from 'react';
import { Link, useParams } from 'react-router';
import { del, get, patch, post } from '../../common/api.ts';
import { formatDate } from '../../common/format.ts';
import { useI18n } from '../../common/i18n.ts';
import { useMatterWords } from '../components/matterTerm.tsx';
import { ErrorMessage, Loading, useAsync } from '../../common/ui.tsx';
import { useAction } from '../components/hooks.tsx';
import { MatterComments } from '../components/MatterComments.tsx';
import { MatterDocuments } from '../components/MatterDocuments.tsx';
import { MatterParties } from '../components/MatterParties.tsx';
import type { Matter, MatterLists } from '../components/types.tsx';

/** The fields staff change most: title, status, description and flags (each marked when customers see it). */
function MatterDetails({ matter, lists, onSaved }: { matter: Matter; lists: MatterLists; onSaved: (m: Matter) => void }) {
  const { t } = useI18n();
  const words = useMatterWords();
  const ids = { title: useId(), status: useId(), description: useId() };
  const [title, setTitle] = useState(matter.title);
  const [status, setStatus] = useState(matter.status);
  const [description, setDescription] = useState(matter.description ?? '');
  const [flags, setFlags] = useState(matter.flags);
  const [saved, setSaved] = useState(false);
  const action = useAction();
  const save = () =>
    action.run(async () => {
      setSaved(false);
      onSaved(await patch<Matter>(`/matters/${matter.matterId}`, { title, status, description, flags }));
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
        <button type="submit" disabled={action.busy || !title.trim()}>
          {t('common.save')}
        </button>
      </form>
    </section>
  );
}

/** Approval (F22): who approved and when, or pending; approving and reopening are one click each. */
function MatterApproval({ matter, onChanged }: { matter: Matter; onChanged: (m: Matter) => void }) {
  const { t, locale } = useI18n();
  const action = useAction();
  const path = `/matters/${matter.matterId}/approval`;
  const approval = matter.approval;
  return (
    <section className="card" aria-label={t('matter.approval.heading')}>
      <h2>{t('matter.approval.heading')}</h2>
      <p>{approval.state === 'approved' ? t('matter.approval.approved', { name: approval.by, date: formatDate(approval.at, locale) }) : t('matter.approval.pending')}</p>
      <ErrorMessage error={action.error} />
      {approval.state === 'approved' ? (
        <button type="button" className="secondary" disabled={action.busy} onClick={() => void action.run(async () => onChanged(await del<Matter>(path)))}>
          {t('matter.approval.reopen')}
        </button>
      ) : (
        <button type="button" disabled={action.busy} onClick={() => void action.run(async () => onChanged(await post<Matter>(path)))}>
          {t('matter.approval.approve')}
        </button>
      )}
    </section>
  );
}

/** A matter's page: its client and parties, its details, its approval, its documents with their types, and a way to its folder in the drive. */
export function MatterPage() {
  const { t } = useI18n();
  const words = useMatterWords();
  const { matterId } = useParams();
  const loaded = useAsync(() => Promise.all([get<Matter>(`/matters/${matterId}`), get<MatterLists>('/matter-lists')]), [matterId]);
  const [changed, setChanged] = useState<Matter>();
  if (loaded.loading && !loaded.data) return <Loading />;
  if (!loaded.data) return <ErrorMessage error={loaded.error} />;
  const [first, lists] = loaded.data;
  const matter = changed?.matterId === first.matterId ? changed : first;
  return (
    <>
      <p>
        <Link to="/matters">{t('matter.back', words)}</Link>
      </p>
      <h1>{t('matter.heading', { reference: matter.reference, title: matter.title })}</h1>
      <p>
        <Link to={`/drive/${matter.folderId}`}>{t('matter.folder')}</Link>
      </p>
      <MatterParties matter={matter} />
      <MatterDetails key={matter.matterId} matter={matter} lists={lists} onSaved={setChanged} />
      <MatterApproval matter={matter} onChanged={setChanged} />
      <MatterDocuments matterId={matter.matterId} lists={lists} />
      <MatterComments matterId={matter.matterId} />
    </>
  );
}
