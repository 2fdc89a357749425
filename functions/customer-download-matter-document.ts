import * as z from '#shared/zod';
import { auditLog, contactStore, driveStore, fileStore, matterStore } from '#shared/adapters/index';
import { customerRoute, id } from '#shared/http/route';
import { downloadCustomerMatterDocument } from '#shared/services/matter-portal';

const deps = { matters: matterStore(), contacts: contactStore(), drive: driveStore(), files: fileStore(), audit: auditLog() };

export const handler = customerRoute({ counts: 'CustomerDownloads', path: z.object({ matterId: id, itemId: id }) }, async ({ path, caller }) => ({
  body: await downloadCustomerMatterDocument(deps, caller, path.matterId, path.itemId),
}));
