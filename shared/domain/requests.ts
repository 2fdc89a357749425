/**
 * Customer requests (F21): a customer asks the firm for new work ("contract request", "new
 * matter"), naming who is involved, picked from the contacts already tied to their own matters and
 * organisations or added as new; staff accept it (it becomes a matter) or decline it with a reason.
 * The rules are pure functions here; who may pick whom is the access policy's.
 */
import { badRequest, conflict } from '../errors.ts';
import type { ContactKind } from './model.ts';

/** Someone the customer names: a contact they may pick, or a new one they added, for staff to review. */
export type Involved =
  | { source: 'existing'; contactId: string; name: string; kind: ContactKind }
  | { source: 'customer'; name: string; email?: string; kind: ContactKind };

export type RequestState = 'open' | 'accepted' | 'declined';

export interface MatterRequest {
  requestId: string;
  /** The customer's contact id: only they see the request. */
  requesterId: string;
  requesterName: string;
  kind: string;
  title: string;
  description?: string;
  involved: Involved[];
  state: RequestState;
  createdAt: string;
  /** Staff email and time of the accept or decline. */
  decidedBy?: string;
  decidedAt?: string;
  /** The reason given with a decline, emailed to the customer. */
  declineReason?: string;
  /** The matter an accepted request became. */
  matterId?: string;
}

export type RequestSummary = Pick<MatterRequest, 'requestId' | 'requesterId' | 'requesterName' | 'kind' | 'title' | 'state' | 'createdAt' | 'decidedAt' | 'matterId'>;

export const MAX_INVOLVED = 20;
/** New contacts a request may add: each is created or merged when the request is accepted, in one transaction. */
export const MAX_NEW_CONTACTS = 10;

/** What the customer sends; who they pick is named by id only, the name comes from the contact. */
export interface RequestInput {
  kind: string;
  title: string;
  description?: string;
  involved: ({ contactId: string } | { name: string; email?: string; kind: ContactKind })[];
}

export interface Candidate {
  contactId: string;
  name: string;
  kind: ContactKind;
}

const invalid = (message: string) => badRequest('invalid_request', message);

/**
 * A request as kept, checked whole against the kinds the admins list and the contacts this
 * customer may pick (`candidates`, decided by the access policy). Picking anyone else is refused
 * with the same words as an id that does not exist, so the answer reveals nothing about it.
 */
export function newRequest(
  input: RequestInput,
  ids: { requestId: string; requesterId: string; requesterName: string },
  kinds: readonly { name: string }[],
  candidates: readonly Candidate[],
  now: Date,
): MatterRequest {
  if (!kinds.some((k) => k.name === input.kind)) throw invalid(`kind: "${input.kind}" is not one of the kinds of request (${kinds.map((k) => k.name).join(', ')}).`);
  const title = input.title.trim();
  if (!title) throw invalid('title: say in a few words what you are asking for.');
  if (input.involved.length > MAX_INVOLVED) throw invalid(`involved: name at most ${MAX_INVOLVED} companies or persons.`);
  const involved = input.involved.map((entry): Involved => {
    if ('contactId' in entry) {
      const picked = candidates.find((c) => c.contactId === entry.contactId);
      if (!picked) throw invalid(`involved: ${entry.contactId} is not one of the contacts you can pick; add them as new instead.`);
      return { source: 'existing', ...picked };
    }
    const name = entry.name.trim();
    if (!name) throw invalid('involved: give the name of each company or person you add.');
    return { source: 'customer', name, kind: entry.kind, ...(entry.email ? { email: entry.email.toLowerCase() } : {}) };
  });
  const picked = involved.flatMap((i) => (i.source === 'existing' ? [i.contactId] : []));
  if (new Set(picked).size !== picked.length) throw invalid('involved: each contact is named once.');
  if (involved.length - picked.length > MAX_NEW_CONTACTS) throw invalid(`involved: add at most ${MAX_NEW_CONTACTS} new companies or persons; the firm can add more later.`);
  const description = input.description?.trim();
  return {
    requestId: ids.requestId,
    requesterId: ids.requesterId,
    requesterName: ids.requesterName,
    kind: input.kind,
    title,
    ...(description ? { description } : {}),
    involved,
    state: 'open',
    createdAt: now.toISOString(),
  };
}

export function requestSummary(request: MatterRequest): RequestSummary {
  const { requestId, requesterId, requesterName, kind, title, state, createdAt, decidedAt, matterId } = request;
  return { requestId, requesterId, requesterName, kind, title, state, createdAt, ...(decidedAt ? { decidedAt } : {}), ...(matterId ? { matterId } : {}) };
}

/** Only an open request is decided, once: a second accept or decline is a conflict that says what happened. */
export function requireOpen(request: MatterRequest): void {
  if (request.state !== 'open') throw conflict('request_decided', `This request was ${request.state} by ${request.decidedBy} already.`);
}

/** The customer's words for the same refusal: never which of the staff decided. */
export function requireOpenForFiles(request: MatterRequest): void {
  if (request.state === 'accepted') throw conflict('request_decided', 'This request has been accepted, so it takes no more files: send them in the matter it became.');
  if (request.state === 'declined') throw conflict('request_decided', 'This request has been declined, so it takes no more files. Send a new request if you need to.');
}

export function accepted(request: MatterRequest, by: string, matterId: string, now: Date): MatterRequest {
  requireOpen(request);
  return { ...request, state: 'accepted', decidedBy: by, decidedAt: now.toISOString(), matterId };
}

export function declined(request: MatterRequest, by: string, reason: string, now: Date): MatterRequest {
  requireOpen(request);
  const text = reason.trim();
  if (!text) throw invalid('reason: tell the customer why; the reason is emailed to them.');
  return { ...request, state: 'declined', decidedBy: by, decidedAt: now.toISOString(), declineReason: text };
}

/** What staff decide for each person or company named, in the request's order. */
export interface InvolvedDecision {
  partyType: string;
  /** A contact added by the customer becomes this existing contact instead of a new one. */
  mergeInto?: string;
}

/**
 * Checks staff's decisions against the request: one per person named, merges only for contacts
 * the customer added. The matter's client is the requester or one of their organisations, so the
 * requester sees the matter their request became.
 */
export function checkAcceptance(request: MatterRequest, decisions: readonly InvolvedDecision[], clientId: string, requesterOrganisations: readonly string[]): void {
  if (decisions.length !== request.involved.length) throw invalid(`involved: decide for each of the ${request.involved.length} companies or persons named, in order.`);
  decisions.forEach((d, i) => {
    if (d.mergeInto !== undefined && request.involved[i].source !== 'customer') throw invalid(`involved: entry ${i + 1} is an existing contact already; only contacts the customer added are merged.`);
  });
  if (clientId !== request.requesterId && !requesterOrganisations.includes(clientId)) throw invalid('clientId: the client is the requester or one of their organisations.');
}
