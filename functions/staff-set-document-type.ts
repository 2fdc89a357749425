import * as z from '#shared/zod';
import { auditLog, driveStore, matterStore, transactions } from '#shared/adapters/index';
import { id, staffRoute } from '#shared/http/route';
import { setDocumentType } from '#shared/services/matter-documents';

const deps = { matters: matterStore(), drive: driveStore(), audit: auditLog(), transactions: transactions() };

/** Types a document of the matter's folder (`null` takes the type away); a customer-file type shows it to the client. */
export const handler = staffRoute(
  {
    path: z.object({ matterId: id, itemId: id }),
    body: z.strictObject({ documentType: z.nullable(z.string().check(z.trim(), z.minLength(1), z.maxLength(60))) }),
  },
  async ({ path, body, caller }) => ({ body: await setDocumentType(deps, caller, path.matterId, path.itemId, body.documentType) }),
);
