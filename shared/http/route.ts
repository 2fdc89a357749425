/**
 * The one way a handler becomes an HTTP route: middy parses the body, zod validates path, query
 * and body, the caller is turned into a principal by the access policy, and every error leaves
 * as `{"error": {"code", "message"}}` with a 4xx status — or a logged 500 for our own bugs. The two
 * refusals that end a customer's use of the portal (portal or access closed) also carry
 * `"firm"`, the firm's branding, so the portal's notice still looks like the firm's. Each request
 * leaves one log line (route, status, API Gateway's request id as correlation id, cold start).
 */
import middy from '@middy/core';
import httpJsonBodyParser from '@middy/http-json-body-parser';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyResultV2, Context } from 'aws-lambda';
import { configStore, contactStore, firm } from '../adapters/index.ts';
import { count, logger, observed, type Count } from '../adapters/observability.ts';
import { lazySecret } from '../adapters/secrets.ts';
import { requireEnv } from '../env.ts';
import { cursorKeyFrom, openCursor, sealCursor, type CursorBinding } from './cursor.ts';
import { activeStaff, currentRole, requireAdmin, staffPrincipal, type JwtClaims } from '../domain/access-policy.ts';
import type { CustomerPrincipal, StaffPrincipal } from '../domain/model.ts';
import type { PortalSettings } from '../domain/settings.ts';
import { LANGUAGES } from '../domain/language.ts';
import { AppError } from '../errors.ts';
import { authenticateCustomer } from '../services/customer-portal.ts';
import { currentSettings } from '../services/settings.ts';
import * as z from '../zod.ts';

type Event = APIGatewayProxyEventV2WithJWTAuthorizer;
type Schema = z.ZodMiniType;
type Out<S> = S extends z.ZodMiniType ? z.output<S> : undefined;

export interface RouteSpec<P extends Schema | undefined, Q extends Schema | undefined, B extends Schema | undefined> {
  path?: P;
  query?: Q;
  body?: B;
  /** Counted once per successful answer (e.g. `StaffUploadsStarted`), as a CloudWatch metric. */
  counts?: Count;
}

export interface RouteInput<P, Q, B> {
  path: Out<P>;
  query: Out<Q>;
  body: Out<B>;
}

export interface RouteResult {
  status?: number;
  body: unknown;
  /** A body that is not JSON (e.g. a CSV export): sent as it is, as a download named `fileName`. */
  file?: { contentType: string; fileName: string };
}

function json(status: number, body: unknown): APIGatewayProxyResultV2 {
  return { statusCode: status, headers: { 'content-type': 'application/json', 'cache-control': 'no-store' }, body: JSON.stringify(body) };
}

function describeIssues(error: z.core.$ZodError): string {
  return error.issues
    .slice(0, 5)
    // zod says "expected string, received undefined" for a missing field; a person reads "is required".
    .map((i) => `${i.path.length ? i.path.join('.') : 'request'}: ${/received undefined$/.test(i.message) ? 'is required' : i.message}`)
    .join('; ');
}

function parse<S extends Schema | undefined>(schema: S, value: unknown, where: string): Out<S> {
  if (!schema) return undefined as Out<S>;
  const result = schema.safeParse(value ?? {});
  if (!result.success) throw new AppError(400, 'invalid_request', `${where} ${describeIssues(result.error)}`.trim());
  return result.data as Out<S>;
}

/** Turns anything thrown into the error contract; only unexpected errors are 500s, and they are logged. */
export function errorResponse(error: unknown): APIGatewayProxyResultV2 {
  if (error instanceof AppError) return json(error.status, { error: { code: error.code, message: error.message, ...error.extra } });
  const status = (error as { statusCode?: number }).statusCode;
  if (status === 415) return json(415, { error: { code: 'unsupported_media_type', message: 'Send the body as JSON with Content-Type: application/json.' } });
  if (status === 422 || status === 400) return json(400, { error: { code: 'invalid_json', message: 'The body is not valid JSON.' } });
  logger.error('unhandled', error instanceof Error ? error : String(error));
  return json(500, { error: { code: 'internal_error', message: 'Something went wrong on our side; please try again.' } });
}

