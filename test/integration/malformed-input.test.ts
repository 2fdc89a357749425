/**
 * Malformed input (issue 9): every route of both APIs, read from the synthesized template (never a
 * list kept here), is sent well over a thousand hostile requests with valid tokens — a staff admin
 * on the staff API, a signed-in customer on the customer API. Inputs come from a seeded PRNG
 * (`FUZZ_SEED` replays a run): hostile path parameters, broken query strings and cursors, bodies
 * that are not JSON, not objects, nested too deep, too large, or a valid body (built from
 * docs/openapi.json's request schemas) with one field broken.
 *
 * Every answer is below 500, and every refusal is exactly `{"error": {"code", "message"}}` with a
 * message that leaks nothing (no stack, path, "Exception", "undefined", table or bucket name).
 * Every request that changes state is built to be refused (a hostile path, or a body that the
 * route's own schema refuses), so none may succeed, and what the APIs show of the firm's state is
 * the same before and after the run. Bodies for the firm-wide routes (settings, roles, matter lists, staff users)
 * are always invalid, whatever the path, so other test files sharing the cloud are never disturbed.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { prng, type Rng } from '../support/prng.ts';
import { settle } from '../../local-cloud/mailbox.ts';
import { cloudModel, readTemplate, type RouteSpec } from '../../local-cloud/template.ts';
import { cloud, customerSession, expectStatus, putToUrl, staffSession, uniqueEmail } from '../support/world.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 0x15509);
/** Requests per route, beyond the warm-up request: 32 staff routes and 7 customer routes make about 1,080. */
const PER_STAFF_ROUTE = 26;
const PER_CUSTOMER_ROUTE = 30;
const CONCURRENCY = 4;

const assembly = path.resolve('cdk.out');
const model = cloudModel(readTemplate(assembly, 'Portico'), assembly);
type Audience = 'staff' | 'customer';
const routesOf = (audience: Audience): RouteSpec[] =>
  model.apis.find((a) => a.logicalId.startsWith(audience === 'staff' ? 'StaffApi' : 'CustomerApi'))!.routes;
const openapi = JSON.parse(readFileSync(path.resolve('docs/openapi.json'), 'utf8'));
/** The route's operation in the generated API description, when it has one. */
const operationOf = (audience: Audience, route: RouteSpec): any => openapi.paths?.[`/${audience}${route.path}`]?.[route.method.toLowerCase()];
const pathParams = (route: RouteSpec) => [...route.path.matchAll(/\{([^}+]+)\+?\}/g)].map((m) => m[1]);
const MUTATING = (route: RouteSpec) => route.method !== 'GET' && route.method !== 'HEAD';
/**
 * Firm-wide routes whose valid call would disturb other test files (the portal switch, roles,
 * disabling or demoting staff): every body sent to them is invalid, whatever the path.
 */
const FIRM_WIDE = (route: RouteSpec) => /^(PATCH \/settings|PUT \/roles|PUT \/matter-lists|PUT \/staff-users\/)/.test(route.routeKey);

// ---------------------------------------------------------------------------------------------
// The request schemas of docs/openapi.json: a valid example, every field's path, and a (conservative)
// validator, so a body sent where it must be refused is checked to be invalid before it is sent.

type Schema = any;
const ID_PATTERN = '^[\\w-]{1,64}$';

/** True unless the value certainly breaks the schema; anything the checker does not know counts as valid. */
function conforms(s: Schema, v: unknown): boolean {
  if (!s || typeof s !== 'object') return true;
  if (Array.isArray(s.anyOf)) return s.anyOf.some((x: Schema) => conforms(x, v));
  if ('const' in s && v !== s.const) return false;
  if (Array.isArray(s.enum) && !s.enum.includes(v)) return false;
  switch (s.type) {
    case 'object': {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
      const o = v as Record<string, unknown>;
      for (const k of s.required ?? []) if (o[k] === undefined) return false;
      for (const [k, x] of Object.entries(o)) {
        if (x === undefined) continue;
        if (s.properties && k in s.properties) {
          if (!conforms(s.properties[k], x)) return false;
        } else if (s.additionalProperties === false) return false;
      }
      return true;
    }
    case 'array':
      if (!Array.isArray(v)) return false;
      if (s.minItems !== undefined && v.length < s.minItems) return false;
      if (s.maxItems !== undefined && v.length > s.maxItems) return false;
      return v.every((x) => conforms(s.items, x));
    case 'string':
      if (typeof v !== 'string') return false;
      if (s.minLength !== undefined && v.length < s.minLength) return false;
      if (s.maxLength !== undefined && v.length > s.maxLength) return false;
      if (s.pattern && !new RegExp(s.pattern).test(v)) return false;
      return true;
    case 'integer':
    case 'number':
      if (typeof v !== 'number' || !Number.isFinite(v)) return false;
      if (s.type === 'integer' && !Number.isInteger(v)) return false;
      if (s.minimum !== undefined && v < s.minimum) return false;
      if (s.maximum !== undefined && v > s.maximum) return false;
      return true;
    case 'boolean':
      return typeof v === 'boolean';
    case 'null':
      return v === null;
    default:
      return true;
  }
}

interface Pools {
  /** Ids that exist, of any kind, for id-shaped fields of a valid example. */
  ids: string[];
}

