/**
 * Staff's requests queue (F21): read a request, accept it (it becomes a matter with the requester
 * or one of their organisations as client and everyone named as a party; contacts the customer
 * added are merged into existing ones or created), or decline it with a reason emailed to the
 * customer. Everything is checked first; an accept is one transaction with the matter's.
 */
import { accessIsOpen, requireMatterAction } from '../domain/access-policy.ts';
import { newId } from '../domain/ids.ts';
import { fromClientFolderId, type Matter, type Party } from '../domain/matters.ts';
import type { Contact, DriveItem, StaffPrincipal } from '../domain/model.ts';
import type { Message, Outbox, Page, PendingWrite, RequestStore } from '../domain/ports.ts';
import { accepted, checkAcceptance, declined, requireOpen, type InvolvedDecision, type MatterRequest, type RequestState, type RequestSummary } from '../domain/requests.ts';
import { notFound } from '../errors.ts';
import { placeSubtree } from './drive.ts';
import { createMatter, type MatterDeps, type NewMatter } from './matters.ts';
import { requestFiles } from './request-files.ts';

export interface RequestDeps extends MatterDeps {
  requests: RequestStore;
  outbox: Outbox;
}

export async function listRequests(requests: RequestStore, staff: StaffPrincipal, state: RequestState, limit: number, cursor?: string): Promise<Page<RequestSummary>> {
  requireMatterAction(staff, 'read');
  return requests.queue(state, limit, cursor);
}

async function openedRequest(requests: RequestStore, requestId: string): Promise<MatterRequest> {
  const request = await requests.get(requestId);
  if (!request) throw notFound('request');
  return request;
}

export async function getRequest(deps: Pick<RequestDeps, 'requests' | 'drive'>, staff: StaffPrincipal, requestId: string): Promise<MatterRequest & { files: DriveItem[] }> {
  requireMatterAction(staff, 'read');
  const request = await openedRequest(deps.requests, requestId);
  return { ...request, files: await requestFiles(deps.drive, request.requestId, request.requesterId) };
}

/** The decision's email to the requester, while their portal access is open and they have an address. */
function toRequester(outbox: Outbox, requester: Contact | undefined, message: (to: string, requester: Contact) => Message): PendingWrite[] {
  return requester?.email && accessIsOpen(requester) ? [outbox.enqueueWrite(message(requester.email, requester))] : [];
}

export interface Acceptance {
  /** One per person or company named in the request, in its order. */
  involved: InvolvedDecision[];
  /** The requester (the default) or one of their organisations. */
  clientId?: string;
  reference?: string;
  title?: string;
  status?: string;
}

/** The new contacts an accept makes for what the customer added and staff did not merge, and every party, in order. */
function partiesOf(request: MatterRequest, decisions: readonly InvolvedDecision[], clientId: string, staff: StaffPrincipal, now: Date): { parties: Party[]; newContacts: Contact[] } {
  const newContacts: Contact[] = [];
  const parties: Party[] = [];
  request.involved.forEach((entry, i) => {
    let contactId: string;
    if (entry.source === 'existing') contactId = entry.contactId;
    else if (decisions[i].mergeInto) contactId = decisions[i].mergeInto!;
    else {
      const contact: Contact = {
        contactId: newId(),
        kind: entry.kind,
        name: entry.name,
        ...(entry.email ? { email: entry.email } : {}),
        responsibleStaff: [staff.email],
        organisationIds: [],
        access: { state: 'none' },
        archived: false,
        createdAt: now.toISOString(),
        createdBy: staff.email,
      };
      newContacts.push(contact);
      contactId = contact.contactId;
    }
    // Named twice (a merge into someone already named) or the client itself: a party once, never the client.
    if (contactId !== clientId && !parties.some((p) => p.contactId === contactId)) parties.push({ contactId, partyType: decisions[i].partyType });
  });
  return { parties, newContacts };
}

export async function acceptRequest(deps: RequestDeps, staff: StaffPrincipal, requestId: string, acceptance: Acceptance, now = new Date()): Promise<{ request: MatterRequest; matter: Matter }> {
  requireMatterAction(staff, 'create');
  const request = await openedRequest(deps.requests, requestId);
  requireOpen(request);
  const [requester, filesFolder] = await Promise.all([deps.contacts.get(request.requesterId), deps.drive.get(fromClientFolderId(request.requestId))]);
  const clientId = acceptance.clientId ?? request.requesterId;
  checkAcceptance(request, acceptance.involved, clientId, requester?.organisationIds ?? []);
  const { parties, newContacts } = partiesOf(request, acceptance.involved, clientId, staff, now);
  const input: NewMatter = { title: acceptance.title ?? request.title, description: request.description, clientId, parties, reference: acceptance.reference, status: acceptance.status };
  let decided: MatterRequest | undefined;
  const matter = await createMatter(deps, staff, input, now, {
    matterId: request.requestId,
    newContacts,
    writes: (matter) => {
      decided = accepted(request, staff.email, matter.matterId, now);
      return [
        ...deps.requests.decideWrites(request, decided),
        ...newContacts.flatMap((c) => deps.contacts.createWrites(c)),
        ...deps.audit.recordWrites({
          at: now.toISOString(),
          actor: staff.email,
          action: 'request.accepted',
          contactId: request.requesterId,
          matterId: matter.matterId,
          details: { requestId, reference: matter.reference, createdContactIds: newContacts.map((c) => c.contactId), mergedIntoIds: acceptance.involved.flatMap((d) => (d.mergeInto ? [d.mergeInto] : [])) },
        }),
        // The files sent with the request become the client's documents in the matter.
        ...(filesFolder?.status === 'ready' ? [deps.drive.updateWrite(filesFolder, { parentId: matter.folderId, ancestorIds: [matter.folderId] })] : []),
        ...toRequester(deps.outbox, requester, (to, r) => ({ kind: 'requestAccepted', to, name: r.name, title: request.title, reference: matter.reference, matterId: matter.matterId, language: r.language })),
      ];
    },
  });
  if (filesFolder?.status === 'ready') await placeSubtree(deps.drive, filesFolder.itemId, [matter.folderId, filesFolder.itemId]);
  return { request: decided!, matter };
}

export async function declineRequest(deps: Pick<RequestDeps, 'requests' | 'contacts' | 'audit' | 'outbox' | 'transactions'>, staff: StaffPrincipal, requestId: string, reason: string, now = new Date()): Promise<MatterRequest> {
  requireMatterAction(staff, 'edit');
  const request = await openedRequest(deps.requests, requestId);
  const next = declined(request, staff.email, reason, now);
  const requester = await deps.contacts.get(request.requesterId);
  await deps.transactions.commit([
    ...deps.requests.decideWrites(request, next),
    ...deps.audit.recordWrites({ at: now.toISOString(), actor: staff.email, action: 'request.declined', contactId: request.requesterId, details: { requestId, title: request.title } }),
    ...toRequester(deps.outbox, requester, (to, r) => ({ kind: 'requestDeclined', to, name: r.name, title: request.title, reason: next.declineReason!, language: r.language })),
  ]);
  return next;
}
