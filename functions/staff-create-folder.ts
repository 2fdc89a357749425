import { z } from 'zod';
import { driveStore } from '#shared/adapters/index';
import { id, staffRoute } from '#shared/http/route';
import { createFolder } from '#shared/services/drive';

const drive = driveStore();

export const handler = staffRoute(
  { body: z.object({ parentId: id.default('root'), name: z.string().max(1000) }) },
  async ({ body, caller }) => ({ status: 201, body: await createFolder(drive, caller, body.parentId, body.name) }),
);
