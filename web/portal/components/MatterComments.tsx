/** A matter's thread (F18): what the client and the firm wrote, and a form while the firm takes comments. */
import { useCallback } from 'react';
import { CommentThread } from './CommentThread.tsx';
import { addMatterComment, listMatterComments } from './portalApi.tsx';

export function MatterComments({ matterId }: { matterId: string }) {
  const load = useCallback((cursor?: string) => listMatterComments(matterId, cursor), [matterId]);
  const send = useCallback((text: string) => addMatterComment(matterId, text), [matterId]);
  return <CommentThread headingId="matter-comments" words="matters.comments" load={load} send={send} />;
}
