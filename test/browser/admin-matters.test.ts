/** The admin UI's matters in Chromium against the real staff API: create one for a client, change it, approve and reopen it. */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enterPassword, enterTotp, launchBrowser, screenshot, visitor } from '../support/browser.ts';
import { cloud, expectStatus, staffSession } from '../support/world.ts';

describe('admin UI: matters', () => {
  let browser: Browser;
  let page: Page;
  let staff: Awaited<ReturnType<typeof staffSession>>;
  const tag = Date.now().toString(36);
  const clientName = `Matterclient ${tag}`;
  const title = `Lease renewal ${tag}`;

  beforeAll(async () => {
    browser = await launchBrowser();
    staff = await staffSession({ name: 'Matters Staff' });
    expectStatus(await staff.api.post('/contacts', { kind: 'organisation', name: clientName }), 201);
    page = (await visitor(browser)).page;
    await page.goto(`${cloud().web.adminUrl}/matters`);
    await enterPassword(page, staff.email, staff.credentials.password);
    await enterTotp(page, staff.credentials.totpSecret);
    await page.getByRole('heading', { name: 'Matters' }).waitFor();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('creates a matter for a client found by name; it takes the firm\'s next reference', async () => {
    await page.getByRole('button', { name: 'New matter' }).click();
    await page.getByLabel('Title').fill(title);
    await page.getByLabel('Client (find a contact)').fill(clientName);
    await page.getByRole('button', { name: clientName }).click();
    await page.getByText(`Client: ${clientName}`).waitFor();
    await screenshot(page, 'admin-matter-new');
    await page.getByRole('button', { name: 'Create matter' }).click();
    const heading = page.getByRole('heading', { level: 1 });
    await expect.poll(() => heading.textContent()).toMatch(new RegExp(`^M-\\d{4}-\\d{4,} — ${title}$`));
  });

  it('changes status and flags, then approves and reopens, saying who approved', async () => {
    const status = page.getByLabel('Status');
    const second = await status.locator('option').nth(1).getAttribute('value');
    await status.selectOption(second!);
    await page.getByRole('checkbox', { name: /\(customers see it\)/ }).first().check();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Matter saved.' }).waitFor();
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.getByText(`Approved by ${staff.email} on`).waitFor();
    await screenshot(page, 'admin-matter-page');
    await page.getByRole('button', { name: 'Reopen for approval' }).click();
    await page.getByText('Not approved yet.').waitFor();
  });

  it('lists the matter, narrowed by its status', async () => {
    await page.getByRole('link', { name: 'Back to matters' }).click();
    await page.getByRole('heading', { name: 'Matters' }).waitFor();
    const statusFilter = page.getByLabel('Status');
    const second = await statusFilter.locator('option').nth(2).getAttribute('value');
    await statusFilter.selectOption(second!);
    await page.getByRole('row', { name: new RegExp(title) }).waitFor();
    await screenshot(page, 'admin-matters');
  });
});