function cursorBinding(event: Event, caller: StaffPrincipal | CustomerPrincipal): CursorBinding {
  const { cursor: _cursor, limit: _limit, ...rest } = event.queryStringParameters ?? {};
  return {
    route: event.routeKey,
    scope: { ...event.pathParameters, ...Object.fromEntries(Object.entries(rest).map(([k, v]) => [`query.${k}`, v])) },
    caller: caller.kind === 'staff' ? `staff:${caller.sub}` : `customer:${caller.contactId}:${caller.sub}`,
  };
}

/** `authorise` turns the token's claims into the caller (and whatever it read to decide, passed on to the handler). */
function build<P extends Schema | undefined, Q extends Schema | undefined, B extends Schema | undefined, A extends { caller: StaffPrincipal | CustomerPrincipal }>(
  spec: RouteSpec<P, Q, B>,
  authorise: (claims: JwtClaims) => Promise<A>,
  run: (input: RouteInput<P, Q, B> & A) => Promise<RouteResult>,
) {
  const cursorSecret = lazySecret(requireEnv('CURSOR_SECRET_ARN'));
  const cursorKey = async () => cursorKeyFrom(await cursorSecret());
  const core = async (event: Event): Promise<APIGatewayProxyResultV2> => {
    const authorised = await authorise((event.requestContext.authorizer?.jwt?.claims ?? {}) as JwtClaims);
    const input = {
      path: parse(spec.path, event.pathParameters, 'path'),
      query: parse(spec.query, event.queryStringParameters, 'query'),
      body: parse(spec.body, event.body, 'body'),
      ...authorised,
    } as RouteInput<P, Q, B> & A;
    // Cursors leave sealed to this route, these parameters and this caller, and come back opened.
    const binding = cursorBinding(event, authorised.caller);
    const query = input.query as { cursor?: string } | undefined;
    if (query?.cursor) query.cursor = openCursor(await cursorKey(), query.cursor, binding);
    const result = await run(input);
    if (spec.counts) count(spec.counts);
    const page = result.body as { cursor?: unknown } | undefined;
    if (typeof page?.cursor === 'string') result.body = { ...page, cursor: sealCursor(await cursorKey(), page.cursor, binding) };
    if (result.file) {
      const headers = { 'content-type': result.file.contentType, 'content-disposition': `attachment; filename="${result.file.fileName}"`, 'cache-control': 'no-store' };
      return { statusCode: result.status ?? 200, headers, body: String(result.body) };
    }
    return json(result.status ?? 200, result.body);
  };
  const handler = middy<Event, APIGatewayProxyResultV2>(core);
  if (spec.body) handler.use(httpJsonBodyParser());
  handler.onError(async (request) => {
    request.response = errorResponse(request.error);
  });
  const answered = observed(async (event: Event, context: Context) => {
    const response = (await handler(event, context)) as { statusCode?: number };
    logger.info('answered', { route: event.routeKey, status: response.statusCode });
    return response as APIGatewayProxyResultV2;
  });
  // The route's schemas travel with the handler, so the API description is generated from them.
  return Object.assign(answered, { routeSpec: spec as RouteSpec<Schema | undefined, Schema | undefined, Schema | undefined> & { admin?: boolean } });
}

