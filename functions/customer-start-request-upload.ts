import * as z from '#shared/zod';
import { driveStore, fileStore, objectKeys, requestStore } from '#shared/adapters/index';
import { customerRoute, id, uploadFile } from '#shared/http/route';
import { MAX_FILES_PER_BATCH } from '#shared/services/customer-portal';
import { startRequestUpload } from '#shared/services/request-uploads';

const deps = { requests: requestStore(), drive: driveStore(), files: fileStore(), keys: objectKeys };

/** Files sent with one of the customer's open requests, presigned straight to S3. */
export const handler = customerRoute(
  {
    counts: 'CustomerUploadsStarted',
    path: z.object({ requestId: id }),
    body: z.strictObject({ files: z.array(z.object(uploadFile())).check(z.minLength(1), z.maxLength(MAX_FILES_PER_BATCH)) }),
  },
  async ({ path, body, caller, settings }) => ({ status: 201, body: await startRequestUpload(deps, caller, settings, path.requestId, body.files) }),
);
