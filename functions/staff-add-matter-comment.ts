import * as z from '#shared/zod';
import { auditLog, contactStore, matterStore, outbox, transactions } from '#shared/adapters/index';
import { id, staffRoute } from '#shared/http/route';
import { MAX_COMMENT_LENGTH } from '#shared/domain/comments';
import { addStaffComment } from '#shared/services/matter-comments';

const deps = { matters: matterStore(), contacts: contactStore(), audit: auditLog(), outbox: outbox(), transactions: transactions() };

/** A staff answer on a matter (emailed to the client), or an internal note (`internal`, never shown to customers). */
export const handler = staffRoute(
  {
    path: z.object({ matterId: id }),
    body: z.strictObject({ text: z.string().check(z.maxLength(MAX_COMMENT_LENGTH * 2)), internal: z._default(z.boolean(), false) }),
  },
  async ({ path, body, caller }) => ({ status: 201, body: await addStaffComment(deps, caller, path.matterId, body) }),
);