/** A valid value for the schema; `full` includes every optional property. */
function example(s: Schema, rng: Rng, pools: Pools, full: boolean): unknown {
  if (!s || typeof s !== 'object') return 'x';
  if (Array.isArray(s.anyOf)) return example(s.anyOf[0], rng, pools, full);
  if ('const' in s) return s.const;
  if (Array.isArray(s.enum)) return rng.pick(s.enum);
  switch (s.type) {
    case 'object': {
      const o: Record<string, unknown> = {};
      for (const [k, p] of Object.entries<Schema>(s.properties ?? {})) {
        if (full || (s.required ?? []).includes(k) || rng.chance(0.4)) o[k] = example(p, rng, pools, full);
      }
      return o;
    }
    case 'array':
      return Array.from({ length: Math.min(Math.max(s.minItems ?? 0, 1), s.maxItems ?? 1) }, () => example(s.items, rng, pools, full));
    case 'integer':
    case 'number':
      return Math.min(Math.max(s.minimum ?? 0, 1), s.maximum ?? Number.MAX_SAFE_INTEGER);
    case 'boolean':
      return rng.chance(0.5);
    case 'string': {
      if (s.pattern === ID_PATTERN) return rng.pick(pools.ids);
      const candidates = [
        ...(s.format === 'email' ? [uniqueEmail('fuzz')] : []),
        ...(s.format === 'uri' ? ['https://example.test/logo.png'] : []),
        'text/plain',
        '#336699',
        'Fuzz value',
        'x',
      ];
      return candidates.find((c) => conforms({ ...s, type: 'string' }, c)) ?? 'x';
    }
    default:
      return 'x';
  }
}

type FieldPath = (string | number)[];
/** Every field the schema describes, nested objects and array items (as index 0) included. */
function fieldsOf(s: Schema, at: FieldPath = []): { path: FieldPath; schema: Schema; required: boolean }[] {
  const out: { path: FieldPath; schema: Schema; required: boolean }[] = [];
  if (s?.type === 'object') {
    for (const [k, p] of Object.entries<Schema>(s.properties ?? {})) {
      out.push({ path: [...at, k], schema: p, required: (s.required ?? []).includes(k) });
      out.push(...fieldsOf(p, [...at, k]));
    }
  } else if (s?.type === 'array' && s.items) {
    out.push({ path: [...at, 0], schema: s.items, required: false });
    out.push(...fieldsOf(s.items, [...at, 0]));
  }
  return out;
}

function setAt(target: any, at: FieldPath, value: unknown, remove = false): any {
  const root = structuredClone(target);
  let o = root;
  for (let i = 0; i < at.length - 1; i++) {
    if (o[at[i]] === null || typeof o[at[i]] !== 'object') o[at[i]] = typeof at[i + 1] === 'number' ? [] : {};
    o = o[at[i]];
  }
  const last = at[at.length - 1];
  if (remove) {
    if (Array.isArray(o) && typeof last === 'number') o.splice(last, 1);
    else delete o[last];
  } else o[last] = value;
  return root;
}

/** Values of the wrong JSON type, or out of the field's range, length, pattern or enum. */
function wrongValues(s: Schema): unknown[] {
  const type = s?.anyOf ? s.anyOf[0]?.type : s?.type;
  const base: unknown[] = [null, {}, [], ['x']];
  if (Array.isArray(s?.enum)) base.push('bogus', String(s.enum[0]).toUpperCase() + '_', 0);
  switch (type) {
    case 'string':
      return [
        ...base,
        123,
        true,
        -0.5,
        { $ne: null },
        ...(s.maxLength !== undefined ? ['x'.repeat(s.maxLength + 1)] : []),
        ...(s.minLength ? [''] : []),
        ...(s.pattern ? ['../..', 'a b c', '<script>alert(1)</script>', 'x'.repeat(70), "' OR '1'='1", '\u202Eexe.pdf'] : []),
        ...(s.format === 'email' ? ['not-an-email', '@example.test', 'a@b', 'a@@example.test'] : []),
      ];
    case 'integer':
    case 'number':
      return [
        ...base,
        '1',
        '',
        true,
        1.5,
        'NaN',
        1e21,
        ...(s.minimum !== undefined ? [s.minimum - 1, -1e9] : []),
        ...(s.maximum !== undefined ? [s.maximum + 1 > s.maximum ? s.maximum + 1 : 1e300] : []),
      ];
    case 'boolean':
      return [...base, 'true', 'false', 1, 0, 'yes'];
    case 'array':
      return [
        null,
        {},
        'x',
        1,
        true,
        { 0: 'x' },
        ...(s.minItems ? [[]] : []),
        ...(s.maxItems !== undefined && s.maxItems <= 200 ? [Array.from({ length: s.maxItems + 1 }, () => 'x')] : []),
        [null],
        [[[]]],
      ];
    case 'object':
      return [null, 'x', 1, true, [], [{}]];
    default:
      return base;
  }
}

// ---------------------------------------------------------------------------------------------
// Hostile values.

const deep = (depth: number, open: string, close: string, leaf = '1') => open.repeat(depth) + leaf + close.repeat(depth);
const EMPTYISH = [' ', '  ', '\t', '\u200b', '\u00a0', 'null', 'undefined', '""', "''", '[]', '{}', '0', '-', '_'];
const PROTOTYPEISH = ['__proto__', 'constructor', 'toString', 'prototype', 'hasOwnProperty', 'valueOf', '__defineGetter__', '__proto__.polluted'];
const TRAVERSAL = ['../..', '..\\..', '../../../../etc/passwd', '..%2F..', '/etc/passwd', 'C:\\Windows\\win.ini', '%2e%2e'];
const NULLISH = ['%00', '\u0000', 'a\u0000b', 'root\u0000', '\u0000'.repeat(10)];
const UNICODE = ['\u202Egnp.exe', 'abc\u202Edef', '📁🔥', '👨‍👩‍👧‍👦', 'é', 'Ω≈ç√', '\uFEFFbom', 'e\u0301\u0301\u0301', '𝕏'.repeat(100)];
const INJECTION = ["' OR '1'='1", "1; DROP TABLE contacts--", '{"$ne":null}', '{"$gt":""}', '[$ne]=1', '$where', '"; return true; //', '<script>alert(1)</script>', '${7*7}', '{{7*7}}', '*', '%', 'a|b', '`id`'];
const NUMBERS = ['0', '-1', '1e309', 'NaN', 'Infinity', '-Infinity', '9007199254740993', '0x10', '1.5', '-0', '00000000-0000-0000-0000-000000000000'];
const LONG = ['a'.repeat(2000), 'x-'.repeat(1000), '😀'.repeat(500), '%'.repeat(2000)];
/** Sent as is, not escaped: malformed escapes that cannot be decoded. */
const RAW_SEGMENTS = ['%E0%A4%A', '%zz', '%', '%%', '%u202E', '%C0%AF', '%ED%A0%80'];

