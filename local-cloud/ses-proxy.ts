/**
 * Functions reach SES through this proxy, which can be told to fail (`POST /_local/faults`), so
 * failure tests can prove that an email survives SES errors through retries, the failure
 * destination and the outbox sweep.
 */
import { createServer, type Server } from 'node:http';

export interface SesFaults {
  /** How many of the next requests answer 503 ServiceUnavailable, as SES does when it is down. */
  sesFailures: number;
}

export function createSesProxy(sesUrl: string, faults: SesFaults): Server {
  return createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    if (faults.sesFailures > 0) {
      faults.sesFailures--;
      res.writeHead(503, { 'content-type': 'text/xml' });
      return res.end('<ErrorResponse><Error><Type>Receiver</Type><Code>ServiceUnavailable</Code><Message>Injected by the local cloud</Message></Error></ErrorResponse>');
    }
    const upstream = await fetch(`${sesUrl}${req.url}`, { method: req.method, headers: req.headers as Record<string, string>, body: chunks.length ? Buffer.concat(chunks) : undefined });
    res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'text/xml' });
    res.end(Buffer.from(await upstream.arrayBuffer()));
  });
}
