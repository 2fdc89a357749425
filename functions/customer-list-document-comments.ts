import * as z from '#shared/zod';
import { documentCommentStore, driveStore, shareStore } from '#shared/adapters/index';
import { customerRoute, id, pageQuery } from '#shared/http/route';
import { customerDocumentComments } from '#shared/services/document-comments';

const deps = { comments: documentCommentStore(), drive: driveStore(), shares: shareStore() };

/** The customer's own thread with the firm on a document they may see (F18). */
export const handler = customerRoute({ path: z.object({ itemId: id }), query: pageQuery }, async ({ path, query, caller }) => ({
  body: await customerDocumentComments(deps, caller, path.itemId, query.limit, query.cursor),
}));
