import * as z from '#shared/zod';
import { contactStore, driveStore, shareStore } from '#shared/adapters/index';
import { id, staffRoute } from '#shared/http/route';
import { sharedWithWhom } from '#shared/services/sharing';

const deps = { shares: shareStore(), contacts: contactStore(), drive: driveStore() };

export const handler = staffRoute({ path: z.object({ itemId: id }) }, async ({ path }) => ({
  body: { items: await sharedWithWhom(deps, path.itemId) },
}));
