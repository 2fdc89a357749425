/** A matter's thread for staff (F18): every comment and internal note, hiding, answering and noting. */
import { useCallback } from 'react';
import { get, post, query } from '../../common/api.ts';
import { formatDate } from '../../common/format.ts';
import { useI18n } from '../../common/i18n.ts';
import { usePaged, type Page } from '../../common/paging.ts';
import { ErrorMessage, Loading } from '../../common/ui.tsx';
import { StaffCommentForm } from './StaffCommentForm.tsx';
import { useAction } from './hooks.tsx';
import type { Schemas } from './types.tsx';

type MatterComment = Schemas['MatterComment'];

export function MatterComments({ matterId }: { matterId: string }) {
  const { t } = useI18n();
  const load = useCallback((cursor?: string) => get<Page<MatterComment>>(`/matters/${matterId}/comments${query({ limit: 50, cursor })}`), [matterId]);
  const thread = usePaged(load, [load]);
  return (
    <section className="card" aria-labelledby="matter-comments">
      <h2 id="matter-comments">{t('matter.comments.heading')}</h2>
      {!thread.loaded ? (
        thread.error ? <ErrorMessage error={thread.error} /> : <Loading />
      ) : thread.items.length ? (
        <ol className="plain comments">
          {thread.items.map((c) => (
            <CommentRow key={c.commentId} matterId={matterId} comment={c} onChanged={thread.reload} />
          ))}
        </ol>
      ) : (
        <p className="muted">{t('matter.comments.none')}</p>
      )}
      {thread.hasMore && (
        <button type="button" className="secondary" disabled={thread.loading} onClick={() => void thread.loadMore()}>
          {t('common.loadMore')}
        </button>
      )}
      <StaffCommentForm path={`/matters/${matterId}/comments`} words="matter.comments" onSent={thread.reload} />
    </section>
  );
}

function CommentRow({ matterId, comment, onChanged }: { matterId: string; comment: MatterComment; onChanged: () => void }) {
  const { t, locale } = useI18n();
  const action = useAction();
  const who = comment.author.kind === 'customer' ? t('matter.comments.byClient', { name: comment.author.name }) : comment.author.name;
  return (
    <li className={`comment${comment.internal ? ' internal' : ''}${comment.hidden ? ' hidden-comment' : ''}`}>
      <p className="muted">
        {t('matter.comments.byline', { who, date: formatDate(comment.at, locale) })} {comment.internal && <span className="badge internal">{t('matter.comments.internal')}</span>}
        {comment.hidden && <span className="badge hidden">{t('matter.comments.hidden', { name: comment.hidden.by })}</span>}
      </p>
      <p className="comment-text">{comment.text}</p>
      {!comment.hidden && !comment.internal && (
        <button
          type="button"
          className="secondary"
          disabled={action.busy}
          aria-label={t('matter.comments.hideLabel', { who })}
          onClick={() => void action.run(async () => (await post(`/matters/${matterId}/comments/${comment.commentId}/hide`), onChanged()))}
        >
          {t('matter.comments.hide')}
        </button>
      )}
      <ErrorMessage error={action.error} />
    </li>
  );
}
