/**
 * Comments on a document shared with a customer (F18) in both UIs against the real APIs: the
 * customer opens a shared file's comments in the portal and writes; staff find the customer's
 * thread in the drive's Comments panel for the file, answer and keep an internal note; back in
 * the portal the customer reads the answer but never the note. On a phone the thread fits the screen.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enterPassword, enterTotp, launchBrowser, screenshot, visitor, type Visitor } from '../support/browser.ts';
import { cloud, customerSession, expectStatus, putToUrl, staffSession } from '../support/world.ts';

describe('comments on a shared document in the portal and the drive', () => {
  let browser: Browser;
  let admin: Awaited<ReturnType<typeof staffSession>>;
  let customer: Awaited<ReturnType<typeof customerSession>>;
  let commentsBefore: boolean;
  let firmName: string;
  let folderId: string;
  let customerView: Visitor;
  let staffView: Visitor;
  const tag = Date.now().toString(36);
  const FILE = `engagement-letter-${tag}.txt`;
  const QUESTION = `Is the fee in clause 3 per hour? ${tag}`;
  const ANSWER = `Yes, per hour, capped at 20 hours. ${tag}`;
  const NOTE = `Check the cap with the partner ${tag}`;

  beforeAll(async () => {
    browser = await launchBrowser();
    admin = await staffSession({ admin: true, name: 'Doc Comments Admin' });
    const settings = expectStatus(await admin.api.get('/settings'), 200);
    commentsBefore = settings.customerComments;
    firmName = settings.branding.firmName;
    expectStatus(await admin.api.raw('PATCH', '/settings', { portalOpen: true, customerComments: true }), 200);
    customer = await customerSession(admin, { name: `Dora Documents ${tag}` });
    folderId = expectStatus(await admin.api.post('/drive/folders', { name: `Doc comments ${tag}` }), 201).itemId;
    const bytes = Buffer.from(`Engagement letter ${tag}\n`);
    const started = expectStatus(await admin.api.post('/drive/uploads', { parentId: folderId, name: FILE, size: bytes.length, contentType: 'text/plain' }), 201);
    expect(await putToUrl(started.upload, bytes)).toBe(200);
    const file = expectStatus(await admin.api.post(`/drive/items/${started.item.itemId}/complete`), 200);
    expectStatus(await admin.api.post(`/contacts/${customer.contact.contactId}/shares`, { itemIds: [file.itemId], notify: false }), 200);
  }, 90_000);

  afterAll(async () => {
    await admin?.api.raw('PATCH', '/settings', { customerComments: commentsBefore });
    await browser?.close();
  });

  it('the customer opens the shared file’s comments, is told only the firm reads them, and writes one', async () => {
    customerView = await visitor(browser);
    const { page } = customerView;
    await page.goto(cloud().web.portalUrl);
    await enterPassword(page, customer.email, 'Correct-horse-42!');
    const row = page.getByRole('row').filter({ hasText: FILE });
    await row.getByRole('link', { name: `Comments on ${FILE}` }).waitFor();
    await screenshot(page, 'doccomments-00-portal-shared');
    await row.getByRole('link', { name: `Comments on ${FILE}` }).click();
    await page.getByRole('heading', { name: `Comments on ${FILE}`, level: 1 }).waitFor();
    await page.getByText(`Only ${firmName} reads what you write here`).waitFor();
    await page.getByText('No comments on this document yet.').waitFor();
    // The way back and the file itself stay at hand.
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Shared with you' }).waitFor();
    await page.getByRole('button', { name: `Download ${FILE}` }).waitFor();

    await page.getByLabel('Your comment').fill(QUESTION);
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    // In the thread (not just still in the box): the comment is stored.
    const mine = page.getByRole('listitem').filter({ hasText: QUESTION });
    await mine.waitFor();
    expect(await mine.textContent()).toMatch(/^You, /);
    expect(await page.getByLabel('Your comment').inputValue()).toBe('');
    await screenshot(page, 'doccomments-01-portal-sent');
    expect(customerView.problems).toEqual([]);
  });

  it('staff open the file’s Comments panel in the drive, find the customer awaiting an answer, answer and keep an internal note', async () => {
    staffView = await visitor(browser);
    const { page } = staffView;
    await page.goto(`${cloud().web.adminUrl}/drive/${folderId}`);
    await enterPassword(page, admin.email, admin.credentials.password);
    await enterTotp(page, admin.credentials.totpSecret);
    await page.getByRole('button', { name: `Comments on ${FILE}` }).click();
    const panel = page.getByRole('dialog', { name: `Customers’ comments on ${FILE}` });
    await panel.waitFor();
    const entry = panel.getByRole('listitem').filter({ hasText: customer.contact.name }).first();
    await entry.getByText('Awaiting an answer').waitFor();
    await screenshot(page, 'doccomments-03-admin-awaiting');
    await panel.getByRole('button', { name: customer.contact.name }).click();
    const thread = panel.getByRole('region', { name: `Thread with ${customer.contact.name}` });
    await thread.getByRole('listitem').filter({ hasText: QUESTION }).waitFor();
    await thread.getByRole('button', { name: `Hide the comment of ${customer.contact.name} (customer) from the customer` }).waitFor();

    await thread.getByLabel('Answer or note').fill(ANSWER);
    await thread.getByRole('button', { name: 'Send answer' }).click();
    await thread.getByRole('listitem').filter({ hasText: ANSWER }).waitFor();
    // Answered: no longer awaiting.
    await expect.poll(() => entry.getByText('Awaiting an answer').count()).toBe(0);

    await thread.getByLabel('Answer or note').fill(NOTE);
    await thread.getByRole('checkbox', { name: /Internal note/ }).check();
    await thread.getByRole('button', { name: 'Save note' }).click();
    const note = thread.getByRole('listitem').filter({ hasText: NOTE });
    await note.waitFor();
    expect(await note.textContent()).toContain('Internal note');
    await screenshot(page, 'doccomments-04-admin-thread');

    // On a 390-pixel phone the panel, its thread and its answer box stay within the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    await thread.getByLabel('Answer or note').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await screenshot(page, 'doccomments-07-admin-thread-phone');
    expect(staffView.problems).toEqual([]);
  });

  it('back in the portal the customer reads the firm’s answer, never the note', async () => {
    const { page } = customerView;
    await page.reload();
    const answer = page.getByRole('listitem').filter({ hasText: ANSWER });
    await answer.waitFor();
    expect((await answer.textContent())?.startsWith(`${firmName}, `)).toBe(true);
    await page.getByRole('listitem').filter({ hasText: QUESTION }).waitFor();
    const body = (await page.locator('main').textContent()) ?? '';
    expect(body).not.toContain(NOTE);
    expect(body).not.toContain(admin.email);
    await screenshot(page, 'doccomments-02-portal-answered');

    // A 390-pixel phone: the same thread, nothing wider than the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByLabel('Your comment').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await screenshot(page, 'doccomments-05-portal-phone');
    // The way back, and the file's actions on a phone.
    await page.getByRole('link', { name: 'Shared with you' }).first().click();
    await page.getByRole('link', { name: `Comments on ${FILE}` }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await screenshot(page, 'doccomments-06-portal-shared-phone');
    expect(customerView.problems).toEqual([]);
  });
});
