/**
 * A new request for work (F21): its kind, title and details, who is involved (ticked from the
 * contacts the API offers, never a search of the firm's, or added by name), and files sent once
 * the request exists, straight to the file store as every upload goes.
 */
import { useCallback, useId, useRef, useState, type Dispatch, type FormEvent, type SetStateAction } from 'react';
import { Link, useNavigate } from 'react-router';
import { MAX_NEW_CONTACTS } from '../../../shared/domain/requests.ts';
import { formatBytes } from '../../common/format.ts';
import { useI18n } from '../../common/i18n.ts';
import { DropZone, ErrorMessage, Loading, useAsync } from '../../common/ui.tsx';
import { getRequestForm, startRequestUpload, submitRequest, type CustomerRequest, type RequestForm } from '../components/portalApi.tsx';
import { usePortal, useReportError } from '../components/PortalContext.tsx';
import { UploadList, useUploads } from '../components/uploads.tsx';

type ContactKind = 'person' | 'organisation';

interface NewContact {
  key: number;
  name: string;
  email: string;
  kind: ContactKind;
}

/** What the request page is told when it opens: how many files it should soon list. */
export interface ArrivingFiles {
  awaitFiles: number;
}

export function NewRequestPage() {
  const { t } = useI18n();
  const form = useAsync(getRequestForm, []);
  useReportError(form.error);
  return (
    <>
      <p>
        <Link to="/requests">{t('requests.back')}</Link>
      </p>
      <h1>{t('requests.form.heading')}</h1>
      {form.data ? <RequestFormFields choices={form.data} /> : form.error ? <ErrorMessage error={form.error} /> : <Loading />}
    </>
  );
}

function RequestFormFields({ choices }: { choices: RequestForm }) {
  const { t } = useI18n();
  const { profile, report } = usePortal();
  const firm = profile.firm.firmName;
  const navigate = useNavigate();
  const id = useId();
  const [kind, setKind] = useState(choices.kinds[0] ?? '');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const [added, setAdded] = useState<NewContact[]>([]);
  const [files, setFiles] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  // Once sent, the request is not sent again: only its files may still be missing.
  const [sent, setSent] = useState<CustomerRequest>();
  const [partly, setPartly] = useState(false);
  const requestId = useRef<string>(undefined);
  const start = useCallback((batch: File[]) => startRequestUpload(requestId.current!, batch), []);
  const uploads = useUploads(noop, start);

  if (!choices.kinds.length) return <p className="notice">{t('requests.form.noKinds', { firm })}</p>;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const request =
        sent ??
        (await submitRequest({
          kind,
          title,
          ...(description.trim() ? { description } : {}),
          involved: [
            // In the order offered, whatever order they were ticked in.
            ...choices.contacts.filter((c) => picked.includes(c.contactId)).map((c) => ({ contactId: c.contactId })),
            ...added.map((c) => ({ name: c.name, kind: c.kind, ...(c.email.trim() ? { email: c.email.trim() } : {}) })),
          ],
        }));
      setSent(request);
      requestId.current = request.requestId;
      const arrived = files.length ? await uploads.upload(files) : 0;
      if (arrived === files.length) {
        navigate(`/requests/${encodeURIComponent(request.requestId)}`, { state: { awaitFiles: arrived } satisfies ArrivingFiles });
        return;
      }
      setPartly(true);
    } catch (err) {
      report(err);
      setError(err);
    }
    setBusy(false);
  };

  return (
    <form className="request-form" onSubmit={(e) => void submit(e)}>
      <fieldset className="plain" disabled={busy || !!sent}>
        <label htmlFor={`${id}-kind`}>{t('requests.form.kind')}</label>
        <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value)}>
          {choices.kinds.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>

        <label htmlFor={`${id}-title`}>{t('requests.form.title')}</label>
        <input id={`${id}-title`} type="text" value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={200} aria-describedby={`${id}-title-hint`} />
        <p className="hint muted" id={`${id}-title-hint`}>
          {t('requests.form.titleHint')}
        </p>

        <label htmlFor={`${id}-description`}>{t('requests.form.description')}</label>
        <textarea id={`${id}-description`} value={description} onChange={(e) => setDescription(e.target.value)} rows={4} maxLength={5000} aria-describedby={`${id}-description-hint`} />
        <p className="hint muted" id={`${id}-description-hint`}>
          {t('requests.form.descriptionHint', { firm })}
        </p>

        <InvolvedFields choices={choices} picked={picked} setPicked={setPicked} added={added} setAdded={setAdded} />
        <FilesField files={files} setFiles={setFiles} locked={busy || !!sent} />
      </fieldset>
      <UploadList entries={uploads.entries} />
      <ErrorMessage error={error} />
      {partly && sent ? (
        <p className="notice" role="status">
          {t('requests.form.partlySent')} <Link to={`/requests/${encodeURIComponent(sent.requestId)}`}>{t('requests.form.goToRequest')}</Link>
        </p>
      ) : (
        <div className="row form-actions">
          <button type="submit" disabled={busy || !!sent}>
            {busy ? t('requests.form.busy') : t('requests.form.submit')}
          </button>
          <Link className="button secondary" to="/requests">
            {t('common.cancel')}
          </Link>
        </div>
      )}
    </form>
  );
}

