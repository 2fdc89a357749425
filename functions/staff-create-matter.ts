import * as z from '#shared/zod';
import { matterDeps } from '#shared/adapters/index';
import { id, matterFields, staffRoute } from '#shared/http/route';
import { createMatter } from '#shared/services/matters';

const deps = matterDeps();

/** A new matter with its folder in the drive; without a reference it takes the next of the firm's sequence. */
export const handler = staffRoute(
  { body: z.strictObject({ ...matterFields(), title: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)), clientId: id }) },
  async ({ body, caller }) => ({ status: 201, body: await createMatter(deps, caller, body) }),
);
