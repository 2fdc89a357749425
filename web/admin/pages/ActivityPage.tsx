import { useId, useState } from 'react';
import { ACTION_LABELS } from '../../../shared/domain/activity.ts';
import { downloadFile, query } from '../../common/api.ts';
import { ErrorMessage } from '../../common/ui.tsx';
import { AuditList } from '../components/AuditList.tsx';
import { useAction } from '../components/hooks.tsx';

interface Filter {
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
}

/** The firm's audit trail, newest first, narrowed by person, action and dates, and exported as CSV; the API lets only admins see it. */
export function ActivityPage() {
  const ids = { actor: useId(), action: useId(), from: useId(), to: useId() };
  const [draft, setDraft] = useState<Filter>({});
  const [filter, setFilter] = useState<Filter>({});
  const exporting = useAction();
  const set = (key: keyof Filter) => (e: { target: { value: string } }) => setDraft({ ...draft, [key]: e.target.value || undefined });
  return (
    <>
      <h1>Activity</h1>
      <form
        className="card filters"
        aria-label="Filter the activity"
        onSubmit={(e) => {
          e.preventDefault();
          setFilter({ ...draft, actor: draft.actor?.trim() || undefined });
        }}
      >
        <div className="row wrap">
          <span>
            <label htmlFor={ids.actor}>Person (email or name)</label>
            <input id={ids.actor} type="text" value={draft.actor ?? ''} onChange={set('actor')} />
          </span>
          <span>
            <label htmlFor={ids.action}>Action</label>
            <select id={ids.action} value={draft.action ?? ''} onChange={set('action')}>
              <option value="">Any action</option>
              {Object.entries(ACTION_LABELS).map(([code, label]) => (
                <option key={code} value={code}>
                  {label}
                </option>
              ))}
            </select>
          </span>
          <span>
            <label htmlFor={ids.from}>From</label>
            <input id={ids.from} type="date" value={draft.from ?? ''} onChange={set('from')} />
          </span>
          <span>
            <label htmlFor={ids.to}>To</label>
            <input id={ids.to} type="date" value={draft.to ?? ''} onChange={set('to')} />
          </span>
        </div>
        <div className="row">
          <button type="submit">Show</button>
          <button type="button" className="secondary" disabled={exporting.busy} onClick={() => void exporting.run(() => downloadFile(`/audit/export${query({ ...filter })}`, 'portal-activity.csv'))}>
            {exporting.busy ? 'Exporting…' : 'Export as CSV'}
          </button>
        </div>
        <ErrorMessage error={exporting.error} />
      </form>
      <AuditList path="/audit" showContact filter={{ ...filter }} />
    </>
  );
}
