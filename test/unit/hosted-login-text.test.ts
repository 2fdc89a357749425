/**
 * The local hosted login's words in English and French. The local cloud stands in for Cognito's
 * managed login, which speaks the language the sign-in link names with `lang` and remembers it in
 * a cookie for the rest of the flow; these tests check the catalogue and the pages without a cloud
 * (test/integration/hosted-login.test.ts drives whole flows).
 */
import { describe, expect, it } from 'vitest';
import {
  confirmPage,
  forgotPasswordPage,
  newPasswordPage,
  resetPage,
  signInPage,
  signUpPage,
  speechIn,
  totpPage,
  totpSetupPage,
  type OAuthRequest,
} from '../../local-cloud/hosted-login-pages.ts';
import {
  CATALOGUE,
  cognitoMessage,
  interpolate,
  LANGUAGE_COOKIE,
  languageOf,
  passwordProblemIn,
  placeholdersOf,
  policyHint,
  sayIn,
} from '../../local-cloud/hosted-login-text.ts';
import { COGNITO_DEFAULT_POLICY, describePolicy, passwordProblem, type PasswordPolicy } from '../../web/common/password-policy.ts';

const oauth: OAuthRequest = {
  client_id: 'client',
  redirect_uri: 'http://127.0.0.1:5174/callback',
  response_type: 'code',
  code_challenge: 'challenge',
  code_challenge_method: 'S256',
  scope: 'openid email profile',
  state: 'state',
};

/** Every page of the stand-in, as a person can meet it. */
function everyPage(language: 'en' | 'fr'): Record<string, string> {
  const speech = speechIn(language);
  return {
    signIn: signInPage(speech, oauth, { offersSignUp: true, error: 'x' }),
    newPassword: newPasswordPage(speech, 'flow-1', 'ana@example.com', undefined),
    totp: totpPage(speech, 'flow-1'),
    totpSetup: totpSetupPage(speech, 'flow-1', 'SECRET', 'otpauth://totp/Portico:ana?secret=SECRET&issuer=Portico'),
    signUp: signUpPage(speech, oauth, undefined),
    confirm: confirmPage(speech, 'flow-1', 'ana@example.com'),
    forgotPassword: forgotPasswordPage(speech, oauth),
    reset: resetPage(speech, { id: 'flow-1', email: 'ana@example.com', oauth, policy: undefined }),
  };
}

const policies: (PasswordPolicy | undefined)[] = [
  undefined,
  { MinimumLength: 12, RequireLowercase: true, RequireUppercase: true, RequireNumbers: true, RequireSymbols: true },
  { MinimumLength: 10, RequireLowercase: false, RequireUppercase: false, RequireNumbers: true, RequireSymbols: false },
  { MinimumLength: 6, RequireLowercase: false, RequireUppercase: false, RequireNumbers: false, RequireSymbols: false },
];

describe('the hosted login catalogue', () => {
  it('has the same texts in English and French, none empty, with the same placeholders', () => {
    expect(Object.keys(CATALOGUE.fr).sort()).toEqual(Object.keys(CATALOGUE.en).sort());
    for (const [key, english] of Object.entries(CATALOGUE.en) as [keyof typeof CATALOGUE.en, string][]) {
      expect(english.trim(), key).not.toBe('');
      expect(CATALOGUE.fr[key].trim(), key).not.toBe('');
      expect(placeholdersOf(CATALOGUE.fr[key]).sort(), key).toEqual(placeholdersOf(english).sort());
    }
  });

  it('fills placeholders, and a missing value is an error rather than a blank', () => {
    expect(interpolate('Sent to {{email}}.', { email: 'ana@example.com' })).toBe('Sent to ana@example.com.');
    expect(() => interpolate('Sent to {{email}}.', {})).toThrow('{{email}}');
  });

  it("says the pool's password policy in English exactly as the portal's shared module does", () => {
    const say = sayIn('en');
    for (const policy of policies) {
      expect(policyHint(say, policy)).toBe(`${describePolicy(policy).replace(/^./, (c) => c.toUpperCase())}.`);
      for (const password of ['', 'weak', 'Weak-password-1', ' Leading-space-1', 'Correct-horse-42!', 'ÉÉÉÉÉÉÉÉÉÉÉÉ']) {
        expect(passwordProblemIn(say, policy, password)).toBe(passwordProblem(policy, password));
      }
    }
  });

  it('says the policy and what a password lacks in French', () => {
    const say = sayIn('fr');
    expect(policyHint(say, COGNITO_DEFAULT_POLICY)).toBe('Au moins 8 caractères, dont une lettre majuscule, une lettre minuscule, un chiffre et un symbole (comme ! ou -).');
    expect(policyHint(say, policies[3])).toBe('Au moins 6 caractères.');
    expect(passwordProblemIn(say, undefined, 'weak')).toBe(
      "Ce mot de passe n'est pas assez sûr. Exigences non remplies : au moins 8 caractères (celui-ci en compte 4), une lettre majuscule, un chiffre et un symbole (comme ! ou -).",
    );
    expect(passwordProblemIn(say, undefined, ' Correct-horse-42!')).toBe("Ce mot de passe n'est pas assez sûr. Exigences non remplies : pas d'espace au début ni à la fin.");
    expect(passwordProblemIn(say, undefined, 'Correct-horse-42!')).toBeUndefined();
  });

  it("words Cognito's refusals in the page's language, but shows a trigger's own message as our function wrote it", () => {
    const fr = sayIn('fr');
    expect(cognitoMessage(fr, { name: 'NotAuthorizedException' })).toBe("Nom d'utilisateur ou mot de passe incorrect.");
    expect(cognitoMessage(fr, { name: 'CodeMismatchException' }, 'email')).toBe(CATALOGUE.fr.wrongEmailCode);
    expect(cognitoMessage(fr, { name: 'UsernameExistsException' })).toBe(CATALOGUE.fr.accountExists);
    const refusal = { name: 'UserLambdaValidationException', message: 'PreSignUp failed with error Sign-up is not open. Please contact Firm.' };
    expect(cognitoMessage(fr, refusal)).toBe('Sign-up is not open. Please contact Firm.');
    expect(cognitoMessage(sayIn('en'), { name: 'InvalidParameterException', message: 'Bad value' })).toBe('Bad value');
    expect(cognitoMessage(fr, { name: 'InvalidParameterException', message: 'Bad value' })).toBe('Le service de connexion a répondu : Bad value');
  });
});

