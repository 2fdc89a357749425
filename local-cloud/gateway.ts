/**
 * Serves one HTTP API of the template as API Gateway does: its routes, its CORS configuration,
 * its JWT authorizer (issuer and audience from the template, keys from the pool's JWKS) and
 * payload format 2.0 events to the route's function.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { JwtRsaVerifier } from 'aws-jwt-verify';
import type { FunctionHost } from './functions.ts';
import type { ResponseCheck } from './response-contracts.ts';
import type { RouteSpec } from './template.ts';

export interface LocalRoute extends Omit<RouteSpec, 'authorizer'> {
  authorizer?: { issuer: string; audience: string[] };
}

export interface LocalApi {
  apiId: string;
  routes: LocalRoute[];
  cors?: { AllowOrigins?: string[]; AllowMethods?: string[]; AllowHeaders?: string[]; ExposeHeaders?: string[]; MaxAge?: number; AllowCredentials?: boolean };
}

type Claims = Record<string, unknown>;

/** API Gateway hands claims to the function as strings, arrays flattened to "[a b]". */
function flattenClaims(payload: Claims): Record<string, string> {
  return Object.fromEntries(
    Object.entries(payload).map(([k, v]) => [k, Array.isArray(v) ? `[${v.join(' ')}]` : typeof v === 'object' ? JSON.stringify(v) : String(v)]),
  );
}

