/**
 * A matter's responsible staff: their emails, at least one. Staff users are listed only to admins,
 * so an email is typed (and checked as one) rather than picked.
 */
import { useId, useState } from 'react';
import { useI18n } from '../../common/i18n.ts';
import { UiError } from '../../common/ui-error.ts';
import { ErrorMessage } from '../../common/ui.tsx';
import { RowButtons, RowsTable, SaveBar, useMatterDraft } from './matterDraft.tsx';
import type { Matter } from './types.tsx';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function MatterStaff({ matter, onSaved }: { matter: Matter; onSaved: (m: Matter) => void }) {
  const { t } = useI18n();
  const draft = useMatterDraft(matter, 'responsibleStaff', onSaved);
  const ids = { email: useId() };
  const [email, setEmail] = useState('');
  const [problem, setProblem] = useState<UiError>();
  const heading = t('matter.staff.heading');
  const add = () => {
    const address = email.trim().toLowerCase();
    if (!EMAIL.test(address)) return setProblem(new UiError('matter.staff.notEmail', 'Type a staff member’s email address.'));
    if (draft.draft.includes(address)) return setProblem(new UiError('matter.staff.listed', `${address} is already listed.`, { email: address }));
    setProblem(undefined);
    draft.change([...draft.draft, address]);
    setEmail('');
  };
  return (
    <section className="card" aria-labelledby="matter-staff">
      <h2 id="matter-staff">{heading}</h2>
      <p className="muted">{t('matter.staff.intro')}</p>
      {draft.draft.length ? (
        <RowsTable
          label={heading}
          headings={[t('table.email')]}
          rows={draft.draft}
          rowKey={(address) => address}
          cells={(address) => [address]}
          actions={(address) => <RowButtons name={address} onRemove={() => draft.change(draft.draft.filter((a) => a !== address))} />}
        />
      ) : (
        <p className="notice">{t('matter.staff.atLeastOne')}</p>
      )}
      <form
        className="picker"
        aria-label={t('matter.staff.add')}
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <label htmlFor={ids.email}>{t('matter.staff.email')}</label>
        <div className="row">
          <input id={ids.email} className="grow" type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="off" required />
          <button type="submit" className="secondary">
            {t('matter.staff.add')}
          </button>
        </div>
        <ErrorMessage error={problem} />
      </form>
      <SaveBar draft={draft} label={t('matter.staff.save')} savedText={t('matter.staff.saved')} disabled={!draft.draft.length} onSave={() => void draft.save()} />
    </section>
  );
}