const LIMITS = ['-1', '0', '1e9', 'abc', '', '1.5', '201', '1e309', 'NaN', '-Infinity', '[]', '{}', '1,2', '9007199254740993', '0x', 'null', '%00', '\u0000', '١٢'];
const SEARCHES = ['%', '*', '\u0000', '\u202E', "' OR 1=1 --", '@', '@@', 'a@b', '@example.test', ' ', '', 'é', '📁', 'a'.repeat(101), '__proto__', '<script>', '\\', '"', '{"$ne":null}', '..', 'a\nb', '#', '&', '+', ' a ', '\uFEFF'];

function forgedCursors(rng: Rng, realCursors: string[]): string[] {
  const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64url');
  return [
    rng.bytes(1 + rng.int(60)).toString('base64'),
    rng.bytes(29 + rng.int(200)).toString('base64url'),
    b64(JSON.stringify({ p: 'CONTACT#x', exp: 9_999_999_999 })),
    b64(Buffer.concat([rng.bytes(28), Buffer.from(JSON.stringify({ p: '{"pk":"x"}', exp: 9_999_999_999 }))])),
    JSON.stringify({ p: 'x', exp: 1 }),
    JSON.stringify({ ExclusiveStartKey: { pk: { S: 'x' } } }),
    '!!!not base64!!!',
    '====',
    '',
    'a'.repeat(3000),
    b64('null'),
    b64('[]'),
    'undefined',
    '__proto__',
    ...realCursors,
    // A real cursor with one character changed.
    ...realCursors.map((c) => c.slice(0, -2) + (c.at(-2) === 'A' ? 'B' : 'A') + c.at(-1)),
  ];
}

// ---------------------------------------------------------------------------------------------
// Cases.

interface Case {
  audience: Audience;
  route: RouteSpec;
  /** Path with query, escaped as sent. */
  url: string;
  body?: string;
  contentType?: string;
  /** What the case is, for a reproduction. */
  label: string;
  /** A request that would change state: it is built to be refused, so it must not succeed. */
  mustRefuse: boolean;
}

interface Body {
  text?: string;
  contentType?: string;
  label: string;
  /** The value the handler's schema would see, or `refused` when the JSON parser refuses it first. */
  seen: unknown;
}
const REFUSED_BEFORE_SCHEMA = Symbol('refused before the schema');

interface World {
  /** Ids of the kind each path parameter names, that exist (for bodies and queries checked against a real object). */
  real: Record<Audience, Record<string, string[]>>;
  /** Ids of another kind of object that exists, per path parameter (never the right kind for a state-changing route). */
  otherKind: Record<Audience, Record<string, string[]>>;
  pools: Pools;
  cursors: string[];
}

const WRONG_CONTENT_TYPES = ['text/plain', 'application/x-www-form-urlencoded', 'application/xml', 'multipart/form-data; boundary=x', 'application/jsonx', 'json', 'application/octet-stream', 'text/json', 'application/json-patch'];
const INVALID_JSON = ['{', '{"a":', "{'a':1}", 'undefined', 'NaN', '{"a":1}}', ' ', '\u0000', '{"a":01}', '{"a":"\u0001"}', '[1,]', '{"a" 1}', '\uFEFF{}', 'tru', '{"a":Infinity}', '<xml/>', 'a=1&b=2'];

