import { matterStore } from '#shared/adapters/index';
import { pageQuery, staffRoute } from '#shared/http/route';
import { listAwaitingAnswers } from '#shared/services/matter-comments';

const matters = matterStore();

/** Matters whose client wrote and the firm has not answered yet, the longest waiting first (F18). */
export const handler = staffRoute({ query: pageQuery }, async ({ query, caller }) => ({ body: await listAwaitingAnswers(matters, caller, query.limit, query.cursor) }));
