import { z } from 'zod';
import { driveStore, fileStore, objectKeys } from '#shared/adapters/index';
import { id, staffRoute } from '#shared/http/route';
import { startStaffUpload } from '#shared/services/drive';

const deps = { drive: driveStore(), files: fileStore(), keys: objectKeys };

export const handler = staffRoute(
  {
    body: z.object({
      parentId: id.default('root'),
      name: z.string().max(1000),
      size: z.number().int().min(0),
      contentType: z.string().regex(/^[\w.+-]+\/[\w.+-]+$/).max(255).default('application/octet-stream'),
    }),
  },
  async ({ body, caller }) => ({ status: 201, body: await startStaffUpload(deps, caller, body) }),
);
