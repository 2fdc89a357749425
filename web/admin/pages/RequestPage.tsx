import { useId, useState } from 'react';
import { Trans } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { get, post, type Answer } from '../../common/api.ts';
import { formatBytes, formatDate } from '../../common/format.ts';
import { useI18n } from '../../common/i18n.ts';
import { ErrorMessage, Loading, useAsync } from '../../common/ui.tsx';
import { ContactSearch } from '../components/ContactSearch.tsx';
import { Dialog } from '../components/Dialog.tsx';
import { useAction } from '../components/hooks.tsx';
import { useMatterWords } from '../components/matterTerm.tsx';
import type { Contact, Involved, MatterLists, StaffRequest } from '../components/types.tsx';

/** The drive folder a request's files were sent into; it becomes the matter's "From client" folder on accept. */
const filesFolder = (requestId: string) => `/drive/fromclient-${requestId}`;

/** What the customer asked for, from whom, when, and in which state it is. */
function RequestFacts({ request }: { request: StaffRequest }) {
  const { t, locale } = useI18n();
  return (
    <section className="card" aria-labelledby="request-about">
      <h2 id="request-about">{t('request.about')}</h2>
      <dl className="facts">
        <dt>{t('request.field.requester')}</dt>
        <dd>
          <Link to={`/contacts/${request.requesterId}`}>{request.requesterName}</Link>
        </dd>
        <dt>{t('request.field.kind')}</dt>
        <dd>{request.kind}</dd>
        <dt>{t('request.field.received')}</dt>
        <dd>{formatDate(request.createdAt, locale)}</dd>
        <dt>{t('request.field.state')}</dt>
        <dd>
          <span className={`badge request-${request.state}`}>{t(`request.stateName.${request.state}`)}</span>
        </dd>
      </dl>
      <h3>{t('request.field.description')}</h3>
      {request.description ? <p className="comment-text">{request.description}</p> : <p className="muted">{t('request.noDescription')}</p>}
    </section>
  );
}

/** The files sent with the request, and the way to their folder in the drive. */
function RequestFiles({ request }: { request: StaffRequest }) {
  const { t, locale } = useI18n();
  return (
    <section className="card" aria-labelledby="request-files">
      <h2 id="request-files">{t('request.files.heading')}</h2>
      {request.files.length ? (
        <>
          <ul className="plain request-files">
            {request.files.map((f) => (
              <li key={f.itemId}>
                <span className="break">{f.name}</span> <span className="muted">{formatBytes(f.size, locale)}</span>
              </li>
            ))}
          </ul>
          <p>
            <Link to={filesFolder(request.requestId)}>{t('request.files.folder')}</Link>
          </p>
        </>
      ) : (
        <p className="muted">{t('request.files.none')}</p>
      )}
    </section>
  );
}

/** One person or company the customer named: an existing contact, or one they added (marked so). */
function InvolvedLine({ entry }: { entry: Involved }) {
  const { t } = useI18n();
  const kind = t(`contact.kind.${entry.kind}`);
  if (entry.source === 'existing') {
    return (
      <>
        <Link to={`/contacts/${entry.contactId}`}>{entry.name}</Link> <span className="muted">{kind}</span>
      </>
    );
  }
  return (
    <>
      <strong className="break">{entry.name}</strong> <span className="badge added">{t('request.involved.addedByCustomer')}</span>{' '}
      <span className="muted break">{entry.email ? t('request.involved.kindAndEmail', { kind, email: entry.email }) : t('request.involved.kindNoEmail', { kind })}</span>
    </>
  );
}

