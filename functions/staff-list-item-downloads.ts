import * as z from '#shared/zod';
import { auditLog } from '#shared/adapters/index';
import { id, pageQuery, staffRoute } from '#shared/http/route';
import { downloadReceipts } from '#shared/services/activity';

const audit = auditLog();

/** A file's download receipts: who downloaded which version, and when. */
export const handler = staffRoute({ path: z.object({ itemId: id }), query: pageQuery }, async ({ path, query }) => ({
  body: await downloadReceipts(audit, path.itemId, query.limit, query.cursor),
}));
