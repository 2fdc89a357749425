/**
 * Sign-in through the pool's hosted login: OAuth 2.0 authorization code with PKCE (RFC 7636).
 * Tokens live in sessionStorage: they end with the tab, and no other site can read them.
 */
import { loadConfig } from './config.ts';
import { activeLanguage } from './i18n.ts';
import { UiError } from './ui-error.ts';

const TOKENS = 'portico.tokens';
const PENDING = 'portico.pendingSignIn';
/** Refresh a little before expiry so a request never leaves with a token about to lapse. */
const REFRESH_MARGIN_MS = 60_000;

interface Tokens {
  idToken: string;
  /** For the Cognito calls a user makes about their own account (change password, authenticator app). */
  accessToken?: string;
  refreshToken?: string;
  expiresAt: number;
}

export interface SignedInUser {
  email: string;
  name?: string;
  groups: string[];
}

const redirectUri = () => `${window.location.origin}/callback`;

function base64Url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomString(): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(32)));
}

async function challengeOf(verifier: string): Promise<string> {
  return base64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
}

function readTokens(): Tokens | undefined {
  const raw = sessionStorage.getItem(TOKENS);
  return raw ? (JSON.parse(raw) as Tokens) : undefined;
}

function storeTokens(body: { id_token: string; access_token?: string; refresh_token?: string; expires_in: number }, previous?: Tokens): void {
  const tokens: Tokens = {
    idToken: body.id_token,
    accessToken: body.access_token,
    refreshToken: body.refresh_token ?? previous?.refreshToken,
    expiresAt: Date.now() + body.expires_in * 1000,
  };
  sessionStorage.setItem(TOKENS, JSON.stringify(tokens));
}

async function tokenRequest(params: Record<string, string>): Promise<Response> {
  const { loginUrl } = await loadConfig();
  return fetch(`${loginUrl}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(params),
  });
}

/** Sends the browser to the hosted login; `screen` is "signup" to open the sign-up form instead. */
export async function signIn(options: { returnTo?: string; screen?: 'login' | 'signup' } = {}): Promise<never> {
  const { loginUrl, clientId } = await loadConfig();
  const verifier = randomString();
  const state = randomString();
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, returnTo: options.returnTo ?? window.location.pathname + window.location.search }));
  const query = new URLSearchParams({
    client_id: clientId,
    response_type: 'code',
    scope: 'openid email profile aws.cognito.signin.user.admin',
    redirect_uri: redirectUri(),
    state,
    code_challenge: await challengeOf(verifier),
    code_challenge_method: 'S256',
    // Cognito's managed login shows its pages in this language; the local stand-in does too.
    lang: activeLanguage(),
  });
  window.location.assign(`${loginUrl}/${options.screen === 'signup' ? 'signup' : 'oauth2/authorize'}?${query}`);
  return new Promise<never>(() => {});
}

/** Finishes the sign-in on /callback: checks the state, trades the code for tokens, and says where to go next. */
export async function completeSignIn(search: string): Promise<string> {
  const params = new URLSearchParams(search);
  const pending = JSON.parse(sessionStorage.getItem(PENDING) ?? 'null') as { verifier: string; state: string; returnTo: string } | null;
  sessionStorage.removeItem(PENDING);
  // The state is checked first: a crafted link must not get its own words shown on this site.
  if (!pending || params.get('state') !== pending.state) throw new UiError('common.errors.staleSignIn', 'This sign-in link is stale or was not started here. Please sign in again.');
  if (params.get('error')) throw new UiError('common.errors.signInNotCompleted', 'The sign-in was not completed. Please sign in again.');
  const { clientId } = await loadConfig();
  const res = await tokenRequest({
    grant_type: 'authorization_code',
    client_id: clientId,
    code: params.get('code') ?? '',
    redirect_uri: redirectUri(),
    code_verifier: pending.verifier,
  });
  if (!res.ok) throw new UiError('common.errors.signInFailed', 'The sign-in could not be completed. Please sign in again.');
  storeTokens(await res.json());
  // Only a path on this site; never back to the callback itself.
  const to = pending.returnTo;
  return to.startsWith('/') && !to.startsWith('//') && !to.startsWith('/callback') ? to : '/';
}

let refreshing: Promise<Tokens | undefined> | undefined;

/** The tokens, refreshed when they are about to expire; undefined when signed out. */
async function freshTokens(): Promise<Tokens | undefined> {
  const tokens = readTokens();
  if (!tokens) return undefined;
  if (tokens.expiresAt - REFRESH_MARGIN_MS > Date.now()) return tokens;
  if (!tokens.refreshToken) return undefined;
  refreshing ??= (async () => {
    const { clientId } = await loadConfig();
    const res = await tokenRequest({ grant_type: 'refresh_token', client_id: clientId, refresh_token: tokens.refreshToken! });
    if (!res.ok) {
      sessionStorage.removeItem(TOKENS);
      return undefined;
    }
    storeTokens(await res.json(), tokens);
    return readTokens();
  })().finally(() => (refreshing = undefined));
  return refreshing;
}

/** The ID token for API calls, refreshed when it is about to expire; undefined when signed out. */
export async function idToken(): Promise<string | undefined> {
  return (await freshTokens())?.idToken;
}

/** The access token for the user's own Cognito calls; undefined when signed out (or signed in before it was kept). */
export async function accessToken(): Promise<string | undefined> {
  return (await freshTokens())?.accessToken;
}

/** Who is signed in, read from the ID token's claims (the API checks the signature; this is only for display). */
export function currentUser(): SignedInUser | undefined {
  const tokens = readTokens();
  if (!tokens) return undefined;
  const base64 = tokens.idToken.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  // atob gives one character per byte; names are UTF-8 ("Zoë").
  const payload = JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))));
  return { email: payload.email, name: payload.name, groups: payload['cognito:groups'] ?? [] };
}

export function forgetSession(): void {
  sessionStorage.removeItem(TOKENS);
}

/** Revokes the refresh token, signs out here and at the hosted login, then comes back to the start page. */
export async function signOut(): Promise<void> {
  const refreshToken = readTokens()?.refreshToken;
  forgetSession();
  const { loginUrl, clientId } = await loadConfig();
  if (refreshToken) {
    // Best effort: signing out must not hang on it, and the tokens are gone from this tab either way.
    await fetch(`${loginUrl}/oauth2/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: refreshToken, client_id: clientId }),
    }).catch(() => undefined);
  }
  window.location.assign(`${loginUrl}/logout?${new URLSearchParams({ client_id: clientId, logout_uri: `${window.location.origin}/` })}`);
}
