/**
 * Cognito's own emails speak English and French too (issue 11 §3): the codes for a sign-up and a
 * password reset are worded by each pool's CustomMessage trigger, in the customer's chosen
 * language, else the firm's default, else English; staff's in the firm's default. The local cloud
 * mails what the template's trigger answers, through the hosted login's stand-in pages, and the
 * code in it works.
 */
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cognitoCodeIn, emailsArriving, type StoredEmail } from '../../local-cloud/mailbox.ts';
import { cloud, customerSession, expectStatus, staffSession, uniqueEmail } from '../support/world.ts';

const PASSWORD = 'Cognito-words-2026!';

/** What a web UI sends to /oauth2/authorize, which the stand-in pages carry through their forms. */
function oauthOf(app: 'admin' | 'portal') {
  const c = cloud();
  const pool = app === 'admin' ? c.staffPool : c.customerPool;
  return {
    client_id: pool.clientId,
    redirect_uri: `${app === 'admin' ? c.web.adminUrl : c.web.portalUrl}/callback`,
    response_type: 'code',
    code_challenge: createHash('sha256').update(randomBytes(32).toString('base64url')).digest('base64url'),
    code_challenge_method: 'S256',
    scope: 'openid email profile',
    state: randomBytes(8).toString('hex'),
  };
}

async function post(path: string, form: Record<string, string>) {
  const res = await fetch(`${cloud().endpoints.login}${path}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form), redirect: 'manual' });
  return { status: res.status, location: res.headers.get('location') ?? undefined, html: await res.text() };
}
const flowOf = (html: string) => /name="flow" value="([^"]+)"/.exec(html)?.[1] ?? '';

/** The one code email to `address` whose subject matches; it is mailed before the page answers. */
const codeEmailTo = async (address: string, subject: RegExp): Promise<StoredEmail> => {
  const found = await emailsArriving(cloud().endpoints.ses, address, (e) => subject.test(e.subject));
  expect(found).toHaveLength(1);
  return found[0];
};

describe("Cognito's emails in the reader's language", () => {
  let admin: Awaited<ReturnType<typeof staffSession>>;
  let firmName: string;
  const firmSpeaks = async (language: 'en' | 'fr') => expectStatus(await admin.api.raw('PATCH', '/settings', { language }), 200);

  beforeAll(async () => {
    admin = await staffSession({ admin: true, name: 'Cognito Words Admin' });
    firmName = expectStatus(await admin.api.raw('PATCH', '/settings', { selfSignUp: { enabled: true, accessType: 'client', seats: 100_000 } }), 200).branding.firmName;
  });
  afterAll(async () => {
    // Firm-wide settings: leave them as every other test file expects them.
    expectStatus(await admin.api.raw('PATCH', '/settings', { selfSignUp: { enabled: false }, language: 'en' }), 200);
  });

  const signUp = async (who: string) => {
    const oauth = oauthOf('portal');
    const email = uniqueEmail(who);
    const signedUp = await post('/signup', { ...oauth, name: who, email, password: PASSWORD });
    expect(signedUp.status).toBe(200);
    return { email, flow: flowOf(signedUp.html) };
  };

  it("a sign-up's code comes in the firm's language when it is French, and the code in it confirms the account", async () => {
    await firmSpeaks('fr');
    const { email, flow } = await signUp('Sophie Inscrite');
    const mail = await codeEmailTo(email, /code de vérification/);
    expect(mail.subject).toBe(`Votre code de vérification pour le portail ${firmName}`);
    expect(mail.body.html).toContain('<html lang="fr">');
    expect(mail.body.html).toContain('Saisissez ce code de vérification');
    expect(mail.body.html).not.toContain('{####}');
    // The local pools send through SES (the second deploy's setting): from the firm's address, as the template names it.
    expect(mail.from).toContain('portal@example.com');
    const done = await post('/signup/confirm', { flow, code: cognitoCodeIn(mail) });
    expect(done.status).toBe(302);
  });

  it("a sign-up's code comes in English from an English-speaking firm", async () => {
    await firmSpeaks('en');
    const { email } = await signUp('Sam Signup');
    const mail = await codeEmailTo(email, /verification code/);
    expect(mail.subject).toBe(`Your verification code for the ${firmName} portal`);
    expect(mail.body.html).toContain('<html lang="en">');
    expect(cognitoCodeIn(mail)).toMatch(/^\d{6}$/);
  });

  it("a reset code follows the customer's own choice, whatever the firm speaks, and resets the password", async () => {
    // Customers are invited while the firm speaks English (customerSession reads an English invitation).
    await firmSpeaks('en');
    const french = await customerSession(admin, { name: 'Françoise Oublieuse' });
    const english = await customerSession(admin, { name: 'Edward Forgetful' });
    expectStatus(await french.api.raw('PUT', '/me/language', { language: 'fr' }), 200);
    const sent = await post('/forgotpassword', { ...oauthOf('portal'), email: french.email });
    const mail = await codeEmailTo(french.email, /réinitialisation/);
    expect(mail.subject).toBe(`Votre code de réinitialisation du mot de passe pour le portail ${firmName}`);
    expect(mail.body.html).toContain('Le code est valable 1 heure.');
    const newPassword = 'Nouveau-mot-2026!';
    const done = await post('/forgotpassword/confirm', { flow: flowOf(sent.html), code: cognitoCodeIn(mail), password: newPassword, confirm: newPassword });
    expect(done.status).toBe(200);
    expect(done.html).toContain(`value="${french.email}"`);

    await firmSpeaks('fr');
    expectStatus(await admin.api.raw('PATCH', `/contacts/${english.contact.contactId}`, { language: 'en' }), 200);
    await post('/forgotpassword', { ...oauthOf('portal'), email: english.email });
    const englishMail = await codeEmailTo(english.email, /reset code/);
    expect(englishMail.subject).toBe(`Your password reset code for the ${firmName} portal`);
    expect(englishMail.body.html).toContain('<html lang="en">');
  });

  it("a customer who chose nothing gets the firm's language; staff get it too, worded for the administration", async () => {
    await firmSpeaks('en');
    const undecided = await customerSession(admin, { name: 'Ulysse Indécis' });
    await firmSpeaks('fr');
    await post('/forgotpassword', { ...oauthOf('portal'), email: undecided.email });
    expect((await codeEmailTo(undecided.email, /réinitialisation/)).subject).toBe(`Votre code de réinitialisation du mot de passe pour le portail ${firmName}`);

    const staff = await staffSession({ name: 'Stéphane Staff' });
    await post('/forgotpassword', { ...oauthOf('admin'), email: staff.email });
    const mail = await codeEmailTo(staff.email, /réinitialisation/);
    expect(mail.subject).toBe(`Votre code de réinitialisation du mot de passe pour l’administration du portail ${firmName}`);
    expect(cognitoCodeIn(mail)).toMatch(/^\d{6}$/);
  });
});
