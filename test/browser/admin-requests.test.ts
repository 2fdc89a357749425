/**
 * The staff requests queue (F21) in Chromium against the real APIs: a customer asks for new work
 * through the customer API, naming a party of their matter and a new company, with a file; staff
 * find it in the Open queue, read it (the file, the company marked as added by the customer),
 * choose party types and accept it, creating the company, and land on the matter with its client
 * and both parties, which the customer then sees. A second request is declined with a reason and
 * moves to the Declined list.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enterPassword, enterTotp, launchBrowser, screenshot, visitor, type Visitor } from '../support/browser.ts';
import { cloud, customerSession, eventually, expectStatus, putToUrl, staffSession } from '../support/world.ts';

describe('admin UI: customer requests', () => {
  let browser: Browser;
  let view: Visitor;
  let page: Page;
  let staff: Awaited<ReturnType<typeof staffSession>>;
  let customer: Awaited<ReturnType<typeof customerSession>>;
  let visibleType: string;
  let matterId: string;
  const tag = Date.now().toString(36);
  const customerName = `Rita Requests ${tag}`;
  const opponentName = `Opponent Holdings ${tag}`;
  const newCompany = `Brand New Warehousing ${tag}`;
  const newEmail = `warehousing-${tag}@example.test`;
  const title = `Supply contract ${tag}`;
  const declinedTitle = `Tax advice ${tag}`;
  const fileName = `site-plan-${tag}.txt`;

  /** The queue's row for a request, loading more pages while it is not there yet (a full run fills the queue with other files' requests). */
  async function rowOf(requestTitle: string) {
    const row = page.getByRole('row', { name: new RegExp(requestTitle) });
    await expect
      .poll(async () => {
        if (await row.count()) return true;
        const more = page.getByRole('button', { name: 'Load more' });
        if (await more.isVisible()) await more.click();
        return false;
      })
      .toBe(true);
    return row;
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    staff = await staffSession({ name: 'Requests Staff' });
    const lists = expectStatus(await staff.api.get('/matter-lists'), 200);
    visibleType = lists.partyTypes.find((p: { customerVisible: boolean }) => p.customerVisible).name;
    const opponent = expectStatus(await staff.api.post('/contacts', { kind: 'organisation', name: opponentName }), 201);
    customer = await customerSession(staff, { name: customerName });
    expectStatus(await staff.api.post('/matters', { title: `Existing lease ${tag}`, clientId: customer.contact.contactId, parties: [{ contactId: opponent.contactId, partyType: visibleType }] }), 201);
    const kind = lists.requestKinds[0].name;
    const request = expectStatus(
      await customer.api.post('/requests', {
        kind,
        title,
        description: 'For the new warehouse in the north.',
        involved: [{ contactId: opponent.contactId }, { name: newCompany, email: newEmail, kind: 'organisation' }],
      }),
      201,
    );
    const started = expectStatus(await customer.api.post(`/requests/${request.requestId}/uploads`, { files: [{ name: fileName, size: 4, contentType: 'text/plain' }] }), 201);
    expect(await putToUrl(started.uploads[0].upload, 'plan')).toBe(200);
    await eventually(async () => (expectStatus(await customer.api.get(`/requests/${request.requestId}`), 200).files.length === 1 ? true : undefined), 'the file sent with the request');
    expectStatus(await customer.api.post('/requests', { kind, title: declinedTitle, involved: [] }), 201);

    view = await visitor(browser);
    page = view.page;
    await page.goto(`${cloud().web.adminUrl}/contacts`);
    await enterPassword(page, staff.email, staff.credentials.password);
    await enterTotp(page, staff.credentials.totpSecret);
    await page.getByRole('heading', { name: 'Contacts' }).waitFor();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('lists the request in the Open queue, with who sent it and its kind', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Requests' }).click();
    await page.getByRole('heading', { name: 'Requests', level: 1 }).waitFor();
    expect(await page.getByRole('link', { name: 'Open', exact: true }).getAttribute('aria-current')).toBe('page');
    const row = await rowOf(title);
    expect(await row.getByRole('link', { name: customerName }).count()).toBe(1);
    await screenshot(page, 'admin-requests');
  });

  it('shows the request: the file sent, the party named and the company the customer added', async () => {
    await (await rowOf(title)).getByRole('link', { name: title, exact: true }).click();
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
    await page.getByText('For the new warehouse in the north.').waitFor();
    const files = page.getByRole('region', { name: 'Files sent' });
    await files.getByText(fileName).waitFor();
    expect(await files.getByText('4 bytes').count()).toBe(1);
    expect(await files.getByRole('link', { name: 'Open their folder in the drive' }).getAttribute('href')).toMatch(/\/drive\/fromclient-/);
    const involved = page.getByRole('region', { name: 'Who is involved' });
    expect(await involved.getByRole('link', { name: opponentName }).count()).toBe(1);
    const added = involved.getByRole('listitem').filter({ hasText: newCompany });
    expect(await added.textContent()).toContain('Added by the customer');
    expect(await added.textContent()).toContain(`Organisation, ${newEmail}`);
    // The involved existing party is not marked as added.
    expect(await involved.getByRole('listitem').filter({ hasText: opponentName }).textContent()).not.toContain('Added by the customer');
    expect(await page.getByLabel('Title').inputValue()).toBe(title);
    await screenshot(page, 'admin-request');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'admin-request-phone');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1280, height: 860 });
  });

  it('accepts it with party types, creating the new company, and lands on the matter with its client and both parties', async () => {
    const accept = page.getByRole('button', { name: 'Accept and create the matter' });
    expect(await accept.isDisabled()).toBe(true);
    await page.getByLabel(`Party type of ${opponentName}`).selectOption(visibleType);
    await page.getByLabel(`Party type of ${newCompany}`).selectOption(visibleType);
    expect(await page.getByRole('radio', { name: 'Create a new contact' }).isChecked()).toBe(true);
    // Merging asks for the contact to merge into; going back to a new contact lets the accept through.
    await page.getByRole('radio', { name: 'Merge into an existing contact' }).check();
    expect(await accept.isDisabled()).toBe(true);
    await page.getByLabel(`Contact to merge ${newCompany} into (find a contact)`).waitFor();
    await page.getByRole('radio', { name: 'Create a new contact' }).check();
    expect(await page.getByLabel('Client', { exact: true }).inputValue()).toBe(customer.contact.contactId);
    await accept.click();
    const heading = page.getByRole('heading', { level: 1 });
    await expect.poll(() => heading.textContent()).toMatch(new RegExp(`^M-\\d{4}-\\d{4,} — ${title}$`));
    matterId = new URL(page.url()).pathname.split('/').pop()!;
    const parties = page.getByRole('region', { name: 'Client and parties' });
    await parties.getByText(`Client: ${customerName}`).waitFor();
    // Each party a row of the editable table, with its type.
    for (const name of [opponentName, newCompany]) {
      const row = parties.getByRole('row').filter({ hasText: name });
      await row.waitFor();
      expect(await row.textContent()).toContain(visibleType);
    }
    await screenshot(page, 'admin-request-accepted-matter');
    // The new company is a contact now, with the address the customer gave.
    await parties.getByRole('link', { name: newCompany }).click();
    await page.getByRole('heading', { name: newCompany }).waitFor();
    expect(await page.getByLabel('Email', { exact: true }).inputValue()).toBe(newEmail);
    // The customer sees the matter their request became.
    expect(expectStatus(await customer.api.get(`/matters/${matterId}`), 200).title).toBe(title);
  });

  it('lists the request as accepted, with its matter', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Requests' }).click();
    await page.getByRole('link', { name: 'Accepted', exact: true }).click();
    const row = await rowOf(title);
    expect(await row.getByRole('link', { name: `Open the matter of ${title}` }).getAttribute('href')).toBe(`/matters/${matterId}`);
    await row.getByRole('link', { name: title, exact: true }).click();
    await page.getByText(new RegExp(`Accepted by ${staff.email} on`)).waitFor();
    expect(await page.getByRole('button', { name: 'Accept and create the matter' }).count()).toBe(0);
  });

  it('declines the second request with a reason after a confirmation; it moves to the Declined list', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Requests' }).click();
    await (await rowOf(declinedTitle)).getByRole('link', { name: declinedTitle, exact: true }).click();
    await page.getByRole('heading', { name: declinedTitle, level: 1 }).waitFor();
    await page.getByText('The customer sent no files with this request.').waitFor();
    const decline = page.getByRole('button', { name: 'Decline…' });
    expect(await decline.isDisabled()).toBe(true);
    await page.getByLabel('Reason (emailed to the customer)').fill('We do not handle tax matters.');
    await decline.click();
    const dialog = page.getByRole('dialog', { name: 'Decline the request' });
    await dialog.getByText('The customer is emailed your reason').waitFor();
    await screenshot(page, 'admin-request-decline');
    await dialog.getByRole('button', { name: 'Confirm decline' }).click();
    await page.getByText(new RegExp(`Declined by ${staff.email} on`)).waitFor();
    await page.getByText('We do not handle tax matters.').waitFor();
    await page.getByRole('link', { name: 'Back to requests' }).click();
    await page.getByRole('link', { name: 'Declined', exact: true }).waitFor();
    expect(await page.getByRole('link', { name: 'Declined', exact: true }).getAttribute('aria-current')).toBe('page');
    await rowOf(declinedTitle);
    // No longer open: once the Open list has loaded (its rows or its empty message), the request is not in it.
    await page.getByRole('link', { name: 'Open', exact: true }).click();
    const openList = page.getByRole('table', { name: 'Open requests' }).or(page.getByText('No open requests'));
    await expect
      .poll(async () => ((await page.locator('.loading').count()) === 0 && (await openList.count()) > 0 ? page.getByRole('row', { name: new RegExp(declinedTitle) }).count() : 'loading'))
      .toBe(0);
    expect(view.problems).toEqual([]);
  });
});
