/**
 * A file's comments for staff (F18): each customer who wrote on it has a thread of their own with
 * the firm. The panel lists them (who, when last, whether they await an answer); each opens that
 * customer's whole thread, internal notes and hidden comments marked, with hiding and an answer
 * box that also keeps internal notes. Staff answer threads; they do not start them.
 */
import { useCallback, useId, useState } from 'react';
import { get, post, query } from '../../common/api.ts';
import { formatDate } from '../../common/format.ts';
import { useI18n } from '../../common/i18n.ts';
import { ErrorMessage, Loading } from '../../common/ui.tsx';
import { Dialog } from './Dialog.tsx';
import { StaffCommentForm } from './StaffCommentForm.tsx';
import { useAction, usePaged } from './hooks.tsx';
import type { DriveItem, Page, Schemas } from './types.tsx';
import './document-comments.css';

type DocumentComment = Schemas['DocumentComment'];
type DocumentThread = Schemas['DocumentThreadPage']['items'][number];

const PAGE_SIZE = 50;
const threadPath = (itemId: string, contactId: string) => `/drive/items/${encodeURIComponent(itemId)}/comments/${encodeURIComponent(contactId)}`;

/** The drive's "Comments" panel under a file's row. */
export function DocumentCommentsPanel({ item, onCancel }: { item: DriveItem; onCancel: () => void }) {
  const { t } = useI18n();
  const threads = usePaged((cursor?: string) => get<Page<DocumentThread>>(`/drive/items/${encodeURIComponent(item.itemId)}/comments${query({ limit: PAGE_SIZE, cursor })}`), [item.itemId]);
  const [open, setOpen] = useState<string>();
  const listId = useId();
  return (
    <Dialog label={t('documentComments.panelLabel', { name: item.name })} onClose={onCancel}>
      <p className="hint">{t('documentComments.intro')}</p>
      {!threads.loaded ? (
        threads.error ? <ErrorMessage error={threads.error} /> : <Loading />
      ) : threads.items.length ? (
        <>
          <h3 id={listId}>{t('documentComments.threads')}</h3>
          <ul className="plain document-threads" aria-labelledby={listId}>
            {threads.items.map((thread) => (
              <ThreadEntry
                key={thread.contactId}
                thread={thread}
                open={open === thread.contactId}
                onToggle={() => setOpen(open === thread.contactId ? undefined : thread.contactId)}
                onChanged={threads.reload}
              />
            ))}
          </ul>
        </>
      ) : (
        <p className="muted">{t('documentComments.none')}</p>
      )}
      {threads.loaded && <ErrorMessage error={threads.error} />}
      {threads.hasMore && (
        <button type="button" className="secondary" disabled={threads.loading} onClick={() => void threads.loadMore()}>
          {t('common.loadMore')}
        </button>
      )}
      <div className="row">
        <button type="button" className="secondary" onClick={onCancel}>
          {t('documentComments.close')}
        </button>
      </div>
    </Dialog>
  );
}

/** One customer's entry in the list: their name opens their thread beneath it. */
function ThreadEntry({ thread, open, onToggle, onChanged }: { thread: DocumentThread; open: boolean; onToggle: () => void; onChanged: () => void }) {
  const { t, locale } = useI18n();
  const threadId = useId();
  const awaiting = thread.lastBy === 'customer';
  return (
    <li className="document-thread">
      <p className="thread-summary">
        <button type="button" className="link" aria-expanded={open} aria-controls={open ? threadId : undefined} onClick={onToggle}>
          {thread.contactName}
        </button>{' '}
        <span className="muted small">{t('documentComments.lastAt', { date: formatDate(thread.lastAt, locale) })}</span>{' '}
        {awaiting && <span className="badge awaiting">{t('documentComments.awaiting')}</span>}
      </p>
      {open && (
        <div id={threadId} role="region" aria-label={t('documentComments.threadLabel', { name: thread.contactName })}>
          <CustomerThread thread={thread} onChanged={onChanged} />
        </div>
      )}
    </li>
  );
}

function CustomerThread({ thread, onChanged }: { thread: DocumentThread; onChanged: () => void }) {
  const { t } = useI18n();
  const load = useCallback((cursor?: string) => get<Page<DocumentComment>>(`${threadPath(thread.itemId, thread.contactId)}${query({ limit: PAGE_SIZE, cursor })}`), [thread.itemId, thread.contactId]);
  const comments = usePaged(load, [load]);
  const changed = () => {
    comments.reload();
    onChanged();
  };
  return (
    <>
      {!comments.loaded ? (
        comments.error ? <ErrorMessage error={comments.error} /> : <Loading />
      ) : (
        <ol className="plain comments">
          {comments.items.map((c) => (
            <CommentRow key={c.commentId} thread={thread} comment={c} onChanged={comments.reload} />
          ))}
        </ol>
      )}
      {comments.hasMore && (
        <button type="button" className="secondary" disabled={comments.loading} onClick={() => void comments.loadMore()}>
          {t('common.loadMore')}
        </button>
      )}
      <StaffCommentForm path={threadPath(thread.itemId, thread.contactId)} words="documentComments" onSent={changed} />
    </>
  );
}

function CommentRow({ thread, comment, onChanged }: { thread: DocumentThread; comment: DocumentComment; onChanged: () => void }) {
  const { t, locale } = useI18n();
  const action = useAction();
  const who = comment.author.kind === 'customer' ? t('documentComments.byCustomer', { name: comment.author.name }) : comment.author.name;
  return (
    <li className={`comment${comment.internal ? ' internal' : ''}${comment.hidden ? ' hidden-comment' : ''}`}>
      <p className="muted">
        {t('documentComments.byline', { who, date: formatDate(comment.at, locale) })} {comment.internal && <span className="badge internal">{t('documentComments.internal')}</span>}
        {comment.hidden && <span className="badge hidden">{t('documentComments.hidden', { name: comment.hidden.by })}</span>}
      </p>
      <p className="comment-text">{comment.text}</p>
      {!comment.hidden && !comment.internal && (
        <button
          type="button"
          className="secondary"
          disabled={action.busy}
          aria-label={t('documentComments.hideLabel', { who })}
          onClick={() => void action.run(async () => (await post(`${threadPath(thread.itemId, thread.contactId)}/${encodeURIComponent(comment.commentId)}/hide`), onChanged()))}
        >
          {t('documentComments.hide')}
        </button>
      )}
      <ErrorMessage error={action.error} />
    </li>
  );
}
