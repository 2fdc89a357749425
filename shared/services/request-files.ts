/** The files a customer sent with a request: read by the customer's and the staff's request pages alike. */
import { fromClientFolderId } from '../domain/matters.ts';
import type { DriveItem } from '../domain/model.ts';
import type { DriveStore } from '../domain/ports.ts';

/** How many of a request's files its page lists; more stay in the firm's drive. */
export const REQUEST_FILES_SHOWN = 100;

/** The files the requester sent with a request, wherever its folder now is (an accepted one's is in its matter's). */
export async function requestFiles(drive: DriveStore, requestId: string, requesterId: string): Promise<DriveItem[]> {
  const page = await drive.children(fromClientFolderId(requestId), REQUEST_FILES_SHOWN);
  return page.items.filter((item) => item.kind === 'file' && item.status === 'ready' && item.createdBy.kind === 'customer' && item.createdBy.id === requesterId);
}
