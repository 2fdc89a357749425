/** Calls the one HTTP API this UI may use, with the signed-in user's ID token. */
import { idToken, signIn } from './auth.ts';
import type { operations } from './api-types.ts';
import { loadConfig } from './config.ts';

/** What an operation of docs/openapi.json (its operationId, e.g. 'staff-list-roles') answers on success. */
export type Answer<Op extends keyof operations> = {
  [Status in keyof operations[Op]['responses']]: Status extends 200 | 201 ? operations[Op]['responses'][Status] extends { content: { 'application/json': infer Body } } ? Body : never : never;
}[keyof operations[Op]['responses']];

/** An error the API answered with: `{"error": {"code", "message", …}}`; the message is for people, `details` holds the rest. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const [{ apiUrl }, token] = await Promise.all([loadConfig(), idToken()]);
  if (!token) return signIn();
  let res: Response;
  try {
    res = await fetch(`${apiUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', 'The portal could not be reached. Check your connection and try again.');
  }
  if (res.status === 401) return signIn();
  const text = await res.text();
  let json: any;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined; // not our API's JSON (a gateway's error page): the generic message below applies
  }
  if (!res.ok) {
    const { code, message, ...details } = json?.error ?? {};
    throw new ApiError(res.status, code ?? 'error', message ?? `The request failed (${res.status}). Please try again.`, details);
  }
  return json as T;
}

export const get = <T>(path: string) => api<T>('GET', path);
export const post = <T>(path: string, body: unknown = {}) => api<T>('POST', path, body);
export const patch = <T>(path: string, body: unknown) => api<T>('PATCH', path, body);
export const put = <T>(path: string, body: unknown) => api<T>('PUT', path, body);
export const del = <T>(path: string) => api<T>('DELETE', path);

/** Builds a query string from the defined values only. */
export function query(values: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v !== undefined && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** Fetches a file the API makes (e.g. a CSV export) and hands it to the browser as a download. */
export async function downloadFile(path: string, fileName: string): Promise<void> {
  const [{ apiUrl }, token] = await Promise.all([loadConfig(), idToken()]);
  if (!token) return signIn();
  const res = await fetch(`${apiUrl}${path}`, { headers: { authorization: `Bearer ${token}` } }).catch(() => {
    throw new ApiError(0, 'network', 'The portal could not be reached. Check your connection and try again.');
  });
  if (!res.ok) {
    const json = await res.json().catch(() => undefined);
    throw new ApiError(res.status, json?.error?.code ?? 'error', json?.error?.message ?? `The export failed (${res.status}). Please try again.`);
  }
  const url = URL.createObjectURL(await res.blob());
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}
