/**
 * Matters in both UIs against the real APIs (F20): staff give a matter's two documents their types
 * on the admin matter page, one a customer file, one internal; the client then finds the matter in
 * the portal with exactly the visible parts (the status's customer label, the visible flag, the
 * visible deadline) and only the customer file, and downloads it; sends a document into the
 * matter before approval, and is told it takes no more once staff approve it; comments, and
 * reads the firm's answer but never its internal note.
 */
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../shared/domain/settings.ts';
import { enterPassword, enterTotp, launchBrowser, screenshot, visitor, type Visitor } from '../support/browser.ts';
import { cloud, customerSession, expectStatus, putToUrl, staffSession } from '../support/world.ts';

describe('matters in the admin UI and the portal', () => {
  let browser: Browser;
  let admin: Awaited<ReturnType<typeof staffSession>>;
  let customer: Awaited<ReturnType<typeof customerSession>>;
  let originalLists: any;
  let matter: any;
  let staffView: Visitor;
  let customerView: Visitor;
  const tag = Date.now().toString(36);
  const VISIBLE_FLAG = `urgent ${tag}`;
  const INTERNAL_FLAG = `fee dispute ${tag}`;
  const CUSTOMER_FILE = `correspondence ${tag}`;
  const INTERNAL_TYPE = `internal note ${tag}`;

  async function upload(parentId: string, name: string, text: string) {
    const bytes = Buffer.from(text);
    const started = expectStatus(await admin.api.post('/drive/uploads', { parentId, name, size: bytes.length, contentType: 'text/plain' }), 201);
    expect(await putToUrl(started.upload, bytes)).toBe(200);
    return expectStatus(await admin.api.post(`/drive/items/${started.item.itemId}/complete`), 200);
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    admin = await staffSession({ admin: true, name: 'Matter Pages Admin' });
    originalLists = expectStatus(await admin.api.get('/matter-lists'), 200);
    expectStatus(
      await admin.api.raw('PUT', '/matter-lists', {
        ...originalLists,
        flags: [...originalLists.flags, { name: VISIBLE_FLAG, customerVisible: true }, { name: INTERNAL_FLAG, customerVisible: false }],
        documentTypes: [...originalLists.documentTypes, { name: CUSTOMER_FILE, customerFile: true }, { name: INTERNAL_TYPE, customerFile: false }],
      }),
      200,
    );
    // Uploads "before approval": the matter's approval decides.
    expectStatus(await admin.api.raw('PATCH', '/settings', { portalOpen: true, customerComments: true, attachments: { ...defaultSettings('').attachments, upload: 'beforeApproval' } }), 200);
    customer = await customerSession(admin, { name: `Mia Matters ${tag}` });
    matter = expectStatus(
      await admin.api.post('/matters', {
        title: `Lease renewal ${tag}`,
        clientId: customer.contact.contactId,
        flags: [VISIBLE_FLAG, INTERNAL_FLAG],
        deadlines: [
          { label: 'Signing', date: '2027-04-15', customerVisible: true },
          { label: `Partner review ${tag}`, date: '2027-04-01', customerVisible: false },
        ],
        tasks: [{ title: `Check the rent index ${tag}`, done: false }],
      }),
      201,
    );
    await upload(matter.folderId, 'offer-letter.txt', `The landlord's offer ${tag}\n`);
    await upload(matter.folderId, 'strategy-memo.txt', `Our strategy ${tag}\n`);
  }, 90_000);

  afterAll(async () => {
    await admin?.api.raw('PUT', '/matter-lists', originalLists);
    await admin?.api.raw('PATCH', '/settings', { attachments: defaultSettings('').attachments, customerComments: defaultSettings('').customerComments });
    await browser?.close();
  });

  it('staff give each document a type on the matter page, marked customer file or internal', async () => {
    staffView = await visitor(browser);
    const { page } = staffView;
    await page.goto(`${cloud().web.adminUrl}/matters/${matter.matterId}`);
    await enterPassword(page, admin.email, admin.credentials.password);
    await enterTotp(page, admin.credentials.totpSecret);
    await page.getByRole('heading', { name: 'Documents' }).waitFor();
    await page.getByLabel('Type of offer-letter.txt').selectOption({ label: `${CUSTOMER_FILE} (customers see it)` });
    await page.getByRole('status').filter({ hasText: 'offer-letter.txt: type saved.' }).waitFor();
    await page.getByLabel('Type of strategy-memo.txt').selectOption({ label: `${INTERNAL_TYPE} (internal)` });
    await page.getByRole('status').filter({ hasText: 'strategy-memo.txt: type saved.' }).waitFor();
    await screenshot(page, 'matter-01-admin-documents');
    // A reload shows what was stored, not what the screen remembered.
    await page.reload();
    await expect.poll(() => page.getByLabel('Type of offer-letter.txt').inputValue()).toBe(CUSTOMER_FILE);
    expect(staffView.problems).toEqual([]);
  });

  it('the client finds the matter under "Your matters" with only its visible parts', async () => {
    customerView = await visitor(browser);
    const { page } = customerView;
    await page.goto(cloud().web.portalUrl);
    await enterPassword(page, customer.email, 'Correct-horse-42!');
    await page.getByRole('link', { name: 'Your matters' }).click();
    await page.getByRole('heading', { name: 'Your matters' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: matter.reference });
    await expect.poll(() => row.textContent()).toContain(`Lease renewal ${tag}`);
    const text = await row.textContent();
    expect(text).toContain(VISIBLE_FLAG);
    expect(text).toContain(originalLists.statuses[0].customerLabel);
    expect(text).not.toContain(INTERNAL_FLAG);
    await screenshot(page, 'matter-02-portal-list');
    await page.getByRole('link', { name: matter.reference }).click();
    await page.getByRole('heading', { name: `${matter.reference} · Lease renewal ${tag}` }).waitFor();
    await page.getByRole('button', { name: 'Download offer-letter.txt' }).waitFor();
    const body = (await page.locator('main').textContent()) ?? '';
    expect(body).toContain('Signing');
    expect(body).toContain(CUSTOMER_FILE);
    for (const hidden of [INTERNAL_FLAG, `Partner review ${tag}`, `Check the rent index ${tag}`, 'strategy-memo.txt', INTERNAL_TYPE, admin.email]) expect(body).not.toContain(hidden);
    await screenshot(page, 'matter-03-portal-matter');
  });

  it('the client downloads the customer file', async () => {
    const { page } = customerView;
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download offer-letter.txt' }).click()]);
    expect(readFileSync((await download.path())!, 'utf8')).toBe(`The landlord's offer ${tag}\n`);
    expect(customerView.problems).toEqual([]);
  });

  it('before approval the client sends a document into the matter; once approved the page says it takes no more', async () => {
    const { page } = customerView;
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Choose files' }).click()]);
    await chooser.setFiles({ name: 'signed-offer.txt', mimeType: 'text/plain', buffer: Buffer.from(`Signed ${tag}\n`) });
    await page.getByText('Uploaded', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Download signed-offer.txt' }).waitFor();
    await screenshot(page, 'matter-05-portal-sent');
    const folder = expectStatus(await admin.api.get(`/matters/${matter.matterId}/documents`), 200).items.find((i: any) => i.kind === 'folder');
    const inside = expectStatus(await admin.api.get(`/drive/folders/${folder.itemId}/items`), 200);
    expect(inside.items.map((i: any) => i.name)).toEqual(['signed-offer.txt']);

    expectStatus(await admin.api.post(`/matters/${matter.matterId}/approval`), 200);
    await page.reload();
    await page.getByText('This matter has been approved, so it takes no more documents.', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: 'Choose files' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Download signed-offer.txt' }).waitFor();
    await screenshot(page, 'matter-06-portal-approved');
    expect(customerView.problems).toEqual([]);
  });

  it('the client comments; staff answer and keep an internal note; the client sees the answer, never the note', async () => {
    const { page } = customerView;
    await page.getByLabel('Your comment').fill(`Can we sign on the 15th? ${tag}`);
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    // In the thread (not just still in the box): the comment is stored.
    await page.getByRole('listitem').filter({ hasText: `Can we sign on the 15th? ${tag}` }).waitFor();
    expect(await page.getByLabel('Your comment').inputValue()).toBe('');

    // Staff find it on "Awaiting an answer" and open the matter from there.
    const staffPage = staffView.page;
    await staffPage.goto(`${cloud().web.adminUrl}/contacts`);
    await staffPage.getByRole('link', { name: 'Awaiting an answer' }).click();
    const waiting = staffPage.getByRole('row').filter({ hasText: matter.reference });
    await waiting.waitFor();
    expect(await waiting.textContent()).toContain(customer.contact.name);
    await screenshot(staffPage, 'matter-08-admin-awaiting');
    await waiting.getByRole('link', { name: new RegExp(matter.reference) }).click();
    await staffPage.getByRole('listitem').filter({ hasText: `Can we sign on the 15th? ${tag}` }).waitFor();
    await staffPage.getByLabel('Answer or note').fill(`Yes, at 10 am. ${tag}`);
    await staffPage.getByRole('button', { name: 'Send answer' }).click();
    await staffPage.getByRole('listitem').filter({ hasText: `Yes, at 10 am. ${tag}` }).waitFor();
    await staffPage.getByLabel('Answer or note').fill(`Check the landlord's mandate first ${tag}`);
    await staffPage.getByRole('checkbox', { name: /Internal note/ }).check();
    await staffPage.getByRole('button', { name: 'Save note' }).click();
    await staffPage.getByRole('listitem').filter({ hasText: `Check the landlord's mandate first ${tag}` }).waitFor();
    await screenshot(staffPage, 'matter-09-admin-comments');
    // Answered: off the list.
    await staffPage.getByRole('link', { name: 'Awaiting an answer' }).click();
    await staffPage.getByRole('heading', { name: 'Awaiting an answer' }).waitFor();
    await staffPage.locator('main').getByText(/Every comment has an answer|Written by/).first().waitFor();
    expect(await staffPage.getByRole('row').filter({ hasText: matter.reference }).count()).toBe(0);

    await page.reload();
    await page.getByRole('listitem').filter({ hasText: `Yes, at 10 am. ${tag}` }).waitFor();
    expect(await page.getByText(`Check the landlord's mandate first ${tag}`).count()).toBe(0);
    expect((await page.locator('main').textContent()) ?? '').not.toContain(admin.email);
    await screenshot(page, 'matter-10-portal-comments');
    expect(customerView.problems).toEqual([]);
    expect(staffView.problems).toEqual([]);
  });

  it('a firm of orders reads "orders" in both UIs', async () => {
    expectStatus(await admin.api.raw('PATCH', '/settings', { matterTerm: 'order' }), 200);
    try {
      const staffPage = staffView.page;
      await staffPage.goto(`${cloud().web.adminUrl}/matters`);
      await staffPage.getByRole('heading', { name: 'Orders', level: 1 }).waitFor();
      await staffPage.getByRole('link', { name: 'Orders' }).waitFor();
      await staffPage.getByRole('button', { name: 'New order' }).waitFor();
      await screenshot(staffPage, 'matter-07-admin-orders');
      const portal = customerView.page;
      await portal.goto(cloud().web.portalUrl);
      await portal.getByRole('link', { name: 'Your orders' }).click();
      await portal.getByRole('heading', { name: 'Your orders' }).waitFor();
      await screenshot(portal, 'matter-08-portal-orders');
    } finally {
      expectStatus(await admin.api.raw('PATCH', '/settings', { matterTerm: 'matter' }), 200);
    }
  });

  it('on a phone the matter page fits the screen', async () => {
    const phone = await visitor(browser, 'phone');
    const { page } = phone;
    await page.goto(cloud().web.portalUrl);
    await enterPassword(page, customer.email, 'Correct-horse-42!');
    await page.getByRole('link', { name: 'Your matters' }).click();
    await page.getByRole('link', { name: matter.reference }).click();
    await page.getByRole('button', { name: 'Download offer-letter.txt' }).waitFor();
    await screenshot(page, 'matter-04-portal-matter-phone');
    // Nothing wider than the screen: no sideways scrolling on a phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(phone.problems).toEqual([]);
  });
});
