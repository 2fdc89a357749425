/**
 * Builds a test's world through the public HTTP APIs with real tokens from the local pools, as
 * the web UIs would. Every helper asserts on status codes so a broken step fails where it breaks.
 */
import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { createStaffUser, signIn } from '../../local-cloud/identities.ts';
import { emailsArriving, emailsTo, settle, temporaryPasswordIn } from '../../local-cloud/mailbox.ts';

export const cloud = () => inject('cloud');

export interface Response<T = any> {
  status: number;
  body: T;
}

export async function call<T = any>(method: string, url: string, token?: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response<T>> {
  const res = await fetch(url, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: any = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON: keep the text */
  }
  return { status: res.status, body: parsed };
}

export function client(baseUrl: string, token?: string) {
  return {
    get: <T = any>(path: string) => call<T>('GET', `${baseUrl}${path}`, token),
    post: <T = any>(path: string, body?: unknown) => call<T>('POST', `${baseUrl}${path}`, token, body ?? {}),
    raw: (method: string, path: string, body?: unknown, headers?: Record<string, string>) => call(method, `${baseUrl}${path}`, token, body, headers),
  };
}

export function expectStatus<T>(res: Response<T>, status: number): T {
  if (res.status !== status) throw new Error(`Expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

export const uniqueEmail = (who: string) => `${who.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${randomUUID().slice(0, 8)}@example.test`;
const PASSWORD = 'Correct-horse-42!';

export async function staffSession(opts: { admin?: boolean; name?: string } = {}) {
  const c = cloud();
  const email = uniqueEmail(opts.name ?? 'staff');
  const credentials = await createStaffUser(c.endpoints.cognito, c.staffPool, { email, name: opts.name ?? 'Staff Member', password: PASSWORD, admin: opts.admin });
  const tokens = await signIn(c.endpoints.cognito, c.staffPool, credentials);
  return { email, credentials, idToken: tokens.IdToken!, accessToken: tokens.AccessToken!, api: client(c.staffApiUrl, tokens.IdToken!) };
}

/** A contact whose portal access staff opened; the customer accepted the emailed invitation and signed in. */
export async function customerSession(staff: Awaited<ReturnType<typeof staffSession>>, opts: { name?: string; organisationIds?: string[] } = {}) {
  const c = cloud();
  const email = uniqueEmail(opts.name ?? 'customer');
  const contact = expectStatus(
    await staff.api.post('/contacts', { kind: 'person', name: opts.name ?? 'Customer', email, responsibleStaff: [staff.email], organisationIds: opts.organisationIds }),
    201,
  );
  expectStatus(await staff.api.post(`/contacts/${contact.contactId}/access`), 200);
  const [invitation] = await emailsArriving(c.endpoints.ses, email, (e) => /opened a client portal/.test(e.subject));
  const tokens = await signIn(c.endpoints.cognito, c.customerPool, { email, password: temporaryPasswordIn(invitation), newPassword: PASSWORD });
  return { email, contact, idToken: tokens.IdToken!, accessToken: tokens.AccessToken!, api: client(c.customerApiUrl, tokens.IdToken!) };
}

/** Uploads bytes to a presigned target exactly as a browser would. */
export async function putToUrl(upload: { url: string; headers: Record<string, string> }, bytes: Uint8Array | string): Promise<number> {
  const res = await fetch(upload.url, { method: "PUT", headers: upload.headers, body: typeof bytes === "string" ? bytes : new Uint8Array(bytes) });
  await res.arrayBuffer();
  return res.status;
}

/** Polls until `probe` returns a value, for what arrives asynchronously (S3 events, emails). */
export async function eventually<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

/**
 * The emails to an address once the local cloud has delivered everything promised so far (the
 * outbox sends asynchronously), so a test can count them, including "none was sent".
 */
export async function mailTo(address: string) {
  await settle(cloud().endpoints.control);
  return emailsTo(cloud().endpoints.ses, address);
}
