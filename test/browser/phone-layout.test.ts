/**
 * Both UIs on a phone, in English and in French (longer words), with long names: every main screen
 * fits the screen's width (360, 390 and 700 px). Nothing scrolls sideways, neither the page nor a table in its wrapper,
 * and no visible element reaches past the right edge. Screenshots of each screen at 360 px go to
 * test-results/screenshots as phone-<language>-<screen>.png, and the two item lists on a desktop
 * as desktop-<screen>.png, to compare a change of layout with what was there before.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../shared/domain/settings.ts';
import { enterPasswordInAnyLanguage, enterTotpInAnyLanguage, launchBrowser, screenshot, visitor, type Visitor } from '../support/browser.ts';
import { cloud, customerSession, eventually, expectStatus, putToUrl, staffSession } from '../support/world.ts';

/** The phones of the brief (a small Android, a current iPhone), and the widest window that still gets the phone layout. */
const PHONES = [
  { width: 360, height: 740 },
  { width: 390, height: 844 },
  { width: 700, height: 800 },
];
const LANGUAGES = [
  { lang: 'en', locale: 'en-US' },
  { lang: 'fr', locale: 'fr-FR' },
];

/**
 * What sticks out sideways on the page as it is now: the page wider than the window, a box that
 * scrolls sideways (a table in its wrapper), and the outermost visible elements whose box reaches past
 * either edge. Visually hidden text (a 1 px clipped box and what it holds) does not count, as nobody sees it.
 */
function sideways(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const name = (el: Element) => {
      const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      return `<${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? ` class="${el.className}"` : ''}> "${text}"`;
    };
    const found: string[] = [];
    if (document.documentElement.scrollWidth > width) found.push(`the page is ${document.documentElement.scrollWidth} px wide in a ${width} px window`);
    const past = new Set<Element>();
    // Visually hidden boxes and what they hold: still read by a screen reader, never seen.
    const unseen = new Set<Element>();
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      if (el.parentElement && unseen.has(el.parentElement)) {
        unseen.add(el);
        continue;
      }
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      const box = el.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1) {
        if (style.overflow === 'hidden') unseen.add(el);
        continue;
      }
      if (['auto', 'scroll'].includes(style.overflowX) && el.scrollWidth > el.clientWidth + 1) found.push(`${name(el)} scrolls sideways: ${el.scrollWidth} px in ${el.clientWidth} px`);
      if (box.right > width + 0.5 || box.left < -0.5) past.add(el);
    }
    for (const el of past) {
      if (el.parentElement && past.has(el.parentElement)) continue;
      const box = el.getBoundingClientRect();
      found.push(`${name(el)} spans ${Math.round(box.left)}–${Math.round(box.right)} px in a ${width} px window`);
    }
    return found.slice(0, 15);
  });
}

/** How many nodes of each table role Chromium's accessibility tree holds, as a screen reader would be told. */
async function tableRoles(page: Page): Promise<Record<string, number>> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { ignored?: boolean; role?: { value?: string } }[] };
    const counts: Record<string, number> = {};
    for (const node of nodes) {
      const role = node.role?.value;
      if (!node.ignored && role && ['table', 'row', 'columnheader', 'cell', 'gridcell'].includes(role)) counts[role] = (counts[role] ?? 0) + 1;
    }
    return counts;
  } finally {
    await cdp.detach();
  }
}

/** The screen has loaded its data: no request running, no "Loading…" left. */
async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await expect.poll(() => page.locator('.loading').count()).toBe(0);
}

/**
 * Checks the screen at each phone width and keeps a screenshot at the narrowest. A screen that
 * does not fit fails the test but the walk goes on, so one run names every screen that overflows.
 */
async function fitsPhones(page: Page, shot: string): Promise<void> {
  for (const phone of [...PHONES].reverse()) {
    await page.setViewportSize(phone);
    // The layout follows the width at once; a frame lets it settle before measuring.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done(null))));
    expect.soft(await sideways(page), `${shot} at ${phone.width} px`).toEqual([]);
  }
  await screenshot(page, shot);
}