/** A route of the staff API; `admin: true` also requires the `admins` group. */
export function staffRoute<P extends Schema | undefined = undefined, Q extends Schema | undefined = undefined, B extends Schema | undefined = undefined>(
  spec: RouteSpec<P, Q, B> & { admin?: boolean },
  run: (input: RouteInput<P, Q, B> & { caller: StaffPrincipal }) => Promise<RouteResult>,
) {
  const config = configStore();
  return build(spec, async (claims) => {
    const claimed = staffPrincipal(claims);
    const staff = activeStaff(claimed, await config.isStaffDisabled(claimed.sub));
    // A demoted admin's token still claims the group until it expires: admin routes also check the last demotion.
    if (spec.admin) requireAdmin(staff.isAdmin ? currentRole(staff, claims.iat, await config.adminClaimsValidAfter(staff.sub)) : staff);
    return { caller: staff };
  }, run);
}

/**
 * A route of the customer API: the caller's access is checked on every request (F7). The
 * settings read for the portal switch are handed to the handler, so no route reads them twice.
 */
export function customerRoute<P extends Schema | undefined = undefined, Q extends Schema | undefined = undefined, B extends Schema | undefined = undefined>(
  spec: RouteSpec<P, Q, B>,
  run: (input: RouteInput<P, Q, B> & { caller: CustomerPrincipal; settings: PortalSettings }) => Promise<RouteResult>,
) {
  const config = configStore();
  const contacts = contactStore();
  return build(
    spec,
    async (claims) => {
      let settings: PortalSettings | undefined;
      const readSettings = async () => (settings = await currentSettings({ config, ...firm() }));
      try {
        return await authenticateCustomer({ contacts, settings: readSettings }, claims);
      } catch (error) {
        throw withFirmBranding(error, settings);
      }
    },
    run,
  );
}

/** Refusals after which the portal shows only a notice: it keeps the firm's name, logo and colour. */
const BRANDED_REFUSALS = ['portal_closed', 'access_closed'];

function withFirmBranding(error: unknown, settings: PortalSettings | undefined): unknown {
  if (!(error instanceof AppError) || !BRANDED_REFUSALS.includes(error.code)) return error;
  count('AccessRefused');
  if (!settings) return error;
  const { firmName, logoUrl, colour } = settings.branding;
  return new AppError(error.status, error.code, error.message, { firm: { firmName, logoUrl, colour } });
}

/** Shared field schemas: ids are server-made, so anything else is refused before it reaches a store. */
export const id = z.string().check(z.regex(/^[\w-]{1,64}$/, 'must be an id returned by the API'));

// The other shared schemas are built by the routes that call them: esbuild keeps (and each cold
// start builds) a zod schema made at module level even in functions that never use it, as it
// cannot tell that building one has no side effects. `id` and `pageQuery` (a few zod objects)
// stay values: most routes use `id`, and every list route `pageQuery`.

/** A contact's name: optional in an update (`contactFields`), required to create one. */
export const contactName = () => z.string().check(z.trim(), z.minLength(1), z.maxLength(200));
/** A contact's editable fields; every field optional, so the same shape serves create and update. */
export const contactFields = () => ({
  name: z.optional(contactName()),
  email: z.optional(z.email().check(z.maxLength(254))),
  phone: z.optional(z.string().check(z.trim(), z.maxLength(40))),
  address: z.optional(z.string().check(z.trim(), z.maxLength(500))),
  notes: z.optional(z.string().check(z.maxLength(5000))),
  responsibleStaff: z.optional(z.array(z.email()).check(z.maxLength(20))),
  organisationIds: z.optional(z.array(id).check(z.maxLength(50))),
  language: z.optional(z.enum(LANGUAGES)),
  links: z.optional(
    z.array(z.strictObject({ contactId: id, role: z.string().check(z.trim(), z.toLowerCase(), z.minLength(1), z.maxLength(40)) })).check(z.maxLength(50)),
  ),
});

/** The parts of a multipart upload as the client saw them: number and the ETag S3 returned for it. */
export const parts = () =>
  z
    .array(z.strictObject({ partNumber: z.int().check(z.minimum(1), z.maximum(10_000)), etag: z.string().check(z.minLength(1), z.maxLength(200)) }))
    .check(z.minLength(1), z.maxLength(10_000));

