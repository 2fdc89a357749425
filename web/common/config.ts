/**
 * What a web UI needs to know about the stack it talks to. It is not built into the bundle: the
 * stack writes `/config.json` next to the UI at deploy time (and the local cloud serves its own),
 * so one build runs against any deployment.
 */
export interface WebConfig {
  /** The HTTP API this UI may call (the staff API for the admin UI, the customer API for the portal). */
  apiUrl: string;
  /** The pool's web client: authorization code with PKCE, no secret. */
  clientId: string;
  /** Base URL of the pool's hosted login (Cognito's domain in AWS, the local stand-in locally). */
  loginUrl: string;
}

let loaded: Promise<WebConfig> | undefined;

export function loadConfig(): Promise<WebConfig> {
  loaded ??= fetch('/config.json', { cache: 'no-store' }).then(async (res) => {
    if (!res.ok) throw new Error(`This site is missing its configuration (/config.json answered ${res.status}).`);
    return (await res.json()) as WebConfig;
  });
  return loaded;
}
