import * as z from '#shared/zod';
import { auditLog, documentCommentStore, driveStore, transactions } from '#shared/adapters/index';
import { id, staffRoute } from '#shared/http/route';
import { hideDocumentComment } from '#shared/services/document-comments';

const deps = { comments: documentCommentStore(), drive: driveStore(), audit: auditLog(), transactions: transactions() };

/** Hides a comment on a document from its customer; it stays on the record. */
export const handler = staffRoute({ path: z.object({ itemId: id, contactId: id, commentId: id }) }, async ({ path, caller }) => ({
  body: await hideDocumentComment(deps, caller, path.itemId, path.contactId, path.commentId),
}));
