/**
 * The customer portal in French, in Chromium whose browser asks for fr-FR, against the real
 * customer API: the hosted login is asked in French, every page speaks French with French dates
 * and sizes, downloads and uploads work, and switching to English is remembered after a reload.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enterPasswordInAnyLanguage, launchBrowser, screenshot, visitor, type Visitor } from '../support/browser.ts';
import { cloud, customerSession, expectStatus, putToUrl, staffSession } from '../support/world.ts';

/** A French medium date, e.g. "12 mars 2026" (Chromium abbreviates some months: "févr.", "sept."). */
const FRENCH_DATE = /(?<!\d)\d{1,2} (janv\.|févr\.|mars|avr\.|mai|juin|juil\.|août|sept\.|oct\.|nov\.|déc\.) \d{4}\b/;
/** Words of the English UI that must not show on a French screen. */
const ENGLISH_WORDS = ['Shared with you', 'Your account', 'Sign out', 'Download', 'Send documents', 'Choose files', 'Loading', 'Uploaded', 'Name', 'Size'];

const rowText = async (page: Page, name: string) =>
  ((await page.getByRole('row', { name: new RegExp(name) }).textContent()) ?? '').replace(/\u00a0|\u202f/g, ' ');
const textOf = async (page: Page) => (await page.locator('body').innerText()).replace(/\u00a0|\u202f/g, ' ');

