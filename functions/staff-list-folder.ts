import * as z from '#shared/zod';
import { driveStore } from '#shared/adapters/index';
import { id, pageQuery, staffRoute } from '#shared/http/route';
import { listFolder } from '#shared/services/drive';

const drive = driveStore();

export const handler = staffRoute({ path: z.object({ folderId: id }), query: pageQuery }, async ({ path, query }) => ({
  body: await listFolder(drive, path.folderId, query.limit, query.cursor),
}));
