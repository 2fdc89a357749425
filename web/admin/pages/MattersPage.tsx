import { useId, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { get, post, query } from '../../common/api.ts';
import { formatDay } from '../../common/format.ts';
import { useI18n } from '../../common/i18n.ts';
import { PagedList } from '../../common/PagedList.tsx';
import { useMatterWords } from '../components/matterTerm.tsx';
import { ErrorMessage, useAsync } from '../../common/ui.tsx';
import { ContactSearch } from '../components/ContactSearch.tsx';
import { useAction, usePaged } from '../components/hooks.tsx';
import type { Contact, Matter, MatterLists, MatterSummary, Page } from '../components/types.tsx';

/** A new matter: its title and client; the reference is the firm's next unless one is typed. */
function NewMatterForm({ onCancel }: { onCancel: () => void }) {
  const { t } = useI18n();
  const words = useMatterWords();
  const navigate = useNavigate();
  const ids = { title: useId(), reference: useId() };
  const [title, setTitle] = useState('');
  const [reference, setReference] = useState('');
  const [client, setClient] = useState<Contact>();
  const action = useAction();
  const create = () =>
    action.run(async () => {
      const matter = await post<Matter>('/matters', { title, clientId: client!.contactId, ...(reference.trim() ? { reference: reference.trim() } : {}) });
      navigate(`/matters/${matter.matterId}`);
    });
  return (
    <section className="card" aria-label={t('matters.newMatter', words)}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <label htmlFor={ids.title}>{t('matter.field.title')}</label>
        <input id={ids.title} type="text" value={title} onChange={(e) => setTitle(e.target.value)} required autoFocus />
        <label htmlFor={ids.reference}>{t('matter.field.reference')}</label>
        <input id={ids.reference} type="text" value={reference} onChange={(e) => setReference(e.target.value)} placeholder={t('matters.referenceHint')} />
        {client ? (
          <p>
            {t('matter.clientIs', { name: client.name })}{' '}
            <button type="button" className="secondary" onClick={() => setClient(undefined)}>
              {t('matters.changeClient')}
            </button>
          </p>
        ) : (
          <ContactSearch label={t('matters.findClient')} onPick={setClient} />
        )}
        <ErrorMessage error={action.error} />
        <div className="row spaced">
          <button type="submit" disabled={action.busy || !title.trim() || !client}>
            {t('matters.create', words)}
          </button>
          <button type="button" className="secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** The matter list: newest first, narrowed by status; a matter opens its page. */
export function MattersPage() {
  const { t, locale } = useI18n();
  const words = useMatterWords();
  const statusId = useId();
  const [status, setStatus] = useState('');
  const [creating, setCreating] = useState(false);
  const lists = useAsync(() => get<MatterLists>('/matter-lists'), []);
  const matters = usePaged((cursor) => get<Page<MatterSummary>>(`/matters${query({ status: status || undefined, cursor, limit: 50 })}`), [status]);
  return (
    <>
      <h1>{t('nav.matters', words)}</h1>
      <div className="row toolbar">
        <div className="grow">
          <label htmlFor={statusId}>{t('matters.statusFilter')}</label>
          <select id={statusId} value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">{t('matters.anyStatus')}</option>
            {lists.data?.statuses.map((s) => (
              <option key={s.name} value={s.name}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <button type="button" aria-expanded={creating} onClick={() => setCreating(!creating)}>
          {t('matters.newMatter', words)}
        </button>
      </div>
      {creating && <NewMatterForm onCancel={() => setCreating(false)} />}
      <ErrorMessage error={lists.error} />
      <PagedList listing={matters} empty={status ? t('matters.noMatch', words) : t('matters.none', words)}>
        {(items) => (
          <div className="table-wrap">
            <table className="stack-on-phone" role="table">
              <thead role="rowgroup">
                <tr role="row">
                  <th role="columnheader">{t('matter.field.reference')}</th>
                  <th role="columnheader">{t('matter.field.title')}</th>
                  <th role="columnheader">{t('matter.field.status')}</th>
                  <th role="columnheader">{t('matters.nextDeadline')}</th>
                  <th role="columnheader">{t('matter.approval.heading')}</th>
                </tr>
              </thead>
              <tbody role="rowgroup">
                {items.map((m) => (
                  <tr role="row" key={m.matterId}>
                    <td role="cell">
                      <Link to={`/matters/${m.matterId}`}>{m.reference}</Link>
                    </td>
                    <td role="cell">{m.title}</td>
                    <td role="cell" data-label={t('matter.field.status')}>{m.status}</td>
                    <td role="cell" data-label={t('matters.nextDeadline')}>{m.nextDeadline ? formatDay(m.nextDeadline, locale) : ''}</td>
                    <td role="cell" data-label={t('matter.approval.heading')}>{m.approved ? t('matter.approval.approvedShort') : t('matter.approval.pendingShort')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </PagedList>
    </>
  );
}
