import * as z from '#shared/zod';
import { matterStore } from '#shared/adapters/index';
import { id, staffRoute } from '#shared/http/route';
import { getMatter } from '#shared/services/matters';

const matters = matterStore();

export const handler = staffRoute({ path: z.object({ matterId: id }) }, async ({ path, caller }) => ({ body: await getMatter(matters, caller, path.matterId) }));
