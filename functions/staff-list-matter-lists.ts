import { matterStore } from '#shared/adapters/index';
import { staffRoute } from '#shared/http/route';
import { currentMatterLists } from '#shared/services/matters';

const matters = matterStore();

/** The statuses, party types, flags and document types matters draw on; every staff member picks from them. */
export const handler = staffRoute({}, async () => ({ body: await currentMatterLists(matters) }));
