import { z } from 'zod';
import { driveStore, fileStore, objectKeys, shareStore } from '#shared/adapters/index';
import { customerRoute, id } from '#shared/http/route';
import { MAX_FILES_PER_BATCH, startCustomerUpload } from '#shared/services/customer-portal';

const deps = { shares: shareStore(), drive: driveStore(), files: fileStore(), keys: objectKeys };

export const handler = customerRoute(
  {
    body: z.object({
      files: z
        .array(
          z.object({
            name: z.string().max(1000),
            size: z.number().int().min(0),
            contentType: z.string().regex(/^[\w.+-]+\/[\w.+-]+$/).max(255).default('application/octet-stream'),
          }),
        )
        .min(1)
        .max(MAX_FILES_PER_BATCH),
      revisesItemId: id.optional(),
    }),
  },
  async ({ body, caller, settings }) => ({ status: 201, body: await startCustomerUpload(deps, caller, settings, body) }),
);