/** Path parameters arrive decoded; a malformed escape stays as it was sent, as it cannot be decoded. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function matchRoute(routes: LocalRoute[], method: string, rawPath: string): { route: LocalRoute; params: Record<string, string> } | undefined {
  const segments = rawPath.split('/').filter(Boolean);
  let best: { route: LocalRoute; params: Record<string, string>; score: number } | undefined;
  for (const route of routes) {
    if (route.method !== method && route.method !== 'ANY') continue;
    const pattern = route.path.split('/').filter(Boolean);
    const params: Record<string, string> = {};
    let score = 0;
    let ok = true;
    for (let i = 0; i < pattern.length; i++) {
      const p = pattern[i];
      if (/^\{.+\+\}$/.test(p)) {
        if (i >= segments.length) ok = false;
        else params[p.slice(1, -2)] = decodeSegment(segments.slice(i).join('/'));
        break;
      }
      if (i >= segments.length) { ok = false; break; }
      if (/^\{.+\}$/.test(p)) params[p.slice(1, -1)] = decodeSegment(segments[i]);
      else if (p === segments[i]) score += 2;
      else { ok = false; break; }
      score += 1;
    }
    const greedy = pattern.some((p) => p.endsWith('+}'));
    if (ok && !greedy && pattern.length !== segments.length) ok = false;
    if (ok && (!best || score > best.score)) best = { route, params, score };
  }
  return best;
}

export class LocalGateway {
  private server?: Server;
  private readonly verifiers = new Map<string, ReturnType<typeof JwtRsaVerifier.create>>();
  url = '';

  constructor(
    private readonly api: LocalApi,
    private readonly functions: FunctionHost,
    /** Fetches a pool's JWKS; aws-jwt-verify's own fetcher refuses plain http. */
    private readonly jwksFor: (issuer: string) => Promise<unknown>,
    /** Checks a function's answer against its route's contract; a broken contract is answered as a 500 that says why. */
    private readonly checkResponse?: ResponseCheck,
  ) {}

  async listen(port: number): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${port}`;
    return this.url;
  }

  close(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private corsHeaders(origin: string | undefined): Record<string, string> {
    const cors = this.api.cors;
    if (!cors || !origin) return {};
    const allowed = cors.AllowOrigins ?? [];
    if (!allowed.includes('*') && !allowed.includes(origin)) return {};
    return {
      'access-control-allow-origin': allowed.includes('*') ? '*' : origin,
      ...(cors.ExposeHeaders?.length ? { 'access-control-expose-headers': cors.ExposeHeaders.join(',') } : {}),
      ...(cors.AllowCredentials ? { 'access-control-allow-credentials': 'true' } : {}),
      vary: 'origin',
    };
  }

  private async verify(route: LocalRoute, authorization: string | undefined): Promise<Claims | undefined> {
    const { issuer, audience } = route.authorizer!;
    const token = authorization?.replace(/^Bearer\s+/i, '');
    if (!token) return undefined;
    let verifier = this.verifiers.get(issuer);
    if (!verifier) {
      verifier = JwtRsaVerifier.create({ issuer, audience: null, jwksUri: `${issuer}/.well-known/jwks.json` });
      verifier.cacheJwks((await this.jwksFor(issuer)) as never, issuer);
      this.verifiers.set(issuer, verifier);
    }
    try {
      const payload = (await verifier.verify(token)) as Claims;
      // As API Gateway: an ID token's `aud` or an access token's `client_id` must be a listed audience.
      const aud = payload.aud ?? payload.client_id;
      return audience.includes(String(aud)) ? payload : undefined;
    } catch {
      return undefined;
    }
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const origin = req.headers.origin;
    const cors = this.corsHeaders(origin);
    // As API Gateway: every answer names its request id, the one in the access log and the function's log.
    const requestId = randomUUID();
    const send = (status: number, headers: Record<string, string>, body: string | Buffer) => {
      res.writeHead(status, { ...headers, ...cors, 'apigw-requestid': requestId });
      res.end(body);
    };
    try {
      if (req.method === 'OPTIONS' && this.api.cors && req.headers['access-control-request-method']) {
        const c = this.api.cors;
        return send(204, {
          'access-control-allow-methods': (c.AllowMethods ?? ['*']).join(','),
          'access-control-allow-headers': (c.AllowHeaders ?? []).join(','),
          ...(c.MaxAge ? { 'access-control-max-age': String(c.MaxAge) } : {}),
        }, '');
      }
      const match = matchRoute(this.api.routes, req.method ?? 'GET', url.pathname);
      if (!match) return send(404, { 'content-type': 'application/json' }, JSON.stringify({ message: 'Not Found' }));
      const { route, params } = match;

      let claims: Claims | undefined;
      if (route.authorizer) {
        claims = await this.verify(route, req.headers.authorization);
        if (!claims) return send(401, { 'content-type': 'application/json', 'www-authenticate': 'Bearer' }, JSON.stringify({ message: 'Unauthorized' }));
      }

      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const body = Buffer.concat(chunks);
      const contentType = String(req.headers['content-type'] ?? '');
      const textual = body.length === 0 || /json|text|xml|x-www-form-urlencoded/.test(contentType);

      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(',') : v;
      // As API Gateway's JSON event: any name is an own key, "__proto__" and "constructor" too
      // (on a plain {} the first would set the prototype and the second would be found inherited).
      const query: Record<string, string> = Object.create(null);
      for (const [k, v] of url.searchParams) query[k] = Object.hasOwn(query, k) ? `${query[k]},${v}` : v;
      const now = new Date();
      const event = {
        version: '2.0',
        routeKey: route.routeKey,
        rawPath: url.pathname,
        rawQueryString: url.search.slice(1),
        cookies: req.headers.cookie?.split(/;\s*/),
        headers,
        queryStringParameters: Object.keys(query).length ? query : undefined,
        pathParameters: Object.keys(params).length ? params : undefined,
        requestContext: {
          accountId: '000000000000',
          apiId: this.api.apiId,
          authorizer: claims ? { jwt: { claims: flattenClaims(claims), scopes: null } } : undefined,
          domainName: url.host,
          domainPrefix: this.api.apiId,
          http: { method: req.method, path: url.pathname, protocol: 'HTTP/1.1', sourceIp: req.socket.remoteAddress ?? '127.0.0.1', userAgent: headers['user-agent'] ?? '' },
          requestId,
          routeKey: route.routeKey,
          stage: '$default',
          time: now.toUTCString(),
          timeEpoch: now.getTime(),
        },
        body: body.length ? (textual ? body.toString('utf8') : body.toString('base64')) : undefined,
        isBase64Encoded: body.length > 0 && !textual,
      };

      let result: any;
      try {
        result = await this.functions.invoke(route.functionLogicalId, event);
      } catch {
        return send(500, { 'content-type': 'application/json' }, JSON.stringify({ message: 'Internal Server Error' }));
      }
      // Payload 2.0: an object with statusCode is a full response; anything else is a JSON body.
      const full = result && typeof result === 'object' && 'statusCode' in result;
      const status: number = full ? result.statusCode : 200;
      const responseHeaders: Record<string, string> = full
        ? Object.fromEntries(Object.entries(result.headers ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)]))
        : { 'content-type': 'application/json' };
      const out = !full ? (typeof result === 'string' ? result : JSON.stringify(result)) : result.isBase64Encoded ? Buffer.from(result.body ?? '', 'base64') : String(result.body ?? '');
      const broken = this.checkResponse?.(route.functionLogicalId, status, responseHeaders, out.toString());
      if (broken) {
        console.error(broken);
        return send(500, { 'content-type': 'application/json' }, JSON.stringify({ error: { code: 'response_contract', message: broken } }));
      }
      return send(status, responseHeaders, out);
    } catch (error) {
      console.error('local gateway error', error);
      if (!res.headersSent) send(500, { 'content-type': 'application/json' }, JSON.stringify({ message: 'Internal Server Error' }));
    }
  }
}