function makeBody(rng: Rng, schema: Schema | undefined, world: World, wants: 'any' | 'invalid', fieldIndex?: number): Body | undefined {
  const json = (v: unknown, label: string, contentType = 'application/json'): Body => ({ text: JSON.stringify(v), contentType, label, seen: v });
  const full = schema ? (example(schema, rng, world.pools, true) as Record<string, unknown>) : { name: 'x' };
  const valid = schema ? example(schema, rng, world.pools, false) : { name: 'x' };
  const fields = schema ? fieldsOf(schema) : [];
  // First, every field of the schema once with a wrong value, in order; then a random kind.
  if (fieldIndex !== undefined && fields.length) {
    const f = fields[fieldIndex % fields.length];
    const value = rng.pick(wrongValues(f.schema));
    return json(setAt(full, f.path, value), `field ${f.path.join('.')} = ${JSON.stringify(value)?.slice(0, 40)}`);
  }
  const kind = rng.pick([
    'none', 'none-json', 'invalid-json', 'invalid-json', 'array', 'null', 'primitive', 'deep-object', 'deep-array', 'deep-field',
    'huge', 'huge-field', 'wrong-type', 'wrong-type', 'wrong-type', 'remove-required', 'extra', 'extra', 'proto', 'content-type',
    'content-type', 'duplicate-key', 'valid',
  ] as const);
  switch (kind) {
    case 'none':
      return { label: 'no body, no content type', seen: REFUSED_BEFORE_SCHEMA };
    case 'none-json':
      return { contentType: 'application/json', label: 'no body', seen: REFUSED_BEFORE_SCHEMA };
    case 'invalid-json': {
      const text = rng.pick(INVALID_JSON);
      return { text, contentType: rng.pick(['application/json', 'application/json; charset=utf-8']), label: 'invalid JSON', seen: REFUSED_BEFORE_SCHEMA };
    }
    case 'array':
      return json(rng.pick([[], [valid], [{}], [null], [1, 2, 3]]), 'JSON array');
    case 'null':
      // The route reads a JSON null as no body at all ({}).
      return { text: 'null', contentType: 'application/json', label: 'JSON null', seen: {} };
    case 'primitive':
      return json(rng.pick(['string', 42, true, false, 0, '', -1.5, '{}']), 'JSON primitive');
    case 'deep-object': {
      const depth = rng.pick([100, 5_000, 100_000]);
      // Counted as reaching the schema as an object with one unknown key (the parser may or may not refuse it first).
      return { text: deep(depth, '{"a":', '}'), contentType: 'application/json', label: `object nested ${depth} deep`, seen: { a: {} } };
    }
    case 'deep-array': {
      const depth = rng.pick([100, 5_000, 100_000]);
      return { text: deep(depth, '[', ']'), contentType: 'application/json', label: `array nested ${depth} deep`, seen: [] };
    }
    case 'deep-field': {
      const f = fields.length ? rng.pick(fields) : { path: ['name'] };
      const depth = rng.pick([50, 2_000, 20_000]);
      const text = JSON.stringify(setAt(full, f.path, '@@DEEP@@')).replace('"@@DEEP@@"', deep(depth, '{"a":', '}'));
      return { text, contentType: 'application/json', label: `${f.path.join('.')} nested ${depth} deep`, seen: setAt(full, f.path, { a: {} }) };
    }
    case 'huge':
      return json('x'.repeat(300 * 1024), 'a 300 KB JSON string');
    case 'huge-field': {
      const strings = fields.filter((f) => f.schema?.type === 'string');
      const f = strings.length ? rng.pick(strings) : { path: ['name'] };
      return json(setAt(full, f.path, 'x'.repeat(300 * 1024)), `${f.path.join('.')} = 300 KB string`);
    }
    case 'wrong-type': {
      if (!fields.length) return json({ unexpected: rng.pick(wrongValues({ type: 'string' })) }, 'unknown field only');
      const f = rng.pick(fields);
      const value = rng.pick(wrongValues(f.schema));
      return json(setAt(rng.chance(0.5) ? full : valid, f.path, value), `field ${f.path.join('.')} = ${JSON.stringify(value)?.slice(0, 40)}`);
    }
    case 'remove-required': {
      const required = fields.filter((f) => f.required);
      if (!required.length) return json({}, 'empty object');
      const f = rng.pick(required);
      return json(setAt(full, f.path, undefined, true), `without required ${f.path.join('.')}`);
    }
    case 'extra': {
      const extra = rng.pick([
        { isAdmin: true },
        { admin: true, role: 'admin' },
        { contactId: rng.pick(world.pools.ids) },
        { itemId: rng.pick(world.pools.ids), ownerId: 'x' },
        { $where: 'sleep(1000)' },
        { status: 'ready', size: -1 },
        { createdBy: { kind: 'staff', sub: randomUUID() } },
        { ['x'.repeat(1000)]: 1 },
      ]);
      return json({ ...(rng.chance(0.5) ? full : valid as object), ...extra }, `extra fields ${Object.keys(extra).join(',').slice(0, 40)}`);
    }
    case 'proto': {
      const text = rng.pick([
        `{"__proto__":{"admin":true},${JSON.stringify(valid).slice(1)}`,
        '{"constructor":{"prototype":{"admin":true}}}',
        `{"a":{"__proto__":{"isAdmin":true}}}`,
      ]);
      return { text: text.replace(',}', '}'), contentType: 'application/json', label: '__proto__ / constructor.prototype keys', seen: REFUSED_BEFORE_SCHEMA };
    }
    case 'content-type':
      return { text: JSON.stringify(valid), contentType: rng.pick(WRONG_CONTENT_TYPES), label: 'a valid body with a wrong content type', seen: REFUSED_BEFORE_SCHEMA };
    case 'duplicate-key': {
      const f = fields.find((x) => x.path.length === 1);
      if (!f) return json(valid, 'valid');
      const text = JSON.stringify(full).replace(/^\{/, `{${JSON.stringify(f.path[0])}:${JSON.stringify((full as any)[f.path[0]])},`).replace(/\}$/, `,${JSON.stringify(f.path[0])}:{"$ne":null}}`);
      return { text, contentType: 'application/json', label: `duplicate key ${f.path[0]} (last one an object)`, seen: setAt(full, f.path, { $ne: null }) };
    }
    case 'valid':
      if (wants === 'invalid') return undefined;
      return json(valid, 'a valid body');
  }
}
/** True when the route's handler must refuse this body whatever the path: its JSON parser or its schema says no. */
function certainlyRefused(body: Body, schema: Schema | undefined): boolean {
  if (body.seen === REFUSED_BEFORE_SCHEMA) return true;
  return !!schema && !conforms(schema, body.seen);
}

/** A body no object schema accepts (for a route whose schema the API description does not give). */
const invalidForAnyObjectSchema = (body: Body) =>
  body.seen === REFUSED_BEFORE_SCHEMA || body.seen === null || typeof body.seen !== 'object' || Array.isArray(body.seen);

