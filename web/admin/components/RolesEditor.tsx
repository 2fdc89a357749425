import { useId, useState } from 'react';
import { get, put, type Answer } from '../../common/api.ts';
import { useI18n } from '../../common/i18n.ts';
import { ErrorMessage, Loading, useAsync } from '../../common/ui.tsx';
import { useAction } from './hooks.tsx';

/** The roles staff choose from when they link contacts (admins). Links made earlier keep their role's name. */
export function RolesEditor() {
  const { t } = useI18n();
  const roles = useAsync(() => get<Answer<'staff-list-roles'>>('/roles'), []);
  return (
    <section className="card">
      <h2>{t('roles.heading')}</h2>
      {roles.loading ? <Loading /> : roles.error ? <ErrorMessage error={roles.error} /> : <RolesForm initial={roles.data!.roles} />}
    </section>
  );
}

function RolesForm({ initial }: { initial: string[] }) {
  const { t } = useI18n();
  const id = useId();
  const [text, setText] = useState(initial.join('\n'));
  const [saved, setSaved] = useState(false);
  const action = useAction();
  const roles = text.split('\n').map((r) => r.trim()).filter(Boolean);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        void action.run(async () => {
          const result = await put<Answer<'staff-update-roles'>>('/roles', { roles });
          setText(result.roles.join('\n'));
          setSaved(true);
        });
      }}
    >
      <label htmlFor={id}>{t('roles.label')}</label>
      <textarea id={id} rows={Math.max(4, roles.length + 1)} value={text} onChange={(e) => setText(e.target.value)} aria-describedby={`${id}-hint`} />
      <p className="muted" id={`${id}-hint`}>
        {t('roles.defaultsHint')}
      </p>
      <div className="row spaced">
        <button type="submit" disabled={action.busy}>
          {t('roles.save')}
        </button>
      </div>
      {saved && (
        <p className="notice" role="status">
          {t('roles.saved')}
        </p>
      )}
      <ErrorMessage error={action.error} />
    </form>
  );
}
