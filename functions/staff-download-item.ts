import * as z from '#shared/zod';
import { auditLog, driveStore, fileStore, objectKeys } from '#shared/adapters/index';
import { id, staffRoute } from '#shared/http/route';
import { staffDownload } from '#shared/services/drive';

const deps = { drive: driveStore(), files: fileStore(), keys: objectKeys, audit: auditLog() };

export const handler = staffRoute({ counts: 'StaffDownloads', path: z.object({ itemId: id }) }, async ({ path, caller }) => ({
  body: await staffDownload(deps, caller, path.itemId),
}));
