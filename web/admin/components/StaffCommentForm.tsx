import { useId, useState } from 'react';
import { post } from '../../common/api.ts';
import { useI18n } from '../../common/i18n.ts';
import { ErrorMessage } from '../../common/ui.tsx';
import { useAction } from './hooks.tsx';

/**
 * Staff's answer or internal note in a thread, a matter's or a customer's on a document: `path`
 * takes the post, `words` names the catalogue section that words it (label, internalNote,
 * answer, saveNote).
 */
export function StaffCommentForm({ path, words, onSent }: { path: string; words: 'matter.comments' | 'documentComments'; onSent: () => void }) {
  const { t } = useI18n();
  const ids = { text: useId(), internal: useId() };
  const [text, setText] = useState('');
  const [internal, setInternal] = useState(false);
  const action = useAction();
  const send = () =>
    action.run(async () => {
      await post(path, { text, internal });
      setText('');
      setInternal(false);
      onSent();
    });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <label htmlFor={ids.text}>{t(`${words}.label`)}</label>
      <textarea id={ids.text} value={text} onChange={(e) => setText(e.target.value)} rows={3} maxLength={4000} required />
      <label className="check" htmlFor={ids.internal}>
        <input id={ids.internal} type="checkbox" checked={internal} onChange={(e) => setInternal(e.target.checked)} /> {t(`${words}.internalNote`)}
      </label>
      <ErrorMessage error={action.error} />
      <button type="submit" disabled={action.busy || !text.trim()}>
        {internal ? t(`${words}.saveNote`) : t(`${words}.answer`)}
      </button>
    </form>
  );
}
