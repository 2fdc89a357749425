/**
 * Checks a presigned S3 request's Signature Version 4 as S3 does. s3rver accepts any presigned
 * URL (another key, another length, expired), so the local cloud checks them in front of it:
 * what a presigned URL allows locally is what it allows in AWS.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

const encode = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();

export type PresignedCheck = { ok: true } | { ok: false; code: 'SignatureDoesNotMatch' | 'AccessDenied'; message: string };

export function checkPresigned(
  request: { method: string; rawPath: string; query: URLSearchParams; headers: Record<string, string | string[] | undefined> },
  secretAccessKey: string,
  now = new Date(),
): PresignedCheck {
  const q = request.query;
  const amzDate = q.get('X-Amz-Date') ?? '';
  const credential = q.get('X-Amz-Credential') ?? '';
  const signedHeaders = (q.get('X-Amz-SignedHeaders') ?? '').split(';').filter(Boolean);
  const signature = q.get('X-Amz-Signature') ?? '';
  const expires = Number(q.get('X-Amz-Expires') ?? 0);
  const [, date, region, service] = credential.split('/');
  const issued = Date.UTC(+amzDate.slice(0, 4), +amzDate.slice(4, 6) - 1, +amzDate.slice(6, 8), +amzDate.slice(9, 11), +amzDate.slice(11, 13), +amzDate.slice(13, 15));
  if (!date || !region || !service || !signature || Number.isNaN(issued)) return { ok: false, code: 'AccessDenied', message: 'Malformed presigned URL' };
  if (now.getTime() > issued + expires * 1000) return { ok: false, code: 'AccessDenied', message: 'Request has expired' };

  const canonicalQuery = [...q.entries()]
    .filter(([k]) => k !== 'X-Amz-Signature')
    .map(([k, v]) => [encode(k), encode(v)])
    .sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : 1) : a < b ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const header = (name: string) => {
    const v = request.headers[name];
    return (Array.isArray(v) ? v.join(',') : v ?? '').trim().replace(/\s+/g, ' ');
  };
  const canonicalHeaders = signedHeaders.map((h) => `${h}:${header(h)}\n`).join('');
  const payloadHash = q.get('X-Amz-Content-Sha256') ?? 'UNSIGNED-PAYLOAD';
  const canonicalRequest = [request.method, request.rawPath, canonicalQuery, canonicalHeaders, signedHeaders.join(';'), payloadHash].join('\n');
  const scope = `${date}/${region}/${service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, createHash('sha256').update(canonicalRequest).digest('hex')].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${secretAccessKey}`, date), region), service), 'aws4_request');
  const expected = hmac(key, stringToSign).toString('hex');
  const matches = expected.length === signature.length && timingSafeEqual(Buffer.from(expected), Buffer.from(signature));
  return matches ? { ok: true } : { ok: false, code: 'SignatureDoesNotMatch', message: 'The request signature we calculated does not match the signature you provided.' };
}
