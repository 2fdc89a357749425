/**
 * Page cursors as the APIs hand them out: the store's position sealed with AES-256-GCM under a key
 * the stack creates, bound to the route, its parameters and the caller, and valid for a day. A
 * cursor therefore reveals nothing (no id, no name) and works only for the request it was issued
 * for; anything else is a 400 `invalid_cursor`, never a 500.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { badRequest } from '../errors.ts';

export interface CursorBinding {
  /** The route, e.g. "GET /shared/folders/{folderId}/items". */
  route: string;
  /** The request's parameters other than the cursor and the page size, e.g. the folder id or the search. */
  scope: Record<string, string | undefined>;
  /** Who asked: the staff member's or customer's identity. */
  caller: string;
}

export const CURSOR_LIFETIME_SECONDS = 24 * 3600;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A 256-bit key for cursors, derived from the stack's secret (so the secret itself is never the key of anything else). */
export function cursorKeyFrom(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'portico', 'page cursors v1', 32));
}

function associatedData(binding: CursorBinding): Buffer {
  const scope = Object.keys(binding.scope)
    .sort()
    .filter((k) => binding.scope[k] !== undefined)
    .map((k) => [k, binding.scope[k]]);
  return Buffer.from(JSON.stringify([binding.route, scope, binding.caller]));
}

export function sealCursor(key: Buffer, position: string, binding: CursorBinding, now = new Date()): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(associatedData(binding));
  const plain = JSON.stringify({ p: position, exp: Math.floor(now.getTime() / 1000) + CURSOR_LIFETIME_SECONDS });
  const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
}

const invalidCursor = () => badRequest('invalid_cursor', 'cursor: use the cursor the previous page of this same list returned (cursors expire after a day).');

export function openCursor(key: Buffer, cursor: string, binding: CursorBinding, now = new Date()): string {
  let plain: { p?: unknown; exp?: unknown };
  try {
    const bytes = Buffer.from(cursor, 'base64url');
    if (bytes.length <= IV_BYTES + TAG_BYTES) throw invalidCursor();
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES));
    decipher.setAAD(associatedData(binding));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    plain = JSON.parse(Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (typeof plain.p !== 'string' || typeof plain.exp !== 'number' || plain.exp < now.getTime() / 1000) throw invalidCursor();
  return plain.p;
}
