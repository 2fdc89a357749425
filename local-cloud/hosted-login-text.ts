/**
 * What the local hosted login's pages say, in English and in French, and which of the two a
 * request gets. Cognito's managed login takes its language from the `lang` query parameter of the
 * request that opens it (`/oauth2/authorize?lang=fr`), remembers it in a cookie so that the later
 * pages of the flow speak it without the parameter, and speaks English when `lang` names a language
 * it does not have. The stand-in does the same, and also carries a chosen language in its own forms
 * and links, so a client without cookies (the tests' `fetch`) stays in it too.
 *
 * Plain typed objects rather than i18next: this is local test infrastructure, not the product.
 */
import { COGNITO_DEFAULT_POLICY, missingFromPassword, type PasswordPolicy } from '../web/common/password-policy.ts';

export type Language = 'en' | 'fr';
export const LANGUAGES: readonly Language[] = ['en', 'fr'];
export const DEFAULT_LANGUAGE: Language = 'en';

const en = {
  standIn: 'Local stand-in for this step of the Cognito hosted login.',
  resetStandIn:
    "Local stand-in for this step of the Cognito hosted login: cognito-local keeps a reset code but emails nothing, never expires it and checks no password policy, so this page mails the code to the local mailbox and checks the pool's policy itself.",

  signInTitle: 'Sign in',
  signInFailedTitle: 'Sign-in failed',
  signInExpiredTitle: 'Sign-in expired',
  choosePasswordTitle: 'Choose your password',
  totpTitle: 'Enter your sign-in code',
  totpSetupTitle: 'Set up your authenticator app',
  signUpTitle: 'Create your account',
  signUpFailedTitle: 'Sign-up failed',
  signUpUnavailableTitle: 'Sign-up is not available',
  confirmTitle: 'Confirm your email',
  forgotTitle: 'Forgot your password?',
  resetTitle: 'Reset your password',
  resetFailedTitle: 'Password reset failed',
  signOutFailedTitle: 'Sign-out failed',
  notFoundTitle: 'Not found',

  usernameLabel: 'Username',
  passwordLabel: 'Password',
  newPasswordLabel: 'New password',
  confirmPasswordLabel: 'Confirm the new password',
  nameLabel: 'Your name',
  emailLabel: 'Email',
  confirmationCodeLabel: 'Confirmation code',
  emailCodeLabel: 'Code from the email',
  appCodeLabel: 'Code from your authenticator app',

  signInButton: 'Sign in',
  setPasswordButton: 'Set password and sign in',
  verifyButton: 'Verify and sign in',
  signUpButton: 'Sign up',
  confirmButton: 'Confirm',
  sendCodeButton: 'Send me a code',
  changePasswordButton: 'Change password',

  forgotLink: 'Forgot your password?',
  createAccountLink: 'Create an account',
  backToSignInLink: 'Back to sign in',
  sendNewCodeLink: 'Send a new code',

  choosePasswordIntro: 'Welcome. Please choose a password for {{email}}.',
  totpSetupIntro: 'This account needs a second step at sign-in. Add this key to an authenticator app, then enter the code it shows.',
  totpKey: 'Key:',
  totpUri: 'Or open:',
  codeSent: 'We have sent a code to {{email}}.',
  forgotIntro: 'Enter the email you sign in with. We will send you a code to choose a new password.',
  resetIntro: 'If {{email}} has an account here, we have sent a code to it. Enter the code and choose a new password.',
  expiredBody: 'This sign-in took too long. Please go back to the application and sign in again.',
  notFoundBody: 'There is no such page on the sign-in site.',

  badSignInLinkPkce: 'This sign-in link is not valid for this application (a registered redirect and a PKCE S256 challenge are required).',
  badSignInLink: 'This sign-in link is not valid for this application.',
  badSignUpLink: 'This sign-up link is not valid for this application.',
  badLink: 'This link is not valid for this application.',
  badSignOutLink: 'This sign-out link is not valid for this application.',
  signUpClosed: 'This portal does not accept sign-ups. Ask the firm for an invitation.',
  incorrectCredentials: 'Incorrect username or password.',
  userDisabled: 'User is disabled.',
  notCompleted: 'The sign-in could not be completed. Please try again.',
  unexpectedStep: 'Unexpected sign-in step {{step}}',
  wrongAppCode: 'That code is not right. Enter the current code from your authenticator app.',
  wrongEmailCode: 'That code is not right. Enter the code from the latest email we sent you, or ask for a new one.',
  accountExists: 'There is already an account with this email. Sign in instead, or use "Forgot your password?" on the sign-in page.',
  otherError: '{{detail}}',
  somethingWrong: 'Something went wrong. Please try again.',
  enterEmail: 'Enter the email you sign in with.',
  noPasswordYet:
    'This account has no password of its own yet. Sign in with the temporary password from your invitation email; if it has expired, ask the firm to send the invitation again.',
  passwordsDiffer: 'The two passwords are not the same.',
  passwordChanged: 'Your password has been changed. Sign in with your new password.',

  // The pool's password policy, word for word as web/common/password-policy.ts says it in English.
  ruleLength: 'at least {{min}} characters',
  ruleLengthNow: 'at least {{min}} characters (this one has {{count}})',
  ruleUpper: 'an upper-case letter',
  ruleLower: 'a lower-case letter',
  ruleNumber: 'a number',
  ruleSymbol: 'a symbol (such as ! or -)',
  ruleNoSpace: 'no space at the start or the end',
  policy: '{{length}}, with {{kinds}}',
  listAnd: '{{items}} and {{last}}',
  passwordWeak: 'This password is not strong enough. It needs {{missing}}.',
} as const;

