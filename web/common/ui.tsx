/** Small building blocks both UIs share: loading and error states, progress, drop zone, sign-in shell. */
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { completeSignIn, currentUser, idToken, signIn, signOut } from './auth.ts';
import { ApiError } from './api.ts';

export function messageOf(error: unknown): string {
  if (error instanceof ApiError || error instanceof Error) return error.message;
  return 'Something went wrong. Please try again.';
}

export function ErrorMessage({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <p className="error" role="alert">
      {messageOf(error)}
    </p>
  );
}

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p className="loading" role="status" aria-live="polite">
      {label}
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
      <span>Drop files here or </span>
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
        Sign in again
      </button>
    </main>
  ) : (
    <Loading label="Signing you in…" />
  );
}

/** Renders its children for a signed-in user, or sends the browser to the hosted login. */
export function RequireSignIn({ children }: { children: ReactNode }) {
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
          Try again
        </button>
      </main>
    );
  }
  return ready ? <>{children}</> : <Loading label="Checking your sign-in…" />;
}

/** Who is signed in, and the way out (here and at the hosted login). */
export function SignedInAs({ name }: { name: string }) {
  return (
    <span className="who">
      <span>{name}</span>
      <button type="button" className="secondary" onClick={() => void signOut()}>
        Sign out
      </button>
    </span>
  );
}

/** Names the browser tab after the firm, once its run-time branding is known (the page's own title until then). */
export function useTabTitle(firmName: string | undefined, suffix?: string): void {
  useEffect(() => {
    if (firmName) document.title = suffix ? `${firmName} — ${suffix}` : firmName;
  }, [firmName, suffix]);
}
