/**
 * CloudFront in front of a BucketDeployment, locally: each site in the template is served on its
 * own port from the deployment's asset folders, with deploy-time markers (API URL, client id,
 * login URL in config.json) filled in and the distribution's error responses (the SPA fallback).
 * Not emulated: caching, and the response headers policy (its CSP names AWS hosts).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import * as path from 'node:path';
import type { SiteSpec } from './template.ts';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

function filesUnder(dir: string, prefix = ''): [string, string][] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full, `${prefix}/${name}`) : [[`${prefix}/${name}`, full] as [string, string]];
  });
}

/** The site's files as the deployment would leave them in its bucket, markers replaced by local values. */
export function siteFiles(site: SiteSpec, resolve: (value: unknown) => string, localise: (text: string) => string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const source of site.sources) {
    const markers = Object.entries(source.markers).map(([marker, value]) => {
      const local = resolve(value);
      return [marker, source.jsonEscape ? JSON.stringify(local).slice(1, -1) : local] as const;
    });
    for (const [key, file] of filesUnder(source.dir)) {
      let body = readFileSync(file);
      if (markers.length) {
        let text = body.toString('utf8');
        for (const [marker, value] of markers) text = text.split(marker).join(value);
        // A marker may be one part of an address (the login domain's prefix); the whole address is localised.
        body = Buffer.from(localise(text), 'utf8');
      }
      files.set(key, body);
    }
  }
  return files;
}

export function serveSite(site: SiteSpec, files: Map<string, Buffer>, port: number): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    let key = pathname === '/' && site.defaultRootObject ? `/${site.defaultRootObject}` : pathname;
    let status = 200;
    if (!files.has(key)) {
      // S3 behind origin access control answers 403 for a missing key; CloudFront maps it as configured.
      const fallback = site.errorResponses.find((e) => e.errorCode === 403) ?? site.errorResponses.find((e) => e.errorCode === 404);
      if (!fallback || !files.has(fallback.pagePath)) {
        res.writeHead(403, { 'content-type': 'application/xml' }).end('<Error><Code>AccessDenied</Code></Error>');
        return;
      }
      key = fallback.pagePath;
      status = fallback.responseCode;
    }
    const body = files.get(key)!;
    res.writeHead(status, {
      'content-type': CONTENT_TYPES[path.extname(key)] ?? 'application/octet-stream',
      'content-length': body.length,
      // Hashed assets never change; the page and its config must be fetched fresh.
      'cache-control': key.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}
