/** The customer API calls the portal makes, with the shapes the API declares it answers (web/common/api-types.ts). */
import { del, get, post, query, type Answer } from '../../common/api.ts';
import type { components, operations } from '../../common/api-types.ts';
import type { Page } from '../../common/paging.ts';
import { contentTypeOf, type CompletedPart } from '../../common/upload.ts';

/** An item as a customer sees it (generated from docs/openapi.json): never keys, ancestry or staff ids. */
export type PortalItem = components['schemas']['PortalItem'];

export type ItemPage = Page<PortalItem>;

export type StartedUpload = Answer<'customer-start-upload'>['uploads'][number];

const PAGE_SIZE = 50;

/** The API accepts only a plain "type/subtype"; anything else goes up as bytes. */

/** The portal's top level, a page at a time: the customer's own folder first, then the newest shares. */
export const listSharedRoots = (cursor?: string) => get<ItemPage>(`/shared${query({ limit: PAGE_SIZE, cursor })}`);

/** A folder's page also names the folder, so a bookmarked folder shows its name. */
export const listFolder = (folderId: string, cursor?: string) =>
  get<Answer<'customer-list-folder'>>(`/shared/folders/${encodeURIComponent(folderId)}/items${query({ limit: PAGE_SIZE, cursor })}`);

export const downloadLink = (itemId: string) =>
  get<Answer<'customer-download-item'>>(`/shared/items/${encodeURIComponent(itemId)}/download`);

/** One request for the whole batch; the answer lists the uploads in the order of `files`. */
export const startUpload = (files: File[], revisesItemId?: string) =>
  post<Answer<'customer-start-upload'>>('/uploads', {
    files: files.map((f) => ({ name: f.name, size: f.size, contentType: contentTypeOf(f) })),
    revisesItemId,
  });

export const completeUpload = (itemId: string, parts: CompletedPart[]) =>
  post<Answer<'customer-complete-upload'>>(`/uploads/${encodeURIComponent(itemId)}/complete`, { parts });

export const deleteUpload = (itemId: string) => del<Answer<'customer-delete-upload'>>(`/uploads/${encodeURIComponent(itemId)}`);

/** A matter as the customer's list shows it, and its page (generated from docs/openapi.json). */
export type CustomerMatterSummary = components['schemas']['CustomerMatterSummary'];
export type CustomerMatter = Answer<'customer-get-matter'>;
export type MatterDocument = components['schemas']['MatterDocument'];

export const listMatters = (cursor?: string) => get<Page<CustomerMatterSummary>>(`/matters${query({ limit: PAGE_SIZE, cursor })}`);

export const getMatter = (matterId: string) => get<CustomerMatter>(`/matters/${encodeURIComponent(matterId)}`);

export const listMatterDocuments = (matterId: string, cursor?: string) =>
  get<Page<MatterDocument>>(`/matters/${encodeURIComponent(matterId)}/documents${query({ limit: PAGE_SIZE, cursor })}`);

export const matterDocumentLink = (matterId: string, itemId: string) =>
  get<Answer<'customer-download-matter-document'>>(`/matters/${encodeURIComponent(matterId)}/documents/${encodeURIComponent(itemId)}/download`);

/** New documents for one of the customer's matters: they land in its "From client" folder. */
export const startMatterUpload = (matterId: string, files: File[]) =>
  post<Answer<'customer-start-matter-upload'>>(`/matters/${encodeURIComponent(matterId)}/uploads`, {
    files: files.map((f) => ({ name: f.name, size: f.size, contentType: contentTypeOf(f) })),
  });

export const listMatterUploads = (matterId: string, cursor?: string) =>
  get<ItemPage>(`/matters/${encodeURIComponent(matterId)}/uploads${query({ limit: PAGE_SIZE, cursor })}`);

/** A matter's thread as the customer sees it (F18). */
export type CustomerComment = components['schemas']['CustomerComment'];

export const listMatterComments = (matterId: string, cursor?: string) =>
  get<Page<CustomerComment>>(`/matters/${encodeURIComponent(matterId)}/comments${query({ limit: PAGE_SIZE, cursor })}`);

export const addMatterComment = (matterId: string, text: string) =>
  post<Answer<'customer-add-matter-comment'>>(`/matters/${encodeURIComponent(matterId)}/comments`, { text });

/** A customer's requests for new work (F21): the form's choices, their list and one request with the files sent. */
export type RequestForm = Answer<'customer-get-request-form'>;
export type RequestCandidate = RequestForm['contacts'][number];
export type CustomerRequestSummary = components['schemas']['CustomerRequestSummary'];
export type CustomerRequest = Answer<'customer-get-request'>;
export type Involved = components['schemas']['Involved'];
export type NewRequest = NonNullable<operations['customer-submit-request']['requestBody']>['content']['application/json'];

export const getRequestForm = () => get<RequestForm>('/request-form');

export const submitRequest = (request: NewRequest) => post<Answer<'customer-submit-request'>>('/requests', request);

export const listRequests = (cursor?: string) => get<Page<CustomerRequestSummary>>(`/requests${query({ limit: PAGE_SIZE, cursor })}`);

export const getRequest = (requestId: string) => get<CustomerRequest>(`/requests/${encodeURIComponent(requestId)}`);

/** Files sent with an open request: they land in the folder that becomes its matter's "From client" folder. */
export const startRequestUpload = (requestId: string, files: File[]) =>
  post<Answer<'customer-start-request-upload'>>(`/requests/${encodeURIComponent(requestId)}/uploads`, {
    files: files.map((f) => ({ name: f.name, size: f.size, contentType: contentTypeOf(f) })),
  });

/** The customer's own thread with the firm on a document shared with them (F18): nobody else it is shared with reads it. */
export const listDocumentComments = (itemId: string, cursor?: string) =>
  get<Page<CustomerComment>>(`/shared/items/${encodeURIComponent(itemId)}/comments${query({ limit: PAGE_SIZE, cursor })}`);

export const addDocumentComment = (itemId: string, text: string) =>
  post<Answer<'customer-add-document-comment'>>(`/shared/items/${encodeURIComponent(itemId)}/comments`, { text });
