import { z } from 'zod';
import { driveStore, fileStore, objectKeys } from '#shared/adapters/index';
import { id, staffRoute } from '#shared/http/route';
import { completeStaffUpload } from '#shared/services/drive';

const deps = { drive: driveStore(), files: fileStore(), keys: objectKeys };

export const handler = staffRoute({ path: z.object({ itemId: id }) }, async ({ path }) => ({
  body: await completeStaffUpload(deps, path.itemId),
}));
