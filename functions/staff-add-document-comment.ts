import * as z from '#shared/zod';
import { auditLog, contactStore, documentCommentStore, driveStore, outbox, transactions } from '#shared/adapters/index';
import { id, staffRoute } from '#shared/http/route';
import { MAX_COMMENT_LENGTH } from '#shared/domain/comments';
import { addStaffDocumentComment } from '#shared/services/document-comments';

const deps = { comments: documentCommentStore(), drive: driveStore(), contacts: contactStore(), audit: auditLog(), outbox: outbox(), transactions: transactions() };

/** Staff answer a customer on a document (the customer is emailed), or keep an internal note there. */
export const handler = staffRoute(
  { path: z.object({ itemId: id, contactId: id }), body: z.strictObject({ text: z.string().check(z.maxLength(MAX_COMMENT_LENGTH * 2)), internal: z._default(z.boolean(), false) }) },
  async ({ path, body, caller }) => ({ status: 201, body: await addStaffDocumentComment(deps, caller, path.itemId, path.contactId, body) }),
);
