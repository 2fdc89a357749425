/** A matter's deadlines: each marked for customers or internal, changed row by row and saved together. */
import { useId, useState } from 'react';
import { formatDay } from '../../common/format.ts';
import { useI18n } from '../../common/i18n.ts';
import { RowButtons, RowsTable, SaveBar, useMatterDraft, withRow } from './matterDraft.tsx';
import type { Matter } from './types.tsx';

type Deadline = Matter['deadlines'][number];

export function MatterDeadlines({ matter, onSaved }: { matter: Matter; onSaved: (m: Matter) => void }) {
  const { t, locale } = useI18n();
  const draft = useMatterDraft(matter, 'deadlines', onSaved);
  const [editing, setEditing] = useState<number>();
  const heading = t('matter.deadlines.heading');
  return (
    <section className="card" aria-labelledby="matter-deadlines">
      <h2 id="matter-deadlines">{heading}</h2>
      <p className="muted">{t('matter.deadlines.intro')}</p>
      {draft.draft.length ? (
        <RowsTable
          label={heading}
          headings={[t('matter.deadlines.label'), t('matter.deadlines.date'), t('matter.deadlines.seenBy')]}
          rows={draft.draft}
          rowKey={(d, i) => `${i}-${d.label}`}
          cells={(d) => [d.label, formatDay(d.date, locale), d.customerVisible ? t('matter.deadlines.visible') : t('matter.deadlines.internal')]}
          actions={(d, i) => (
            <RowButtons
              name={d.label}
              onEdit={() => setEditing(i)}
              onRemove={() => {
                setEditing(undefined);
                draft.change(draft.draft.filter((_, j) => j !== i));
              }}
            />
          )}
        />
      ) : (
        <p>{t('matter.deadlines.none')}</p>
      )}
      <DeadlineForm
        key={editing ?? 'new'}
        editing={editing === undefined ? undefined : draft.draft[editing]}
        onCancel={() => setEditing(undefined)}
        onDone={(d) => {
          draft.change(withRow(draft.draft, d, editing));
          setEditing(undefined);
        }}
      />
      <SaveBar draft={draft} label={t('matter.deadlines.save')} savedText={t('matter.deadlines.saved')} onSave={() => void draft.save()} />
    </section>
  );
}

/** Adds a deadline to the draft, or changes the one being edited. */
function DeadlineForm({ editing, onDone, onCancel }: { editing?: Deadline; onDone: (d: Deadline) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const ids = { label: useId(), date: useId(), visible: useId() };
  const [label, setLabel] = useState(editing?.label ?? '');
  const [date, setDate] = useState(editing?.date ?? '');
  const [customerVisible, setVisible] = useState(editing?.customerVisible ?? false);
  return (
    <form
      className="picker"
      aria-label={editing ? t('matter.deadlines.editHeading') : t('matter.deadlines.newHeading')}
      onSubmit={(e) => {
        e.preventDefault();
        onDone({ label: label.trim(), date, customerVisible });
      }}
    >
      <h3>{editing ? t('matter.deadlines.editHeading') : t('matter.deadlines.newHeading')}</h3>
      <label htmlFor={ids.label}>{t('matter.deadlines.label')}</label>
      <input id={ids.label} type="text" value={label} onChange={(e) => setLabel(e.target.value)} maxLength={120} required />
      <label htmlFor={ids.date}>{t('matter.deadlines.date')}</label>
      <input id={ids.date} type="date" value={date} onChange={(e) => setDate(e.target.value)} required />
      <label className="check" htmlFor={ids.visible}>
        <input id={ids.visible} type="checkbox" checked={customerVisible} onChange={(e) => setVisible(e.target.checked)} /> {t('matter.deadlines.customersSee')}
      </label>
      <div className="row spaced">
        <button type="submit" className="secondary" disabled={!label.trim() || !date}>
          {editing ? t('matter.deadlines.update') : t('matter.deadlines.add')}
        </button>
        {editing && (
          <button type="button" className="link" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