function RequestInvolved({ request }: { request: StaffRequest }) {
  const { t } = useI18n();
  return (
    <section className="card" aria-labelledby="request-involved">
      <h2 id="request-involved">{t('request.involved.heading')}</h2>
      {request.involved.length ? (
        <ul className="plain involved">
          {request.involved.map((entry, i) => (
            <li key={i}>
              <InvolvedLine entry={entry} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('request.involved.none')}</p>
      )}
    </section>
  );
}

interface Decision {
  partyType: string;
  merge: boolean;
  mergeInto?: Contact;
}

/** For one person or company named: their party type, and for one the customer added, a new contact or a merge into an existing one. */
function InvolvedDecisionFields({ entry, decision, lists, onChange }: { entry: Involved; decision: Decision; lists: MatterLists; onChange: (d: Decision) => void }) {
  const { t } = useI18n();
  const typeId = useId();
  const radioName = useId();
  return (
    <fieldset className="involved-decision">
      <legend>
        <InvolvedLine entry={entry} />
      </legend>
      <label htmlFor={typeId}>{t('request.accept.partyType', { name: entry.name })}</label>
      <select id={typeId} value={decision.partyType} onChange={(e) => onChange({ ...decision, partyType: e.target.value })} required>
        <option value="">{t('request.accept.choosePartyType')}</option>
        {lists.partyTypes.map((p) => (
          <option key={p.name} value={p.name}>
            {p.customerVisible ? t('request.accept.partyVisible', { name: p.name }) : t('request.accept.partyInternal', { name: p.name })}
          </option>
        ))}
      </select>
      {entry.source === 'customer' && (
        <div role="radiogroup" aria-label={t('request.accept.contactFor', { name: entry.name })}>
          <label className="check">
            <input type="radio" name={radioName} checked={!decision.merge} onChange={() => onChange({ ...decision, merge: false, mergeInto: undefined })} /> {t('request.accept.newContact')}
          </label>
          <label className="check">
            <input type="radio" name={radioName} checked={decision.merge} onChange={() => onChange({ ...decision, merge: true })} /> {t('request.accept.merge')}
          </label>
          {decision.merge &&
            (decision.mergeInto ? (
              <p className="row">
                <span>
                  <Trans i18nKey="request.accept.mergeInto" components={{ name: <strong>{decision.mergeInto.name}</strong> }} />
                </span>
                <button type="button" className="link" onClick={() => onChange({ ...decision, mergeInto: undefined })}>
                  {t('request.accept.chooseOther')}
                </button>
              </p>
            ) : (
              <ContactSearch label={t('request.accept.findMerge', { name: entry.name })} onPick={(c) => onChange({ ...decision, mergeInto: c })} />
            ))}
        </div>
      )}
    </fieldset>
  );
}

/** The requester and their organisations: the client of the matter the request becomes is one of them. */
function useClientChoices(requesterId: string) {
  return useAsync(async () => {
    const requester = await get<Contact>(`/contacts/${requesterId}`);
    const organisations = await Promise.all(requester.organisationIds.map((id) => get<Contact>(`/contacts/${id}`).catch(() => undefined)));
    return { requester, organisations: organisations.filter((o): o is Contact => !!o) };
  }, [requesterId]);
}

/** Accepting makes the matter: a party type for everyone named, merges for those the customer added, the client, a reference and a title. */
function AcceptForm({ request, lists }: { request: StaffRequest; lists: MatterLists }) {
  const { t } = useI18n();
  const words = useMatterWords();
  const navigate = useNavigate();
  const ids = { client: useId(), reference: useId(), title: useId() };
  const [decisions, setDecisions] = useState<Decision[]>(() => request.involved.map(() => ({ partyType: '', merge: false })));
  const [clientId, setClientId] = useState(request.requesterId);
  const [reference, setReference] = useState('');
  const [title, setTitle] = useState(request.title);
  const choices = useClientChoices(request.requesterId);
  const action = useAction();
  const ready = title.trim() && decisions.every((d) => d.partyType && (!d.merge || d.mergeInto));
  const accept = () =>
    action.run(async () => {
      const { matter } = await post<Answer<'staff-accept-request'>>(`/requests/${request.requestId}/accept`, {
        involved: decisions.map((d) => ({ partyType: d.partyType, ...(d.merge && d.mergeInto ? { mergeInto: d.mergeInto.contactId } : {}) })),
        clientId,
        title: title.trim(),
        ...(reference.trim() ? { reference: reference.trim() } : {}),
      });
      navigate(`/matters/${matter.matterId}`);
    });
  return (
    <section className="card" aria-labelledby="request-accept">
      <h2 id="request-accept">{t('request.accept.heading')}</h2>
      <p className="hint involved-intro">{t('request.accept.intro', words)}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void accept();
        }}
      >
        {request.involved.map((entry, i) => (
          <InvolvedDecisionFields key={i} entry={entry} decision={decisions[i]} lists={lists} onChange={(d) => setDecisions(decisions.map((x, j) => (j === i ? d : x)))} />
        ))}
        <label htmlFor={ids.client}>{t('request.accept.client')}</label>
        <select id={ids.client} value={clientId} onChange={(e) => setClientId(e.target.value)}>
          <option value={request.requesterId}>{t('request.accept.clientRequester', { name: choices.data?.requester.name ?? request.requesterName })}</option>
          {choices.data?.organisations.map((o) => (
            <option key={o.contactId} value={o.contactId}>
              {t('request.accept.clientOrganisation', { name: o.name })}
            </option>
          ))}
        </select>
        <ErrorMessage error={choices.error} />
        <label htmlFor={ids.reference}>{t('matter.field.reference')}</label>
        <input id={ids.reference} type="text" value={reference} onChange={(e) => setReference(e.target.value)} placeholder={t('matters.referenceHint')} />
        <label htmlFor={ids.title}>{t('matter.field.title')}</label>
        <input id={ids.title} type="text" value={title} onChange={(e) => setTitle(e.target.value)} required />
        <ErrorMessage error={action.error} />
        <div className="row spaced">
          <button type="submit" disabled={action.busy || !ready}>
            {t('request.accept.button', words)}
          </button>
        </div>
      </form>
    </section>
  );
}

