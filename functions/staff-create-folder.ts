import * as z from '#shared/zod';
import { driveStore } from '#shared/adapters/index';
import { id, staffRoute } from '#shared/http/route';
import { createFolder } from '#shared/services/drive';

const drive = driveStore();

export const handler = staffRoute(
  { body: z.object({ parentId: z._default(id, 'root'), name: z.string().check(z.maxLength(1000)) }) },
  async ({ body, caller }) => ({ status: 201, body: await createFolder(drive, caller, body.parentId, body.name) }),
);
