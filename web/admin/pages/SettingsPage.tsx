import { useId, useState, type ReactNode } from 'react';
import { get, patch } from '../../common/api.ts';
import { LANGUAGE_NAMES, LANGUAGES, useI18n, type Language } from '../../common/i18n.ts';
import { ErrorMessage, Loading, useAsync } from '../../common/ui.tsx';
import { useAction, useStaffTabTitle } from '../components/hooks.tsx';
import { MatterListsEditor } from '../components/MatterListsEditor.tsx';
import { RolesEditor } from '../components/RolesEditor.tsx';
import type { AttachmentControl, PortalSettings, SeatUsage, SettingsView } from '../components/types.tsx';

const CONTROLS: AttachmentControl[] = ['allowed', 'forbidden', 'beforeApproval'];

function Field({ label, children }: { label: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <>
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </>
  );
}

function Check({ label, checked, onChange }: { label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <label className="inline spaced">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} /> {label}
    </label>
  );
}

/** The form keeps optional addresses as text; an empty one is left out, since the API keeps a missing field as it was. */
/** An emptied logo or portal address is sent as "" so the API removes it. */
function toPatch(s: PortalSettings) {
  const { logoUrl, portalAddress, ...branding } = s.branding;
  return { ...s, branding: { ...branding, logoUrl: logoUrl?.trim() ?? '', portalAddress: portalAddress?.trim() ?? '' } };
}

/** The seats field with what is used and what counts as a seat, read out with the field. */
function SeatsField({ seats, usage, onChange }: { seats: number; usage: SeatUsage; onChange: (seats: number) => void }) {
  const { t } = useI18n();
  const id = useId();
  return (
    <>
      <label htmlFor={id}>{t('settings.seats')}</label>
      <input id={id} type="number" min={0} step={1} value={Number.isNaN(seats) ? '' : seats} onChange={(e) => onChange(e.target.valueAsNumber)} aria-describedby={`${id}-usage ${id}-rule`} />
      <p className="hint" id={`${id}-usage`}>
        {t('settings.seatUsage', { count: usage.used, left: usage.left })}
      </p>
      <p className="hint muted" id={`${id}-rule`}>
        {t('settings.seatRule')}
      </p>
    </>
  );
}

const MATTER_TERMS = ['matter', 'order', 'contract', 'file'] as const;