/** Declining needs a reason, which the customer is emailed; a confirmation comes first, since it cannot be undone. */
function DeclineForm({ request, onDeclined }: { request: StaffRequest; onDeclined: () => void }) {
  const { t } = useI18n();
  const reasonId = useId();
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const action = useAction();
  const decline = () =>
    action.run(async () => {
      await post(`/requests/${request.requestId}/decline`, { reason: reason.trim() });
      setConfirming(false);
      onDeclined();
    });
  return (
    <section className="card" aria-labelledby="request-decline">
      <h2 id="request-decline">{t('request.decline.heading')}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setConfirming(true);
        }}
      >
        <label htmlFor={reasonId}>{t('request.decline.reason')}</label>
        <textarea id={reasonId} value={reason} onChange={(e) => setReason(e.target.value)} rows={3} maxLength={2000} required />
        <div className="row spaced">
          <button type="submit" className="danger" disabled={action.busy || !reason.trim() || confirming}>
            {t('request.decline.button')}
          </button>
        </div>
      </form>
      {confirming && (
        <Dialog label={t('request.decline.confirmLabel')} onClose={() => setConfirming(false)}>
          <p>{t('request.decline.question')}</p>
          <div className="row">
            <button type="button" className="danger" disabled={action.busy} onClick={() => void decline()}>
              {t('request.decline.confirm')}
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </Dialog>
      )}
      <ErrorMessage error={action.error} />
    </section>
  );
}

/** A decided request: who decided and when, and the matter it became or the reason the customer was given. */
function DecisionCard({ request }: { request: StaffRequest }) {
  const { t, locale } = useI18n();
  const words = useMatterWords();
  const when = { who: request.decidedBy, date: formatDate(request.decidedAt, locale) };
  return (
    <section className="card" aria-labelledby="request-decision">
      <h2 id="request-decision">{t('request.decided.heading')}</h2>
      {request.state === 'accepted' ? (
        <>
          <p>{t('request.decided.accepted', when)}</p>
          {request.matterId && (
            <p>
              <Link to={`/matters/${request.matterId}`}>{t('requests.openMatter', words)}</Link>
            </p>
          )}
        </>
      ) : (
        <>
          <p>{t('request.decided.declined', when)}</p>
          <h3>{t('request.decided.reason')}</h3>
          <p className="comment-text">{request.declineReason}</p>
        </>
      )}
    </section>
  );
}

/** A customer's request: what they asked, who they named, the files they sent; while open, accept or decline it. */
export function RequestPage() {
  const { t } = useI18n();
  const { requestId } = useParams();
  const loaded = useAsync(() => Promise.all([get<StaffRequest>(`/requests/${requestId}`), get<MatterLists>('/matter-lists')]), [requestId]);
  if (loaded.loading && !loaded.data) return <Loading />;
  if (!loaded.data) return <ErrorMessage error={loaded.error} />;
  const [request, lists] = loaded.data;
  return (
    <>
      <p>
        <Link to={request.state === 'open' ? '/requests' : `/requests?state=${request.state}`}>{t('request.back')}</Link>
      </p>
      <h1 className="break">{request.title}</h1>
      <RequestFacts request={request} />
      <RequestFiles request={request} />
      <RequestInvolved request={request} />
      {request.state === 'open' ? (
        <>
          <AcceptForm key={request.requestId} request={request} lists={lists} />
          <DeclineForm request={request} onDeclined={loaded.reload} />
        </>
      ) : (
        <DecisionCard request={request} />
      )}
    </>
  );
}
