/**
 * The HTML of the local hosted login's pages, in the language of the request. Pure: each function
 * takes what its page shows and returns the page; the server (hosted-login.ts) decides which one
 * and with which status. Everything a person or a link supplied is escaped.
 *
 * A chosen language other than English rides along in every form (a hidden `lang`) and every link
 * (`lang=` in the query), besides the cookie, so no step of a French flow falls back to English.
 */
import type { PasswordPolicy } from '../web/common/password-policy.ts';
import { DEFAULT_LANGUAGE, policyHint, sayIn, type Language, type Say } from './hosted-login-text.ts';

/** The language a page is written in, and its words. */
export interface Speech {
  language: Language;
  say: Say;
}

/** The OAuth parameters of the sign-in under way, carried through every step. */
export interface OAuthRequest {
  client_id: string;
  redirect_uri: string;
  response_type: string;
  code_challenge: string;
  code_challenge_method: string;
  scope: string;
  state: string;
}

export const OAUTH_FIELDS: (keyof OAuthRequest)[] = ['client_id', 'redirect_uri', 'response_type', 'code_challenge', 'code_challenge_method', 'scope', 'state'];

/** What a page with a form may show besides its fields: a refusal, a notice. */
export interface Outcome {
  error?: string;
  notice?: string;
}

export const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const hidden = (name: string, value: string) => `<input type="hidden" name="${name}" value="${escape(value)}">`;

/** The hidden fields every form posts back: the OAuth request (or the flow's id) and a chosen language. */
function carried(speech: Speech, fields: { oauth?: OAuthRequest; flow?: string }): string {
  const oauth = fields.oauth ? OAUTH_FIELDS.map((k) => hidden(k, fields.oauth![k])).join('') : '';
  const flow = fields.flow ? hidden('flow', fields.flow) : '';
  return `${oauth}${flow}${speech.language === DEFAULT_LANGUAGE ? '' : hidden('lang', speech.language)}`;
}

/** A link to another page of the flow, with the OAuth request and a chosen language, escaped for an attribute. */
export function link(speech: Speech, path: string, oauth: OAuthRequest): string {
  const query = new URLSearchParams({ ...oauth, ...(speech.language === DEFAULT_LANGUAGE ? {} : { lang: speech.language }) });
  return escape(`${path}?${query}`);
}

const STYLE =
  'body{font-family:system-ui,sans-serif;max-width:26rem;margin:2rem auto;padding:0 1rem;color:#1d2330}label{display:block;margin:.8rem 0 .2rem;font-weight:500}input{font:inherit;width:100%;padding:.4rem;box-sizing:border-box}button{font:inherit;margin-top:1rem;padding:.5rem 1rem}.error{color:#a4262c;background:#fdecea;padding:.5rem}.notice{background:#e8f1fb;padding:.5rem}.hint{font-size:.9rem;color:#5b6475;margin:.2rem 0 0}.stand-in{font-size:.85rem;color:#5b6475;border-top:1px solid #ddd;margin-top:2rem;padding-top:.5rem}code{word-break:break-all}';

/**
 * One page of the hosted login. The icon is declared inline (an empty data URL), so the browser asks
 * for no /favicon.ico and logs no 404 on any page.
 */
export function page(speech: Speech, title: string, body: string, outcome: Outcome = {}, standIn = speech.say('standIn')): string {
  const { error, notice } = outcome;
  return `<!doctype html><html lang="${speech.language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,"><title>${escape(title)}</title>
<style>${STYLE}</style></head>
<body><h1>${escape(title)}</h1>${error ? `<p class="error" role="alert">${escape(error)}</p>` : ''}${notice ? `<p class="notice" role="status">${escape(notice)}</p>` : ''}${body}
<p class="stand-in">${escape(standIn)}</p></body></html>`;
}

/** The words of a page in a language. */
export const speechIn = (language: Language): Speech => ({ language, say: sayIn(language) });

/** A page that says one thing. */
export const textPage = (speech: Speech, title: string, text: string) => page(speech, title, `<p>${escape(text)}</p>`);

/** A page that only says why nothing more can happen here. */
export const refusalPage = (speech: Speech, title: string, error: string) => page(speech, title, '', { error });

/** A password field with the pool's policy beside it, read out with the field. */
function passwordField(speech: Speech, policy: PasswordPolicy | undefined, label: string): string {
  return `<label for="password">${escape(label)}</label><input id="password" name="password" type="password" autocomplete="new-password" required aria-describedby="password-rules">
<p class="hint" id="password-rules">${escape(policyHint(speech.say, policy))}</p>`;
}

function newPasswordFields(speech: Speech, policy: PasswordPolicy | undefined): string {
  return `${passwordField(speech, policy, speech.say('newPasswordLabel'))}
<label for="confirm">${escape(speech.say('confirmPasswordLabel'))}</label><input id="confirm" name="confirm" type="password" autocomplete="new-password" required>`;
}

function codeField(speech: Speech, source: 'app' | 'email' | 'confirmation'): string {
  const label = speech.say(source === 'app' ? 'appCodeLabel' : source === 'email' ? 'emailCodeLabel' : 'confirmationCodeLabel');
  const pattern = source === 'app' ? ' pattern="[0-9]{6}"' : '';
  return `<label for="code">${escape(label)}</label><input id="code" name="code" inputmode="numeric" autocomplete="one-time-code"${pattern} required>`;
}

const button = (speech: Speech, key: Parameters<Say>[0]) => `<button type="submit">${escape(speech.say(key))}</button>`;