describe('the customer portal in French', () => {
  let browser: Browser;
  let admin: Awaited<ReturnType<typeof staffSession>>;
  let customer: Awaited<ReturnType<typeof customerSession>>;
  let visit: Visitor;
  const tag = Date.now().toString(36);
  const folderName = `Bilan ${tag}`;
  // 1.5 MiB: shown as "1,5 Mo" in French, "1.5 MB" in English.
  const statement = { name: `releve-${tag}.pdf`, bytes: Buffer.alloc(1.5 * 1024 * 1024, 7) };
  const loginUrls: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    admin = await staffSession({ admin: true, name: 'French Portal Admin' });
    expectStatus(await admin.api.raw('PATCH', '/settings', { portalOpen: true, attachments: { upload: 'allowed' } }), 200);
    customer = await customerSession(admin, { name: `Camille Client ${tag}` });
    const folder = expectStatus(await admin.api.post('/drive/folders', { name: folderName }), 201);
    const start = expectStatus(
      await admin.api.post('/drive/uploads', { parentId: folder.itemId, name: statement.name, size: statement.bytes.length, contentType: 'application/pdf' }),
      201,
    );
    expect(await putToUrl(start.upload, statement.bytes)).toBe(200);
    expectStatus(await admin.api.post(`/drive/items/${start.item.itemId}/complete`), 200);
    expectStatus(await admin.api.post(`/contacts/${customer.contact.contactId}/shares`, { itemIds: [folder.itemId], notify: false }), 200);

    visit = await visitor(browser, 'phone', 'fr-FR');
    visit.page.on('framenavigated', (frame) => frame === visit.page.mainFrame() && loginUrls.push(frame.url()));
  }, 60_000);

  afterAll(async () => {
    await admin?.api.raw('PATCH', '/settings', { language: 'en' });
    await browser?.close();
  });

  it('asks the hosted login for French, then shows the shared documents in French', async () => {
    const { page } = visit;
    await page.goto(cloud().web.portalUrl);
    // The hosted login answers lang=fr in French (the local stand-in as Cognito's managed login does).
    await page.locator('button[type=submit]').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    await enterPasswordInAnyLanguage(page, customer.email, 'Correct-horse-42!');
    await page.getByRole('heading', { name: 'Partagé avec vous' }).waitFor();
    const authorize = loginUrls.map((u) => new URL(u)).find((u) => u.pathname.endsWith('/oauth2/authorize'));
    expect(authorize?.searchParams.get('lang')).toBe('fr');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');

    await page.getByRole('link', { name: folderName }).click();
    await page.getByRole('heading', { name: folderName }).waitFor();
    // On a phone the rows stack, the size and date under the name (textContent: without their printed column names).
    const cells = await rowText(page, statement.name);
    expect(cells).toContain('1,5 Mo');
    expect(cells).toMatch(FRENCH_DATE);
    await page.getByRole('columnheader', { name: 'Nom' }).waitFor();
    await screenshot(page, 'fr-01-portal-folder-phone');
    const text = await textOf(page);
    expect(ENGLISH_WORDS.filter((w) => text.includes(w))).toEqual([]);
  });

  it('downloads a document byte for byte from the French button', async () => {
    const { page } = visit;
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: `Télécharger ${statement.name}` }).click()]);
    expect(readFileSync((await download.path())!).equals(statement.bytes)).toBe(true);
  });

  it('sends a document to the firm, told in French how it went', async () => {
    const { page } = visit;
    await page.getByRole('link', { name: 'Partagé avec vous' }).first().click();
    await page.getByRole('heading', { name: 'Envoyer des documents' }).waitFor();
    expect(await page.getByText(/Vous les retrouvez dans le dossier « From Camille Client/).count()).toBe(1);
    await page.getByLabel('Choisir des fichiers').setInputFiles({ name: `justificatif-${tag}.txt`, mimeType: 'text/plain', buffer: Buffer.from('Justificatif\n') });
    await page.getByRole('list', { name: 'Dépôts' }).getByText('Déposé', { exact: true }).waitFor();
    await screenshot(page, 'fr-02-portal-uploaded-phone');
  });

  it('shows the account page in French, with French password rules and errors', async () => {
    const { page } = visit;
    await page.getByRole('link', { name: 'Votre compte' }).click();
    await page.getByRole('heading', { name: 'Votre compte' }).waitFor();
    await page.getByText(`Connecté en tant que ${customer.email}`).waitFor();
    const rules = await page.locator('#password-rules').count();
    if (rules) expect(await page.locator('#password-rules').textContent()).toMatch(/^Au moins \d+ caractères/);
    await page.getByLabel('Mot de passe actuel').fill('Correct-horse-42!');
    await page.getByLabel('Nouveau mot de passe', { exact: true }).fill('Nouveau-mot-de-passe-2026!');
    await page.getByLabel('Confirmez le nouveau mot de passe').fill('Autre-chose-2026!');
    await page.getByRole('button', { name: 'Changer le mot de passe' }).click();
    await page.getByRole('alert').filter({ hasText: 'Les deux nouveaux mots de passe ne sont pas identiques.' }).waitFor();
    await screenshot(page, 'fr-03-portal-account-phone');
    const text = await textOf(page);
    expect(ENGLISH_WORDS.filter((w) => text.includes(w))).toEqual([]);
  });

  it("a browser that speaks neither language shows the firm's default, on a desktop too", async () => {
    expectStatus(await admin.api.raw('PATCH', '/settings', { language: 'fr' }), 200);
    const german = await visitor(browser, 'desktop', 'de-DE');
    try {
      await german.page.goto(cloud().web.portalUrl);
      await enterPasswordInAnyLanguage(german.page, customer.email, 'Correct-horse-42!');
      await german.page.getByRole('heading', { name: 'Partagé avec vous' }).waitFor();
      expect(await rowText(german.page, folderName)).toMatch(FRENCH_DATE);
      await screenshot(german.page, 'fr-05-portal-firm-default-desktop');
      const text = await textOf(german.page);
      expect(ENGLISH_WORDS.filter((w) => text.includes(w))).toEqual([]);
    } finally {
      expectStatus(await admin.api.raw('PATCH', '/settings', { language: 'en' }), 200);
      await german.context.close();
    }
  });

  it('switches to English at once, stays in English after a reload, and the emails follow', async () => {
    const { page } = visit;
    await page.getByRole('banner').getByLabel('Langue').selectOption('en');
    await page.getByRole('heading', { name: 'Your account' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.reload();
    await page.getByRole('heading', { name: 'Your account' }).waitFor();
    await page.getByRole('link', { name: 'Shared with you' }).first().click();
    await page.getByRole('link', { name: folderName }).click();
    const cells = await rowText(page, statement.name);
    expect(cells).toContain('1.5 MB');
    await screenshot(page, 'fr-04-portal-switched-to-english-phone');
    // The switch was the customer's choice: the API keeps it for their emails.
    await expect.poll(async () => expectStatus(await customer.api.get('/me'), 200).language).toBe('en');
    expect(visit.problems).toEqual([]);
  });
});
