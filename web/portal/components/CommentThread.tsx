/**
 * A thread the customer keeps with the firm (F18), whatever it is about: what they and the firm
 * wrote, oldest first, and a form while the firm takes comments. A matter's thread and a shared
 * document's thread differ only in where they load and send, and in their words.
 */
import { useId, useState, type ReactNode } from 'react';
import { formatDate } from '../../common/format.ts';
import { useI18n } from '../../common/i18n.ts';
import { usePaged, type Page } from '../../common/paging.ts';
import { ErrorMessage, Loading } from '../../common/ui.tsx';
import type { CustomerComment } from './portalApi.tsx';
import { usePortal, useReportError } from './PortalContext.tsx';

export interface CommentThreadProps {
  /** The id of the section's heading; the section is named by it. */
  headingId: string;
  /** The catalogue section holding `heading`, `none`, `label`, `send`, `off`, `you` and `byline`. */
  words: 'matters.comments' | 'documentComments';
  /** One page of the thread, oldest first; a new function (another thread) loads afresh. */
  load: (cursor?: string) => Promise<Page<CustomerComment>>;
  send: (text: string) => Promise<unknown>;
  /** Said under the heading, before the thread (who reads it). */
  intro?: ReactNode;
}

export function CommentThread({ headingId, words, load, send, intro }: CommentThreadProps) {
  const { t } = useI18n();
  const { profile, report } = usePortal();
  const thread = usePaged(load, [load]);
  useReportError(thread.error);
  const textId = useId();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const submit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await send(text);
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
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t(`${words}.heading`)}</h2>
      {intro}
      {!thread.loaded ? (
        thread.error ? <ErrorMessage error={thread.error} /> : <Loading />
      ) : thread.items.length ? (
        <ol className="plain comments">
          {thread.items.map((c) => (
            <Comment key={c.commentId} comment={c} firm={profile.firm.firmName} words={words} />
          ))}
        </ol>
      ) : (
        <p className="muted">{t(`${words}.none`)}</p>
      )}
      {thread.hasMore && (
        <button type="button" className="secondary" disabled={thread.loading} onClick={() => void thread.loadMore()}>
          {t('common.loadMore')}
        </button>
      )}
      {profile.permissions.comment ? (
        <form
          className="comment-form"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <label htmlFor={textId}>{t(`${words}.label`)}</label>
          <textarea id={textId} value={text} onChange={(e) => setText(e.target.value)} rows={3} maxLength={4000} required />
          <ErrorMessage error={error} />
          <button type="submit" disabled={busy || !text.trim()}>
            {t(`${words}.send`)}
          </button>
        </form>
      ) : (
        <p className="notice">{t(`${words}.off`, { firm: profile.firm.firmName })}</p>
      )}
    </section>
  );
}

function Comment({ comment, firm, words }: { comment: CustomerComment; firm: string; words: CommentThreadProps['words'] }) {
  const { t, locale } = useI18n();
  const who = comment.byYou ? t(`${words}.you`) : comment.byFirm ? firm : comment.author;
  return (
    <li className={comment.byFirm ? 'comment from-firm' : 'comment'}>
      <p className="muted">{t(`${words}.byline`, { who, date: formatDate(comment.at, locale) })}</p>
      <p className="comment-text">{comment.text}</p>
    </li>
  );
}