export type TextKey = keyof typeof en;

const fr: Record<TextKey, string> = {
  standIn: 'Page de remplacement locale pour cette étape de la connexion hébergée de Cognito.',
  resetStandIn:
    "Page de remplacement locale pour cette étape de la connexion hébergée de Cognito : cognito-local conserve un code de réinitialisation mais n'envoie aucun e-mail, ne le fait jamais expirer et ne vérifie aucune règle de mot de passe ; cette page envoie donc le code dans la boîte aux lettres locale et vérifie elle-même les règles du groupe d'utilisateurs.",

  signInTitle: 'Connexion',
  signInFailedTitle: 'Échec de la connexion',
  signInExpiredTitle: 'Connexion expirée',
  choosePasswordTitle: 'Choisissez votre mot de passe',
  totpTitle: 'Saisissez votre code de connexion',
  totpSetupTitle: "Configurez votre application d'authentification",
  signUpTitle: 'Créez votre compte',
  signUpFailedTitle: "Échec de l'inscription",
  signUpUnavailableTitle: "L'inscription n'est pas disponible",
  confirmTitle: 'Confirmez votre adresse e-mail',
  forgotTitle: 'Mot de passe oublié ?',
  resetTitle: 'Réinitialisez votre mot de passe',
  resetFailedTitle: 'Échec de la réinitialisation du mot de passe',
  signOutFailedTitle: 'Échec de la déconnexion',
  notFoundTitle: 'Page introuvable',

  usernameLabel: "Nom d'utilisateur",
  passwordLabel: 'Mot de passe',
  newPasswordLabel: 'Nouveau mot de passe',
  confirmPasswordLabel: 'Confirmez le nouveau mot de passe',
  nameLabel: 'Votre nom',
  emailLabel: 'Adresse e-mail',
  confirmationCodeLabel: 'Code de confirmation',
  emailCodeLabel: 'Code reçu par e-mail',
  appCodeLabel: "Code de votre application d'authentification",

  signInButton: 'Se connecter',
  setPasswordButton: 'Enregistrer le mot de passe et se connecter',
  verifyButton: 'Vérifier et se connecter',
  signUpButton: "S'inscrire",
  confirmButton: 'Confirmer',
  sendCodeButton: "M'envoyer un code",
  changePasswordButton: 'Changer le mot de passe',

  forgotLink: 'Mot de passe oublié ?',
  createAccountLink: 'Créer un compte',
  backToSignInLink: 'Retour à la connexion',
  sendNewCodeLink: 'Envoyer un nouveau code',

  choosePasswordIntro: 'Bienvenue. Veuillez choisir un mot de passe pour {{email}}.',
  totpSetupIntro:
    "Ce compte demande une seconde étape à la connexion. Ajoutez cette clé à une application d'authentification, puis saisissez le code qu'elle affiche.",
  totpKey: 'Clé :',
  totpUri: 'Ou ouvrez :',
  codeSent: 'Nous avons envoyé un code à {{email}}.',
  forgotIntro: "Saisissez l'adresse e-mail avec laquelle vous vous connectez. Nous vous enverrons un code pour choisir un nouveau mot de passe.",
  resetIntro: 'Si {{email}} correspond à un compte, nous lui avons envoyé un code. Saisissez ce code et choisissez un nouveau mot de passe.',
  expiredBody: "Cette connexion a pris trop de temps. Veuillez revenir à l'application et vous connecter de nouveau.",
  notFoundBody: "Cette page n'existe pas sur le site de connexion.",

  badSignInLinkPkce:
    "Ce lien de connexion n'est pas valide pour cette application (une adresse de retour enregistrée et un défi PKCE S256 sont nécessaires).",
  badSignInLink: "Ce lien de connexion n'est pas valide pour cette application.",
  badSignUpLink: "Ce lien d'inscription n'est pas valide pour cette application.",
  badLink: "Ce lien n'est pas valide pour cette application.",
  badSignOutLink: "Ce lien de déconnexion n'est pas valide pour cette application.",
  signUpClosed: "Ce portail n'accepte pas d'inscriptions. Demandez une invitation au cabinet.",
  incorrectCredentials: "Nom d'utilisateur ou mot de passe incorrect.",
  userDisabled: "L'utilisateur est désactivé.",
  notCompleted: "La connexion n'a pas pu aboutir. Veuillez réessayer.",
  unexpectedStep: 'Étape de connexion inattendue {{step}}',
  wrongAppCode: "Ce code est incorrect. Saisissez le code qu'affiche en ce moment votre application d'authentification.",
  wrongEmailCode: 'Ce code est incorrect. Saisissez le code du dernier e-mail que nous vous avons envoyé, ou demandez-en un nouveau.',
  accountExists:
    'Un compte existe déjà avec cette adresse e-mail. Connectez-vous, ou utilisez « Mot de passe oublié ? » sur la page de connexion.',
  otherError: 'Le service de connexion a répondu : {{detail}}',
  somethingWrong: "Une erreur s'est produite. Veuillez réessayer.",
  enterEmail: "Saisissez l'adresse e-mail avec laquelle vous vous connectez.",
  noPasswordYet:
    "Ce compte n'a pas encore son propre mot de passe. Connectez-vous avec le mot de passe temporaire de votre e-mail d'invitation ; s'il a expiré, demandez au cabinet de vous renvoyer l'invitation.",
  passwordsDiffer: 'Les deux mots de passe ne sont pas identiques.',
  passwordChanged: 'Votre mot de passe a été modifié. Connectez-vous avec votre nouveau mot de passe.',

  ruleLength: 'au moins {{min}} caractères',
  ruleLengthNow: 'au moins {{min}} caractères (celui-ci en compte {{count}})',
  ruleUpper: 'une lettre majuscule',
  ruleLower: 'une lettre minuscule',
  ruleNumber: 'un chiffre',
  ruleSymbol: 'un symbole (comme ! ou -)',
  ruleNoSpace: "pas d'espace au début ni à la fin",
  policy: '{{length}}, dont {{kinds}}',
  listAnd: '{{items}} et {{last}}',
  passwordWeak: "Ce mot de passe n'est pas assez sûr. Exigences non remplies : {{missing}}.",
};

