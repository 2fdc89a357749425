/** A matter's tasks (internal: never shown to customers): title, due date, assignee, done; saved together, each keeping its id. */
import { useId, useState } from 'react';
import { formatDay } from '../../common/format.ts';
import { useI18n } from '../../common/i18n.ts';
import { RowButtons, RowsTable, SaveBar, useMatterDraft, withRow } from './matterDraft.tsx';
import type { Matter } from './types.tsx';

/** A task as the form makes it: a new one has no id until the API gives it one when the tasks are saved. */
type Task = Omit<Matter['tasks'][number], 'taskId'> & { taskId?: string };

export function MatterTasks({ matter, onSaved }: { matter: Matter; onSaved: (m: Matter) => void }) {
  const { t, locale } = useI18n();
  const draft = useMatterDraft(matter, 'tasks', onSaved);
  const [editing, setEditing] = useState<number>();
  const heading = t('matter.tasks.heading');
  return (
    <section className="card" aria-labelledby="matter-tasks">
      <h2 id="matter-tasks">{heading}</h2>
      <p className="muted">{t('matter.tasks.intro')}</p>
      {draft.draft.length ? (
        <RowsTable
          label={heading}
          headings={[t('matter.tasks.title'), t('matter.tasks.dueDate'), t('matter.tasks.assignee'), t('matter.tasks.done')]}
          rows={draft.draft}
          rowKey={(task, i) => task.taskId || `new-${i}`}
          cells={(task, i) => [
            task.title,
            task.dueDate ? formatDay(task.dueDate, locale) : '',
            task.assignee ?? '',
            <input
              type="checkbox"
              aria-label={t('matter.tasks.doneLabel', { title: task.title })}
              checked={task.done}
              onChange={(e) => draft.change(withRow(draft.draft, { ...task, done: e.target.checked }, i))}
            />,
          ]}
          actions={(task, i) => (
            <RowButtons
              name={task.title}
              onEdit={() => setEditing(i)}
              onRemove={() => {
                setEditing(undefined);
                draft.change(draft.draft.filter((_, j) => j !== i));
              }}
            />
          )}
        />
      ) : (
        <p>{t('matter.tasks.none')}</p>
      )}
      <TaskForm
        key={editing ?? 'new'}
        editing={editing === undefined ? undefined : draft.draft[editing]}
        onCancel={() => setEditing(undefined)}
        onDone={(task) => {
          draft.change(withRow<Task>(draft.draft, task, editing) as Matter['tasks']);
          setEditing(undefined);
        }}
      />
      <SaveBar draft={draft} label={t('matter.tasks.save')} savedText={t('matter.tasks.saved')} onSave={() => void draft.save()} />
    </section>
  );
}

/** Adds a task to the draft, or changes the one being edited (its id and done state kept). */
function TaskForm({ editing, onDone, onCancel }: { editing?: Task; onDone: (task: Task) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const ids = { title: useId(), due: useId(), assignee: useId() };
  const [title, setTitle] = useState(editing?.title ?? '');
  const [dueDate, setDueDate] = useState(editing?.dueDate ?? '');
  const [assignee, setAssignee] = useState(editing?.assignee ?? '');
  const formTitle = editing ? t('matter.tasks.editHeading') : t('matter.tasks.newHeading');
  return (
    <form
      className="picker"
      aria-label={formTitle}
      onSubmit={(e) => {
        e.preventDefault();
        const task: Task = { ...editing, title: title.trim(), done: editing?.done ?? false };
        if (dueDate) task.dueDate = dueDate;
        else delete task.dueDate;
        if (assignee.trim()) task.assignee = assignee.trim().toLowerCase();
        else delete task.assignee;
        onDone(task);
      }}
    >
      <h3>{formTitle}</h3>
      <label htmlFor={ids.title}>{t('matter.tasks.title')}</label>
      <input id={ids.title} type="text" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} required />
      <label htmlFor={ids.due}>{t('matter.tasks.dueDate')}</label>
      <input id={ids.due} type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} />
      <label htmlFor={ids.assignee}>{t('matter.tasks.assigneeEmail')}</label>
      <input id={ids.assignee} type="email" value={assignee} onChange={(e) => setAssignee(e.target.value)} autoComplete="off" />
      <div className="row spaced">
        <button type="submit" className="secondary" disabled={!title.trim()}>
          {editing ? t('matter.tasks.update') : t('matter.tasks.add')}
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
