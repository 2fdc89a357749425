import { z } from 'zod';
import { driveStore, shareStore } from '#shared/adapters/index';
import { id, staffRoute } from '#shared/http/route';
import { sharesOfContact } from '#shared/services/sharing';

const deps = { shares: shareStore(), drive: driveStore() };

export const handler = staffRoute({ path: z.object({ contactId: id }) }, async ({ path }) => ({
  body: { items: await sharesOfContact(deps, [path.contactId]) },
}));