function hostilePathValue(rng: Rng, world: World, audience: Audience, param: string, route: RouteSpec): { value: string; raw: boolean } {
  const other = world.otherKind[audience][param] ?? [];
  const group = rng.pick(['empty', 'proto', 'traversal', 'nul', 'unicode', 'injection', 'number', 'long', 'raw', 'other', 'other', 'uuid'] as const);
  switch (group) {
    case 'empty': return { value: rng.pick(EMPTYISH), raw: false };
    case 'proto': return { value: rng.pick(PROTOTYPEISH), raw: false };
    case 'traversal': return { value: rng.pick(TRAVERSAL), raw: false };
    case 'nul': return { value: rng.pick(NULLISH), raw: false };
    case 'unicode': return { value: rng.pick(UNICODE), raw: false };
    case 'injection': return { value: rng.pick(INJECTION), raw: false };
    case 'number': return { value: rng.pick(NUMBERS), raw: false };
    case 'long': return { value: rng.pick(LONG), raw: false };
    case 'raw': return { value: rng.pick(RAW_SEGMENTS), raw: true };
    case 'uuid': return { value: randomUUID(), raw: false };
    case 'other':
      if (!other.length) return { value: randomUUID(), raw: false };
      // Reading another kind of object by its id is allowed to answer; for a change it must be refused.
      return { value: rng.pick(other), raw: false };
  }
}

function queryFor(rng: Rng, audience: Audience, route: RouteSpec, world: World, hostile: boolean): string {
  const op = operationOf(audience, route);
  const names: string[] = (op?.parameters ?? []).filter((p: any) => p.in === 'query').map((p: any) => p.name);
  const q = new URLSearchParams();
  if (!names.length || !hostile) {
    if (rng.chance(0.3)) q.append(rng.pick(['__proto__', 'constructor', 'limit', 'cursor', 'a[b]', 'x'.repeat(200), '']), rng.pick([...LIMITS, ...INJECTION]));
    return q.toString();
  }
  const n = 1 + rng.int(Math.min(3, names.length));
  for (const name of rng.shuffle([...names]).slice(0, n)) {
    switch (name) {
      case 'limit':
        q.append('limit', rng.pick(LIMITS));
        break;
      case 'cursor':
        q.append('cursor', rng.pick(forgedCursors(rng, world.cursors)));
        break;
      case 'search':
        q.append('search', rng.pick(SEARCHES));
        break;
      default:
        q.append(name, rng.pick([...PROTOTYPEISH, ...INJECTION, ...NULLISH, ...EMPTYISH, LONG[0], randomUUID()]));
    }
  }
  // Duplicate keys: API Gateway joins them with commas.
  if (rng.chance(0.3)) {
    const name = rng.pick(names);
    q.append(name, name === 'limit' ? rng.pick(['5', '6', '-1']) : 'dup');
    q.append(name, name === 'limit' ? '7' : 'dup2');
  }
  if (rng.chance(0.2)) q.append(rng.pick(['__proto__', 'constructor[prototype][admin]', 'unknown']), 'true');
  return q.toString();
}

function casesFor(rng: Rng, audience: Audience, route: RouteSpec, world: World, count: number): Case[] {
  const op = operationOf(audience, route);
  const hasBodySchema = !!op?.requestBody;
  const schema: Schema | undefined = op?.requestBody?.content?.['application/json']?.schema;
  const params = pathParams(route);
  const realPath = params.every((p) => (world.real[audience][p] ?? []).length > 0);
  const hasQuery = (op?.parameters ?? []).some((p: any) => p.in === 'query');
  const mutating = MUTATING(route);
  const cases: Case[] = [];
  let fieldIndex = 0;
  for (let attempt = 0; cases.length < count && attempt < count * 50; attempt++) {
    // Hostile path values, or real ones where the rest of the request is what must be refused.
    const canUseRealPath = realPath && (mutating ? hasBodySchema && !!schema : hasQuery || params.length === 0);
    const hostilePath = params.length > 0 && (!canUseRealPath || rng.chance(0.5));
    const labels: string[] = [];
    const segments = params.map((p) => {
      if (!hostilePath) return { p, ...{ value: rng.pick(world.real[audience][p]), raw: false } };
      // With several parameters, at least one is hostile; the others may be real.
      const v = hostilePathValue(rng, world, audience, p, route);
      return { p, ...v };
    });
    if (hostilePath && segments.length > 1 && rng.chance(0.4)) {
      // Keep one hostile, make another real (when there is one): e.g. a real contact with a hostile item.
      const keep = rng.int(segments.length);
      for (const [i, s] of segments.entries()) {
        const reals = world.real[audience][s.p] ?? [];
        if (i !== keep && reals.length) Object.assign(s, { value: rng.pick(reals), raw: false });
      }
    }
    let urlPath = route.path;
    for (const s of segments) {
      urlPath = urlPath.replace(`{${s.p}}`, s.raw ? s.value : encodeURIComponent(s.value));
      labels.push(`${s.p}=${JSON.stringify(s.value.length > 40 ? `${s.value.slice(0, 20)}…(${s.value.length})` : s.value)}`);
    }
    const query = queryFor(rng, audience, route, world, !hostilePath || rng.chance(0.5));
    let body: Body | undefined;
    if (mutating) {
      // Firm-wide routes always get an invalid body; so does every route whose path is real or has no parameters.
      const wants = FIRM_WIDE(route) || !hostilePath ? 'invalid' : 'any';
      const useField = fieldIndex < fieldsOf(schema).length && !!schema;
      body = makeBody(rng, schema, world, wants, useField ? fieldIndex : undefined);
      if (!body) continue;
      if (wants === 'invalid') {
        // A real path (only where the description gives the body's schema) needs a body the route refuses;
        // a firm-wide route with a hostile path gets a body no schema of it could accept either.
        const refused = hasBodySchema && schema ? certainlyRefused(body, schema) : hostilePath && invalidForAnyObjectSchema(body);
        if (!refused) continue;
      }
      if (useField) fieldIndex++;
      labels.push(`body: ${body.label}`);
    } else if (!hostilePath && !query && params.length === 0) {
      continue; // a plain read of a real resource is not malformed input
    }
    if (query) labels.push(`query: ${query.length > 80 ? `${query.slice(0, 80)}…` : query}`);
    cases.push({
      audience,
      route,
      url: `${urlPath}${query ? `?${query}` : ''}`,
      body: body?.text,
      contentType: body?.contentType,
      label: labels.join('; '),
      mustRefuse: mutating,
    });
  }
  return cases;
}

