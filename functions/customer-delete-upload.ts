import { z } from 'zod';
import { configStore, driveStore, firm, shareStore } from '#shared/adapters/index';
import { customerRoute, id } from '#shared/http/route';
import { deleteOwnUpload } from '#shared/services/customer-portal';
import { currentSettings } from '#shared/services/settings';

const settingsDeps = { config: configStore(), ...firm() };
const deps = { shares: shareStore(), drive: driveStore(), settings: () => currentSettings(settingsDeps) };

/** A customer deletes a document they uploaded, when the attachment controls allow it; staff files never. */
export const handler = customerRoute({ path: z.object({ itemId: id }) }, async ({ path, caller }) => ({
  body: await deleteOwnUpload(deps, caller, path.itemId),
}));
