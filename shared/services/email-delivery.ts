/**
 * Delivers the emails the portal promised. Each was recorded in the outbox with the change it
 * announces; the outbox's stream hands new ones to `deliverEmails` at once, and a sweep every few
 * minutes retries what is still unsent (SES was down longer than the stream's retries). A
 * conditional claim lets one delivery send each email; it is marked sent right after, so it goes
 * out exactly once unless a delivery dies between SES accepting it and the mark (then the claim
 * expires and it is sent again: at most a rare duplicate, never a loss). Each email is worded with
 * the firm's branding as it is at sending time.
 */
import { renderEmail, type EmailBranding } from '../domain/emails.ts';
import type { ConfigStore, Mailer, Outbox } from '../domain/ports.ts';
import { DEFAULT_COLOUR } from '../domain/settings.ts';

export interface DeliveryDeps {
  outbox: Outbox;
  mailer: Mailer;
  /** The firm's branding now (read once per batch). */
  branding: () => Promise<EmailBranding>;
  /** Told of each attempt's outcome (the handler counts emails sent and failed). */
  tally?: (outcome: 'sent' | 'failed') => void;
}

/** The run-time branding, with the deploy-time name and addresses where admins have set none. */
export async function currentBranding(deps: { config: Pick<ConfigStore, 'settings'>; firmName: string; portalUrl: string; adminUrl: string }): Promise<EmailBranding> {
  const settings = await deps.config.settings();
  const branding = settings?.branding;
  return {
    firmName: branding?.firmName ?? deps.firmName,
    colour: branding?.colour ?? DEFAULT_COLOUR,
    logoUrl: branding?.logoUrl,
    portalUrl: branding?.portalAddress ?? deps.portalUrl,
    adminUrl: deps.adminUrl,
    language: settings?.language,
    matterTerm: settings?.matterTerm,
  };
}

/** Reads the branding at most once, when the first email of a batch needs it. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () => (loaded ??= load());
}

export type Delivery = 'sent' | 'not-mine';

/** Sends one outbox email if no one else is; a failure hands it back and is thrown, for the caller's retries. */
export async function deliverEmail(deps: DeliveryDeps, emailId: string, now = new Date()): Promise<Delivery> {
  const message = await deps.outbox.claim(emailId, now);
  if (!message) return 'not-mine';
  try {
    await deps.mailer.send(renderEmail(message, await deps.branding()));
  } catch (error) {
    deps.tally?.('failed');
    await deps.outbox.release(emailId, (error as Error)?.name ?? 'send failed');
    throw error;
  }
  deps.tally?.('sent');
  await deps.outbox.markSent(emailId, new Date());
  return 'sent';
}

/** Delivers a batch; every email is tried, and if any failed the batch fails after the others were sent. */
export async function deliverEmails(deps: DeliveryDeps, emailIds: string[], now = new Date()): Promise<{ sent: number; failed: number }> {
  const batch = { ...deps, branding: once(deps.branding) };
  const results = await Promise.allSettled(emailIds.map((id) => deliverEmail(batch, id, now)));
  const failed = results.filter((r) => r.status === 'rejected');
  if (failed.length) throw (failed[0] as PromiseRejectedResult).reason;
  return { sent: results.filter((r) => r.status === 'fulfilled' && r.value === 'sent').length, failed: 0 };
}

/** Emails left unsent this long are retried by the sweep (the stream's own retries come first). */
export const SWEEP_AFTER_MINUTES = 2;

/** The sweep: every email still unsent a while after it was recorded is tried again. */
export async function sweepOutbox(deps: DeliveryDeps, now: Date): Promise<{ sent: number; failed: number }> {
  const ids = await deps.outbox.unsentBefore(new Date(now.getTime() - SWEEP_AFTER_MINUTES * 60_000), 100);
  deps = { ...deps, branding: once(deps.branding) };
  let sent = 0;
  let failed = 0;
  for (const id of ids) {
    try {
      if ((await deliverEmail(deps, id, now)) === 'sent') sent++;
    } catch {
      failed++;
    }
  }
  return { sent, failed };
}
