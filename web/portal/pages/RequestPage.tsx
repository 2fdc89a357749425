/** One of the customer's requests (F21): what they asked, who is involved, the firm's decision, and the files sent with it. */
import { useCallback, useEffect, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { ApiError } from '../../common/api.ts';
import { formatBytes, formatDate } from '../../common/format.ts';
import { useI18n } from '../../common/i18n.ts';
import { DropZone, ErrorMessage, Loading, useAsync } from '../../common/ui.tsx';
import { getRequest, startRequestUpload, type CustomerRequest, type Involved, type PortalItem } from '../components/portalApi.tsx';
import { usePortal, useReportError } from '../components/PortalContext.tsx';
import { UploadList, useUploads } from '../components/uploads.tsx';
import type { ArrivingFiles } from './NewRequestPage.tsx';
import { RequestState } from './RequestsPage.tsx';

export function RequestPage() {
  const { t, locale } = useI18n();
  const { requestId = '' } = useParams();
  const { firm } = usePortal().profile;
  const request = useAsync(() => getRequest(requestId), [requestId]);
  useReportError(request.error);
  const back = (
    <p>
      <Link to="/requests">{t('requests.back')}</Link>
    </p>
  );
  if (request.loading && !request.data) return <Loading />;
  if (!request.data) {
    const gone = request.error instanceof ApiError && request.error.status === 404;
    return (
      <>
        {gone ? <p role="alert">{t('requests.notFound')}</p> : <ErrorMessage error={request.error} />}
        {back}
      </>
    );
  }
  const r = request.data;
  return (
    <>
      {back}
      <h1 className="request-title">{r.title}</h1>
      <dl className="request-facts">
        <div>
          <dt>{t('requests.kind')}</dt>
          <dd>{r.kind}</dd>
        </div>
        <div>
          <dt>{t('requests.state')}</dt>
          <dd>
            <RequestState state={r.state} />
          </dd>
        </div>
        <div>
          <dt>{t('requests.sent')}</dt>
          <dd>{formatDate(r.createdAt, locale)}</dd>
        </div>
      </dl>
      {r.state === 'accepted' && (
        <p className="notice">
          {t('requests.accepted', { context: firm.matterTerm, firm: firm.firmName })} {r.decidedAt && t('requests.acceptedOn', { date: formatDate(r.decidedAt, locale) })}{' '}
          {r.matterId && <Link to={`/matters/${encodeURIComponent(r.matterId)}`}>{t('requests.matterLink', { context: firm.matterTerm })}</Link>}
        </p>
      )}
      {r.state === 'declined' && (
        <section className="notice declined" aria-labelledby="decline-reason">
          <h2 id="decline-reason">{t('requests.declineReason', { firm: firm.firmName })}</h2>
          {r.declineReason && <p className="request-text">{r.declineReason}</p>}
          {r.decidedAt && <p className="muted">{t('requests.declinedOn', { date: formatDate(r.decidedAt, locale) })}</p>}
        </section>
      )}
      <h2>{t('requests.description')}</h2>
      {r.description ? <p className="request-text">{r.description}</p> : <p className="muted">{t('requests.noDescription')}</p>}
      <h2>{t('requests.involved')}</h2>
      <InvolvedList involved={r.involved} />
      <RequestFiles request={r} reload={request.reload} />
    </>
  );
}

function InvolvedList({ involved }: { involved: Involved[] }) {
  const { t } = useI18n();
  if (!involved.length) return <p className="muted">{t('requests.nobody')}</p>;
  return (
    <ul className="plain involved">
      {involved.map((p, i) => {
        const kind = t(`requests.contactKinds.${p.kind}`);
        return (
          <li key={p.source === 'existing' ? p.contactId : `new-${i}`}>
            {p.source === 'customer' && p.email ? t('requests.contactWithEmail', { name: p.name, kind, email: p.email }) : t('requests.contact', { name: p.name, kind })}{' '}
            {p.source === 'customer' && <span className="badge mine">{t('requests.addedByYou')}</span>}
          </li>
        );
      })}
    </ul>
  );
}

/** Files are listed once the file store has told the drive they arrived, a moment after the last byte: look again a few times until they are. */
const LOOK_AGAIN_MS = 1500;
const LOOKS = 8;

function useFilesArriving(listed: number, reload: () => void, initiallyAwaited: number) {
  const [awaited, setAwaited] = useState(initiallyAwaited);
  const [looks, setLooks] = useState(0);
  useEffect(() => {
    if (listed >= awaited || looks >= LOOKS) return;
    const timer = window.setTimeout(() => {
      setLooks((n) => n + 1);
      reload();
    }, LOOK_AGAIN_MS);
    return () => window.clearTimeout(timer);
  }, [listed, awaited, looks, reload]);
  return useCallback(
    (arrived: number) => {
      setAwaited(listed + arrived);
      setLooks(0);
    },
    [listed],
  );
}

function RequestFiles({ request, reload }: { request: CustomerRequest; reload: () => void }) {
  const { t, locale } = useI18n();
  const { profile } = usePortal();
  const files: PortalItem[] = request.files ?? [];
  const location = useLocation();
  const expect = useFilesArriving(files.length, reload, (location.state as ArrivingFiles | null)?.awaitFiles ?? 0);
  const start = useCallback((batch: File[]) => startRequestUpload(request.requestId, batch), [request.requestId]);
  const uploads = useUploads(noop, start);
  return (
    <section className="card request-files-card" aria-labelledby="request-files">
      <h2 id="request-files">{t('requests.files.heading')}</h2>
      {files.length ? (
        <ul className="plain request-files">
          {files.map((f) => (
            <li key={f.itemId}>
              <span className="file-name">{f.name}</span> <span className="muted">{formatBytes(f.size, locale)}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('requests.files.none')}</p>
      )}
      {request.state !== 'open' ? (
        <p className="notice">{t('requests.files.closed')}</p>
      ) : profile.permissions.upload ? (
        <>
          <h3>{t('requests.files.send')}</h3>
          <p className="muted">{t('requests.files.explanation', { firm: profile.firm.firmName })}</p>
          <DropZone label={t('send.chooseFiles')} onFiles={(chosen) => void uploads.upload(chosen).then((arrived) => arrived && expect(arrived))} disabled={uploads.busy} />
          <UploadList entries={uploads.entries} />
        </>
      ) : (
        <p className="notice">{t('send.notAccepted', { firm: profile.firm.firmName })}</p>
      )}
    </section>
  );
}

const noop = () => undefined;
