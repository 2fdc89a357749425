import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { get } from '../../common/api.ts';
import { useI18n } from '../../common/i18n.ts';
import { ErrorMessage, Loading, useAsync } from '../../common/ui.tsx';
import { AuditList } from '../components/AuditList.tsx';
import { ContactDetails } from '../components/ContactDetails.tsx';
import { ContactLinks } from '../components/ContactLinks.tsx';
import { ContactShares } from '../components/ContactShares.tsx';
import { PortalAccess } from '../components/PortalAccess.tsx';
import type { Contact } from '../components/types.tsx';

/** Keyed by the contact, so moving to a linked contact starts with a fresh page. */
export function ContactPage() {
  const contactId = useParams().contactId!;
  return <ContactView key={contactId} contactId={contactId} />;
}

function ContactView({ contactId }: { contactId: string }) {
  const { t } = useI18n();
  const loaded = useAsync(() => get<Contact>(`/contacts/${contactId}`), [contactId]);
  const [latest, setLatest] = useState<Contact>();
  // Every change is in the audit trail; bumping this reloads it.
  const [auditVersion, setAuditVersion] = useState(0);
  const contact = latest ?? loaded.data;
  const changed = (next?: Contact) => {
    if (next) setLatest(next);
    setAuditVersion((v) => v + 1);
  };

  if (loaded.loading && !contact) return <Loading />;
  if (!contact) {
    return (
      <>
        <ErrorMessage error={loaded.error} />
        <Link to="/contacts">{t('contact.back')}</Link>
      </>
    );
  }
  return (
    <>
      <p>
        <Link to="/contacts">{t('contact.backShort')}</Link>
      </p>
      <h1>{contact.name}</h1>
      <div className="contact-grid">
        <ContactDetails contact={contact} onChanged={changed} />
        <div>
          <PortalAccess contact={contact} onChanged={changed} />
          <ContactLinks contact={contact} onChanged={changed} />
        </div>
      </div>
      <ContactShares contact={contact} onChanged={() => changed()} />
      <section className="card" aria-labelledby="activity-heading">
        <h2 id="activity-heading">{t('contact.activity')}</h2>
        <AuditList path={`/contacts/${contactId}/audit`} version={auditVersion} />
      </section>
    </>
  );
}
