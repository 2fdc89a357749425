import { z } from 'zod';
import { auditLog, driveStore } from '#shared/adapters/index';
import { id, staffRoute } from '#shared/http/route';
import { moveItem, renameItem } from '#shared/services/drive';

const deps = { drive: driveStore(), audit: auditLog() };

/** Rename and/or move an item in the drive. */
export const handler = staffRoute(
  {
    path: z.object({ itemId: id }),
    body: z.object({ name: z.string().max(1000).optional(), parentId: id.optional() }).strict().refine((b) => b.name !== undefined || b.parentId !== undefined, 'give a new name, a new parentId, or both'),
  },
  async ({ path, body, caller }) => {
    let item = body.name !== undefined ? await renameItem(deps, caller, path.itemId, body.name) : undefined;
    if (body.parentId !== undefined) item = await moveItem(deps, caller, path.itemId, body.parentId);
    return { body: item };
  },
);
