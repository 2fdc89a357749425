import { del, post } from '../../common/api.ts';
import { formatDate } from '../../common/format.ts';
import { useI18n } from '../../common/i18n.ts';
import { ErrorMessage } from '../../common/ui.tsx';
import { useAction } from './hooks.tsx';
import type { Matter } from './types.tsx';

/** Approval (F22): who approved and when, or pending; approving and reopening are one click each. */
export function MatterApproval({ matter, onChanged }: { matter: Matter; onChanged: (m: Matter) => void }) {
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
