import * as z from '#shared/zod';
import { driveStore, fileStore, objectKeys } from '#shared/adapters/index';
import { id, parts, staffRoute } from '#shared/http/route';
import { completeStaffUpload } from '#shared/services/drive';

const deps = { drive: driveStore(), files: fileStore(), keys: objectKeys };

/** Marks a staff upload ready once its bytes are in S3; for a multipart upload, assembles the parts first. */
export const handler = staffRoute({ counts: 'StaffUploadsCompleted', path: z.object({ itemId: id }), body: z.strictObject({ parts: z.optional(parts()) }) }, async ({ path, body }) => ({
  body: await completeStaffUpload(deps, path.itemId, body.parts),
}));
