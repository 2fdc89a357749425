/** Sending documents into a matter (F20), while the firm's controls and the matter's approval allow, and what the customer sent. */
import { useCallback, useState } from 'react';
import { formatDate } from '../../common/format.ts';
import { useI18n } from '../../common/i18n.ts';
import { usePaged } from '../../common/paging.ts';
import { DropZone, ErrorMessage, Loading } from '../../common/ui.tsx';
import { DownloadButton } from './DownloadButton.tsx';
import { downloadLink, listMatterUploads, startMatterUpload } from './portalApi.tsx';
import { usePortal, useReportError } from './PortalContext.tsx';
import { UploadList, useUploads } from './uploads.tsx';
import { useReloadAfterArrival } from './useReloadAfterArrival.tsx';

export function MatterUploads({ matterId, uploadsOpen, approved }: { matterId: string; uploadsOpen: boolean; approved: boolean }) {
  const { t, locale } = useI18n();
  const { profile } = usePortal();
  const load = useCallback((cursor?: string) => listMatterUploads(matterId, cursor), [matterId]);
  const sent = usePaged(load, [load]);
  useReportError(sent.error);
  const start = useCallback((files: File[]) => startMatterUpload(matterId, files), [matterId]);
  const uploads = useUploads(useReloadAfterArrival(sent.reload), start);
  const [downloadError, setDownloadError] = useState<unknown>();
  return (
    <section className="card" aria-labelledby="matter-send">
      <h2 id="matter-send">{t('matters.send.heading')}</h2>
      {uploadsOpen ? (
        <>
          <p className="muted">{t('matters.send.explanation', { firm: profile.firm.firmName })}</p>
          <DropZone label={t('send.chooseFiles')} onFiles={(files) => void uploads.upload(files)} disabled={uploads.busy} />
          <UploadList entries={uploads.entries} />
        </>
      ) : (
        <p className="notice">{approved ? t('matters.send.closedApproved', { firm: profile.firm.firmName }) : t('send.notAccepted', { firm: profile.firm.firmName })}</p>
      )}
      <h3>{t('matters.send.yours')}</h3>
      <ErrorMessage error={downloadError} />
      {!sent.loaded ? (
        sent.error ? <ErrorMessage error={sent.error} /> : <Loading />
      ) : sent.items.length ? (
        <ul className="plain">
          {sent.items.map((item) => (
            <li key={item.itemId}>
              <span className="file-name">{item.name}</span> <span className="muted">{formatDate(item.updatedAt, locale)}</span>{' '}
              <DownloadButton name={item.name} link={() => downloadLink(item.itemId)} onError={setDownloadError} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('matters.send.none')}</p>
      )}
    </section>
  );
}
