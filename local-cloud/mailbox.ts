/** Reads the SES emulator's store: every email the portal sent. */
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

/** The temporary password of a portal invitation email. */
export function temporaryPasswordIn(email: StoredEmail): string {
  const m = /Temporary password: (\S+)/.exec(email.body.text ?? '');
  if (!m) throw new Error(`No temporary password in "${email.subject}"`);
  return m[1];
}
