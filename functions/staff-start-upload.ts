import * as z from '#shared/zod';
import { driveStore, fileStore, objectKeys } from '#shared/adapters/index';
import { id, staffRoute, uploadFile } from '#shared/http/route';
import { startStaffUpload } from '#shared/services/drive';

const deps = { drive: driveStore(), files: fileStore(), keys: objectKeys };

export const handler = staffRoute(
  {
    counts: 'StaffUploadsStarted',
    body: z.object({
      parentId: z._default(id, 'root'),
      ...uploadFile(),
    }),
  },
  async ({ body, caller }) => ({ status: 201, body: await startStaffUpload(deps, caller, body) }),
);