describe("the hosted login's language, as Cognito's managed login chooses it", () => {
  it('takes lang when the request names it, English for a language it does not speak, and says to remember either', () => {
    expect(languageOf('fr', undefined)).toEqual({ language: 'fr', chosen: true });
    expect(languageOf('en', `${LANGUAGE_COOKIE}=fr`)).toEqual({ language: 'en', chosen: true });
    expect(languageOf('de', `${LANGUAGE_COOKIE}=fr`)).toEqual({ language: 'en', chosen: true });
    expect(languageOf('fr-FR', undefined)).toEqual({ language: 'en', chosen: true });
  });

  it('without lang, speaks the remembered language, else English', () => {
    expect(languageOf(undefined, `other=1; ${LANGUAGE_COOKIE}=fr; more=2`)).toEqual({ language: 'fr', chosen: false });
    expect(languageOf(undefined, `${LANGUAGE_COOKIE}=xx`)).toEqual({ language: 'en', chosen: false });
    expect(languageOf(undefined, undefined)).toEqual({ language: 'en', chosen: false });
  });
});

describe('the hosted login pages', () => {
  it('in French, every page is French and every form and link carries the language to the next step', () => {
    for (const [name, html] of Object.entries(everyPage('fr'))) {
      expect(html, name).toContain('<html lang="fr">');
      expect(html, name).toMatch(/Page de remplacement locale/);
      for (const form of html.match(/<form[\s\S]*?<\/form>/g) ?? []) expect(form, name).toContain('<input type="hidden" name="lang" value="fr">');
      for (const href of html.match(/href="\/[^"]*"/g) ?? []) expect(href, name).toContain('lang=fr');
      // No English word of the catalogue is left on a French page (the stand-in's own words aside).
      for (const english of ['Sign in', 'Password', 'Email', 'Username', 'Confirm', 'Code from', 'Forgot', 'Create', 'Back to', 'Send', 'characters']) {
        expect(html, `${name}: ${english}`).not.toMatch(new RegExp(`>${english}\\b`));
      }
    }
    expect(everyPage('fr').signIn).toContain('<label for="username">Nom d&#39;utilisateur</label>');
    expect(everyPage('fr').signIn).toContain('<button type="submit">Se connecter</button>');
    expect(everyPage('fr').totp).toContain('<label for="code">Code de votre application d&#39;authentification</label>');
    expect(everyPage('fr').newPassword).toContain('Veuillez choisir un mot de passe pour <strong>ana@example.com</strong>.');
  });

  it('in English, the pages are as before: no language field or parameter is added', () => {
    for (const [name, html] of Object.entries(everyPage('en'))) {
      expect(html, name).toContain('<html lang="en">');
      expect(html, name).not.toContain('name="lang"');
      expect(html, name).not.toMatch(/[?&;]lang=/);
    }
    expect(everyPage('en').signIn).toContain('<label for="username">Username</label>');
  });
});