/** The sign-in form; a refused sign-in keeps the username, and the password field then has the focus. */
export function signInPage(speech: Speech, oauth: OAuthRequest, shown: Outcome & { username?: string; offersSignUp: boolean }): string {
  const { say } = speech;
  const username = shown.username ?? '';
  const signUp = shown.offersSignUp ? `<p><a href="${link(speech, '/signup', oauth)}">${escape(say('createAccountLink'))}</a></p>` : '';
  return page(
    speech,
    say('signInTitle'),
    `<form method="post" action="/oauth2/authorize">${carried(speech, { oauth })}
<label for="username">${escape(say('usernameLabel'))}</label><input id="username" name="username" type="email" autocomplete="username" required value="${escape(username)}">
<label for="password">${escape(say('passwordLabel'))}</label><input id="password" name="password" type="password" autocomplete="current-password" required${username ? ' autofocus' : ''}>
${button(speech, 'signInButton')}</form>
<p><a href="${link(speech, '/forgotpassword', oauth)}">${escape(say('forgotLink'))}</a></p>${signUp}`,
    shown,
  );
}

/** NEW_PASSWORD_REQUIRED: an invited user chooses their own password. */
export function newPasswordPage(speech: Speech, flow: string, email: string, policy: PasswordPolicy | undefined, error?: string): string {
  const intro = escape(speech.say('choosePasswordIntro', { email: '\u0000' })).replace('\u0000', `<strong>${escape(email)}</strong>`);
  return page(
    speech,
    speech.say('choosePasswordTitle'),
    `<p>${intro}</p>
<form method="post" action="/login/new-password">${carried(speech, { flow })}
${newPasswordFields(speech, policy)}
${button(speech, 'setPasswordButton')}</form>`,
    { error },
  );
}

/** SOFTWARE_TOKEN_MFA: the code from the authenticator app. */
export function totpPage(speech: Speech, flow: string, error?: string): string {
  return page(
    speech,
    speech.say('totpTitle'),
    `<form method="post" action="/login/totp">${carried(speech, { flow })}
${codeField(speech, 'app')}
${button(speech, 'signInButton')}</form>`,
    { error },
  );
}

/** TOTP set-up where the pool requires MFA: the key, and the first code it gives. */
export function totpSetupPage(speech: Speech, flow: string, secret: string, uri: string, error?: string): string {
  const { say } = speech;
  return page(
    speech,
    say('totpSetupTitle'),
    `<p>${escape(say('totpSetupIntro'))}</p>
<p>${escape(say('totpKey'))} <code data-testid="totp-secret">${escape(secret)}</code></p><p>${escape(say('totpUri'))} <code>${escape(uri)}</code></p>
<form method="post" action="/login/totp-setup">${carried(speech, { flow })}
${codeField(speech, 'app')}
${button(speech, 'verifyButton')}</form>`,
    { error },
  );
}

/** Self sign-up; a refused one keeps what was typed (but the password). */
export function signUpPage(speech: Speech, oauth: OAuthRequest, policy: PasswordPolicy | undefined, error?: string, values: { email?: string; name?: string } = {}): string {
  const { say } = speech;
  return page(
    speech,
    say('signUpTitle'),
    `<form method="post" action="/signup">${carried(speech, { oauth })}
<label for="name">${escape(say('nameLabel'))}</label><input id="name" name="name" autocomplete="name" required value="${escape(values.name ?? '')}">
<label for="email">${escape(say('emailLabel'))}</label><input id="email" name="email" type="email" autocomplete="email" required value="${escape(values.email ?? '')}">
${passwordField(speech, policy, say('passwordLabel'))}
${button(speech, 'signUpButton')}</form>`,
    { error },
  );
}

/** The emailed confirmation code of a sign-up. */
export function confirmPage(speech: Speech, flow: string, email: string, error?: string): string {
  return page(
    speech,
    speech.say('confirmTitle'),
    `<p>${escape(speech.say('codeSent', { email }))}</p><form method="post" action="/signup/confirm">${carried(speech, { flow })}
${codeField(speech, 'confirmation')}
${button(speech, 'confirmButton')}</form>`,
    { error },
  );
}

/** "Forgot your password?": the email to send a reset code to. */
export function forgotPasswordPage(speech: Speech, oauth: OAuthRequest, email = '', error?: string): string {
  const { say } = speech;
  return page(
    speech,
    say('forgotTitle'),
    `<p>${escape(say('forgotIntro'))}</p>
<form method="post" action="/forgotpassword">${carried(speech, { oauth })}
<label for="email">${escape(say('emailLabel'))}</label><input id="email" name="email" type="email" autocomplete="username" required value="${escape(email)}">
${button(speech, 'sendCodeButton')}</form>
<p><a href="${link(speech, '/oauth2/authorize', oauth)}">${escape(say('backToSignInLink'))}</a></p>`,
    { error },
    say('resetStandIn'),
  );
}

/** The reset code and the new password. */
export function resetPage(speech: Speech, flow: { id: string; email: string; oauth: OAuthRequest; policy: PasswordPolicy | undefined }, error?: string): string {
  const { say } = speech;
  return page(
    speech,
    say('resetTitle'),
    `<p>${escape(say('resetIntro', { email: flow.email }))}</p>
<form method="post" action="/forgotpassword/confirm">${carried(speech, { flow: flow.id })}
${codeField(speech, 'email')}
${newPasswordFields(speech, flow.policy)}
${button(speech, 'changePasswordButton')}</form>
<p><a href="${link(speech, '/forgotpassword', flow.oauth)}">${escape(say('sendNewCodeLink'))}</a></p><p><a href="${link(speech, '/oauth2/authorize', flow.oauth)}">${escape(say('backToSignInLink'))}</a></p>`,
    { error },
    say('resetStandIn'),
  );
}
