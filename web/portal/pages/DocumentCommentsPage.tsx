/**
 * A shared file's comments (F18): the customer's own thread with the firm on it. Nobody else the
 * file is shared with reads it, which the page says before the box.
 */
import { useCallback, useState } from 'react';
import { useLocation, useParams } from 'react-router';
import { useI18n } from '../../common/i18n.ts';
import { ErrorMessage } from '../../common/ui.tsx';
import { Breadcrumb } from '../components/Breadcrumb.tsx';
import { CommentThread } from '../components/CommentThread.tsx';
import { DownloadButton } from '../components/DownloadButton.tsx';
import type { DocumentTrail } from '../components/ItemActions.tsx';
import { addDocumentComment, downloadLink, listDocumentComments } from '../components/portalApi.tsx';
import { usePortal } from '../components/PortalContext.tsx';

export function DocumentCommentsPage() {
  const { t } = useI18n();
  const itemId = useParams().itemId ?? '';
  const { profile, report } = usePortal();
  const state = useLocation().state as DocumentTrail | null;
  // The tab's history outlives a sign-out: another customer's folder and file names never show.
  const known = state?.viewer === profile.email ? state : undefined;
  const load = useCallback((cursor?: string) => listDocumentComments(itemId, cursor), [itemId]);
  const send = useCallback((text: string) => addDocumentComment(itemId, text), [itemId]);
  const firm = profile.firm.firmName;
  const [downloadError, setDownloadError] = useState<unknown>();
  const downloadFailed = (error: unknown) => {
    report(error);
    setDownloadError(error);
  };
  return (
    <>
      <Breadcrumb trail={known?.trail ?? []} current={known?.name ?? t('documentComments.unnamed')} />
      <h1 className="document-heading">{known ? t('documentComments.pageHeading', { name: known.name }) : t('documentComments.pageHeadingUnnamed')}</h1>
      {known && (
        <div className="document-download">
          <DownloadButton name={known.name} link={() => downloadLink(itemId)} onError={downloadFailed} />
          <ErrorMessage error={downloadError} />
        </div>
      )}
      <CommentThread
        key={itemId}
        headingId="document-comments"
        words="documentComments"
        load={load}
        send={send}
        intro={<p className="hint">{t('documentComments.privacy', { firm })}</p>}
      />
    </>
  );
}
