/**
 * The admin UI in French, in Chromium whose browser asks for fr-FR, against the real staff API:
 * the drive, the contacts and the settings speak French, with French dates and sizes and the API's
 * refusals translated by their code; switching to English is remembered after a reload.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enterPasswordInAnyLanguage, enterTotpInAnyLanguage, launchBrowser, screenshot, visitor, type Visitor } from '../support/browser.ts';
import { cloud, expectStatus, staffSession } from '../support/world.ts';

const FRENCH_DATE = /(?<!\d)\d{1,2} (janv\.|févr\.|mars|avr\.|mai|juin|juil\.|août|sept\.|oct\.|nov\.|déc\.) \d{4}\b/;
/** Words of the English UI that must not show on a French screen. */
const ENGLISH_WORDS = ['Drive', 'Settings', 'Staff users', 'Sign out', 'New folder', 'Upload files', 'Download', 'Rename', 'Move', 'Delete', 'Loading', 'Search contacts', 'Save settings', 'Seats', 'Branding'];

/**
 * The English UI words on the page's own controls, headings, labels and messages. The firm's data
 * (folder and file names other tests made, such as "Move target", whether in the folder tree or as a folder to open) is not UI text, so it is left out.
 */
const englishOn = async (page: Page) => {
  const chrome = await page.locator('header, button:not(.tree-row button):not(:has(.folder)), h1, h2, h3, label, th, legend, [role=alert], [role=status]').allInnerTexts();
  const text = chrome.join('\n');
  return ENGLISH_WORDS.filter((w) => new RegExp(`\\b${w}\\b`).test(text));
};

describe('the admin UI in French', () => {
  let browser: Browser;
  let admin: Awaited<ReturnType<typeof staffSession>>;
  let staff: Visitor;
  let page: Page;
  const tag = Date.now().toString(36);
  const folder = `Dossiers clients ${tag}`;

  beforeAll(async () => {
    browser = await launchBrowser();
    admin = await staffSession({ admin: true, name: 'Admin Français' });
    // A folder named in English UI words, as other tests leave them: the firm's data, not the UI's.
    expectStatus(await admin.api.post('/drive/folders', { name: `Move Delete ${tag}` }), 201);
    staff = await visitor(browser, 'desktop', 'fr-FR');
    page = staff.page;
    await page.goto(`${cloud().web.adminUrl}/drive`);
    await enterPasswordInAnyLanguage(page, admin.email, admin.credentials.password);
    await enterTotpInAnyLanguage(page, admin.credentials.totpSecret);
    await page.getByRole('heading', { name: 'Documents', exact: true }).waitFor();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('the drive: creates a folder, uploads a file shown with a French size and date, and refuses a bad name in French', async () => {
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    await page.getByRole('button', { name: 'Nouveau dossier' }).click();
    await page.getByLabel('Nom du dossier').fill('a/b');
    await page.getByRole('button', { name: 'Créer le dossier' }).click();
    // The API's invalid_name refusal, in French rather than the server's English.
    await page.getByRole('alert').filter({ hasText: 'Le nom doit compter de 1 à 255 caractères' }).waitFor();
    await page.getByLabel('Nom du dossier').fill(folder);
    await page.getByRole('button', { name: 'Créer le dossier' }).click();
    await page.getByText(`Dossier ${folder} créé.`).waitFor();
    await page.getByRole('link', { name: folder, exact: true }).first().click();
    await page.getByLabel('Déposer des fichiers').setInputFiles({ name: 'grand-livre.csv', mimeType: 'text/csv', buffer: Buffer.alloc(2560, 65) });
    await page.getByRole('list', { name: 'Dépôts' }).getByText('Déposé', { exact: true }).waitFor();
    const row = page.getByRole('row', { name: /grand-livre\.csv/ });
    await row.getByRole('button', { name: 'Télécharger grand-livre.csv' }).waitFor();
    const cells = (await row.innerText()).replace(/\u00a0|\u202f/g, ' ');
    expect(cells).toContain('2,5 Ko');
    expect(cells).toMatch(FRENCH_DATE);
    await row.getByRole('button', { name: 'Supprimer grand-livre.csv' }).click();
    await page.getByRole('dialog', { name: 'Supprimer grand-livre.csv' }).getByText('Mettre grand-livre.csv à la corbeille ?').waitFor();
    await screenshot(page, 'fr-10-admin-drive');
    expect(await englishOn(page)).toEqual([]);
    await page.getByRole('button', { name: 'Annuler' }).click();
  });

  it('the contacts: list, search and a new contact, in French', async () => {
    await page.getByRole('link', { name: 'Contacts' }).click();
    await page.getByRole('heading', { name: 'Contacts' }).waitFor();
    await page.getByLabel('Rechercher un contact').fill(`Personne inconnue ${tag}`);
    await page.getByText('Aucun contact ne correspond à cette recherche.').waitFor();
    await page.getByLabel('Rechercher un contact').fill('');
    await page.getByRole('button', { name: 'Nouveau contact' }).click();
    const form = page.getByRole('region', { name: 'Nouveau contact' });
    await form.getByLabel('Nom').fill(`Cabinet Martin ${tag}`);
    await form.getByLabel('Type').selectOption('organisation');
    await form.getByRole('button', { name: 'Créer le contact' }).click();
    await page.getByRole('heading', { name: `Cabinet Martin ${tag}` }).waitFor();
    await page.getByRole('heading', { name: 'Coordonnées' }).waitFor();
    await page.getByText('Personne morale').waitFor();
    await page.getByRole('heading', { name: 'Accès au portail' }).waitFor();
    await page.getByText('Sans accès').first().waitFor();
    // The activity names what was done in French.
    await page.getByText('A créé un contact').waitFor();
    await screenshot(page, 'fr-11-admin-contact');
    expect(await englishOn(page)).toEqual([]);
  });

  it('the settings: French labels, seats with French plurals, saved with a French notice', async () => {
    const { seatUsage } = expectStatus(await admin.api.get('/settings'), 200);
    await page.getByRole('link', { name: 'Paramètres' }).click();
    await page.getByRole('heading', { name: 'Paramètres', exact: true }).waitFor();
    // French: 0 and 1 are singular.
    const seats = seatUsage.used <= 1 ? 'place occupée' : 'places occupées';
    await page.getByText(`${seatUsage.used} ${seats} ; reste : ${seatUsage.left}.`).waitFor();
    expect(await page.getByLabel('Langue par défaut du portail et des e-mails').inputValue()).toBe('en');
    await page.getByRole('button', { name: 'Enregistrer les paramètres' }).click();
    await page.getByText('Paramètres enregistrés.').waitFor();
    await screenshot(page, 'fr-12-admin-settings');
    expect(await englishOn(page)).toEqual([]);
  });

  it('switches to English at once, and stays in English after a reload', async () => {
    await page.getByRole('banner').getByLabel('Langue').selectOption('en');
    await page.getByRole('heading', { name: 'Settings', exact: true }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.reload();
    await page.getByRole('heading', { name: 'Settings', exact: true }).waitFor();
    await page.getByRole('link', { name: 'Drive' }).click();
    await page.getByRole('heading', { name: 'Drive', exact: true }).waitFor();
    await page.getByRole('banner').getByLabel('Language').waitFor();
    await screenshot(page, 'fr-13-admin-switched-to-english');
    expect(staff.problems).toEqual([]);
  });
});
