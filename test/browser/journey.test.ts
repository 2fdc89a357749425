/**
 * The whole journey through both web UIs in Chromium, against the local cloud: each step is
 * asserted on what the person sees (and on the emails the SES emulator received).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailsTo, temporaryPasswordIn } from '../../local-cloud/mailbox.ts';
import { defaultSettings } from '../../shared/domain/settings.ts';
import { enterPassword, enterTotp, launchBrowser, screenshot, visitor, type Visitor } from '../support/browser.ts';
import { cloud, eventually, expectStatus, putToUrl, staffSession, uniqueEmail } from '../support/world.ts';

const NEW_PASSWORD = 'Journey-pass-2026!';

describe('journey: staff invites a customer, they exchange documents, staff closes the access', () => {
  let browser: Browser;
  let staff: Awaited<ReturnType<typeof staffSession>>;
  let admin: Visitor;
  let customer: Visitor;
  const customerName = `Ada Client ${Date.now().toString(36)}`;
  const customerEmail = uniqueEmail('ada');
  const folderName = `Tax return ${Date.now().toString(36)}`;
  const sharedFile = { name: 'statement-2026.pdf', bytes: Buffer.from(`%PDF-1.4 statement for ${customerEmail}\n`.repeat(200)) };
  const uploaded = { name: 'signed-engagement.txt', bytes: Buffer.from('Signed and returned.\n'.repeat(500)) };

  beforeAll(async () => {
    browser = await launchBrowser();
    staff = await staffSession({ admin: true, name: 'Journey Admin' });
    // Firm-wide settings are shared with every other test file: start from the defaults.
    expectStatus(await staff.api.raw('PATCH', '/settings', { portalOpen: true, attachments: defaultSettings('').attachments }), 200);
    // The drive already holds a folder with a statement in it (staff uploads are tested in the drive tests).
    const folder = expectStatus(await staff.api.post('/drive/folders', { name: folderName }), 201);
    const start = expectStatus(await staff.api.post('/drive/uploads', { parentId: folder.itemId, name: sharedFile.name, size: sharedFile.bytes.length, contentType: 'application/pdf' }), 201);
    expect(await putToUrl(start.upload, sharedFile.bytes)).toBe(200);
    expectStatus(await staff.api.post(`/drive/items/${start.item.itemId}/complete`), 200);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('staff signs in through the hosted login with password and TOTP', async () => {
    admin = await visitor(browser);
    const { page } = admin;
    await page.goto(cloud().web.adminUrl);
    await page.waitForURL(`${cloud().endpoints.login}/**`);
    await enterPassword(page, staff.email, staff.credentials.password);
    await expect.poll(() => page.getByRole('heading', { name: 'Enter your sign-in code' }).isVisible()).toBe(true);
    await enterTotp(page, staff.credentials.totpSecret);
    await page.getByRole('heading', { name: 'Contacts' }).waitFor();
    expect(page.url()).toBe(`${cloud().web.adminUrl}/contacts`);
    await screenshot(page, '01-admin-contacts');
  });

  it('staff creates the contact, opens portal access and shares the folder', async () => {
    const { page } = admin;
    await page.getByRole('button', { name: 'New contact' }).click();
    await page.getByLabel('Name', { exact: true }).fill(customerName);
    await page.getByLabel('Email', { exact: true }).fill(customerEmail);
    await page.getByRole('button', { name: 'Create contact' }).click();
    await page.getByRole('heading', { name: customerName }).waitFor();

    await page.getByRole('button', { name: 'Open access' }).click();
    const access = page.locator('section', { has: page.getByRole('heading', { name: 'Portal access' }) });
    await access.locator('.badge', { hasText: 'Invited' }).waitFor();

    await page.getByRole('checkbox', { name: `Share ${folderName}` }).check();
    await page.getByRole('button', { name: 'Share selected' }).click();
    await page.getByRole('button', { name: `Stop sharing ${folderName}` }).waitFor();
    await screenshot(page, '02-admin-contact');
  });

  it('the invitation arrives; the customer follows it, chooses a password and sees the shared folder', async () => {
    const invitation = await eventually(async () => (await emailsTo(cloud().endpoints.ses, customerEmail)).find((e) => /opened a client portal/.test(e.subject)), 'the invitation email');
    const portalLink = /Portal: (\S+)/.exec(invitation.body.text ?? '')![1];
    expect(portalLink).toBe(cloud().web.portalUrl);

    customer = await visitor(browser, 'phone');
    const { page } = customer;
    await page.goto(portalLink);
    await page.waitForURL(`${cloud().endpoints.login}/**`);
    await enterPassword(page, customerEmail, temporaryPasswordIn(invitation));
    await page.getByRole('heading', { name: 'Choose your password' }).waitFor();
    await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('Confirm the new password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Set password and sign in' }).click();

    await page.getByRole('heading', { name: 'Shared with you' }).waitFor();
    await page.getByRole('link', { name: folderName }).waitFor();
    await screenshot(page, '03-portal-shared-with-you');
  });

  it('the customer opens the folder and downloads the statement, byte for byte', async () => {
    const { page } = customer;
    await page.getByRole('link', { name: folderName }).click();
    await page.getByRole('heading', { name: folderName }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: `Download ${sharedFile.name}` }).click()]);
    expect(download.suggestedFilename()).toBe(sharedFile.name);
    const saved = readFileSync((await download.path())!);
    expect(createHash('sha256').update(saved).digest('hex')).toBe(createHash('sha256').update(sharedFile.bytes).digest('hex'));
    await screenshot(page, '04-portal-folder');
  });

  it('the customer uploads a document and sees its progress complete', async () => {
    const { page } = customer;
    await page.getByRole('link', { name: 'Shared with you' }).first().click();
    await page.getByRole('heading', { name: 'Send documents' }).waitFor();
    await page.getByLabel('Choose files').setInputFiles({ name: uploaded.name, mimeType: 'text/plain', buffer: uploaded.bytes });
    const progress = page.getByRole('progressbar', { name: `Uploading ${uploaded.name}` });
    await progress.waitFor();
    await page.getByRole('list', { name: 'Uploads' }).getByText('Uploaded', { exact: true }).waitFor();
    expect(await progress.getAttribute('value')).toBe('100');
    await screenshot(page, '05-portal-uploaded');
  });

  it('the staff email arrives and the file shows in the staff drive as new', async () => {
    const email = await eventually(
      async () => (await emailsTo(cloud().endpoints.ses, staff.email)).find((e) => (e.body.text ?? '').includes(uploaded.name)),
      'the upload email to the responsible staff member',
    );
    expect(email.body.text).toContain(customerName);

    const { page } = admin;
    await page.getByRole('link', { name: 'Drive' }).first().click();
    await page.getByRole('heading', { name: 'Drive' }).first().waitFor();
    await page.getByRole('link', { name: `From ${customerName}`, exact: true }).first().click();
    const row = page.getByRole('row', { name: new RegExp(uploaded.name) });
    await row.waitFor();
    await expect.poll(() => row.getByText('New', { exact: true }).isVisible()).toBe(true);
    await screenshot(page, '06-admin-drive-new-upload');

    // Once a staff member has downloaded it, it is no longer new, for every staff member.
    const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('button', { name: `Download ${uploaded.name}` }).click()]);
    expect(readFileSync((await download.path())!).equals(uploaded.bytes)).toBe(true);
    await page.reload();
    await page.getByRole('row', { name: new RegExp(uploaded.name) }).waitFor();
    expect(await page.getByRole('row', { name: new RegExp(uploaded.name) }).getByText('New', { exact: true }).count()).toBe(0);
  });

  it('staff closes the access and tells the customer; the customer is refused at once and gets the email', async () => {
    const { page } = admin;
    await page.getByRole('link', { name: 'Contacts' }).first().click();
    await page.getByLabel('Search contacts').fill(customerName);
    await page.getByRole('link', { name: customerName }).click();
    await page.getByRole('heading', { name: customerName }).waitFor();
    await page.getByRole('button', { name: 'Close access' }).click();
    const dialog = page.getByRole('dialog', { name: 'Close access' });
    await dialog.getByLabel('Tell the customer by email').check();
    await dialog.getByRole('button', { name: 'Confirm close' }).click();
    await page.getByRole('button', { name: 'Reopen access' }).waitFor();
    await screenshot(page, '07-admin-access-closed');

    // The customer's next action (here: loading the portal again) is refused with a clear message.
    const portal = customer.page;
    await portal.reload();
    await portal.getByRole('heading', { name: 'Your access to this portal has been closed' }).waitFor();
    await expect.poll(() => portal.getByText(sharedFile.name).count()).toBe(0);
    await screenshot(portal, '08-portal-access-closed');

    const closing = await eventually(async () => (await emailsTo(cloud().endpoints.ses, customerEmail)).find((e) => /closed/i.test(e.subject)), 'the closing email');
    expect(closing.body.text).toContain(customerName.split(' ')[0]);
  });

  it('a second customer sees none of the first customer\'s documents', async () => {
    const email = uniqueEmail('other');
    const contact = expectStatus(await staff.api.post('/contacts', { kind: 'person', name: 'Bob Other', email }), 201);
    expectStatus(await staff.api.post(`/contacts/${contact.contactId}/access`), 200);
    const invitation = await eventually(async () => (await emailsTo(cloud().endpoints.ses, email))[0], 'the second invitation');

    const other = await visitor(browser);
    const { page } = other;
    await page.goto(cloud().web.portalUrl);
    await enterPassword(page, email, temporaryPasswordIn(invitation));
    await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('Confirm the new password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Set password and sign in' }).click();
    await page.getByRole('heading', { name: 'Shared with you' }).waitFor();
    await expect.poll(() => page.getByText(folderName).count()).toBe(0);
    await expect.poll(() => page.getByText(uploaded.name).count()).toBe(0);
    await screenshot(page, '09-portal-second-customer');
    expect(other.problems).toEqual([]);
  });

  it('no page logged an error along the way', () => {
    expect(admin.problems).toEqual([]);
    expect(customer.problems).toEqual([]);
  });
});
