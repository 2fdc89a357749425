/**
 * Who the matter is for and who else is in it: the client and each party with its type (each
 * type marked as one customers see or internal), each a link to the contact. Staff change the
 * client, add parties found by name and remove them, then save the lot.
 */
import { useId, useState } from 'react';
import { Trans } from 'react-i18next';
import { Link } from 'react-router';
import { get } from '../../common/api.ts';
import { useI18n } from '../../common/i18n.ts';
import { ErrorMessage, useAsync } from '../../common/ui.tsx';
import { ContactSearch } from './ContactSearch.tsx';
import { RowButtons, RowsTable, SaveBar, useMatterDraft } from './matterDraft.tsx';
import type { Contact, Matter, MatterLists } from './types.tsx';

/** A contact's name by id; one that cannot be read (gone, or refused) shows as unknown rather than failing the whole list. */
const nameOf = (contactId: string) => get<Contact>(`/contacts/${contactId}`).then((c) => c.name, () => undefined);

export function MatterParties({ matter, lists, onSaved }: { matter: Matter; lists: MatterLists; onSaved: (m: Matter) => void }) {
  const { t } = useI18n();
  const draft = useMatterDraft(matter, 'parties', onSaved);
  const [clientId, setClientId] = useState(matter.clientId);
  const [changingClient, setChangingClient] = useState(false);
  // Names of contacts picked here, so a new party or client shows by name before it is saved.
  const [picked, setPicked] = useState<Record<string, string>>({});
  const stored = [matter.clientId, ...matter.parties.map((p) => p.contactId)];
  const names = useAsync(async () => Object.fromEntries(await Promise.all(stored.map(async (id) => [id, await nameOf(id)] as const))), [stored.join(' ')]);
  const nameFor = (contactId: string): string | undefined => picked[contactId] ?? names.data?.[contactId];
  const contact = (contactId: string) => <Link to={`/contacts/${contactId}`}>{nameFor(contactId) ?? (names.loading ? '…' : t('links.unknownContact'))}</Link>;
  const pick = (c: Contact) => setPicked((p) => ({ ...p, [c.contactId]: c.name }));
  const typeWords = (name: string) => {
    const type = lists.partyTypes.find((p) => p.name === name);
    if (!type) return name;
    return type.customerVisible ? t('matter.parties.typeVisible', { name }) : t('matter.parties.typeInternal', { name });
  };
  const clientChanged = clientId !== matter.clientId;
  const heading = t('matter.parties.heading');
  return (
    <section className="card" aria-labelledby="matter-parties">
      <h2 id="matter-parties">{heading}</h2>
      <ErrorMessage error={names.error} />
      <div className="row">
        <p className="break">
          <Trans i18nKey="matter.parties.client" components={{ name: contact(clientId) }} />
        </p>
        {!changingClient && (
          <button type="button" className="secondary" onClick={() => setChangingClient(true)}>
            {t('matter.parties.changeClient')}
          </button>
        )}
      </div>
      {changingClient && (
        <div className="dialog">
          <ContactSearch
            label={t('matter.parties.findClient')}
            exclude={[clientId, ...draft.draft.map((p) => p.contactId)]}
            onPick={(c) => {
              pick(c);
              setClientId(c.contactId);
              setChangingClient(false);
            }}
          />
          <button type="button" className="link" onClick={() => setChangingClient(false)}>
            {t('common.cancel')}
          </button>
        </div>
      )}
      <p className="muted">{t('matter.parties.intro')}</p>
      {draft.draft.length ? (
        <RowsTable
          label={t('matter.parties.others')}
          headings={[t('table.name'), t('matter.parties.type')]}
          rows={draft.draft}
          rowKey={(p) => p.contactId}
          cells={(p) => [contact(p.contactId), typeWords(p.partyType)]}
          actions={(p) => <RowButtons name={nameFor(p.contactId) ?? p.partyType} onRemove={() => draft.change(draft.draft.filter((x) => x.contactId !== p.contactId))} />}
        />
      ) : (
        <p>{t('matter.parties.none')}</p>
      )}
      <PartyForm
        lists={lists}
        exclude={[clientId, ...draft.draft.map((p) => p.contactId)]}
        onAdd={(c, partyType) => {
          pick(c);
          draft.change([...draft.draft, { contactId: c.contactId, partyType }]);
        }}
      />
      <SaveBar
        draft={draft}
        dirty={draft.dirty || clientChanged}
        label={t('matter.parties.save')}
        savedText={t('matter.parties.saved')}
        onSave={() => void draft.save({ ...(clientChanged ? { clientId } : {}), parties: draft.draft })}
      />
    </section>
  );
}

/** Finds a contact by name, then adds them with the chosen party type. */
function PartyForm({ lists, exclude, onAdd }: { lists: MatterLists; exclude: string[]; onAdd: (c: Contact, partyType: string) => void }) {
  const { t } = useI18n();
  const typeId = useId();
  const [chosen, setChosen] = useState<Contact>();
  const [partyType, setPartyType] = useState(lists.partyTypes[0]?.name ?? '');
  return (
    <div className="picker">
      <h3>{t('matter.parties.addHeading')}</h3>
      {chosen ? (
        <form
          aria-label={t('matter.parties.addHeading')}
          onSubmit={(e) => {
            e.preventDefault();
            onAdd(chosen, partyType);
            setChosen(undefined);
          }}
        >
          <div className="row">
            <p className="break">{t('matter.parties.chosen', { name: chosen.name })}</p>
            <button type="button" className="link" onClick={() => setChosen(undefined)}>
              {t('matter.parties.chooseAnother')}
            </button>
          </div>
          <label htmlFor={typeId}>{t('matter.parties.type')}</label>
          <select id={typeId} value={partyType} onChange={(e) => setPartyType(e.target.value)} required>
            {lists.partyTypes.map((p) => (
              <option key={p.name} value={p.name}>
                {p.customerVisible ? t('matter.parties.typeVisible', { name: p.name }) : t('matter.parties.typeInternal', { name: p.name })}
              </option>
            ))}
          </select>
          <div className="spaced">
            <button type="submit" className="secondary" disabled={!partyType}>
              {t('matter.parties.add')}
            </button>
          </div>
        </form>
      ) : lists.partyTypes.length ? (
        <ContactSearch label={t('matter.parties.findParty')} exclude={exclude} onPick={setChosen} />
      ) : (
        <p className="muted">{t('matter.parties.noTypes')}</p>
      )}
    </div>
  );
}
