import * as z from '#shared/zod';
import { documentCommentStore, driveStore } from '#shared/adapters/index';
import { id, pageQuery, staffRoute } from '#shared/http/route';
import { documentThreads } from '#shared/services/document-comments';

const deps = { comments: documentCommentStore(), drive: driveStore() };

/** The customers who wrote on a document, one thread each (F18). */
export const handler = staffRoute({ path: z.object({ itemId: id }), query: pageQuery }, async ({ path, query, caller }) => ({
  body: await documentThreads(deps, caller, path.itemId, query.limit, query.cursor),
}));
