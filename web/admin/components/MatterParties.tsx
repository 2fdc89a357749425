import { Trans } from 'react-i18next';
import { Link } from 'react-router';
import { get } from '../../common/api.ts';
import { useI18n } from '../../common/i18n.ts';
import { ErrorMessage, Loading, useAsync } from '../../common/ui.tsx';
import type { Contact, Matter } from './types.tsx';

/** A contact's name by id; one that cannot be read (gone, or refused) shows as unknown rather than failing the whole list. */
const nameOf = (contactId: string) => get<Contact>(`/contacts/${contactId}`).then((c) => c.name, () => undefined);

/** Who the matter is for and who else is in it: the client and each party with its type, each a link to the contact. */
export function MatterParties({ matter }: { matter: Matter }) {
  const { t } = useI18n();
  const ids = [matter.clientId, ...matter.parties.map((p) => p.contactId)];
  const names = useAsync(() => Promise.all(ids.map(nameOf)), [ids.join(' ')]);
  const contact = (contactId: string, name: string | undefined) => <Link to={`/contacts/${contactId}`}>{name ?? t('links.unknownContact')}</Link>;
  return (
    <section className="card" aria-labelledby="matter-parties">
      <h2 id="matter-parties">{t('matter.parties.heading')}</h2>
      <ErrorMessage error={names.error} />
      {names.loading && !names.data ? (
        <Loading />
      ) : (
        <>
          <p className="break">
            <Trans i18nKey="matter.parties.client" components={{ name: contact(matter.clientId, names.data?.[0]) }} />
          </p>
          {matter.parties.length ? (
            <ul className="plain">
              {matter.parties.map((p, i) => (
                <li key={p.contactId} className="break">
                  <Trans i18nKey="matter.parties.party" values={{ type: p.partyType }} components={{ name: contact(p.contactId, names.data?.[i + 1]) }} />
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t('matter.parties.none')}</p>
          )}
        </>
      )}
    </section>
  );
}
