import * as z from '#shared/zod';
import { driveStore, fileStore, matterStore, objectKeys, shareStore } from '#shared/adapters/index';
import { customerRoute, id, uploadFile } from '#shared/http/route';
import { MAX_FILES_PER_BATCH, startCustomerUpload } from '#shared/services/customer-portal';

const deps = { shares: shareStore(), drive: driveStore(), matters: matterStore(), files: fileStore(), keys: objectKeys };

export const handler = customerRoute(
  {
    counts: 'CustomerUploadsStarted',
    body: z.object({
      files: z.array(z.object(uploadFile())).check(z.minLength(1), z.maxLength(MAX_FILES_PER_BATCH)),
      revisesItemId: z.optional(id),
    }),
  },
  async ({ body, caller, settings }) => ({ status: 201, body: await startCustomerUpload(deps, caller, settings, body) }),
);
