/**
 * What stands between every client and s3rver, so that S3 behaves locally as it does in AWS:
 *   - presigned requests are checked (Signature V4, expiry) — s3rver checks none;
 *   - conditional writes are honoured: a PUT (or a multipart completion) with `If-None-Match: *`
 *     writes only if nothing is at the key yet, else 412 PreconditionFailed, and of two such
 *     writes racing for one key only one succeeds (409 ConditionalRequestConflict for the other),
 *     as S3 does. s3rver ignores the header and overwrites.
 *   - AbortMultipartUpload works: s3rver answers 405 to it. An aborted upload id then gets 404
 *     NoSuchUpload for its parts, its completion and a second abort, as in S3. (s3rver keeps the
 *     parts on disk; nothing can reach them any more.)
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { checkPresigned } from './presigned.ts';

const s3Error = (res: ServerResponse, status: number, code: string, message: string) => {
  res.writeHead(status, { 'content-type': 'application/xml' });
  res.end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`);
};

/** A write that creates the object: a whole-object PUT, or the completion of a multipart upload (not a part, not a copy). */
function createsObject(req: IncomingMessage, url: URL): boolean {
  if (req.method === 'PUT') return !url.searchParams.has('partNumber') && !req.headers['x-amz-copy-source'];
  return req.method === 'POST' && url.searchParams.has('uploadId');
}

export function createS3Proxy(s3Url: string, secretAccessKey: string): Server {
  const writing = new Set<string>();
  const aborted = new Set<string>();
  const exists = (path: string) =>
    new Promise<boolean>((resolve, reject) => {
      const head = httpRequest(`${s3Url}${path}`, { method: 'HEAD' }, (up) => {
        up.resume();
        resolve(up.statusCode === 200);
      });
      head.on('error', reject);
      head.end();
    });

  return createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    // A CORS preflight carries the presigned URL too, but S3 answers it from the bucket's CORS rules alone.
    if (url.searchParams.has('X-Amz-Signature') && req.method !== 'OPTIONS') {
      const check = checkPresigned({ method: req.method ?? 'GET', rawPath: url.pathname, query: url.searchParams, headers: req.headers }, secretAccessKey);
      if (!check.ok) {
        req.resume();
        return s3Error(res, 403, check.code, check.message);
      }
    }
    const uploadId = url.searchParams.get('uploadId');
    if (uploadId && aborted.has(uploadId)) {
      req.resume();
      return s3Error(res, 404, 'NoSuchUpload', 'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.');
    }
    if (uploadId && req.method === 'DELETE') {
      req.resume();
      aborted.add(uploadId);
      res.writeHead(204);
      return res.end();
    }
    const conditional = createsObject(req, url) && req.headers['if-none-match'] === '*';
    if (conditional) {
      if (writing.has(url.pathname)) {
        req.resume();
        return s3Error(res, 409, 'ConditionalRequestConflict', 'A conflicting conditional operation is currently in progress against this resource.');
      }
      writing.add(url.pathname);
      res.on('close', () => writing.delete(url.pathname));
      try {
        if (await exists(url.pathname)) {
          req.resume();
          return s3Error(res, 412, 'PreconditionFailed', 'At least one of the pre-conditions you specified did not hold');
        }
      } catch {
        req.resume();
        return s3Error(res, 503, 'ServiceUnavailable', 'The local S3 emulator did not answer');
      }
    }
    const upstream = httpRequest(`${s3Url}${req.url}`, { method: req.method, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
}
