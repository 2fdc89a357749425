/**
 * What the matter page's list sections (deadlines, parties, responsible staff, tasks) share: a
 * draft of one of the matter's lists that staff change row by row and save whole with one PATCH,
 * the table the rows are shown in (cards on a phone), and the bar with the save button, the
 * refusal and the confirmation.
 */
import { useState, type ReactNode } from 'react';
import { patch } from '../../common/api.ts';
import { useI18n } from '../../common/i18n.ts';
import { ErrorMessage } from '../../common/ui.tsx';
import { useAction } from './hooks.tsx';
import type { Matter } from './types.tsx';

type ListField = 'deadlines' | 'parties' | 'responsibleStaff' | 'tasks';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * A draft of `matter[field]`. `save(body)` sends the body (the draft by default) and, on success,
 * hands the matter the API answered to `onSaved`, so the page shows what was stored. A list
 * nobody touched follows the matter when another section saves it.
 */
export function useMatterDraft<F extends ListField>(matter: Matter, field: F, onSaved: (m: Matter) => void) {
  const stored = matter[field];
  const [draft, setDraft] = useState<Matter[F]>(stored);
  const [base, setBase] = useState<Matter[F]>(stored);
  const [saved, setSaved] = useState(false);
  const action = useAction();
  if (stored !== base) {
    setBase(stored);
    if (same(draft, base)) setDraft(stored);
  }
  const change = (next: Matter[F]) => {
    setDraft(next);
    setSaved(false);
    action.clearError();
  };
  const save = (body: Record<string, unknown> = { [field]: draft }) =>
    action.run(async () => {
      setSaved(false);
      const answer = await patch<Matter>(`/matters/${matter.matterId}`, body);
      setDraft(answer[field]);
      setBase(answer[field]);
      onSaved(answer);
      setSaved(true);
    });
  return { draft, change, dirty: !same(draft, stored), save, saved, action };
}

/**
 * A section's rows: the first cell names the row, each other cell carries its column's heading
 * for the phone's cards, the last holds the row's buttons.
 */
export function RowsTable<T>({ label, headings, rows, rowKey, cells, actions }: { label: string; headings: string[]; rows: T[]; rowKey: (row: T, index: number) => string; cells: (row: T, index: number) => ReactNode[]; actions: (row: T, index: number) => ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="table-wrap">
      <table className="stack-on-phone" role="table" aria-label={label}>
        <thead role="rowgroup">
          <tr role="row">
            {headings.map((h) => (
              <th role="columnheader" key={h}>
                {h}
              </th>
            ))}
            <th role="columnheader">{t('table.actions')}</th>
          </tr>
        </thead>
        <tbody role="rowgroup">
          {rows.map((row, i) => (
            <tr role="row" key={rowKey(row, i)}>
              {cells(row, i).map((cell, c) => (
                <td role="cell" className="break" key={headings[c]} data-label={c ? headings[c] : undefined}>
                  {cell}
                </td>
              ))}
              <td role="cell">
                <div className="actions">{actions(row, i)}</div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A row's Edit and Remove buttons, each naming the row for a screen reader. */
export function RowButtons({ name, onEdit, onRemove }: { name: string; onEdit?: () => void; onRemove: () => void }) {
  const { t } = useI18n();
  return (
    <>
      {onEdit && (
        <button type="button" className="secondary" aria-label={t('matter.editLabel', { name })} onClick={onEdit}>
          {t('matter.edit')}
        </button>
      )}
      <button type="button" className="secondary" aria-label={t('matter.removeLabel', { name })} onClick={onRemove}>
        {t('matter.remove')}
      </button>
    </>
  );
}

/** What the save bar reads of a draft. */
interface DraftState {
  dirty: boolean;
  saved: boolean;
  action: { busy: boolean; error: unknown };
}

/** Under a section: what the API refused, that changes wait to be saved, or that they were; and the save button. */
export function SaveBar({ draft, dirty = draft.dirty, label, savedText, disabled = false, onSave }: { draft: DraftState; dirty?: boolean; label: string; savedText: string; disabled?: boolean; onSave: () => void }) {
  const { t } = useI18n();
  return (
    <div className="spaced">
      <ErrorMessage error={draft.action.error} />
      {dirty && !draft.action.busy && <p className="notice">{t('matter.unsaved')}</p>}
      {draft.saved && !dirty && <p role="status">{savedText}</p>}
      <button type="button" disabled={draft.action.busy || disabled || !dirty} onClick={onSave}>
        {label}
      </button>
    </div>
  );
}

/** Replaces the row at `index` (or adds one when `index` is undefined). */
export const withRow = <T,>(rows: readonly T[], row: T, index: number | undefined): T[] => (index === undefined ? [...rows, row] : rows.map((r, i) => (i === index ? row : r)));