describe('both UIs fit a phone, in English and in French', () => {
  let browser: Browser;
  let admin: Awaited<ReturnType<typeof staffSession>>;
  let customer: Awaited<ReturnType<typeof customerSession>>;
  const tag = Date.now().toString(36);
  // Long names, as firms and customers write them: words that wrap and one that cannot.
  const clientName = `Établissements Dupont-Vandenberghe et Associés ${tag}`;
  const folderName = `Déclarations fiscales trimestrielles consolidées ${tag}`;
  const fileName = `releve-de-compte-consolide-exercice-2026-${tag}.pdf`;
  const trashedName = `brouillon-de-la-liasse-fiscale-annuelle-${tag}.pdf`;
  const matterDocument = `protocole-de-conciliation-signe-par-toutes-les-parties-${tag}.pdf`;
  let folderId: string;
  let fileId: string;
  let matterId: string;
  let requestId: string;

  const upload = async (parentId: string, name: string, bytes: Buffer) => {
    const start = expectStatus(await admin.api.post('/drive/uploads', { parentId, name, size: bytes.length, contentType: 'application/pdf' }), 201);
    expect(await putToUrl(start.upload, bytes)).toBe(200);
    return expectStatus(await admin.api.post(`/drive/items/${start.item.itemId}/complete`), 200);
  };

  beforeAll(async () => {
    browser = await launchBrowser();
    admin = await staffSession({ admin: true, name: 'Phone Layout Admin' });
    expectStatus(await admin.api.raw('PATCH', '/settings', { portalOpen: true, attachments: { upload: 'allowed', replace: 'allowed', delete: 'allowed' } }), 200);
    customer = await customerSession(admin, { name: clientName });
    folderId = expectStatus(await admin.api.post('/drive/folders', { name: folderName }), 201).itemId;
    fileId = (await upload(folderId, fileName, Buffer.alloc(1.5 * 1024 * 1024, 7))).itemId;
    const trashed = await upload(folderId, trashedName, Buffer.from('draft'));
    expectStatus(await admin.api.raw('DELETE', `/drive/items/${trashed.itemId}`), 200);
    expectStatus(await admin.api.post(`/contacts/${customer.contact.contactId}/shares`, { itemIds: [folderId], notify: false }), 200);
    // The customer's own revised version: the longest name a list shows, with the buttons to replace and delete it.
    const revised = Buffer.from('corrected');
    const batch = expectStatus(await customer.api.post('/uploads', { revisesItemId: fileId, files: [{ name: fileName, size: revised.length, contentType: 'application/pdf' }] }), 201);
    expect(await putToUrl(batch.uploads[0].upload, revised)).toBe(200);
    await eventually(async () => {
      const items = expectStatus(await customer.api.get(`/shared/folders/${folderId}/items`), 200).items;
      return items.length === 2 ? true : undefined;
    }, 'the revised version');
    // Download receipts for the file's downloads panel: the firm's and the customer's.
    expectStatus(await admin.api.get(`/drive/items/${fileId}/download`), 200);
    expectStatus(await customer.api.get(`/shared/items/${fileId}/download`), 200);
    const matter = expectStatus(
      await admin.api.post('/matters', {
        title: `Restructuration de la dette fournisseurs ${tag}`,
        clientId: customer.contact.contactId,
        deadlines: [{ label: `Signature du protocole de conciliation ${tag}`, date: '2027-04-15', customerVisible: true }],
      }),
      201,
    );
    matterId = matter.matterId;
    // A document of the matter typed as a customer file, so the portal's matter page lists it.
    const customerFile = expectStatus(await admin.api.get('/matter-lists'), 200).documentTypes.find((d: { customerFile: boolean }) => d.customerFile);
    expect(customerFile).toBeTruthy();
    const document = await upload(matter.folderId, matterDocument, Buffer.from('protocole'));
    expectStatus(await admin.api.raw('PUT', `/matters/${matterId}/documents/${document.itemId}/type`, { documentType: customerFile.name }), 200);
    // A customer's request naming a company they add, with a file: the staff queue and the request's page with its accept form.
    const request = expectStatus(
      await customer.api.post('/requests', {
        kind: expectStatus(await admin.api.get('/matter-lists'), 200).requestKinds[0].name,
        title: `Renégociation du bail commercial de l’entrepôt ${tag}`,
        description: 'Le bailleur propose une hausse de loyer.',
        involved: [{ name: `Société Civile Immobilière des Entrepôts Réunis ${tag}`, email: `sci-entrepots-reunis-${tag}@example.test`, kind: 'organisation' }],
      }),
      201,
    );
    requestId = request.requestId;
    const sent = expectStatus(await customer.api.post(`/requests/${requestId}/uploads`, { files: [{ name: fileName, size: 4, contentType: 'application/pdf' }] }), 201);
    expect(await putToUrl(sent.uploads[0].upload, 'bail')).toBe(200);
  }, 120_000);

  afterAll(async () => {
    await admin?.api.raw('PATCH', '/settings', { attachments: defaultSettings('').attachments });
    await browser?.close();
  });

  for (const { lang, locale } of LANGUAGES) {
    it(`the portal in ${lang}: the shared list, a folder with long names and every action, the matters, a matter, the requests, a request, the request form, the account page`, async () => {
      const visit: Visitor = await visitor(browser, 'phone', locale);
      const { page } = visit;
      try {
        await page.goto(cloud().web.portalUrl);
        await enterPasswordInAnyLanguage(page, customer.email, 'Correct-horse-42!');
        await page.getByRole('link', { name: folderName }).waitFor();
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
        await settled(page);
        await fitsPhones(page, `phone-${lang}-portal-shared`);

        await page.getByRole('link', { name: folderName }).click();
        await page.getByRole('heading', { name: folderName }).waitFor();
        await settled(page);
        await expect.poll(() => page.getByRole('row').count()).toBe(3);
        await fitsPhones(page, `phone-${lang}-portal-folder`);
        // The list keeps its table semantics on a phone: a row names its file, its buttons name it too.
        const row = page.getByRole('row', { name: new RegExp(fileName.replace(/\./g, '\\.')) }).first();
        expect(await row.getByRole('button').count()).toBeGreaterThan(0);
        expect(await page.getByRole('columnheader').count()).toBe(4);
        // Chromium's own accessibility tree (what a screen reader gets) still has the table, its headings and cells.
        expect(await tableRoles(page)).toMatchObject({ table: 1, row: 3, columnheader: 4 });
        expect((await tableRoles(page)).cell).toBeGreaterThanOrEqual(8);

        await page.goto(`${cloud().web.portalUrl}/matters`);
        await page.getByRole('row').nth(1).waitFor();
        await settled(page);
        await fitsPhones(page, `phone-${lang}-portal-matters`);
        await page.goto(`${cloud().web.portalUrl}/matters/${matterId}`);
        await page.getByText(matterDocument).waitFor();
        await settled(page);
        await fitsPhones(page, `phone-${lang}-portal-matter`);

        await page.goto(`${cloud().web.portalUrl}/requests`);
        await page.getByRole('row').nth(1).waitFor();
        await settled(page);
        await fitsPhones(page, `phone-${lang}-portal-requests`);
        await page.goto(`${cloud().web.portalUrl}/requests/${requestId}`);
        await page.locator('h1').filter({ hasText: tag }).waitFor();
        await settled(page);
        await fitsPhones(page, `phone-${lang}-portal-request`);
        await page.goto(`${cloud().web.portalUrl}/requests/new`);
        await page.locator('form.request-form select').first().waitFor();
        await settled(page);
        // With a company added, the form's widest part.
        await page.locator('form.request-form fieldset.group button.secondary').click();
        await page.locator('fieldset.new-contact input[type=text]').fill(clientName);
        await fitsPhones(page, `phone-${lang}-portal-request-form`);

        await page.goto(`${cloud().web.portalUrl}/profile`);
        await page.locator('input[type=password]').first().waitFor();
        await settled(page);
        await fitsPhones(page, `phone-${lang}-portal-account`);
        expect(visit.problems).toEqual([]);
      } finally {
        await visit.context.close();
      }
    }, 120_000);

    it(`the admin UI in ${lang}: drive, trash, contacts, a contact, matters, a matter, requests, a request, settings, staff users, activity`, async () => {
      const staff = await staffSession({ admin: true, name: `Phone Staff ${lang}` });
      const visit = await visitor(browser, 'phone', locale);
      const { page } = visit;
      const admin = cloud().web.adminUrl;
      const open = async (path: string, ready: () => Promise<unknown>, shot: string) => {
        await page.goto(`${admin}${path}`);
        await ready();
        await settled(page);
        await fitsPhones(page, `phone-${lang}-admin-${shot}`);
      };
      try {
        await page.goto(`${admin}/drive`);
        await enterPasswordInAnyLanguage(page, staff.email, staff.credentials.password);
        await enterTotpInAnyLanguage(page, staff.credentials.totpSecret);
        await page.locator('h1').waitFor();
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
        await settled(page);
        await fitsPhones(page, `phone-${lang}-admin-drive`);

        await open(`/drive/${folderId}`, () => page.getByRole('row', { name: new RegExp(fileName.replace(/\./g, '\\.')) }).first().waitFor(), 'drive-folder');
        // A staff list is a table for a screen reader too, its five column headings included.
        expect(await tableRoles(page)).toMatchObject({ table: 1, row: 3, columnheader: 5 });
        // An item's action panel opens under its row: the rename form fits too.
        await page.getByRole('row', { name: new RegExp(fileName.replace(/\./g, '\\.')) }).first().getByRole('button').nth(1).click();
        await page.locator('tr.panel-row input').first().waitFor();
        await fitsPhones(page, `phone-${lang}-admin-drive-panel`);
        // The file's download receipts, a table inside its row (the last of the file's buttons).
        const file = page.getByRole('row', { name: new RegExp(`^${fileName.replace(/\./g, '\\.')}`) });
        await file.getByRole('button').last().click();
        await expect.poll(() => page.locator('tr.panel-row tbody tr').count()).toBe(2);
        await fitsPhones(page, `phone-${lang}-admin-drive-downloads`);
        // Moving shows the folder tree with its long names; sharing finds a contact by a long name.
        await file.getByRole('button').nth(2).click();
        await page.locator('tr.panel-row .tree button').filter({ hasText: folderName }).waitFor();
        await fitsPhones(page, `phone-${lang}-admin-drive-move`);
        await file.getByRole('button').nth(4).click();
        await page.locator('tr.panel-row input[type=search]').fill(clientName);
        await page.locator('tr.panel-row button').filter({ hasText: clientName }).first().waitFor();
        await fitsPhones(page, `phone-${lang}-admin-drive-share`);

        await open('/drive/trash', () => page.getByText(trashedName).first().waitFor(), 'trash');
        // Found by a search: in a full run other files' contacts may fill the first page.
        const findClient = async () => {
          await page.getByRole('searchbox').fill(clientName);
          await page.getByRole('link', { name: clientName }).first().waitFor();
        };
        await open('/contacts', findClient, 'contacts');
        await open(`/contacts/${customer.contact.contactId}`, () => page.getByRole('heading', { name: clientName }).waitFor(), 'contact');
        await open('/matters', () => page.getByRole('row').nth(1).waitFor(), 'matters');
        await open(`/matters/${matterId}`, () => page.locator('h1').filter({ hasText: tag }).waitFor(), 'matter');
        await open('/requests', () => page.getByRole('row').nth(1).waitFor(), 'requests');
        await open(`/requests/${requestId}`, () => page.locator('h1').filter({ hasText: tag }).waitFor(), 'request');
        await open('/settings', () => page.locator('main input[type=number]').first().waitFor(), 'settings');
        await open('/staff-users', () => page.getByRole('row').nth(1).waitFor(), 'staff-users');
        await open('/activity', () => page.getByRole('row').nth(1).waitFor(), 'activity');
        expect(visit.problems).toEqual([]);
      } finally {
        await visit.context.close();
      }
    }, 180_000);
  }

  it('on a desktop the lists stay tables with a column for each thing', async () => {
    const visit = await visitor(browser, 'desktop');
    const { page } = visit;
    try {
      await page.goto(cloud().web.portalUrl);
      await enterPasswordInAnyLanguage(page, customer.email, 'Correct-horse-42!');
      await page.getByRole('link', { name: folderName }).click();
      await page.getByRole('heading', { name: folderName }).waitFor();
      await settled(page);
      const header = page.getByRole('columnheader', { name: 'Size' });
      expect(await header.isVisible()).toBe(true);
      await screenshot(page, 'desktop-portal-folder');

      await page.goto(`${cloud().web.adminUrl}/drive/${folderId}`);
      await enterPasswordInAnyLanguage(page, admin.email, admin.credentials.password);
      await enterTotpInAnyLanguage(page, admin.credentials.totpSecret);
      await page.getByRole('row', { name: new RegExp(fileName.replace(/\./g, '\\.')) }).first().waitFor();
      await settled(page);
      expect(await page.getByRole('columnheader', { name: 'Added by' }).isVisible()).toBe(true);
      await screenshot(page, 'desktop-admin-drive-folder');
    } finally {
      await visit.context.close();
    }
  }, 120_000);
});
