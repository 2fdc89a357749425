/** Small building blocks both UIs share: loading and error states, progress, drop zone, sign-in shell, language switch. */
import type { TFunction } from 'i18next';
import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { completeSignIn, currentUser, idToken, signIn, signOut } from './auth.ts';
import { ApiError } from './api.ts';
import { chooseLanguageExplicitly, LANGUAGE_NAMES, LANGUAGES, useI18n, type Language } from './i18n.ts';
import { UiError } from './ui-error.ts';

/**
 * An error in the reader's language. The API answers in English: a known `code` has its
 * translation under `apiErrors` (French only: in English the server's own message, which names
 * the field or the state, is the best there is); an unknown code shows the server's message.
 */
export function messageOf(error: unknown, t: TFunction): string {
  if (error instanceof UiError) return t(error.key, { ...error.values, defaultValue: error.message });
  if (error instanceof ApiError) return t(`apiErrors.${error.code}`, { status: error.status, defaultValue: error.message });
  return t('common.errors.generic');
}

export function ErrorMessage({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (!error) return null;
  return (
    <p className="error" role="alert">
      {messageOf(error, t)}
    </p>
  );
}

export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <p className="loading" role="status" aria-live="polite">
      {label ?? t('common.loading')}
    </p>
  );
}

export function ProgressBar({ value, label }: { value: number; label: string }) {
  return <progress className="progress" max={100} value={Math.round(value * 100)} aria-label={label} />;
}

/** Loads something once per change of `deps`; `reload` runs it again. A stale answer never overwrites a newer one. */
export function useAsync<T>(load: () => Promise<T>, deps: unknown[]): { data?: T; error?: unknown; loading: boolean; reload: () => void } {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  const generation = useRef(0);
  const run = useCallback(() => {
    const mine = ++generation.current;
    setState((s) => ({ ...s, loading: true, error: undefined }));
    load().then(
      (data) => mine === generation.current && setState({ data, loading: false }),
      (error) => mine === generation.current && setState({ error, loading: false }),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  useEffect(run, [run]);
  return { ...state, reload: run };
}

/** Files by drag and drop or by the picker; the button makes it usable from the keyboard. */
export function DropZone({ onFiles, label, disabled }: { onFiles: (files: File[]) => void; label: string; disabled?: boolean }) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  return (
    <div
      className={`dropzone${over ? ' over' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        if (!disabled) setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        if (!disabled && e.dataTransfer.files.length) onFiles([...e.dataTransfer.files]);
      }}
    >
      <span>{t('common.dropFilesOr')} </span>
      <button type="button" onClick={() => input.current?.click()} disabled={disabled}>
        {label}
      </button>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        aria-label={label}
        onChange={(e) => {
          if (e.target.files?.length) onFiles([...e.target.files]);
          e.target.value = '';
        }}
      />
    </div>
  );
}

/** The OAuth redirect target: trades the code for tokens, then goes where the user was heading. */
export function Callback() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<unknown>();
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    completeSignIn(location.search).then((to) => navigate(to, { replace: true }), setError);
  }, [location.search, navigate]);
  return error ? (
    <main className="centered">
      <ErrorMessage error={error} />
      <button type="button" onClick={() => signIn({ returnTo: '/' })}>
        {t('common.signInAgain')}
      </button>
    </main>
  ) : (
    <Loading label={t('common.signingIn')} />
  );
}

/** Renders its children for a signed-in user, or sends the browser to the hosted login. */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const [ready, setReady] = useState(false);
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    idToken()
      .then((token) => (token && currentUser() ? setReady(true) : signIn()))
      .catch(setError);
  }, []);
  if (error) {
    return (
      <main className="centered">
        <ErrorMessage error={error} />
        <button type="button" onClick={() => window.location.reload()}>
          {t('common.tryAgain')}
        </button>
      </main>
    );
  }
  return ready ? <>{children}</> : <Loading label={t('common.checkingSignIn')} />;
}

/** Who is signed in, and the way out (here and at the hosted login). */
export function SignedInAs({ name }: { name: string }) {
  const { t } = useI18n();
  return (
    <span className="who">
      <span>{name}</span>
      <button type="button" className="secondary" onClick={() => void signOut()}>
        {t('common.signOut')}
      </button>
    </span>
  );
}

/**
 * The language switch in the header: a labelled select, usable from the keyboard, each language
 * named in itself. `onChosen` lets a UI tell its API (the portal stores the customer's language).
 */
export function LanguageSwitch({ onChosen }: { onChosen?: (language: Language) => void }) {
  const { t, language } = useI18n();
  const id = useId();
  return (
    <span className="language-switch">
      <label htmlFor={id}>{t('common.language')}</label>
      <select
        id={id}
        value={language}
        onChange={(e) => {
          const chosen = e.target.value as Language;
          chooseLanguageExplicitly(chosen);
          onChosen?.(chosen);
        }}
      >
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
    </span>
  );
}

/** Names the browser tab after the firm, once its run-time branding is known (the page's own title until then). */
export function useTabTitle(firmName: string | undefined, suffix?: string): void {
  useEffect(() => {
    if (firmName) document.title = suffix ? `${firmName} — ${suffix}` : firmName;
  }, [firmName, suffix]);
}
