/**
 * Marks addresses SES could not deliver to for good (or whose owner complained): every contact
 * still at that address, and the address itself, which staff users are shown by. Each mark is a
 * conditional write that keeps the first one, so a redelivered or repeated event changes nothing
 * and audits nothing twice.
 */
import type { DeliveryProblem } from '../domain/deliverability.ts';
import type { AuditLog, ConfigStore, ContactStore } from '../domain/ports.ts';

export interface DeliverabilityDeps {
  contacts: ContactStore;
  config: ConfigStore;
  audit: AuditLog;
}

/** Returns how many marks were new (contacts and addresses). */
export async function markUndeliverable(deps: DeliverabilityDeps, problems: DeliveryProblem[], now = new Date()): Promise<number> {
  let marked = 0;
  for (const { email, mark } of problems) {
    for (const contact of await deps.contacts.findByEmail(email)) {
      if (!(await deps.contacts.markUndeliverable(contact.contactId, email, mark))) continue;
      marked++;
      await deps.audit.record({ at: now.toISOString(), actor: 'system', action: 'contact.undeliverable', contactId: contact.contactId, details: { email, reason: mark.reason, since: mark.since } });
    }
    if (await deps.config.markAddressUndeliverable(email, mark)) marked++;
  }
  return marked;
}
