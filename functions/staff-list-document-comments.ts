import * as z from '#shared/zod';
import { documentCommentStore, driveStore } from '#shared/adapters/index';
import { id, pageQuery, staffRoute } from '#shared/http/route';
import { staffDocumentComments } from '#shared/services/document-comments';

const deps = { comments: documentCommentStore(), drive: driveStore() };

/** One customer's thread on a document, with internal notes and hidden comments marked. */
export const handler = staffRoute({ path: z.object({ itemId: id, contactId: id }), query: pageQuery }, async ({ path, query, caller }) => ({
  body: await staffDocumentComments(deps, caller, path.itemId, path.contactId, query.limit, query.cursor),
}));
