/** The customer API calls the portal makes, with the shapes the handlers answer (see shared/services/customer-portal.ts). */
import { del, get, post, query } from '../../common/api.ts';
import type { Page } from '../../common/paging.ts';
import { contentTypeOf, type CompletedPart, type UploadInstructions } from '../../common/upload.ts';

/** An item as a customer sees it (the handlers' own type): never keys, ancestry or staff ids. */
export type { PortalItem } from '../../../shared/services/customer-portal.ts';
import type { PortalItem } from '../../../shared/services/customer-portal.ts';

export type ItemPage = Page<PortalItem>;

export type StartedUpload = { item: PortalItem } & UploadInstructions;

const PAGE_SIZE = 50;

/** The API accepts only a plain "type/subtype"; anything else goes up as bytes. */

/** The portal's top level, a page at a time: the customer's own folder first, then the newest shares. */
export const listSharedRoots = (cursor?: string) => get<ItemPage>(`/shared${query({ limit: PAGE_SIZE, cursor })}`);

/** A folder's page also names the folder, so a bookmarked folder shows its name. */
export const listFolder = (folderId: string, cursor?: string) =>
  get<ItemPage & { folder: { itemId: string; name: string } }>(`/shared/folders/${encodeURIComponent(folderId)}/items${query({ limit: PAGE_SIZE, cursor })}`);

export const downloadLink = (itemId: string) =>
  get<{ url: string; name: string; size?: number }>(`/shared/items/${encodeURIComponent(itemId)}/download`);

/** One request for the whole batch; the answer lists the uploads in the order of `files`. */
export const startUpload = (files: File[], revisesItemId?: string) =>
  post<{ batchId: string; uploads: StartedUpload[] }>('/uploads', {
    files: files.map((f) => ({ name: f.name, size: f.size, contentType: contentTypeOf(f) })),
    revisesItemId,
  });

export const completeUpload = (itemId: string, parts: CompletedPart[]) =>
  post<{ completed: true }>(`/uploads/${encodeURIComponent(itemId)}/complete`, { parts });

export const deleteUpload = (itemId: string) => del<{ deleted: true }>(`/uploads/${encodeURIComponent(itemId)}`);
