/** The customer's own account: change the password and, where the firm's pool makes it optional, set up sign-in codes. */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Trans } from 'react-i18next';
import { authenticatorEnabled, changePassword, finishAuthenticatorSetUp, otpauthUri, startAuthenticatorSetUp } from '../../common/account.ts';
import { loadConfig, type WebConfig } from '../../common/config.ts';
import { useI18n } from '../../common/i18n.ts';
import { describePolicyIn, passwordProblemIn } from '../../common/password-words.ts';
import { ErrorMessage, Loading, messageOf, useAsync } from '../../common/ui.tsx';
import { usePortal } from '../components/PortalContext.tsx';

export function ProfilePage() {
  const { t } = useI18n();
  const { profile } = usePortal();
  const config = useAsync(loadConfig, []);
  const named = !!profile.name && profile.name !== profile.email;
  return (
    <>
      <h1>{t('profile.heading')}</h1>
      <p>
        {/* The address and name are React children, never parsed as markup from the catalogue. */}
        <Trans
          i18nKey={named ? 'profile.signedInAsNamed' : 'profile.signedInAs'}
          components={{ email: <strong>{profile.email}</strong>, name: <span>{profile.name}</span> }}
        />
      </p>
      {config.error ? <ErrorMessage error={config.error} /> : null}
      {config.data && (
        <>
          <ChangePassword config={config.data} />
          <SignInCodes config={config.data} account={profile.email} issuer={profile.firm.firmName} />
        </>
      )}
    </>
  );
}

function ChangePassword({ config }: { config: WebConfig }) {
  const { t, locale } = useI18n();
  const [error, setError] = useState<string>();
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const [current, proposed, confirm] = ['current', 'proposed', 'confirm'].map((k) => String(data.get(k) ?? ''));
    setDone(false);
    if (proposed !== confirm) return setError(t('profile.password.mismatch'));
    // With the pool's policy at hand, say everything that is missing at once; Cognito checks it either way.
    const weak = config.passwordPolicy ? passwordProblemIn(config.passwordPolicy, proposed, t) : undefined;
    if (weak) return setError(weak);
    setBusy(true);
    try {
      await changePassword(current, proposed);
      setError(undefined);
      setDone(true);
      form.current?.reset();
    } catch (err) {
      setError(messageOf(err, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="change-password">
      <h2 id="change-password">{t('profile.password.heading')}</h2>
      <form ref={form} onSubmit={submit}>
        <label htmlFor="current-password">{t('profile.password.current')}</label>
        <input id="current-password" name="current" type="password" autoComplete="current-password" required />
        <label htmlFor="new-password">{t('profile.password.proposed')}</label>
        <input id="new-password" name="proposed" type="password" autoComplete="new-password" required aria-describedby={config.passwordPolicy ? 'password-rules' : undefined} />
        {config.passwordPolicy && (
          <p className="muted" id="password-rules">
            {describePolicyIn(config.passwordPolicy, t, locale)}
          </p>
        )}
        <label htmlFor="confirm-password">{t('profile.password.confirm')}</label>
        <input id="confirm-password" name="confirm" type="password" autoComplete="new-password" required />
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        {done && (
          <p className="notice" role="status">
            {t('profile.password.changed')}
          </p>
        )}
        <p>
          <button type="submit" disabled={busy}>
            {busy ? t('profile.password.busy') : t('profile.password.submit')}
          </button>
        </p>
      </form>
    </section>
  );
}

/** Authenticator set-up, offered only where the pool's MFA is optional (required MFA is set up at first sign-in). */
function SignInCodes({ config, account, issuer }: { config: WebConfig; account: string; issuer: string }) {
  if (config.mfaConfiguration !== 'OPTIONAL') return null;
  return <SignInCodesOptional account={account} issuer={issuer} />;
}

function SignInCodesOptional({ account, issuer }: { account: string; issuer: string }) {
  const { t } = useI18n();
  const enabled = useAsync(authenticatorEnabled, []);
  const [secret, setSecret] = useState<string>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [turnedOn, setTurnedOn] = useState(false);
  const codeInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (secret) codeInput.current?.focus();
  }, [secret]);

  async function start() {
    setBusy(true);
    setError(undefined);
    try {
      setSecret(await startAuthenticatorSetUp());
    } catch (err) {
      setError(messageOf(err, t));
    } finally {
      setBusy(false);
    }
  }

  async function verify(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const code = String(new FormData(e.currentTarget).get('code') ?? '').replace(/\s+/g, '');
    if (!/^\d{6}$/.test(code)) return setError(t('profile.codes.sixDigits'));
    setBusy(true);
    try {
      await finishAuthenticatorSetUp(code);
      setError(undefined);
      setSecret(undefined);
      setTurnedOn(true);
    } catch (err) {
      setError(messageOf(err, t));
    } finally {
      setBusy(false);
    }
  }

  const on = turnedOn || enabled.data === true;
  return (
    <section className="card" aria-labelledby="sign-in-codes">
      <h2 id="sign-in-codes">{t('profile.codes.heading')}</h2>
      {enabled.loading && !enabled.data ? <Loading /> : null}
      {enabled.error ? <ErrorMessage error={enabled.error} /> : null}
      {on ? (
        <p className="notice" role="status">
          {t('profile.codes.on')}
        </p>
      ) : null}
      {!on && !enabled.loading && !secret && (
        <>
          <p>{t('profile.codes.intro')}</p>
          <button type="button" onClick={() => void start()} disabled={busy}>
            {t('profile.codes.setUp')}
          </button>
        </>
      )}
      {!on && secret && (
        <form onSubmit={verify}>
          <p>{t('profile.codes.instructions')}</p>
          <label htmlFor="totp-key">{t('profile.codes.key')}</label>
          <input id="totp-key" type="text" readOnly value={secret} onFocus={(e) => e.currentTarget.select()} className="copyable" data-testid="totp-secret" />
          <label htmlFor="totp-uri">{t('profile.codes.link')}</label>
          <input id="totp-uri" type="text" readOnly value={otpauthUri(secret, account, issuer)} onFocus={(e) => e.currentTarget.select()} className="copyable" />
          <label htmlFor="totp-code">{t('profile.codes.code')}</label>
          <input id="totp-code" ref={codeInput} name="code" type="text" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9 ]*" maxLength={7} required />
          <p className="row">
            <button type="submit" disabled={busy}>
              {t('profile.codes.turnOn')}
            </button>
            <button type="button" className="secondary" onClick={() => (setSecret(undefined), setError(undefined))}>
              {t('common.cancel')}
            </button>
          </p>
        </form>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
