import * as z from '#shared/zod';
import { auditLog, contactStore, documentCommentStore, driveStore, outbox, shareStore, transactions } from '#shared/adapters/index';
import { customerRoute, id } from '#shared/http/route';
import { MAX_COMMENT_LENGTH } from '#shared/domain/comments';
import { addCustomerDocumentComment } from '#shared/services/document-comments';

const deps = { comments: documentCommentStore(), drive: driveStore(), shares: shareStore(), contacts: contactStore(), audit: auditLog(), outbox: outbox(), transactions: transactions() };

/** A customer comments on a document they may see, while the firm takes comments (F18). */
export const handler = customerRoute(
  { path: z.object({ itemId: id }), body: z.strictObject({ text: z.string().check(z.maxLength(MAX_COMMENT_LENGTH * 2)) }) },
  async ({ path, body, caller, settings }) => ({ status: 201, body: await addCustomerDocumentComment(deps, caller, settings, path.itemId, body.text) }),
);