const noop = () => undefined;

/** Who is involved: the contacts the API offers, ticked, and companies or persons added by name. */
function InvolvedFields(props: {
  choices: RequestForm;
  picked: string[];
  setPicked: Dispatch<SetStateAction<string[]>>;
  added: NewContact[];
  setAdded: Dispatch<SetStateAction<NewContact[]>>;
}) {
  const { choices, picked, setPicked, added, setAdded } = props;
  const { t } = useI18n();
  const id = useId();
  const nextKey = useRef(0);
  const change = (key: number, values: Partial<NewContact>) => setAdded((all) => all.map((c) => (c.key === key ? { ...c, ...values } : c)));
  const toggle = (contactId: string, on: boolean) => setPicked((all) => (on ? [...all, contactId] : all.filter((c) => c !== contactId)));
  return (
    <fieldset className="group">
      <legend>{t('requests.form.involved')}</legend>
      <p className="hint muted">{choices.contacts.length ? t('requests.form.involvedHint') : t('requests.form.noCandidates')}</p>
      {choices.contacts.length > 0 && (
        <ul className="plain candidates">
          {choices.contacts.map((c) => (
            <li key={c.contactId}>
              <label className="inline">
                <input type="checkbox" checked={picked.includes(c.contactId)} onChange={(e) => toggle(c.contactId, e.target.checked)} />
                <span>{t('requests.contact', { name: c.name, kind: t(`requests.contactKinds.${c.kind}`) })}</span>
              </label>
            </li>
          ))}
        </ul>
      )}
      {added.map((c, i) => (
        <fieldset className="new-contact" key={c.key}>
          <legend>{t('requests.form.newEntry', { number: i + 1 })}</legend>
          <div className="field">
            <label htmlFor={`${id}-new-${c.key}-name`}>{t('requests.form.name')}</label>
            <input id={`${id}-new-${c.key}-name`} type="text" value={c.name} onChange={(e) => change(c.key, { name: e.target.value })} required maxLength={200} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-new-${c.key}-email`}>{t('requests.form.email')}</label>
            <input id={`${id}-new-${c.key}-email`} type="email" value={c.email} onChange={(e) => change(c.key, { email: e.target.value })} maxLength={254} />
          </div>
          <div className="field narrow">
            <label htmlFor={`${id}-new-${c.key}-kind`}>{t('requests.form.newKind')}</label>
            <select id={`${id}-new-${c.key}-kind`} value={c.kind} onChange={(e) => change(c.key, { kind: e.target.value as ContactKind })}>
              <option value="organisation">{t('requests.form.organisation')}</option>
              <option value="person">{t('requests.form.person')}</option>
            </select>
          </div>
          <button type="button" className="secondary" aria-label={t('requests.form.removeLabel', { number: i + 1 })} onClick={() => setAdded((all) => all.filter((a) => a.key !== c.key))}>
            {t('requests.form.remove')}
          </button>
        </fieldset>
      ))}
      {added.length < MAX_NEW_CONTACTS && (
        <button type="button" className="secondary" onClick={() => setAdded((all) => [...all, { key: nextKey.current++, name: '', email: '', kind: 'organisation' }])}>
          {t('requests.form.addNew')}
        </button>
      )}
    </fieldset>
  );
}

/** The files sent with the request, chosen here and uploaded once the request exists (when the firm takes uploads). */
function FilesField({ files, setFiles, locked }: { files: File[]; setFiles: Dispatch<SetStateAction<File[]>>; locked: boolean }) {
  const { t, locale } = useI18n();
  const { profile } = usePortal();
  const firm = profile.firm.firmName;
  return (
    <fieldset className="group">
      <legend>{t('requests.form.files')}</legend>
      {profile.permissions.upload ? (
        <>
          <p className="hint muted">{t('requests.form.filesHint')}</p>
          <DropZone label={t('send.chooseFiles')} onFiles={(chosen) => setFiles((all) => [...all, ...chosen])} disabled={locked} />
          {files.length > 0 && !locked && (
            <ul className="plain chosen-files" aria-label={t('requests.form.chosen')}>
              {files.map((f, i) => (
                <li key={`${i}-${f.name}`}>
                  <span className="file-name">{f.name}</span> <span className="muted">{formatBytes(f.size, locale)}</span>{' '}
                  <button type="button" className="link" aria-label={t('requests.form.removeFile', { name: f.name })} onClick={() => setFiles((all) => all.filter((_, j) => j !== i))}>
                    {t('requests.form.remove')}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      ) : (
        <p className="notice">{t('requests.form.noUploads', { firm })}</p>
      )}
    </fieldset>
  );
}