export const CATALOGUE: Record<Language, Record<TextKey, string>> = { en, fr };

/** A function that says a catalogue text in one language, its `{{name}}` placeholders filled in. */
export type Say = (key: TextKey, values?: Record<string, string | number>) => string;

const PLACEHOLDER = /\{\{(\w+)\}\}/g;

/** The `{{name}}` placeholders a text takes. */
export const placeholdersOf = (text: string): string[] => [...text.matchAll(PLACEHOLDER)].map((m) => m[1]);

/** Fills a text's placeholders; a value the text needs and was not given is a mistake in our code, not a blank. */
export function interpolate(text: string, values: Record<string, string | number> = {}): string {
  return text.replace(PLACEHOLDER, (_, name: string) => {
    if (!(name in values)) throw new Error(`No value for {{${name}}} in "${text}"`);
    return String(values[name]);
  });
}

export const sayIn =
  (language: Language): Say =>
  (key, values) =>
    interpolate(CATALOGUE[language][key], values);

/** A language the pages speak, or undefined (Cognito's codes are exact: `fr`, not `fr-FR`). */
const known = (value: string | undefined): Language | undefined => LANGUAGES.find((l) => l === value);

/** Where the stand-in remembers the choice; Cognito keeps it in a cookie of its own. Named for the stand-in, since the local UIs share its host. */
export const LANGUAGE_COOKIE = 'portico-login-lang';

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

