/**
 * A customer's requests (F21): the form's choices, sending a request (with its email to the
 * customer's responsible staff and its audit entry in one transaction), reading one with its files, and the
 * customer's own list. Whom a customer may name is the access policy's `requestCandidates`: the
 * contacts tied to their own matters and organisations, never a search of the firm's contacts.
 */
import { customerViewOfRequest, requestCandidates, visibleRequest, type CustomerRequestView } from '../domain/access-policy.ts';
import { newId } from '../domain/ids.ts';
import type { CustomerPrincipal } from '../domain/model.ts';
import type { AuditLog, ContactStore, DriveStore, MatterStore, Outbox, Page, RequestStore, Transactions } from '../domain/ports.ts';
import { newRequest, type Candidate, type RequestInput, type RequestSummary } from '../domain/requests.ts';
import { toPortalItem, type PortalItem } from './customer-portal.ts';
import { requestFiles } from './request-files.ts';
import { currentMatterLists } from './matters.ts';

export interface RequestPortalDeps {
  requests: RequestStore;
  matters: MatterStore;
  contacts: ContactStore;
  audit: AuditLog;
  outbox: Outbox;
  transactions: Transactions;
}

/** How many of each client's newest matters the contacts to pick from are drawn from. */
export const CANDIDATE_MATTERS_PER_CLIENT = 100;

/** What the request form offers: the kinds the admins list and the contacts this customer may name. */
export async function requestForm(deps: Pick<RequestPortalDeps, 'matters' | 'contacts'>, customer: CustomerPrincipal): Promise<{ kinds: string[]; contacts: Candidate[] }> {
  const [lists, pages] = await Promise.all([
    currentMatterLists(deps.matters),
    Promise.all(customer.granteeIds.map((clientId) => deps.matters.clientMatters(clientId).fetch(CANDIDATE_MATTERS_PER_CLIENT))),
  ]);
  const matters = await deps.matters.getMany(pages.flatMap((p) => p.items.map((s) => s.matterId)));
  const ids = new Set([...customer.granteeIds, ...matters.flatMap((m) => [m.clientId, ...m.parties.map((p) => p.contactId)])]);
  ids.delete(customer.contactId);
  const contacts = await deps.contacts.getMany([...ids]);
  return { kinds: lists.requestKinds.map((k) => k.name), contacts: requestCandidates(customer, matters, contacts, lists) };
}

/** Sends a request: checked whole first, then the request, its audit entry and its email in one transaction. */
export async function submitRequest(deps: RequestPortalDeps, customer: CustomerPrincipal, input: RequestInput, now = new Date()): Promise<CustomerRequestView> {
  const [{ kinds, contacts }, requester] = await Promise.all([requestForm(deps, customer), deps.contacts.get(customer.contactId)]);
  const request = newRequest(input, { requestId: newId(), requesterId: customer.contactId, requesterName: customer.name }, kinds.map((name) => ({ name })), contacts, now);
  const staff = requester?.responsibleStaff ?? [];
  await deps.transactions.commit([
    ...deps.requests.createWrites(request),
    ...deps.audit.recordWrites({ at: now.toISOString(), actor: customer.name, action: 'request.submitted', contactId: customer.contactId, details: { requestId: request.requestId, kind: request.kind, title: request.title } }),
    // The title stays behind the sign-in: the email says who asked and for what kind of work.
    ...(staff.length ? [deps.outbox.enqueueWrite({ kind: 'requestSubmitted', to: staff, customerName: customer.name, requestKind: request.kind, requestId: request.requestId })] : []),
  ]);
  return customerViewOfRequest(request);
}

export async function listOwnRequests(requests: RequestStore, customer: CustomerPrincipal, limit: number, cursor?: string): Promise<Page<Omit<RequestSummary, 'requesterId'>>> {
  const page = await requests.requesterRequests(customer.contactId, limit, cursor);
  return { items: page.items.map(({ requesterId: _me, ...summary }) => summary), cursor: page.cursor };
}

export async function getOwnRequest(deps: { requests: RequestStore; drive: DriveStore }, customer: CustomerPrincipal, requestId: string): Promise<CustomerRequestView & { files: PortalItem[] }> {
  const request = visibleRequest(customer, await deps.requests.get(requestId));
  const files = await requestFiles(deps.drive, request.requestId, customer.contactId);
  return { ...customerViewOfRequest(request), files: files.map((item) => toPortalItem(customer, item)) };
}
