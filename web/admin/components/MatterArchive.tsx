/**
 * Archiving a matter takes it from the client's portal (and from the staff lists but the archived
 * one); bringing it back shows it to the client again. Either way staff confirm first.
 */
import { useState } from 'react';
import { patch } from '../../common/api.ts';
import { useI18n } from '../../common/i18n.ts';
import { ErrorMessage } from '../../common/ui.tsx';
import { Dialog } from './Dialog.tsx';
import { useAction } from './hooks.tsx';
import { useMatterWords } from './matterTerm.tsx';
import type { Matter } from './types.tsx';

export function MatterArchive({ matter, onSaved }: { matter: Matter; onSaved: (m: Matter) => void }) {
  const { t } = useI18n();
  const words = useMatterWords();
  const [asking, setAsking] = useState(false);
  const action = useAction();
  const archived = matter.archived;
  const question = archived ? t('matter.archive.confirmRestore', words) : t('matter.archive.confirmArchive', words);
  const change = () =>
    action.run(async () => {
      onSaved(await patch<Matter>(`/matters/${matter.matterId}`, { archived: !archived }));
      setAsking(false);
    });
  return (
    <section className="card" aria-labelledby="matter-archive">
      <h2 id="matter-archive">{t('matter.archive.heading')}</h2>
      <p className={archived ? 'notice' : 'muted'}>{archived ? t('matter.archive.isArchived', words) : t('matter.archive.explain', words)}</p>
      {asking ? (
        <Dialog label={question} onClose={() => setAsking(false)}>
          <p>{question}</p>
          <ErrorMessage error={action.error} />
          <div className="row">
            <button type="button" className={archived ? undefined : 'danger'} disabled={action.busy} onClick={() => void change()}>
              {archived ? t('matter.archive.restore', words) : t('matter.archive.archive', words)}
            </button>
            <button type="button" className="secondary" onClick={() => setAsking(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </Dialog>
      ) : (
        <button type="button" className="secondary" onClick={() => (action.clearError(), setAsking(true))}>
          {archived ? t('matter.archive.restore', words) : t('matter.archive.archive', words)}
        </button>
      )}
    </section>
  );
}
