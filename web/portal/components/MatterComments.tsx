/** A matter's thread (F18): what the client and the firm wrote, and a form while the firm takes comments. */
import { useCallback, useId, useState } from 'react';
import { formatDate } from '../../common/format.ts';
import { useI18n } from '../../common/i18n.ts';
import { usePaged } from '../../common/paging.ts';
import { ErrorMessage, Loading } from '../../common/ui.tsx';
import { addMatterComment, listMatterComments, type CustomerComment } from './portalApi.tsx';
import { usePortal, useReportError } from './PortalContext.tsx';

export function MatterComments({ matterId }: { matterId: string }) {
  const { t } = useI18n();
  const { profile, report } = usePortal();
  const load = useCallback((cursor?: string) => listMatterComments(matterId, cursor), [matterId]);
  const thread = usePaged(load, [load]);
  useReportError(thread.error);
  const textId = useId();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const send = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await addMatterComment(matterId, text);
      setText('');
      thread.reload();
    } catch (e) {
      report(e);
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card" aria-labelledby="matter-comments">
      <h2 id="matter-comments">{t('matters.comments.heading')}</h2>
      {!thread.loaded ? (
        thread.error ? <ErrorMessage error={thread.error} /> : <Loading />
      ) : thread.items.length ? (
        <ol className="plain comments">
          {thread.items.map((c) => (
            <Comment key={c.commentId} comment={c} firm={profile.firm.firmName} />
          ))}
        </ol>
      ) : (
        <p className="muted">{t('matters.comments.none')}</p>
      )}
      {thread.hasMore && (
        <button type="button" className="secondary" disabled={thread.loading} onClick={() => void thread.loadMore()}>
          {t('common.loadMore')}
        </button>
      )}
      {profile.permissions.comment ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void send();
          }}
        >
          <label htmlFor={textId}>{t('matters.comments.label')}</label>
          <textarea id={textId} value={text} onChange={(e) => setText(e.target.value)} rows={3} maxLength={4000} required />
          <ErrorMessage error={error} />
          <button type="submit" disabled={busy || !text.trim()}>
            {t('matters.comments.send')}
          </button>
        </form>
      ) : (
        <p className="notice">{t('matters.comments.off', { firm: profile.firm.firmName })}</p>
      )}
    </section>
  );
}

function Comment({ comment, firm }: { comment: CustomerComment; firm: string }) {
  const { t, locale } = useI18n();
  const who = comment.byYou ? t('matters.comments.you') : comment.byFirm ? firm : comment.author;
  return (
    <li className={comment.byFirm ? 'comment from-firm' : 'comment'}>
      <p className="muted">{t('matters.comments.byline', { who, date: formatDate(comment.at, locale) })}</p>
      <p className="comment-text">{comment.text}</p>
    </li>
  );
}
