import { useId, useState } from 'react';
import { ACTION_LABELS } from '../../../shared/domain/activity.ts';
import { downloadFile, query } from '../../common/api.ts';
import { useI18n } from '../../common/i18n.ts';
import { ErrorMessage } from '../../common/ui.tsx';
import { actionWords } from '../components/auditWords.ts';
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
  const { t } = useI18n();
  const ids = { actor: useId(), action: useId(), from: useId(), to: useId() };
  const [draft, setDraft] = useState<Filter>({});
  const [filter, setFilter] = useState<Filter>({});
  const exporting = useAction();
  const set = (key: keyof Filter) => (e: { target: { value: string } }) => setDraft({ ...draft, [key]: e.target.value || undefined });
  return (
    <>
      <h1>{t('nav.activity')}</h1>
      <form
        className="card filters"
        aria-label={t('activityPage.filter')}
        onSubmit={(e) => {
          e.preventDefault();
          setFilter({ ...draft, actor: draft.actor?.trim() || undefined });
        }}
      >
        <div className="row wrap">
          <span>
            <label htmlFor={ids.actor}>{t('activityPage.person')}</label>
            <input id={ids.actor} type="text" value={draft.actor ?? ''} onChange={set('actor')} />
          </span>
          <span>
            <label htmlFor={ids.action}>{t('activityPage.action')}</label>
            <select id={ids.action} value={draft.action ?? ''} onChange={set('action')}>
              <option value="">{t('activityPage.anyAction')}</option>
              {Object.keys(ACTION_LABELS).map((code) => (
                <option key={code} value={code}>
                  {actionWords(code, t)}
                </option>
              ))}
            </select>
          </span>
          <span>
            <label htmlFor={ids.from}>{t('activityPage.from')}</label>
            <input id={ids.from} type="date" value={draft.from ?? ''} onChange={set('from')} />
          </span>
          <span>
            <label htmlFor={ids.to}>{t('activityPage.to')}</label>
            <input id={ids.to} type="date" value={draft.to ?? ''} onChange={set('to')} />
          </span>
        </div>
        <div className="row">
          <button type="submit">{t('activityPage.show')}</button>
          <button type="button" className="secondary" disabled={exporting.busy} onClick={() => void exporting.run(() => downloadFile(`/audit/export${query({ ...filter })}`, 'portal-activity.csv'))}>
            {exporting.busy ? t('activityPage.exporting') : t('activityPage.export')}
          </button>
        </div>
        <ErrorMessage error={exporting.error} />
      </form>
      <AuditList path="/audit" showContact filter={{ ...filter }} />
    </>
  );
}