/** What the firm calls its matters (a law firm's matter, an ERP's order…). */
function MatterTermField({ term, onChange }: { term: PortalSettings['matterTerm']; onChange: (term: PortalSettings['matterTerm']) => void }) {
  const { t } = useI18n();
  return (
    <Field label={t('settings.matterTerm')}>
      {(id) => (
        <select id={id} value={term} onChange={(e) => onChange(e.target.value as PortalSettings['matterTerm'])}>
          {MATTER_TERMS.map((term) => (
            <option key={term} value={term}>
              {t(`settings.matterTerms.${term}`)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** The firm's default language: the portal's for a browser that speaks neither language, and every email's to someone who chose none. */
function FirmLanguageField({ language, onChange }: { language: Language; onChange: (language: Language) => void }) {
  const { t } = useI18n();
  return (
    <Field label={t('settings.language')}>
      {(id) => (
        <select id={id} value={language} onChange={(e) => onChange(e.target.value as Language)}>
          {LANGUAGES.map((l) => (
            <option key={l} value={l} lang={l}>
              {LANGUAGE_NAMES[l]}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

function SettingsForm({ initial }: { initial: SettingsView }) {
  const [{ seatUsage: initialUsage, ...initialSettings }] = useState(initial);
  const [s, setS] = useState<PortalSettings>(initialSettings);
  const [usage, setUsage] = useState(initialUsage);
  const [savedFirmName, setSavedFirmName] = useState(initialSettings.branding.firmName);
  useStaffTabTitle(savedFirmName);
  const [saved, setSaved] = useState(false);
  const { t } = useI18n();
  const action = useAction();
  const set = <K extends keyof PortalSettings>(key: K, value: Partial<PortalSettings[K]> | PortalSettings[K]) => {
    setSaved(false);
    setS((prev) => ({ ...prev, [key]: typeof value === 'object' ? { ...(prev[key] as object), ...value } : value }));
  };
  const save = () =>
    action.run(async () => {
      const { seatUsage, ...settings } = await patch<SettingsView>('/settings', toPatch(s));
      setS(settings);
      setUsage(seatUsage);
      setSavedFirmName(settings.branding.firmName);
      setSaved(true);
    });

  return (
    // noValidate: the API checks every field and says what is wrong in words people understand.
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        void save();
      }}
    >
      <section className="card">
        <h2>{t('settings.portal')}</h2>
        <Check label={t('settings.portalOpen')} checked={s.portalOpen} onChange={(v) => set('portalOpen', v)} />
        <Check label={t('settings.comments')} checked={s.customerComments} onChange={(v) => set('customerComments', v)} />
        <FirmLanguageField language={s.language} onChange={(language) => set('language', language)} />
        <MatterTermField term={s.matterTerm} onChange={(matterTerm) => set('matterTerm', matterTerm)} />
      </section>
      <section className="card">
        <h2>{t('settings.selfSignUp')}</h2>
        <Check label={t('settings.allowSelfSignUp')} checked={s.selfSignUp.enabled} onChange={(v) => set('selfSignUp', { enabled: v })} />
        <Field label={t('settings.accessType')}>
          {(id) => (
            <select id={id} value={s.selfSignUp.accessType} onChange={(e) => set('selfSignUp', { accessType: e.target.value as PortalSettings['selfSignUp']['accessType'] })}>
              <option value="client">{t('settings.accessTypes.client')}</option>
              <option value="collaborator">{t('settings.accessTypes.collaborator')}</option>
              <option value="both">{t('settings.accessTypes.both')}</option>
            </select>
          )}
        </Field>
        <SeatsField seats={s.selfSignUp.seats} usage={usage} onChange={(seats) => set('selfSignUp', { seats })} />
      </section>
      <section className="card">
        <h2>{t('settings.attachments')}</h2>
        {(['upload', 'replace', 'delete'] as const).map((key) => (
          <Field key={key} label={t(`settings.${key}`)}>
            {(id) => (
              <select id={id} value={s.attachments[key]} onChange={(e) => set('attachments', { [key]: e.target.value as AttachmentControl })}>
                {CONTROLS.map((c) => (
                  <option key={c} value={c}>
                    {t(`settings.control.${c}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ))}
      </section>
      <section className="card">
        <h2>{t('settings.branding')}</h2>
        <Field label={t('settings.firmName')}>{(id) => <input id={id} type="text" value={s.branding.firmName} onChange={(e) => set('branding', { firmName: e.target.value })} />}</Field>
        <Field label={t('settings.logoUrl')}>{(id) => <input id={id} type="url" value={s.branding.logoUrl ?? ''} onChange={(e) => set('branding', { logoUrl: e.target.value })} />}</Field>
        <Field label={t('settings.colour')}>
          {(id) => (
            <span className="row">
              <input id={id} type="text" value={s.branding.colour} onChange={(e) => set('branding', { colour: e.target.value })} placeholder="#1f4e79" />
              <span className="swatch" style={{ background: /^#[0-9a-f]{6}$/i.test(s.branding.colour) ? s.branding.colour : 'transparent' }} aria-hidden="true" />
            </span>
          )}
        </Field>
        <Field label={t('settings.portalAddress')}>
          {(id) => <input id={id} type="url" value={s.branding.portalAddress ?? ''} onChange={(e) => set('branding', { portalAddress: e.target.value })} />}
        </Field>
      </section>
      <ErrorMessage error={action.error} />
      {saved && (
        <p className="notice" role="status">
          {t('settings.saved')}
        </p>
      )}
      <button type="submit" disabled={action.busy}>
        {t('settings.save')}
      </button>
    </form>
  );
}

/** The firm's run-time settings (admins). */
export function SettingsPage() {
  const { t } = useI18n();
  const settings = useAsync(() => get<SettingsView>('/settings'), []);
  return (
    <>
      <h1>{t('settings.heading')}</h1>
      {settings.loading ? <Loading /> : settings.error ? <ErrorMessage error={settings.error} /> : <SettingsForm initial={settings.data!} />}
      <RolesEditor />
      <MatterListsEditor />
    </>
  );
}
