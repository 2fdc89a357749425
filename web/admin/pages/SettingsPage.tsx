import { useId, useState, type ReactNode } from 'react';
import { get, patch } from '../../common/api.ts';
import { ErrorMessage, Loading, useAsync } from '../../common/ui.tsx';
import { useAction, useStaffTabTitle } from '../components/hooks.tsx';
import { RolesEditor } from '../components/RolesEditor.tsx';
import type { AttachmentControl, PortalSettings, SeatUsage, SettingsView } from '../components/types.tsx';

const CONTROLS: { value: AttachmentControl; label: string }[] = [
  { value: 'allowed', label: 'Allowed' },
  { value: 'forbidden', label: 'Forbidden' },
  { value: 'beforeApproval', label: 'Allowed before approval' },
];

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
  const id = useId();
  return (
    <>
      <label htmlFor={id}>Seats</label>
      <input id={id} type="number" min={0} step={1} value={Number.isNaN(seats) ? '' : seats} onChange={(e) => onChange(e.target.valueAsNumber)} aria-describedby={`${id}-usage ${id}-rule`} />
      <p className="hint" id={`${id}-usage`}>
        {usage.used} {usage.used === 1 ? 'seat' : 'seats'} used, {usage.left} left.
      </p>
      <p className="hint muted" id={`${id}-rule`}>
        Every customer whose portal access is open — invited or active, whether staff opened it or the customer signed up — holds a seat. Closing their access (or archiving the
        contact) frees it. When no seat is left, self sign-ups are refused; staff can still open access.
      </p>
    </>
  );
}

function SettingsForm({ initial }: { initial: SettingsView }) {
  const [{ seatUsage: initialUsage, ...initialSettings }] = useState(initial);
  const [s, setS] = useState<PortalSettings>(initialSettings);
  const [usage, setUsage] = useState(initialUsage);
  const [savedFirmName, setSavedFirmName] = useState(initialSettings.branding.firmName);
  useStaffTabTitle(savedFirmName);
  const [saved, setSaved] = useState(false);
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
        <h2>Portal</h2>
        <Check label="Portal open to customers" checked={s.portalOpen} onChange={(v) => set('portalOpen', v)} />
        <Check label="Customers may comment" checked={s.customerComments} onChange={(v) => set('customerComments', v)} />
      </section>
      <section className="card">
        <h2>Self sign-up</h2>
        <Check label="Allow self sign-up" checked={s.selfSignUp.enabled} onChange={(v) => set('selfSignUp', { enabled: v })} />
        <Field label="Access type for self sign-ups">
          {(id) => (
            <select id={id} value={s.selfSignUp.accessType} onChange={(e) => set('selfSignUp', { accessType: e.target.value as PortalSettings['selfSignUp']['accessType'] })}>
              <option value="client">Client</option>
              <option value="collaborator">Collaborator</option>
              <option value="both">Both</option>
            </select>
          )}
        </Field>
        <SeatsField seats={s.selfSignUp.seats} usage={usage} onChange={(seats) => set('selfSignUp', { seats })} />
      </section>
      <section className="card">
        <h2>Customer attachments</h2>
        {(
          [
            ['upload', 'Customers may upload'],
            ['replace', 'Customers may replace their uploads'],
            ['delete', 'Customers may delete their uploads'],
          ] as const
        ).map(([key, label]) => (
          <Field key={key} label={label}>
            {(id) => (
              <select id={id} value={s.attachments[key]} onChange={(e) => set('attachments', { [key]: e.target.value as AttachmentControl })}>
                {CONTROLS.map((c) => (
                  <option key={c.value} value={c.value}>
                    {c.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ))}
      </section>
      <section className="card">
        <h2>Branding</h2>
        <Field label="Firm name">{(id) => <input id={id} type="text" value={s.branding.firmName} onChange={(e) => set('branding', { firmName: e.target.value })} />}</Field>
        <Field label="Logo URL">{(id) => <input id={id} type="url" value={s.branding.logoUrl ?? ''} onChange={(e) => set('branding', { logoUrl: e.target.value })} />}</Field>
        <Field label="Colour">
          {(id) => (
            <span className="row">
              <input id={id} type="text" value={s.branding.colour} onChange={(e) => set('branding', { colour: e.target.value })} placeholder="#1f4e79" />
              <span className="swatch" style={{ background: /^#[0-9a-f]{6}$/i.test(s.branding.colour) ? s.branding.colour : 'transparent' }} aria-hidden="true" />
            </span>
          )}
        </Field>
        <Field label="Portal address">
          {(id) => <input id={id} type="url" value={s.branding.portalAddress ?? ''} onChange={(e) => set('branding', { portalAddress: e.target.value })} />}
        </Field>
      </section>
      <ErrorMessage error={action.error} />
      {saved && (
        <p className="notice" role="status">
          Settings saved.
        </p>
      )}
      <button type="submit" disabled={action.busy}>
        Save settings
      </button>
    </form>
  );
}

/** The firm's run-time settings (admins). */
export function SettingsPage() {
  const settings = useAsync(() => get<SettingsView>('/settings'), []);
  return (
    <>
      <h1>Settings</h1>
      {settings.loading ? <Loading /> : settings.error ? <ErrorMessage error={settings.error} /> : <SettingsForm initial={settings.data!} />}
      <RolesEditor />
    </>
  );
}
