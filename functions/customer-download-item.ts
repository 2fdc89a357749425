import * as z from '#shared/zod';
import { auditLog, driveStore, fileStore, shareStore } from '#shared/adapters/index';
import { customerRoute, id } from '#shared/http/route';
import { downloadShared } from '#shared/services/customer-portal';

const deps = { shares: shareStore(), drive: driveStore(), files: fileStore(), audit: auditLog() };

export const handler = customerRoute({ counts: 'CustomerDownloads', path: z.object({ itemId: id }) }, async ({ path, caller }) => ({
  body: await downloadShared(deps, caller, path.itemId),
}));
