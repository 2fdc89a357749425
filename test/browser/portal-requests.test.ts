/**
 * Customer requests in the portal against the real APIs (F21): a client with a matter that names a
 * party opens "Your requests", asks for new work naming that party and a company they add, attaches
 * a file, and lands on the request's page with the file listed and their own addition marked; the
 * list shows the request in words; once staff accept it the way to the matter appears, and a
 * declined request shows the firm's reason. The form fits a phone.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../shared/domain/settings.ts';
import { enterPassword, launchBrowser, screenshot, visitor, type Visitor } from '../support/browser.ts';
import { cloud, customerSession, expectStatus, staffSession } from '../support/world.ts';

describe('customer requests in the portal', () => {
  let browser: Browser;
  let admin: Awaited<ReturnType<typeof staffSession>>;
  let customer: Awaited<ReturnType<typeof customerSession>>;
  let lists: any;
  let party: any;
  let hidden: any;
  let requestId: string;
  let customerView: Visitor;
  const tag = Date.now().toString(36);
  const PARTY = `Harbour Logistics ${tag}`;
  const HIDDEN = `Confidential Witness ${tag}`;
  const NEW_COMPANY = `Northwind Supplies ${tag}`;
  const TITLE = `Warehouse supply contract ${tag}`;

  const signIn = async (view: Visitor) => {
    await view.page.goto(cloud().web.portalUrl);
    await enterPassword(view.page, customer.email, 'Correct-horse-42!');
  };

  beforeAll(async () => {
    browser = await launchBrowser();
    admin = await staffSession({ admin: true, name: 'Request Pages Admin' });
    expectStatus(await admin.api.raw('PATCH', '/settings', { portalOpen: true, attachments: { ...defaultSettings('').attachments, upload: 'allowed' } }), 200);
    lists = expectStatus(await admin.api.get('/matter-lists'), 200);
    const visibleType = lists.partyTypes.find((p: any) => p.customerVisible).name;
    const internalType = lists.partyTypes.find((p: any) => !p.customerVisible).name;
    [party, hidden] = await Promise.all([
      expectStatus(await admin.api.post('/contacts', { kind: 'organisation', name: PARTY }), 201),
      expectStatus(await admin.api.post('/contacts', { kind: 'person', name: HIDDEN }), 201),
    ]);
    customer = await customerSession(admin, { name: `Rita Requests ${tag}` });
    expectStatus(
      await admin.api.post('/matters', {
        title: `Existing lease ${tag}`,
        clientId: customer.contact.contactId,
        parties: [
          { contactId: party.contactId, partyType: visibleType },
          { contactId: hidden.contactId, partyType: internalType },
        ],
      }),
      201,
    );
  }, 90_000);

  afterAll(async () => {
    await admin?.api.raw('PATCH', '/settings', { attachments: defaultSettings('').attachments });
    await browser?.close();
  });

  it('the client opens "Your requests" and finds none yet', async () => {
    customerView = await visitor(browser);
    const { page } = customerView;
    await signIn(customerView);
    await page.getByRole('link', { name: 'Your requests' }).click();
    await page.getByRole('heading', { name: 'Your requests', level: 1 }).waitFor();
    await page.getByText('You have not sent any requests yet.').waitFor();
    await screenshot(page, 'request-01-portal-empty');
    expect(customerView.problems).toEqual([]);
  });

  it('the client asks for new work naming the party of their matter and a company they add, with a file', async () => {
    const { page } = customerView;
    await page.getByRole('link', { name: 'New request' }).click();
    await page.getByRole('heading', { name: 'New request', level: 1 }).waitFor();
    // Only the contacts of their own matter the firm lets them see: the party, never the internal one.
    await page.getByRole('checkbox', { name: `${PARTY} (company)` }).waitFor();
    expect(await page.getByRole('checkbox').count()).toBe(1);
    expect((await page.locator('main').textContent()) ?? '').not.toContain(HIDDEN);

    await page.getByLabel('Kind of request').selectOption(lists.requestKinds[1].name);
    await page.getByLabel('Title').fill(TITLE);
    await page.getByLabel('Details (optional)').fill('For the new warehouse in the port.\nDelivery from March.');
    await page.getByRole('checkbox', { name: `${PARTY} (company)` }).check();
    await page.getByRole('button', { name: 'Add a company or person not in the list' }).click();
    const added = page.getByRole('group', { name: 'Company or person added (1)' });
    await added.getByLabel('Name', { exact: true }).fill(NEW_COMPANY);
    await added.getByLabel('Email (optional)', { exact: true }).fill(`orders-${tag}@northwind.example`);
    await added.getByLabel('Company or person', { exact: true }).selectOption({ label: 'Company' });
    // A second row, removed again: only what is on screen is sent.
    await page.getByRole('button', { name: 'Add a company or person not in the list' }).click();
    await page.getByRole('button', { name: 'Remove the company or person added (2)' }).click();
    expect(await page.getByRole('group', { name: 'Company or person added (2)' }).count()).toBe(0);

    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Choose files' }).click()]);
    await chooser.setFiles({ name: 'site-plan.txt', mimeType: 'text/plain', buffer: Buffer.from(`The site plan ${tag}\n`) });
    await page.getByRole('list', { name: 'Chosen files' }).getByText('site-plan.txt').waitFor();
    await screenshot(page, 'request-02-portal-form');

    await page.getByRole('button', { name: 'Send the request' }).click();
    await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    requestId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    // The file is listed once the file store has told the drive it arrived.
    await page.locator('.request-files li').filter({ hasText: 'site-plan.txt' }).waitFor({ timeout: 20_000 });
    const body = (await page.locator('main').textContent()) ?? '';
    expect(body).toContain(lists.requestKinds[1].name);
    expect(body).toContain('Awaiting a decision');
    expect(body).toContain('Delivery from March.');
    const newCompany = page.getByRole('listitem').filter({ hasText: NEW_COMPANY });
    expect(await newCompany.textContent()).toContain(`${NEW_COMPANY} (company, orders-${tag}@northwind.example) added by you`);
    const existing = page.getByRole('listitem').filter({ hasText: PARTY });
    expect(await existing.textContent()).not.toContain('added by you');
    await page.getByRole('button', { name: 'Choose files' }).waitFor();
    await screenshot(page, 'request-03-portal-request');
    expect(customerView.problems).toEqual([]);

    // What the firm received: the request as the client made it, with the file.
    const seen = expectStatus(await admin.api.get(`/requests/${requestId}`), 200);
    expect(seen).toMatchObject({ title: TITLE, kind: lists.requestKinds[1].name, state: 'open' });
    expect(seen.involved).toEqual([
      { source: 'existing', contactId: party.contactId, name: PARTY, kind: 'organisation' },
      { source: 'customer', name: NEW_COMPANY, email: `orders-${tag}@northwind.example`, kind: 'organisation' },
    ]);
    expect(seen.files.map((f: any) => f.name)).toEqual(['site-plan.txt']);
  });

  it('the list shows the request in words; once accepted, it leads to the matter', async () => {
    const { page } = customerView;
    await page.getByRole('link', { name: 'Back to your requests' }).click();
    const row = page.getByRole('row').filter({ hasText: TITLE });
    await row.waitFor();
    expect(await row.textContent()).toContain('Awaiting a decision');
    expect(await row.textContent()).toContain(lists.requestKinds[1].name);
    const declined = expectStatus(await customer.api.post('/requests', { kind: lists.requestKinds[0].name, title: `Boundary dispute ${tag}` }), 201);
    expectStatus(await admin.api.post(`/requests/${declined.requestId}/decline`, { reason: `We do not handle boundary disputes; ask a surveyor first. ${tag}` }), 200);

    const visibleType = lists.partyTypes.find((p: any) => p.customerVisible).name;
    const { matter } = expectStatus(await admin.api.post(`/requests/${requestId}/accept`, { involved: [{ partyType: visibleType }, { partyType: visibleType }] }), 201);
    await page.reload();
    await expect.poll(() => page.getByRole('row').filter({ hasText: TITLE }).textContent()).toContain('Accepted');
    expect(await page.getByRole('row').filter({ hasText: `Boundary dispute ${tag}` }).textContent()).toContain('Declined');
    await screenshot(page, 'request-04-portal-list');

    await page.getByRole('link', { name: TITLE }).click();
    await page.getByText('accepted this request: it is now one of your matters.', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: 'Choose files' }).count()).toBe(0);
    await page.getByText('This request has been decided, so it takes no more files.').waitFor();
    await page.getByRole('link', { name: 'Go to the matter' }).click();
    await page.getByRole('heading', { name: `${matter.reference} · ${TITLE}` }).waitFor();

    await page.goto(`${cloud().web.portalUrl}/requests/${declined.requestId}`);
    await page.getByText(`We do not handle boundary disputes; ask a surveyor first. ${tag}`).waitFor();
    await page.getByRole('heading', { name: /The reason .* gave/ }).waitFor();
    await screenshot(page, 'request-05-portal-declined');
    expect(customerView.problems).toEqual([]);
  });

  it('on a phone the list and the form fit the screen', async () => {
    const phone = await visitor(browser, 'phone');
    const { page } = phone;
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(phone);
    await page.getByRole('link', { name: 'Your requests' }).click();
    await page.getByRole('row').filter({ hasText: TITLE }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await screenshot(page, 'request-06-portal-list-phone');
    await page.getByRole('link', { name: 'New request' }).click();
    await page.getByRole('checkbox', { name: `${PARTY} (company)` }).waitFor();
    await page.getByLabel('Title').fill(`A long title for a phone, to see it wrap ${tag}`);
    await page.getByRole('button', { name: 'Add a company or person not in the list' }).click();
    await page.getByRole('group', { name: 'Company or person added (1)' }).getByLabel('Name', { exact: true }).fill(`Établissements Dupont-Vandenberghe et Associés ${tag}`);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Choose files' }).click()]);
    await chooser.setFiles({ name: `releve-de-compte-consolide-exercice-2026-${tag}.pdf`, mimeType: 'application/pdf', buffer: Buffer.from('%PDF') });
    await page.getByRole('list', { name: 'Chosen files' }).waitFor();
    // Nothing wider than the screen: no sideways scrolling on a phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await screenshot(page, 'request-07-portal-form-phone');
    expect(phone.problems).toEqual([]);
  });
});
