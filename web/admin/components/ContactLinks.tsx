import type { TFunction } from 'i18next';
import { useId, useState } from 'react';
import { Trans } from 'react-i18next';
import { Link } from 'react-router';
import { get, patch, query, type Answer } from '../../common/api.ts';
import { useI18n } from '../../common/i18n.ts';
import { ErrorMessage, Loading, useAsync } from '../../common/ui.tsx';
import { roleWords } from './roleWords.ts';
import { ContactSearch } from './ContactSearch.tsx';
import { useAction } from './hooks.tsx';
import type { Contact, ContactLink, Page } from './types.tsx';

/** Names of the contacts a contact points at; a deleted one is missing from the map (shown as "Unknown contact"). */
function useContactNames(ids: string[]) {
  return useAsync(async () => {
    const found = await Promise.all(ids.map((id) => get<Contact>(`/contacts/${id}`).catch(() => undefined)));
    return new Map(ids.flatMap((id, i) => (found[i] ? [[id, found[i].name] as const] : [])));
  }, [ids.join(',')]);
}

function nameLookup(names: Map<string, string> | undefined, added: Map<string, string>, t: TFunction) {
  return (id: string) => names?.get(id) ?? added.get(id) ?? (names ? t('links.unknownContact') : '…');
}

function AddLinkForm({ contact, onAdd, busy }: { contact: Contact; onAdd: (link: ContactLink, name: string) => void; busy: boolean }) {
  const { t } = useI18n();
  const roleId = useId();
  const roles = useAsync(() => get<Answer<'staff-list-roles'>>('/roles'), []);
  const [target, setTarget] = useState<Contact>();
  const [role, setRole] = useState('');
  const chosenRole = role || roles.data?.roles[0] || '';
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (target) onAdd({ contactId: target.contactId, role: chosenRole }, target.name);
        setTarget(undefined);
      }}
    >
      <h3>{t('links.add')}</h3>
      {target ? (
        <p className="row">
          <span>
            <Trans i18nKey="links.linkTo" components={{ name: <strong>{target.name}</strong> }} />
          </span>
          <button type="button" className="link" onClick={() => setTarget(undefined)}>
            {t('links.chooseOther')}
          </button>
        </p>
      ) : (
        <ContactSearch label={t('links.find')} onPick={setTarget} exclude={[contact.contactId, ...(contact.links ?? []).map((l) => l.contactId)]} />
      )}
      <label htmlFor={roleId}>{t('links.role')}</label>
      <select id={roleId} value={chosenRole} onChange={(e) => setRole(e.target.value)}>
        {(roles.data?.roles ?? []).map((r) => (
          <option key={r} value={r}>
            {roleWords(r, t)}
          </option>
        ))}
      </select>
      <ErrorMessage error={roles.error} />
      <div className="row spaced">
        <button type="submit" disabled={!target || !chosenRole || busy}>
          {t('links.addLink')}
        </button>
      </div>
    </form>
  );
}

function Members({ organisation }: { organisation: Contact }) {
  const { t } = useI18n();
  const members = useAsync(() => get<Page<Contact>>(`/contacts${query({ organisationId: organisation.contactId, limit: 200 })}`), [organisation.contactId, organisation.links?.length]);
  if (members.loading) return <Loading />;
  if (members.error) return <ErrorMessage error={members.error} />;
  if (!members.data?.items.length) return <p className="muted">{t('links.noMembers')}</p>;
  return (
    <ul className="plain">
      {members.data.items.map((m) => (
        <li key={m.contactId}>
          <Link to={`/contacts/${m.contactId}`}>{m.name}</Link>
        </li>
      ))}
    </ul>
  );
}

/** Links to other contacts with a role, and membership of organisations (whose shares the person sees too). */
export function ContactLinks({ contact, onChanged }: { contact: Contact; onChanged: (contact: Contact) => void }) {
  const { t } = useI18n();
  const links = contact.links ?? [];
  const names = useContactNames([...new Set([...links.map((l) => l.contactId), ...contact.organisationIds])]);
  const action = useAction();
  const [added, setAdded] = useState(new Map<string, string>());
  const nameOf = nameLookup(names.data, added, t);
  const save = (change: Partial<Pick<Contact, 'links' | 'organisationIds'>>) =>
    void action.run(async () => onChanged(await patch<Contact>(`/contacts/${contact.contactId}`, change)));

  return (
    <section className="card" aria-labelledby="links-heading">
      <h2 id="links-heading">{t('links.heading')}</h2>
      {links.length ? (
        <ul className="plain">
          {links.map((l) => (
            <li key={`${l.contactId}-${l.role}`} className="row">
              <Link to={`/contacts/${l.contactId}`}>{nameOf(l.contactId)}</Link>
              <span className="muted">{roleWords(l.role, t)}</span>
              <button
                type="button"
                className="secondary"
                aria-label={t('links.removeLinkLabel', { name: nameOf(l.contactId) })}
                disabled={action.busy}
                onClick={() => save({ links: links.filter((x) => x !== l) })}
              >
                {t('links.remove')}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('links.none')}</p>
      )}
      <AddLinkForm
        contact={contact}
        busy={action.busy}
        onAdd={(link, name) => {
          setAdded(new Map(added).set(link.contactId, name));
          save({ links: [...links, link] });
        }}
      />
      {contact.kind === 'person' ? (
        <>
          <h3>{t('links.memberOf')}</h3>
          {contact.organisationIds.length ? (
            <ul className="plain">
              {contact.organisationIds.map((id) => (
                <li key={id} className="row">
                  <Link to={`/contacts/${id}`}>{nameOf(id)}</Link>
                  <button
                    type="button"
                    className="secondary"
                    aria-label={t('links.removeFromLabel', { name: nameOf(id) })}
                    disabled={action.busy}
                    onClick={() => save({ organisationIds: contact.organisationIds.filter((o) => o !== id) })}
                  >
                    {t('links.remove')}
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t('links.notMember')}</p>
          )}
        </>
      ) : (
        <>
          <h3>{t('links.members')}</h3>
          <Members organisation={contact} />
        </>
      )}
      <ErrorMessage error={action.error} />
    </section>
  );
}
