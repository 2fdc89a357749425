import * as z from '#shared/zod';
import { auditLog, contactStore, matterStore, outbox, transactions } from '#shared/adapters/index';
import { customerRoute, id } from '#shared/http/route';
import { MAX_COMMENT_LENGTH } from '#shared/domain/comments';
import { addCustomerComment } from '#shared/services/matter-comments';

const deps = { matters: matterStore(), contacts: contactStore(), audit: auditLog(), outbox: outbox(), transactions: transactions() };

/** A customer comments on one of their matters, while the firm takes comments (F18). */
export const handler = customerRoute(
  { path: z.object({ matterId: id }), body: z.strictObject({ text: z.string().check(z.maxLength(MAX_COMMENT_LENGTH * 2)) }) },
  async ({ path, body, caller, settings }) => ({ status: 201, body: await addCustomerComment(deps, caller, settings, path.matterId, body.text) }),
);
