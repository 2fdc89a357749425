/** The customer's own account: change the password and, where the firm's pool makes it optional, set up sign-in codes. */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { authenticatorEnabled, changePassword, finishAuthenticatorSetUp, otpauthUri, startAuthenticatorSetUp } from '../../common/account.ts';
import { loadConfig, type WebConfig } from '../../common/config.ts';
import { describePolicy, passwordProblem } from '../../common/password-policy.ts';
import { ErrorMessage, Loading, messageOf, useAsync } from '../../common/ui.tsx';
import { usePortal } from '../components/PortalContext.tsx';

export function ProfilePage() {
  const { profile } = usePortal();
  const config = useAsync(loadConfig, []);
  return (
    <>
      <h1>Your account</h1>
      <p>
        Signed in as <strong>{profile.email}</strong>
        {profile.name && profile.name !== profile.email ? ` (${profile.name})` : ''}.
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
  const [error, setError] = useState<string>();
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const [current, proposed, confirm] = ['current', 'proposed', 'confirm'].map((k) => String(data.get(k) ?? ''));
    setDone(false);
    if (proposed !== confirm) return setError('The two new passwords are not the same. Type the new password again in both fields.');
    // With the pool's policy at hand, say everything that is missing at once; Cognito checks it either way.
    const weak = config.passwordPolicy ? passwordProblem(config.passwordPolicy, proposed) : undefined;
    if (weak) return setError(weak);
    setBusy(true);
    try {
      await changePassword(current, proposed);
      setError(undefined);
      setDone(true);
      form.current?.reset();
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="change-password">
      <h2 id="change-password">Change your password</h2>
      <form ref={form} onSubmit={submit}>
        <label htmlFor="current-password">Current password</label>
        <input id="current-password" name="current" type="password" autoComplete="current-password" required />
        <label htmlFor="new-password">New password</label>
        <input id="new-password" name="proposed" type="password" autoComplete="new-password" required aria-describedby={config.passwordPolicy ? 'password-rules' : undefined} />
        {config.passwordPolicy && (
          <p className="muted" id="password-rules">
            {describePolicy(config.passwordPolicy).replace(/^./, (c) => c.toUpperCase())}.
          </p>
        )}
        <label htmlFor="confirm-password">Confirm the new password</label>
        <input id="confirm-password" name="confirm" type="password" autoComplete="new-password" required />
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        {done && (
          <p className="notice" role="status">
            Your password has been changed. Use the new one the next time you sign in.
          </p>
        )}
        <p>
          <button type="submit" disabled={busy}>
            {busy ? 'Changing…' : 'Change password'}
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
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  async function verify(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const code = String(new FormData(e.currentTarget).get('code') ?? '').replace(/\s+/g, '');
    if (!/^\d{6}$/.test(code)) return setError('Enter the 6 digits your authenticator app shows for this account.');
    setBusy(true);
    try {
      await finishAuthenticatorSetUp(code);
      setError(undefined);
      setSecret(undefined);
      setTurnedOn(true);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  const on = turnedOn || enabled.data === true;
  return (
    <section className="card" aria-labelledby="sign-in-codes">
      <h2 id="sign-in-codes">Sign-in codes</h2>
      {enabled.loading && !enabled.data ? <Loading /> : null}
      {enabled.error ? <ErrorMessage error={enabled.error} /> : null}
      {on ? (
        <p className="notice" role="status">
          Sign-in codes are on: after your password, each sign-in asks for the code your authenticator app shows.
        </p>
      ) : null}
      {!on && !enabled.loading && !secret && (
        <>
          <p>For extra safety, sign-in can also ask for a code from an authenticator app on your phone (such as Google Authenticator, Microsoft Authenticator or 1Password).</p>
          <button type="button" onClick={() => void start()} disabled={busy}>
            Set up an authenticator app
          </button>
        </>
      )}
      {!on && secret && (
        <form onSubmit={verify}>
          <p>Add this account to your authenticator app: copy the key into the app, or open the set-up link on the device that has the app. Then enter the code the app shows.</p>
          <label htmlFor="totp-key">Key for your authenticator app</label>
          <input id="totp-key" type="text" readOnly value={secret} onFocus={(e) => e.currentTarget.select()} className="copyable" data-testid="totp-secret" />
          <label htmlFor="totp-uri">Set-up link</label>
          <input id="totp-uri" type="text" readOnly value={otpauthUri(secret, account, issuer)} onFocus={(e) => e.currentTarget.select()} className="copyable" />
          <label htmlFor="totp-code">Code from your authenticator app</label>
          <input id="totp-code" ref={codeInput} name="code" type="text" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9 ]*" maxLength={7} required />
          <p className="row">
            <button type="submit" disabled={busy}>
              Turn on sign-in codes
            </button>
            <button type="button" className="secondary" onClick={() => (setSecret(undefined), setError(undefined))}>
              Cancel
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
