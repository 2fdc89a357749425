/**
 * Functions reach SES through this proxy, which can be told to fail (`POST /_local/faults`), so
 * failure tests can prove that an email survives SES errors through retries, the failure
 * destination and the outbox sweep. It also plays SES's mailbox simulator: an email sent with a
 * configuration set to bounce@simulator.amazonses.com or complaint@simulator.amazonses.com (with
 * an optional +label) produces the bounce or complaint event SES would send to EventBridge, if the
 * template gives that configuration set an EventBridge destination for that event type.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { SesEventDestinationSpec } from './template.ts';

export interface SesFaults {
  /** How many of the next requests answer 503 ServiceUnavailable, as SES does when it is down. */
  sesFailures: number;
}

/** An EventBridge event as SES puts it on the default bus. */
export interface SesEvent {
  source: 'aws.ses';
  detailType: string;
  detail: unknown;
}

const SIMULATOR = /^(bounce|complaint)(\+[^@]*)?@simulator\.amazonses\.com$/i;

/** The events SES would send for one accepted SendEmail/SendRawEmail (v1 query API, as the SDK sends it). */
export function simulatorEvents(form: URLSearchParams, destinations: SesEventDestinationSpec[], now = new Date()): SesEvent[] {
  const configurationSet = form.get('ConfigurationSetName');
  const wanted = new Set(destinations.filter((d) => d.configurationSetLogicalId === configurationSet).flatMap((d) => d.eventTypes));
  const to = [...form.entries()].filter(([k]) => /^Destination\.(To|Cc|Bcc)Addresses\.member\.\d+$/.test(k) || /^Destinations\.member\.\d+$/.test(k)).map(([, v]) => v);
  const timestamp = now.toISOString();
  const mail = { timestamp, source: form.get('Source') ?? '', messageId: randomUUID(), destination: to, headersTruncated: false, tags: { 'ses:configuration-set': [configurationSet] } };
  const events: SesEvent[] = [];
  for (const address of to) {
    const kind = SIMULATOR.exec(address)?.[1]?.toLowerCase();
    if (kind === 'bounce' && wanted.has('bounce')) {
      const bounce = { feedbackId: randomUUID(), bounceType: 'Permanent', bounceSubType: 'General', bouncedRecipients: [{ emailAddress: address, action: 'failed', status: '5.1.1', diagnosticCode: 'smtp; 550 5.1.1 user unknown' }], timestamp };
      events.push({ source: 'aws.ses', detailType: 'Email Bounced', detail: { eventType: 'Bounce', bounce, mail } });
    }
    if (kind === 'complaint' && wanted.has('complaint')) {
      const complaint = { feedbackId: randomUUID(), complaintFeedbackType: 'abuse', complainedRecipients: [{ emailAddress: address }], timestamp };
      events.push({ source: 'aws.ses', detailType: 'Email Complaint Received', detail: { eventType: 'Complaint', complaint, mail } });
    }
  }
  return events;
}

export function createSesProxy(sesUrl: string, faults: SesFaults, onSent: (form: URLSearchParams) => void = () => undefined): Server {
  return createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    if (faults.sesFailures > 0) {
      faults.sesFailures--;
      res.writeHead(503, { 'content-type': 'text/xml' });
      return res.end('<ErrorResponse><Error><Type>Receiver</Type><Code>ServiceUnavailable</Code><Message>Injected by the local cloud</Message></Error></ErrorResponse>');
    }
    const body = chunks.length ? Buffer.concat(chunks) : undefined;
    const upstream = await fetch(`${sesUrl}${req.url}`, { method: req.method, headers: req.headers as Record<string, string>, body });
    res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'text/xml' });
    res.end(Buffer.from(await upstream.arrayBuffer()));
    // Events follow an accepted email only, as SES sends them after delivery was tried.
    const form = new URLSearchParams(body?.toString('utf8') ?? '');
    if (upstream.ok && /^Send(Raw)?Email$/.test(form.get('Action') ?? '')) onSent(form);
  });
}
