/**
 * The Cognito API (`https://cognito-idp.<region>.amazonaws.com/`) as the local hosted login serves it
 * to a web UI's signed-in user (`POST /` on the sign-in site): only the user's own calls, made with
 * their access token, which is verified here (cognito-local checks neither its signature nor the
 * pool's password policy). Its answers are the API's, in English, whatever language the pages speak.
 */
import { JwtRsaVerifier } from 'aws-jwt-verify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { missingFromPassword, type PasswordPolicy } from '../web/common/password-policy.ts';
import type { LoginClient } from './hosted-login.ts';

/** The signed-in user's own Cognito calls a web UI makes with its access token; nothing else is forwarded. */
const USER_OPERATIONS = ['GetUser', 'ChangePassword', 'AssociateSoftwareToken', 'VerifySoftwareToken', 'SetUserMFAPreference'];

/** Cognito's InvalidPasswordException text for the first rule a password breaks, as the AWS API words it. */
function cognitoPolicyReason(policy: PasswordPolicy | undefined, password: string): string | undefined {
  const missing = missingFromPassword(policy, password);
  if (!missing.length) return undefined;
  const first = missing[0];
  if (first.startsWith('at least')) return 'Password not long enough';
  if (first.startsWith('an upper')) return 'Password must have uppercase characters';
  if (first.startsWith('a lower')) return 'Password must have lowercase characters';
  if (first.startsWith('a number')) return 'Password must have numeric characters';
  if (first.startsWith('a symbol')) return 'Password must have symbol characters';
  return 'Password must not begin or end with a space';
}

export class UserApi {
  private readonly verifiers = new Map<string, ReturnType<typeof JwtRsaVerifier.create>>();

  constructor(
    private readonly cognitoUrl: string,
    private readonly clients: LoginClient[],
  ) {}

  private async verifiedClient(accessToken: unknown): Promise<LoginClient | undefined> {
    if (typeof accessToken !== 'string') return undefined;
    let claims: { client_id?: string };
    try {
      claims = JSON.parse(Buffer.from(accessToken.split('.')[1] ?? '', 'base64url').toString('utf8'));
    } catch {
      return undefined;
    }
    const client = this.clients.find((c) => c.clientId === claims.client_id);
    if (!client) return undefined;
    const issuer = `${this.cognitoUrl}/${client.userPoolId}`;
    let verifier = this.verifiers.get(client.clientId);
    if (!verifier) {
      verifier = JwtRsaVerifier.create({ issuer, audience: null, jwksUri: `${issuer}/.well-known/jwks.json` });
      // aws-jwt-verify's own fetcher refuses plain http.
      verifier.cacheJwks((await (await fetch(`${issuer}/.well-known/jwks.json`)).json()) as never, issuer);
      this.verifiers.set(client.clientId, verifier);
    }
    try {
      const payload = await verifier.verify(accessToken);
      return payload.token_use === 'access' && payload.client_id === client.clientId ? client : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * The Cognito API (`https://cognito-idp.<region>.amazonaws.com/`) for a web UI's signed-in user:
   * only the calls made with the user's own access token, as Cognito takes them from a browser (any
   * origin, no AWS signature). cognito-local decodes the token without checking its signature or
   * expiry, takes any new password, and answers a wrong current password with InvalidPasswordException;
   * here the token is verified, the pool's policy applies, and a wrong password is NotAuthorizedException.
   */
  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const cors = {
      'access-control-allow-origin': '*',
      'access-control-allow-methods': 'POST',
      'access-control-allow-headers': 'content-type, x-amz-target, x-amz-user-agent, amz-sdk-invocation-id, amz-sdk-request',
      'access-control-max-age': '600',
    };
    if (req.method === 'OPTIONS') return void res.writeHead(204, cors).end();
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const reply = (status: number, body: unknown) => void res.writeHead(status, { ...cors, 'content-type': 'application/x-amz-json-1.1' }).end(JSON.stringify(body));
    const fail = (type: string, message: string) => reply(400, { __type: type, message });
    const target = String(req.headers['x-amz-target'] ?? '');
    const operation = target.replace(/^AWSCognitoIdentityProviderService\./, '');
    if (operation === target || !USER_OPERATIONS.includes(operation)) {
      return fail('UnknownOperationException', `The local sign-in site forwards only a signed-in user's own calls: ${USER_OPERATIONS.join(', ')}.`);
    }
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(raw || '{}');
    } catch {
      return fail('SerializationException', 'The request body is not JSON.');
    }
    const client = await this.verifiedClient(body.AccessToken);
    if (!client) return fail('NotAuthorizedException', 'Invalid Access Token');
    if (operation === 'ChangePassword') {
      const reason = cognitoPolicyReason(client.passwordPolicy, String(body.ProposedPassword ?? ''));
      if (reason) return fail('InvalidPasswordException', `Password did not conform with policy: ${reason}`);
    }
    const upstream = await fetch(`${this.cognitoUrl}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': target },
      body: raw,
    });
    const text = await upstream.text();
    if (operation === 'ChangePassword' && upstream.status === 400 && /InvalidPassword/.test(text)) {
      return fail('NotAuthorizedException', 'Incorrect username or password.');
    }
    res.writeHead(upstream.status, { ...cors, 'content-type': 'application/x-amz-json-1.1' });
    res.end(text);
  }
}