// ---------------------------------------------------------------------------------------------
// Running and judging.

/**
 * The audit entries written between two snapshots of the newest 200: the window moves as entries
 * are added (other test files wrote many before), so entries are compared, not windows.
 */
function auditAdded(before: { items: object[] }, after: { items: object[] }): { action: string }[] {
  const seen = new Set(before.items.map((e) => JSON.stringify(e)));
  return after.items.filter((e) => !seen.has(JSON.stringify(e))) as { action: string }[];
}

interface Outcome {
  c: Case;
  status: number;
  text: string;
  ms: number;
}

const LEAK_PATTERNS: [RegExp, string][] = [
  [/\n\s*at\s/, 'a stack trace'],
  [/\bat\s+\S+\s+\(.*:\d+:\d+\)/, 'a stack frame'],
  [/\.(m?[jt]s|cjs):\d+/, 'a source location'],
  [/(^|[\s'"(=])\/(var|tmp|home|work|opt|usr|root|srv|app)\//, 'a file path'],
  [/node_modules|cdk\.out|asset\.[0-9a-f]{8}/, 'a build path'],
  [/Exception/, '"Exception"'],
  [/undefined/, '"undefined"'],
  [/\[object Object\]/, '"[object Object]"'],
];

type Problem = { kind: 'server error' | 'contract' | 'leak'; what: string };

function judge(o: Outcome, secretNames: string[]): Problem[] {
  const problems: Problem[] = [];
  if (o.status >= 500) problems.push({ kind: 'server error', what: `a ${o.status}` });
  else if (o.status < 200 || (o.status >= 300 && o.status < 400)) problems.push({ kind: 'contract', what: `an unexpected status ${o.status}` });
  if (o.status >= 400 && o.status < 500) {
    let body: any;
    try {
      body = JSON.parse(o.text);
    } catch {
      problems.push({ kind: 'contract', what: 'a 4xx whose body is not JSON' });
      return problems;
    }
    const isContract =
      body && typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length === 1 && body.error && typeof body.error === 'object' &&
      Object.keys(body.error).sort().join(',') === 'code,message' && typeof body.error.code === 'string' && typeof body.error.message === 'string' &&
      body.error.code.length > 0 && body.error.message.length > 0;
    if (!isContract) problems.push({ kind: 'contract', what: 'a 4xx outside the error contract {"error": {"code", "message"}}' });
    else {
      const said = `${body.error.code} ${body.error.message}`;
      for (const [re, what] of LEAK_PATTERNS) if (re.test(said)) problems.push({ kind: 'leak', what: `a message with ${what}` });
      for (const name of secretNames) if (said.toLowerCase().includes(name.toLowerCase())) problems.push({ kind: 'leak', what: `a message naming ${name}` });
    }
  }
  return problems;
}

/**
 * On a loaded machine a function can run past its timeout (cold start included), and the gateway
 * then answers 500 as API Gateway would. Such an answer — the gateway's own 500, after the
 * function's timeout — is replayed once, alone; only if the replay also fails is it a server error.
 * A handler's own 500, or a gateway 500 before the timeout (a crash), is never replayed.
 */
const timedOut = (o: Outcome) =>
  o.status === 500 && o.text === '{"message":"Internal Server Error"}' && o.ms >= (model.functions.get(o.c.route.functionLogicalId)?.timeoutSeconds ?? 10) * 1000 - 250;

function reproduction(o: Outcome): string {
  const body = o.c.body === undefined ? 'no body' : `body (${o.c.body.length} chars) ${JSON.stringify(o.c.body.length > 160 ? `${o.c.body.slice(0, 160)}…` : o.c.body)}`;
  return `${o.c.audience} ${o.c.route.method} ${o.c.url.length > 300 ? `${o.c.url.slice(0, 300)}…` : o.c.url} [content-type: ${o.c.contentType ?? 'none'}] ${body} → ${o.status} ${o.text.slice(0, 300)} (${o.ms} ms)`;
}

async function send(c: Case, tokens: Record<Audience, string>): Promise<Outcome> {
  const base = c.audience === 'staff' ? cloud().staffApiUrl : cloud().customerApiUrl;
  const started = Date.now();
  try {
    const res = await fetch(`${base}${c.url}`, {
      method: c.route.method,
      headers: { authorization: `Bearer ${tokens[c.audience]}`, ...(c.contentType !== undefined ? { 'content-type': c.contentType } : {}) },
      body: c.body,
      signal: AbortSignal.timeout(60_000),
    });
    return { c, status: res.status, text: await res.text(), ms: Date.now() - started };
  } catch (error) {
    return { c, status: 599, text: `request failed: ${String(error)}`, ms: Date.now() - started };
  }
}

async function runAll(cases: Case[], tokens: Record<Audience, string>, concurrency: number): Promise<Outcome[]> {
  const outcomes: Outcome[] = new Array(cases.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < cases.length) {
        const i = next++;
        outcomes[i] = await send(cases[i], tokens);
      }
    }),
  );
  return outcomes;
}

// ---------------------------------------------------------------------------------------------

