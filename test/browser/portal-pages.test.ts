/**
 * The customer portal beyond the main journey, in Chromium against the real customer API:
 * revised versions, the customer's own uploads under the attachment controls, the closed-portal
 * message, and self sign-up from the hosted login's sign-in page.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cognitoCodeIn, emailsTo } from '../../local-cloud/mailbox.ts';
import { defaultSettings } from '../../shared/domain/settings.ts';
import { enterPassword, launchBrowser, screenshot, visitor, type Visitor } from '../support/browser.ts';
import { cloud, customerSession, eventually, expectStatus, putToUrl, staffSession, uniqueEmail } from '../support/world.ts';

describe('customer portal pages', () => {
  let browser: Browser;
  let admin: Awaited<ReturnType<typeof staffSession>>;
  let customer: Awaited<ReturnType<typeof customerSession>>;
  let visit: Visitor;
  const tag = Date.now().toString(36);
  const folderName = `Accounts ${tag}`;
  const original = Buffer.from('Draft accounts v1\n');

  beforeAll(async () => {
    browser = await launchBrowser();
    admin = await staffSession({ admin: true, name: 'Portal Pages Admin' });
    // Firm-wide settings are shared with every other test file: start from the defaults.
    expectStatus(await admin.api.raw('PATCH', '/settings', { portalOpen: true, attachments: { upload: 'allowed', replace: 'allowed', delete: 'allowed' } }), 200);
    customer = await customerSession(admin, { name: `Pia Portal ${tag}` });
    const folder = expectStatus(await admin.api.post('/drive/folders', { name: folderName }), 201);
    const start = expectStatus(await admin.api.post('/drive/uploads', { parentId: folder.itemId, name: 'accounts.txt', size: original.length, contentType: 'text/plain' }), 201);
    expect(await putToUrl(start.upload, original)).toBe(200);
    expectStatus(await admin.api.post(`/drive/items/${start.item.itemId}/complete`), 200);
    expectStatus(await admin.api.post(`/contacts/${customer.contact.contactId}/shares`, { itemIds: [folder.itemId], notify: false }), 200);

    visit = await visitor(browser, 'phone');
    await visit.page.goto(cloud().web.portalUrl);
    await enterPassword(visit.page, customer.email, 'Correct-horse-42!');
    await visit.page.getByRole('heading', { name: 'Shared with you' }).waitFor();
  }, 60_000);

  afterAll(async () => {
    await admin?.api.raw('PATCH', '/settings', { portalOpen: true, attachments: defaultSettings('').attachments, selfSignUp: { enabled: false } });
    await browser?.close();
  });

  it('uploads a revised version beside the staff file, which stays as it was', async () => {
    const { page } = visit;
    await page.getByRole('link', { name: folderName }).click();
    await page.getByRole('heading', { name: folderName }).waitFor();
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Upload a revised version of accounts.txt' }).click()]);
    await chooser.setFiles({ name: 'accounts.txt', mimeType: 'text/plain', buffer: Buffer.from('Accounts v2, with my corrections\n') });
    await page.getByText('Uploaded', { exact: true }).waitFor();
    await expect.poll(() => page.getByRole('button', { name: /^Download accounts \(revised/ }).count(), { timeout: 15_000 }).toBe(1);
    await page.getByRole('button', { name: 'Download accounts.txt' }).waitFor();
    await screenshot(page, '15-portal-revised-version');
  });

  it('deletes its own upload where the settings allow, and offers no delete where they do not', async () => {
    const { page } = visit;
    const revised = page.getByRole('button', { name: /^Delete accounts \(revised/ });
    await revised.waitFor();
    expect(await page.getByRole('button', { name: 'Delete accounts.txt' }).count()).toBe(0); // staff files never
    page.once('dialog', (d) => void d.accept());
    await revised.click();
    await expect.poll(() => page.getByRole('button', { name: /^Download accounts \(revised/ }).count()).toBe(0);

    expectStatus(await admin.api.raw('PATCH', '/settings', { attachments: { delete: 'forbidden' } }), 200);
    await page.reload();
    await page.getByRole('heading', { name: folderName }).waitFor();
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Upload a revised version of accounts.txt' }).click()]);
    await chooser.setFiles({ name: 'accounts.txt', mimeType: 'text/plain', buffer: Buffer.from('Accounts v3\n') });
    await expect.poll(() => page.getByRole('button', { name: /^Download accounts \(revised/ }).count(), { timeout: 15_000 }).toBe(1);
    expect(await page.getByRole('button', { name: /^Delete / }).count()).toBe(0);
  });

  it('when the firm closes the portal, the customer sees why and no documents, in the firm\'s branding', async () => {
    const firm = { firmName: `Pia's Firm ${tag}`, colour: '#8a2be2' };
    expectStatus(await admin.api.raw('PATCH', '/settings', { branding: firm }), 200);
    const { page } = visit;
    const banner = async () => ({
      name: await page.getByRole('banner').textContent(),
      colour: await page.getByRole('banner').evaluate((el) => getComputedStyle(el).backgroundColor),
      tab: await page.title(),
    });
    const branded = { name: firm.firmName, colour: 'rgb(138, 43, 226)', tab: `${firm.firmName} — client portal` };
    try {
      await page.goto(cloud().web.portalUrl);
      await page.getByRole('heading', { name: 'Shared with you' }).waitFor();
      await expect.poll(banner).toMatchObject({ colour: branded.colour, tab: branded.tab });

      expectStatus(await admin.api.raw('PATCH', '/settings', { portalOpen: false }), 200);
      await page.reload();
      await page.getByRole('heading', { name: 'The portal is closed for now' }).waitFor();
      expect(await page.getByText('accounts.txt').count()).toBe(0);
      await expect.poll(banner).toEqual(branded);
      await screenshot(page, '16-portal-closed');
      expectStatus(await admin.api.raw('PATCH', '/settings', { portalOpen: true }), 200);
      await page.goto(cloud().web.portalUrl);
      await page.getByRole('heading', { name: 'Shared with you' }).waitFor();

      // Closed access: the same branding, on the first page the customer opens after it.
      expectStatus(await admin.api.post(`/contacts/${customer.contact.contactId}/access/close`, { notifyCustomer: false }), 200);
      await page.reload();
      await page.getByRole('heading', { name: 'Your access to this portal has been closed' }).waitFor();
      await expect.poll(banner).toEqual(branded);
      await screenshot(page, '16b-portal-access-closed');
      expect(visit.problems).toEqual([]);
    } finally {
      expectStatus(await admin.api.raw('PATCH', '/settings', { portalOpen: true, branding: { firmName: 'Portico Demo Firm', colour: defaultSettings('').branding.colour } }), 200);
    }
  });

  it('a new customer signs up from the sign-in page, confirms the emailed code and lands in an empty portal', async () => {
    const email = uniqueEmail('newcomer');
    const newcomer = await visitor(browser);
    const { page } = newcomer;
    // While the firm has self sign-up off, the sign-in page offers no way to sign up.
    expectStatus(await admin.api.raw('PATCH', '/settings', { selfSignUp: { enabled: false } }), 200);
    await page.goto(cloud().web.portalUrl);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await page.getByRole('link', { name: 'Create an account' }).count()).toBe(0);
    await screenshot(page, '17a-hosted-login-sign-up-off');

    expectStatus(await admin.api.raw('PATCH', '/settings', { selfSignUp: { enabled: true, accessType: 'client', seats: 100_000 } }), 200);
    await page.reload();
    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.getByLabel('Your name').fill(`Nico Newcomer ${tag}`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('Newcomer-pass-2026!');
    await page.getByRole('button', { name: 'Sign up' }).click();
    await page.getByRole('heading', { name: 'Confirm your email' }).waitFor();
    const mail = await eventually(async () => (await emailsTo(cloud().endpoints.ses, email)).find((e) => /verification code/i.test(e.subject)), 'the confirmation code');
    await page.getByLabel('Confirmation code').fill(cognitoCodeIn(mail));
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.getByRole('heading', { name: 'Shared with you' }).waitFor();
    expect(await page.getByText(folderName).count()).toBe(0);
    await screenshot(page, '17-portal-after-sign-up');
    expect(newcomer.problems).toEqual([]);
  });
});
