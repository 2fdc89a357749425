/** Reads the SES emulator's store: every email the portal sent. */
import { en } from '../shared/domain/email-text/en.ts';
import { fr } from '../shared/domain/email-text/fr.ts';

export interface StoredEmail {
  from: string;
  destination: { to: string[]; cc: string[]; bcc: string[] };
  subject: string;
  body: { text?: string; html?: string };
  at: number;
}

export async function readMailbox(sesUrl: string): Promise<StoredEmail[]> {
  const res = await fetch(`${sesUrl}/store`);
  const { emails } = (await res.json()) as { emails: StoredEmail[] };
  return emails;
}

/** The emails to one address, oldest first. */
export async function emailsTo(sesUrl: string, address: string): Promise<StoredEmail[]> {
  return (await readMailbox(sesUrl)).filter((e) => e.destination.to.map((t) => t.toLowerCase()).includes(address.toLowerCase()));
}

/** The temporary password of a portal or staff invitation email, in any language the emails speak. */
export function temporaryPasswordIn(email: StoredEmail): string {
  const labels = [en, fr].flatMap((text) => [text.invitation.temporaryPassword, text.staffInvitation.temporaryPassword]);
  const lines = (email.body.text ?? '').split('\n');
  const m = lines.map((line) => /^(.+?) ?: (\S+)$/.exec(line)).find((found) => found && labels.includes(found[1]));
  if (!m) throw new Error(`No temporary password in "${email.subject}"`);
  return m[2];
}

/**
 * The code in one of Cognito's code emails (a sign-up's confirmation, a password reset), in any
 * language they speak: the HTML the pool's CustomMessage trigger wrote shows it beside the label
 * "Code"; Cognito's own default message says "… is 123456".
 */
export function cognitoCodeIn(email: StoredEmail): string {
  const labels = [en, fr].map((text) => text.codes.code);
  const html = email.body.html ?? email.body.text ?? '';
  const cell = [...html.matchAll(/<th[^>]*>([^<]*)<\/th><td>(\d+)<\/td>/g)].find((m) => labels.includes(m[1]));
  const code = cell?.[2] ?? / is (\d+)$/.exec(html)?.[1];
  if (!code) throw new Error(`No code in "${email.subject}"`);
  return code;
}

/**
 * The emails to one address that match, once at least `count` have arrived: portal emails are
 * delivered asynchronously from the outbox, a moment after the request that promised them.
 */
export async function emailsArriving(sesUrl: string, address: string, match: (e: StoredEmail) => boolean = () => true, count = 1, timeoutMs = 20_000): Promise<StoredEmail[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await emailsTo(sesUrl, address)).filter(match);
    if (found.length >= count) return found;
    if (Date.now() > deadline) throw new Error(`Expected ${count} email(s) to ${address}, ${found.length} arrived`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** Waits until the local cloud has delivered everything promised so far, so "no email was sent" can be checked. */
export async function settle(controlUrl: string): Promise<void> {
  const res = await fetch(`${controlUrl}/_local/settle`, { method: 'POST' });
  if (!res.ok) throw new Error(`The local cloud did not settle: ${res.status}`);
}