describe('malformed input on every route of both APIs', () => {
  const staffRoutes = routesOf('staff');
  const customerRoutes = routesOf('customer');
  let outcomes: Outcome[] = [];
  let warmups: Outcome[] = [];
  let before: unknown;
  let after: unknown;
  let secretNames: string[] = [];
  let runtimeMs = 0;
  const replays: { first: Outcome; again: Outcome }[] = [];

  beforeAll(async () => {
    const rng = prng(SEED);
    const admin = await staffSession({ admin: true, name: 'Fuzz Admin' });
    const bystander = await staffSession({ name: 'Fuzz Bystander' });
    const customer = await customerSession(admin, { name: 'Fuzz Customer' });
    const api = admin.api;

    // Objects that exist, so hostile inputs meet real ids of every kind.
    const victim = expectStatus(await api.post('/contacts', { kind: 'person', name: 'Fuzz Victim Contact', email: uniqueEmail('fuzz-victim') }), 201);
    const shared = expectStatus(await api.post('/drive/folders', { name: 'Fuzz shared folder' }), 201);
    const hidden = expectStatus(await api.post('/drive/folders', { name: 'Fuzz private folder' }), 201);
    const fileIn = async (parentId: string, name: string) => {
      const bytes = Buffer.from(`fuzz ${name}`);
      const started = expectStatus(await api.post('/drive/uploads', { parentId, name, size: bytes.length, contentType: 'text/plain' }), 201);
      expect(await putToUrl(started.upload, bytes)).toBe(200);
      return expectStatus(await api.post(`/drive/items/${started.item.itemId}/complete`), 200);
    };
    const sharedFile = await fileIn(shared.itemId, 'shared.txt');
    await fileIn(shared.itemId, 'shared-2.txt');
    const hiddenFile = await fileIn(hidden.itemId, 'private.txt');
    expectStatus(await api.post(`/contacts/${customer.contact.contactId}/shares`, { itemIds: [shared.itemId], notify: false }), 200);
    let bystanderUser: any;
    for (let cursor: string | undefined, pages = 0; !bystanderUser && pages < 20; pages++) {
      const page = expectStatus(await api.get(`/staff-users?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`), 200);
      bystanderUser = page.items.find((u: any) => u.email === bystander.email);
      cursor = page.cursor;
      if (!cursor) break;
    }
    expect(bystanderUser?.username).toBeTruthy();
    const customerSub = JSON.parse(Buffer.from(customer.idToken.split('.')[1], 'base64url').toString()).sub as string;
    const cursors = [
      expectStatus(await api.get('/contacts?limit=1'), 200).cursor,
      expectStatus(await api.get(`/drive/folders/${shared.itemId}/items?limit=1`), 200).cursor,
      expectStatus(await customer.api.get(`/shared/folders/${shared.itemId}/items?limit=1`), 200).cursor,
    ].filter((c): c is string => typeof c === 'string');

    const contactIds = [victim.contactId, customer.contact.contactId];
    const world: World = {
      real: {
        staff: { contactId: contactIds, itemId: [shared.itemId, hidden.itemId, sharedFile.itemId, hiddenFile.itemId], folderId: ['root', 'trash', shared.itemId, hidden.itemId], username: [bystanderUser.username] },
        customer: { folderId: [shared.itemId] },
      },
      otherKind: {
        staff: {
          contactId: [shared.itemId, hiddenFile.itemId, bystanderUser.username, customerSub, 'root'],
          itemId: [...contactIds, bystanderUser.username, customerSub, 'root', 'trash', `inbox-${customer.contact.contactId}`],
          folderId: [sharedFile.itemId, hiddenFile.itemId, ...contactIds],
          username: [...contactIds, customerSub, sharedFile.itemId, admin.email, bystander.email, bystanderUser.username.toUpperCase() + 'x'],
        },
        customer: {
          folderId: [sharedFile.itemId, hidden.itemId, hiddenFile.itemId, customer.contact.contactId, 'root', 'trash'],
          // A staff file shared with the customer is readable, but never the customer's own upload to complete or delete.
          itemId: [sharedFile.itemId, hiddenFile.itemId, shared.itemId, hidden.itemId, customer.contact.contactId, 'root'],
        },
      },
      pools: { ids: [shared.itemId, hidden.itemId, sharedFile.itemId, hiddenFile.itemId, ...contactIds] },
      cursors,
    };
    secretNames = [...model.tables.map((t) => t.logicalId), ...model.buckets.map((b) => b.logicalId), cloud().bucketName, ...Object.values(cloud().tables)];

    // Generate every case up front from the seed; shuffle so concurrent requests reach different functions.
    const byRoute = (audience: Audience, routes: RouteSpec[], n: number) => routes.flatMap((r) => casesFor(rng, audience, r, world, n + 1));
    const all = [...byRoute('staff', staffRoutes, PER_STAFF_ROUTE), ...byRoute('customer', customerRoutes, PER_CUSTOMER_ROUTE)];
    // One request per route first, one at a time: cold starts (inside the functions' 10 s timeout) happen here.
    const firsts = new Set<Case>();
    for (const r of [...staffRoutes, ...customerRoutes]) {
      const first = all.find((c) => c.route === r);
      if (first) firsts.add(first);
    }
    const tokens: Record<Audience, string> = { staff: admin.idToken, customer: customer.idToken };
    await settle(cloud().endpoints.control);
    const snapshot = async () => {
      const read = async (s: typeof api, p: string) => {
        const body = expectStatus(await s.get(p), 200);
        // Cursors are sealed with a fresh IV on every answer; everything else must be the same.
        if (body && typeof body === 'object' && 'cursor' in body) return { ...body, cursor: body.cursor ? 'present' : body.cursor };
        return body;
      };
      return {
        contacts: await read(api, '/contacts?limit=200'),
        root: await read(api, '/drive/folders/root/items?limit=200'),
        trash: await read(api, '/drive/folders/trash/items?limit=200'),
        settings: await read(api, '/settings'),
        roles: await read(api, '/roles'),
        staffUsers: await read(api, '/staff-users?limit=200'),
        // A download that was allowed is a read, and its receipt is the record the product promises:
        // receipts are counted against the downloads answered 200; everything else stays the same.
        audit: await read(api, '/audit?limit=200'),
        victim: await read(api, `/contacts/${victim.contactId}`),
        customerContact: await read(api, `/contacts/${customer.contact.contactId}`),
        sharedFolder: await read(api, `/drive/folders/${shared.itemId}/items?limit=200`),
        customerShared: await read(customer.api, '/shared'),
        customerMe: await read(customer.api, '/me'),
      };
    };
    before = await snapshot();
    const started = Date.now();
    warmups = [];
    for (const c of firsts) warmups.push(await send(c, tokens));
    outcomes = await runAll(rng.shuffle(all.filter((c) => !firsts.has(c))), tokens, CONCURRENCY);
    for (const list of [warmups, outcomes]) {
      for (const [i, o] of list.entries()) {
        if (!timedOut(o)) continue;
        const again = await send(o.c, tokens);
        replays.push({ first: o, again });
        list[i] = again;
      }
    }
    runtimeMs = Date.now() - started;
    await settle(cloud().endpoints.control);
    after = await snapshot();
  }, 420_000);

  const everything = () => [...warmups, ...outcomes];
  const report = (list: Outcome[], why: (o: Outcome) => string) => list.map((o) => `${why(o)}: ${reproduction(o)}`);

  it('sends at least 1,000 requests, reaching every route of both APIs from the template', () => {
    const all = everything();
    const count = (a: Audience) => all.filter((o) => o.c.audience === a).length;
    const perRoute = new Map<string, number>();
    for (const o of all) perRoute.set(`${o.c.audience} ${o.c.route.routeKey}`, (perRoute.get(`${o.c.audience} ${o.c.route.routeKey}`) ?? 0) + 1);
    const statuses = new Map<number, number>();
    for (const o of all) statuses.set(o.status, (statuses.get(o.status) ?? 0) + 1);
    console.log(
      `[malformed input] seed ${SEED}: ${all.length} requests (staff ${count('staff')}, customer ${count('customer')}) over ${perRoute.size} routes in ${(runtimeMs / 1000).toFixed(1)} s; ` +
        `statuses ${JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))}; slowest ${Math.max(...all.map((o) => o.ms))} ms`,
    );
    const answered = new Map<string, number>();
    for (const o of all) if (o.status < 300) answered.set(`${o.c.audience} ${o.c.route.routeKey}`, (answered.get(`${o.c.audience} ${o.c.route.routeKey}`) ?? 0) + 1);
    console.log(`[malformed input] answered 2xx (reads only): ${JSON.stringify(Object.fromEntries(answered))}`);
    expect(staffRoutes.length).toBeGreaterThanOrEqual(24);
    expect(customerRoutes.length).toBeGreaterThanOrEqual(6);
    expect(all.length).toBeGreaterThanOrEqual(1_000);
    for (const r of staffRoutes) expect(perRoute.get(`staff ${r.routeKey}`) ?? 0, `staff ${r.routeKey}`).toBeGreaterThanOrEqual(10);
    for (const r of customerRoutes) expect(perRoute.get(`customer ${r.routeKey}`) ?? 0, `customer ${r.routeKey}`).toBeGreaterThanOrEqual(10);
  });

  const problems = (kind: Problem['kind']) =>
    everything().flatMap((o) => judge(o, secretNames).filter((p) => p.kind === kind).map((p) => `${p.what}: ${reproduction(o)}`));

  it('never answers with a 5xx', () => {
    if (replays.length) console.log(`[malformed input] ${replays.length} gateway 500s after the function timeout (a loaded machine) were replayed: ${replays.map((r) => `${r.first.c.route.routeKey} → ${r.again.status}`).join(', ')}`);
    const bad = problems('server error');
    expect(bad.slice(0, 40), `${bad.length} server errors (seed ${SEED})`).toEqual([]);
  });

  it('answers every refusal with exactly {"error": {"code", "message"}}', () => {
    const bad = problems('contract');
    expect(bad.slice(0, 40), `${bad.length} refusals outside the error contract (seed ${SEED})`).toEqual([]);
  });

  it('never leaks a stack, a file path, "Exception", "undefined" or a table or bucket name in a refusal', () => {
    const bad = problems('leak');
    expect(bad.slice(0, 40), `${bad.length} leaking messages (seed ${SEED})`).toEqual([]);
  });

  it('refuses every request that would change state (each is built to be invalid)', () => {
    const accepted = everything().filter((o) => o.c.mustRefuse && o.status < 400);
    expect(report(accepted, (o) => `accepted (${o.c.label})`).slice(0, 40), `${accepted.length} state-changing requests accepted (seed ${SEED})`).toEqual([]);
  });

  it('leaves what the APIs show of the firm and the customer unchanged, settings included', () => {
    expect((after as any).settings).toEqual((before as any).settings);
    const { audit: auditAfter, ...restAfter } = after as any;
    const { audit: auditBefore, ...restBefore } = before as any;
    expect(restAfter).toEqual(restBefore);
    const added = auditAdded(auditBefore, auditAfter);
    expect(added.filter((e) => e.action !== 'file.downloaded'), 'no audit entry but download receipts').toEqual([]);
    const downloads = everything().filter((o) => o.status === 200 && / \/(drive|shared)\/items\/\{itemId\}\/download$/.test(o.c.route.routeKey));
    expect(added.length, 'one receipt per download answered').toBe(downloads.length);
  });
});
