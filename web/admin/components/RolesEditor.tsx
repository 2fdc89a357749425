import { useId, useState } from 'react';
import { get, put, type Answer } from '../../common/api.ts';
import { ErrorMessage, Loading, useAsync } from '../../common/ui.tsx';
import { useAction } from './hooks.tsx';

/** The roles staff choose from when they link contacts (admins). Links made earlier keep their role's name. */
export function RolesEditor() {
  const roles = useAsync(() => get<Answer<'staff-list-roles'>>('/roles'), []);
  return (
    <section className="card">
      <h2>Roles for linked contacts</h2>
      {roles.loading ? <Loading /> : roles.error ? <ErrorMessage error={roles.error} /> : <RolesForm initial={roles.data!.roles} />}
    </section>
  );
}

function RolesForm({ initial }: { initial: string[] }) {
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
      <label htmlFor={id}>Roles, one per line</label>
      <textarea id={id} rows={Math.max(4, roles.length + 1)} value={text} onChange={(e) => setText(e.target.value)} />
      <div className="row spaced">
        <button type="submit" disabled={action.busy}>
          Save roles
        </button>
      </div>
      {saved && (
        <p className="notice" role="status">
          Roles saved.
        </p>
      )}
      <ErrorMessage error={action.error} />
    </form>
  );
}