/** A file about to be uploaded, as the browser describes it. */
export const uploadFile = () => ({
  name: z.string().check(z.maxLength(1000)),
  size: z.int().check(z.minimum(0)),
  contentType: z._default(z.string().check(z.regex(/^[\w.+-]+\/[\w.+-]+$/), z.maxLength(255)), 'application/octet-stream'),
});

/** `limit` and `cursor`; `z.extend(pageQuery, {…})` adds a route's own query fields. */
export const pageQuery = z.object({
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(200)), 50),
  /** As the previous page returned it: sealed, bound to the route, its parameters and the caller. */
  cursor: z.optional(z.string().check(z.maxLength(2048))),
});

/** Narrows the firm's activity: who (exactly, any case), what (an action code) and dates (inclusive). */
const activityFields = () => {
  const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'use a date as YYYY-MM-DD'));
  return {
    actor: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(254))),
    action: z.optional(z.string().check(z.regex(/^[a-z_]+\.[a-z_]+$/, 'use an action code such as file.downloaded'))),
    from: z.optional(isoDate),
    to: z.optional(isoDate),
  };
};
const datesInOrder = () => z.refine<{ from?: string; to?: string }>((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must not be after to', path: ['from'] });
export const activityQuery = () => z.object(activityFields()).check(datesInOrder());
/** A page of the firm's activity, narrowed as `activityQuery`. */
export const activityPageQuery = () => z.extend(pageQuery, activityFields()).check(datesInOrder());

/**
 * A matter's fields as staff send them, every one optional, so the same shape serves create
 * (where the route makes title and clientId required) and update. The lists' names are checked
 * against the admins' lists by the use case.
 */
export const matterFields = () => {
  const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'use a date as YYYY-MM-DD'));
  const listName = z.string().check(z.trim(), z.minLength(1), z.maxLength(60));
  return {
    reference: z.optional(z.string().check(z.maxLength(100))),
    title: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))),
    description: z.optional(z.string().check(z.maxLength(5000))),
    status: z.optional(listName),
    deadlines: z.optional(z.array(z.strictObject({ label: z.string().check(z.trim(), z.minLength(1), z.maxLength(120)), date: isoDate, customerVisible: z.boolean() })).check(z.maxLength(50))),
    clientId: z.optional(id),
    parties: z.optional(z.array(z.strictObject({ contactId: id, partyType: listName })).check(z.maxLength(50))),
    responsibleStaff: z.optional(z.array(z.email().check(z.toLowerCase())).check(z.minLength(1), z.maxLength(20))),
    tasks: z.optional(
      z
        .array(
          z.strictObject({
            taskId: z.optional(id),
            title: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
            dueDate: z.optional(isoDate),
            assignee: z.optional(z.email().check(z.toLowerCase())),
            done: z._default(z.boolean(), false),
          }),
        )
        .check(z.maxLength(100)),
    ),
    flags: z.optional(z.array(listName).check(z.maxLength(20))),
  };
};

/** The admins' lists for matters, sent whole. */
export const matterListsBody = () => {
  const name = z.string().check(z.trim(), z.minLength(1), z.maxLength(60));
  const list = <S extends z.ZodMiniType>(entry: S) => z.array(entry).check(z.maxLength(50));
  return z.strictObject({
    statuses: list(z.strictObject({ name, customerLabel: z.string().check(z.trim(), z.minLength(1), z.maxLength(80)) })),
    partyTypes: list(z.strictObject({ name, customerVisible: z.boolean() })),
    flags: list(z.strictObject({ name, customerVisible: z.boolean() })),
    documentTypes: list(z.strictObject({ name, customerFile: z.boolean() })),
    // Optional so that a client written before requests (F21) keeps the kinds when it saves.
    requestKinds: z.optional(list(z.strictObject({ name }))),
  });
};