/**
 * The language of a request: `lang` when the request names one (a language the pages do not
 * speak means English), else the one remembered in the cookie, else English. `chosen` says the
 * request named one, so the answer remembers it.
 */
export function languageOf(lang: string | undefined, cookieHeader: string | undefined): { language: Language; chosen: boolean } {
  if (lang !== undefined) return { language: known(lang) ?? DEFAULT_LANGUAGE, chosen: true };
  return { language: known(cookieValue(cookieHeader, LANGUAGE_COOKIE)) ?? DEFAULT_LANGUAGE, chosen: false };
}

/** The Set-Cookie header that remembers a chosen language for the next pages (a year, as a browser keeps a preference). */
export const languageCookie = (language: Language) => `${LANGUAGE_COOKIE}=${language}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly`;

/** The rules of password-policy.ts, recognised by their English words, as catalogue keys. */
const RULES: [string, TextKey][] = [
  ['at least', 'ruleLength'],
  ['an upper', 'ruleUpper'],
  ['a lower', 'ruleLower'],
  ['a number', 'ruleNumber'],
  ['a symbol', 'ruleSymbol'],
  ['no space', 'ruleNoSpace'],
];

function ruleKey(need: string): TextKey {
  const rule = RULES.find(([start]) => need.startsWith(start));
  if (!rule) throw new Error(`password-policy.ts has a rule the hosted login cannot say: "${need}"`);
  return rule[1];
}

/** What a password lacks (every rule of the policy for an empty one), in the page's language. */
function needs(say: Say, policy: PasswordPolicy | undefined, password: string): string[] {
  const min = { ...COGNITO_DEFAULT_POLICY, ...(policy ?? {}) }.MinimumLength;
  return missingFromPassword(policy, password).map((need) => {
    const key = ruleKey(need);
    if (key === 'ruleLength' && password) return say('ruleLengthNow', { min, count: [...password].length });
    return say(key, { min });
  });
}

const list = (say: Say, items: string[]) => (items.length < 2 ? items.join('') : say('listAnd', { items: items.slice(0, -1).join(', '), last: items.at(-1)! }));

/** The policy as the sentence beside a new-password field: "At least 8 characters, with …." */
export function policyHint(say: Say, policy: PasswordPolicy | undefined): string {
  const [length, ...kinds] = needs(say, policy, '');
  const phrase = kinds.length ? say('policy', { length, kinds: list(say, kinds) }) : length;
  return `${phrase.replace(/^./, (c) => c.toUpperCase())}.`;
}

/** Everything a password lacks, in one sentence, or undefined when the policy accepts it. */
export function passwordProblemIn(say: Say, policy: PasswordPolicy | undefined, password: string): string | undefined {
  const missing = needs(say, policy, password);
  return missing.length ? say('passwordWeak', { missing: list(say, missing) }) : undefined;
}

/**
 * What a trigger that refused said, without Cognito's wrapping: Cognito answers
 * "PreSignUp failed with error <message>." (cognito-local names its function, "trigger-PreSignUp …"),
 * and a message that ends with a full stop then ends with two. The words are our function's own and
 * are shown as it wrote them, in any language.
 */
export function triggerMessage(raw: string): string {
  const message = raw.replace(/^[\w-]+ failed with error\s+/, '').replace(/[\s.]+$/, '');
  return /[!?…]$/.test(message) ? message : `${message}.`;
}

/** Cognito's error in words a person can act on; `code` says where the code they typed came from. */
export function cognitoMessage(say: Say, error: unknown, code: 'app' | 'email' = 'app'): string {
  const e = error as { name?: string; message?: string };
  if (e.name === 'NotAuthorizedException' || e.name === 'UserNotFoundException') return say('incorrectCredentials');
  if (e.name === 'CodeMismatchException' || e.name === 'EnableSoftwareTokenMFAException' || e.name === 'ExpiredCodeException') {
    return say(code === 'email' ? 'wrongEmailCode' : 'wrongAppCode');
  }
  if (e.name === 'UserLambdaValidationException') return triggerMessage(e.message ?? '');
  if (e.name === 'UsernameExistsException') return say('accountExists');
  return e.message ? say('otherError', { detail: e.message }) : say('somethingWrong');
}
