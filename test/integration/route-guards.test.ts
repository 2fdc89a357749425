/**
 * Every route of both APIs, read from the synthesized template (not from a list kept here),
 * refuses a request without a token and a token of the other pool with 401 before any handler
 * runs; admin-only routes refuse a staff member who is not an admin with 403.
 */
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cloudModel, readTemplate } from '../../local-cloud/template.ts';
import { call, cloud, customerSession, staffSession } from '../support/world.ts';

const assembly = path.resolve('cdk.out');
const model = cloudModel(readTemplate(assembly, 'Portico'), assembly);
const staffRoutes = model.apis.find((a) => a.logicalId.startsWith('StaffApi'))!.routes;
const customerRoutes = model.apis.find((a) => a.logicalId.startsWith('CustomerApi'))!.routes;
/**
 * What API Gateway's JWT authorizer answers, before any function runs. A handler's own 401 is
 * `{"error": {...}}`, so a route whose authorizer went missing cannot pass for a guarded one.
 */
const REFUSED_BY_AUTHORIZER = { status: 401, body: { message: 'Unauthorized' } };
const concrete = (p: string) => p.replace(/\{[^}]+\}/g, 'x-1');
const ADMIN_ONLY = ['PATCH /settings', 'PUT /roles', 'PUT /matter-lists', 'GET /audit', 'GET /audit/export', 'POST /staff-users', 'GET /staff-users', 'PUT /staff-users/{username}/enabled', 'PUT /staff-users/{username}/role', 'POST /staff-users/{username}/password-reset'];

describe('route guards', () => {
  let staff: Awaited<ReturnType<typeof staffSession>>;
  let customer: Awaited<ReturnType<typeof customerSession>>;
  beforeAll(async () => {
    staff = await staffSession({ name: 'Guard Staff' });
    customer = await customerSession(staff, { name: 'Guard Customer' });
  });

  it('the template has the routes the product needs', () => {
    expect(staffRoutes.length).toBeGreaterThanOrEqual(24);
    expect(customerRoutes.length).toBeGreaterThanOrEqual(6);
    for (const key of ADMIN_ONLY) expect(staffRoutes.map((r) => r.routeKey)).toContain(key);
  });

  it.each(staffRoutes.map((r) => r.routeKey))('staff %s: 401 without a token and with a customer token', async (routeKey) => {
    const [method, p] = routeKey.split(' ');
    const url = `${cloud().staffApiUrl}${concrete(p)}`;
    for (const token of [undefined, customer.idToken]) expect(await call(method, url, token, method === 'GET' ? undefined : {})).toEqual(REFUSED_BY_AUTHORIZER);
    // The authorizer lets a staff access token through (its client_id is the audience), as AWS
    // does; the handler wants an ID token (it carries the email and groups) and refuses it.
    const withAccessToken = await call(method, url, staff.accessToken, method === 'GET' ? undefined : {});
    expect([withAccessToken.status, withAccessToken.body?.error?.code]).toEqual([401, 'unauthenticated']);
  });

  it.each(customerRoutes.map((r) => r.routeKey))('customer %s: 401 without a token and with a staff token', async (routeKey) => {
    const [method, p] = routeKey.split(' ');
    const url = `${cloud().customerApiUrl}${concrete(p)}`;
    for (const token of [undefined, staff.idToken]) expect(await call(method, url, token, method === 'GET' ? undefined : {})).toEqual(REFUSED_BY_AUTHORIZER);
  });

  it.each(ADMIN_ONLY)('%s: 403 for a staff member who is not an admin', async (routeKey) => {
    const [method, p] = routeKey.split(' ');
    const res = await call(method, `${cloud().staffApiUrl}${concrete(p)}`, staff.idToken, method === 'GET' ? undefined : {});
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('admin_only');
  });
});
