import * as z from '#shared/zod';
import { driveStore, fileStore, shareStore } from '#shared/adapters/index';
import { customerRoute, id, parts } from '#shared/http/route';
import { completeCustomerUpload } from '#shared/services/customer-portal';

const deps = { shares: shareStore(), drive: driveStore(), files: fileStore() };

/** Assembles the parts of a customer's large upload; S3's event then files it and tells the staff. */
export const handler = customerRoute({ path: z.object({ itemId: id }), body: z.strictObject({ parts: parts() }) }, async ({ path, body, caller }) => ({
  body: await completeCustomerUpload(deps, caller, path.itemId, body.parts),
}));
