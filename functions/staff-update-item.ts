import * as z from '#shared/zod';
import { auditLog, driveStore, transactions } from '#shared/adapters/index';
import { id, staffRoute } from '#shared/http/route';
import { updateItem } from '#shared/services/drive';

const deps = { drive: driveStore(), audit: auditLog(), transactions: transactions() };

/** Rename and/or move an item in the drive. */
export const handler = staffRoute(
  {
    path: z.object({ itemId: id }),
    body: z
      .strictObject({ name: z.optional(z.string().check(z.maxLength(1000))), parentId: z.optional(id) })
      .check(z.refine((b) => b.name !== undefined || b.parentId !== undefined, 'give a new name, a new parentId, or both')),
  },
  async ({ path, body, caller }) => ({ body: await updateItem(deps, caller, path.itemId, body) }),
);
