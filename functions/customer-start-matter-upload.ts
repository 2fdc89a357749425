import * as z from '#shared/zod';
import { driveStore, fileStore, matterStore, objectKeys } from '#shared/adapters/index';
import { customerRoute, id, uploadFile } from '#shared/http/route';
import { MAX_FILES_PER_BATCH } from '#shared/services/customer-portal';
import { startMatterUpload } from '#shared/services/matter-uploads';

const deps = { matters: matterStore(), drive: driveStore(), files: fileStore(), keys: objectKeys };

/** New documents for one of the customer's matters, into its "From client" folder, while the attachment controls allow. */
export const handler = customerRoute(
  {
    counts: 'CustomerUploadsStarted',
    path: z.object({ matterId: id }),
    body: z.strictObject({ files: z.array(z.object(uploadFile())).check(z.minLength(1), z.maxLength(MAX_FILES_PER_BATCH)) }),
  },
  async ({ path, body, caller, settings }) => ({ status: 201, body: await startMatterUpload(deps, caller, settings, path.matterId, body.files) }),
);
