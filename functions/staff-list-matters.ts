import * as z from '#shared/zod';
import { matterStore } from '#shared/adapters/index';
import { id, pageQuery, staffRoute } from '#shared/http/route';
import { listMatters } from '#shared/services/matters';

const matters = matterStore();

/** Matters newest first, or by earliest deadline with `deadlineBefore`; narrowed by status, client and responsible staff. */
export const handler = staffRoute(
  {
    query: z.extend(pageQuery, {
      status: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(60))),
      clientId: z.optional(id),
      responsible: z.optional(z.email()),
      deadlineBefore: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'use a date as YYYY-MM-DD'))),
      archived: z.optional(z.enum(['true', 'false'])),
    }),
  },
  async ({ query: { limit, cursor, archived, ...filter }, caller }) => ({ body: await listMatters(matters, caller, { ...filter, archived: archived === 'true' }, limit, cursor) }),
);
