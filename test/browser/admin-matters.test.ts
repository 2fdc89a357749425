/**
 * The admin UI's matters in Chromium against the real staff API: create one for a client, change
 * it, approve and reopen it; then edit everything else it has on its page (reference, client and
 * parties, deadlines, responsible staff, tasks, archiving), see each stored after a reload, see the
 * client's portal API show only the customer-visible parts, and read the matter's activity.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enterPassword, enterTotp, launchBrowser, screenshot, visitor, type Visitor } from '../support/browser.ts';
import { cloud, customerSession, expectStatus, staffSession } from '../support/world.ts';

describe('admin UI: matters', () => {
  let browser: Browser;
  let page: Page;
  let view: Visitor;
  let staff: Awaited<ReturnType<typeof staffSession>>;
  let customer: Awaited<ReturnType<typeof customerSession>>;
  let visiblePartyType: string;
  let matterId: string;
  const tag = Date.now().toString(36);
  const clientName = `Matterclient ${tag}`;
  const title = `Lease renewal ${tag}`;
  const customerName = `Cleo Customer ${tag}`;
  const partyName = `Opposing Landlord ${tag}`;
  const takenReference = `TAKEN-${tag}`;
  const reference = `LEASE-${tag}`;
  const visibleDeadline = `Hearing ${tag}`;
  const internalDeadline = `Partner review ${tag}`;
  const task = `Draft the reply ${tag}`;
  const colleague = `colleague-${tag}@example.test`;

  beforeAll(async () => {
    browser = await launchBrowser();
    staff = await staffSession({ name: 'Matters Staff' });
    const organisation = expectStatus(await staff.api.post('/contacts', { kind: 'organisation', name: clientName }), 201);
    expectStatus(await staff.api.post('/contacts', { kind: 'person', name: partyName }), 201);
    customer = await customerSession(staff, { name: customerName });
    visiblePartyType = expectStatus(await staff.api.get('/matter-lists'), 200).partyTypes.find((p: { customerVisible: boolean }) => p.customerVisible).name;
    // Another matter holds a reference, so taking it again is refused.
    expectStatus(await staff.api.post('/matters', { title: `Other ${tag}`, clientId: organisation.contactId, reference: takenReference }), 201);
    view = await visitor(browser);
    page = view.page;
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
    matterId = new URL(page.url()).pathname.split('/').pop()!;
  });

  it('changes status and flags, then approves and reopens, saying who approved', async () => {
    const status = page.getByLabel('Status');
    const second = await status.locator('option').nth(1).getAttribute('value');
    await status.selectOption(second!);
    await page.getByRole('checkbox', { name: /\(customers see it\)/ }).first().check();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Matter saved.' }).waitFor();
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.getByText(`Approved by ${staff.email} on`).waitFor();
    await screenshot(page, 'admin-matter-page');
    await page.getByRole('button', { name: 'Reopen for approval' }).click();
    await page.getByText('Not approved yet.').waitFor();
  });

  it('changes the reference; one another matter has is refused with the reason', async () => {
    const details = page.getByRole('region', { name: 'Matter details' });
    await details.getByLabel('Reference').fill(takenReference);
    await details.getByRole('button', { name: 'Save', exact: true }).click();
    await details.getByRole('alert').filter({ hasText: `"${takenReference}" is another matter's reference` }).waitFor();
    await details.getByLabel('Reference').fill(reference);
    await details.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: `${reference} — ${title}` }).waitFor();
  });

  it('adds a deadline customers see and an internal one', async () => {
    const deadlines = page.getByRole('region', { name: 'Deadlines', exact: true });
    for (const [label, date, visible] of [[visibleDeadline, '2027-05-20', true], [internalDeadline, '2027-05-10', false]] as const) {
      await deadlines.getByLabel('Label', { exact: true }).fill(label);
      await deadlines.getByLabel('Date', { exact: true }).fill(date);
      await deadlines.getByLabel('Customers see this deadline').setChecked(visible);
      await deadlines.getByRole('button', { name: 'Add deadline' }).click();
      await deadlines.getByRole('row', { name: new RegExp(label) }).waitFor();
    }
    await deadlines.getByText('Changes not saved yet.').waitFor();
    await deadlines.getByRole('button', { name: 'Save deadlines' }).click();
    await deadlines.getByRole('status').filter({ hasText: 'Deadlines saved.' }).waitFor();
  });

  it('makes a customer the client and adds a party found by name, with a type customers see', async () => {
    const parties = page.getByRole('region', { name: 'Client and parties' });
    await parties.getByRole('button', { name: 'Change the client' }).click();
    await parties.getByLabel('New client (find a contact)').fill(customerName);
    await parties.getByRole('button', { name: customerName }).click();
    await parties.getByLabel('Party (find a contact)').fill(partyName);
    await parties.getByRole('button', { name: partyName }).click();
    await parties.getByLabel('Party type').selectOption({ label: `${visiblePartyType} (customers see it)` });
    await parties.getByRole('button', { name: 'Add party' }).click();
    await parties.getByRole('row', { name: new RegExp(partyName) }).waitFor();
    await parties.getByRole('button', { name: 'Save client and parties' }).click();
    await parties.getByRole('status').filter({ hasText: 'Client and parties saved.' }).waitFor();
  });

  it('adds a responsible staff member by email', async () => {
    const responsible = page.getByRole('region', { name: 'Responsible staff' });
    await responsible.getByLabel('Staff member’s email').fill(colleague);
    await responsible.getByRole('button', { name: 'Add staff member' }).click();
    await responsible.getByRole('row', { name: new RegExp(colleague) }).waitFor();
    await responsible.getByRole('button', { name: 'Save responsible staff' }).click();
    await responsible.getByRole('status').filter({ hasText: 'Responsible staff saved.' }).waitFor();
  });

  it('adds an internal task with an assignee, then ticks it done', async () => {
    const tasks = page.getByRole('region', { name: 'Tasks', exact: true });
    await tasks.getByText('Internal: customers never see tasks.').waitFor();
    await tasks.getByLabel('Task', { exact: true }).fill(task);
    await tasks.getByLabel('Due', { exact: true }).fill('2027-05-01');
    await tasks.getByLabel('Assignee (staff email)').fill(staff.email);
    await tasks.getByRole('button', { name: 'Add task' }).click();
    await tasks.getByRole('button', { name: 'Save tasks' }).click();
    await tasks.getByRole('status').filter({ hasText: 'Tasks saved.' }).waitFor();
    await tasks.getByRole('checkbox', { name: `${task} done` }).check();
    await tasks.getByRole('button', { name: 'Save tasks' }).click();
    await tasks.getByRole('status').filter({ hasText: 'Tasks saved.' }).waitFor();
    expect(expectStatus(await staff.api.get(`/matters/${matterId}`), 200).tasks).toEqual([expect.objectContaining({ title: task, assignee: staff.email, dueDate: '2027-05-01', done: true })]);
  });

  it('shows each change stored after a reload, and the changes in the activity in words', async () => {
    await page.reload();
    const deadlines = page.getByRole('region', { name: 'Deadlines', exact: true });
    await expect.poll(() => deadlines.getByRole('row', { name: new RegExp(visibleDeadline) }).textContent()).toContain('May 20, 2027');
    expect(await deadlines.getByRole('row', { name: new RegExp(visibleDeadline) }).textContent()).toContain('Customers see it');
    expect(await deadlines.getByRole('row', { name: new RegExp(internalDeadline) }).textContent()).toContain('Internal');
    const parties = page.getByRole('region', { name: 'Client and parties' });
    await parties.getByRole('link', { name: customerName }).waitFor();
    await expect.poll(() => parties.getByRole('row', { name: new RegExp(partyName) }).textContent()).toContain(`${visiblePartyType} (customers see it)`);
    await page.getByRole('region', { name: 'Responsible staff' }).getByRole('row', { name: new RegExp(colleague) }).waitFor();
    const tasks = page.getByRole('region', { name: 'Tasks', exact: true });
    expect(await tasks.getByRole('checkbox', { name: `${task} done` }).isChecked()).toBe(true);
    expect(await tasks.getByRole('row', { name: new RegExp(task) }).textContent()).toContain(staff.email);
    const activity = page.getByRole('region', { name: 'Activity', exact: true });
    await activity.getByRole('row').filter({ hasText: 'Changed a matter' }).filter({ hasText: 'fields: tasks' }).first().waitFor();
    await activity.getByRole('row').filter({ hasText: /Opened a matter/ }).waitFor();
    await screenshot(page, 'admin-matter-edit');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done(null))));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'admin-matter-edit-phone');
    await page.setViewportSize({ width: 1280, height: 860 });
  });

  it('the client sees the visible deadline and party, never the internal deadline nor the task', async () => {
    const seen = expectStatus(await customer.api.get(`/matters/${matterId}`), 200);
    expect(seen.deadlines).toEqual([{ label: visibleDeadline, date: '2027-05-20' }]);
    expect(seen.parties).toEqual([{ name: partyName, partyType: visiblePartyType }]);
    const text = JSON.stringify(seen);
    for (const hidden of [internalDeadline, task, colleague, staff.email]) expect(text).not.toContain(hidden);
  });

  it('archives the matter after a confirmation, which takes it from the client, and brings it back', async () => {
    const archive = page.getByRole('region', { name: 'Archive', exact: true });
    await archive.getByRole('button', { name: 'Archive this matter' }).click();
    await archive.getByRole('dialog').getByRole('button', { name: 'Archive this matter' }).click();
    await page.getByText('This matter is archived: the client does not see it in their portal.').first().waitFor();
    expectStatus(await customer.api.get(`/matters/${matterId}`), 404);
    await archive.getByRole('button', { name: 'Bring this matter back' }).click();
    await archive.getByRole('dialog').getByRole('button', { name: 'Bring this matter back' }).click();
    await archive.getByRole('button', { name: 'Archive this matter' }).waitFor();
    expectStatus(await customer.api.get(`/matters/${matterId}`), 200);
    expect(view.problems).toEqual([]);
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
