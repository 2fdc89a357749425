/**
 * The admin UI's drive, settings, staff users and activity pages in Chromium against the real
 * staff API: what a staff member does and sees, and that the API's messages reach the screen.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailsTo } from '../../local-cloud/mailbox.ts';
import { enterPassword, enterTotp, launchBrowser, screenshot, visitor, type Visitor } from '../support/browser.ts';
import { cloud, eventually, expectStatus, staffSession, uniqueEmail } from '../support/world.ts';

describe('admin UI pages', () => {
  let browser: Browser;
  let admin: Awaited<ReturnType<typeof staffSession>>;
  let staff: Visitor;
  let page: Page;
  const tag = Date.now().toString(36);
  const folder = `Clients ${tag}`;
  const archive = `Archive ${tag}`;

  beforeAll(async () => {
    browser = await launchBrowser();
    admin = await staffSession({ admin: true, name: 'Pages Admin' });
    staff = await visitor(browser);
    page = staff.page;
    await page.goto(`${cloud().web.adminUrl}/drive`);
    await enterPassword(page, admin.email, admin.credentials.password);
    await enterTotp(page, admin.credentials.totpSecret);
    await page.getByRole('heading', { name: 'Drive' }).first().waitFor();
  }, 60_000);

  afterAll(async () => {
    await admin?.api.raw('PATCH', '/settings', { branding: { firmName: 'Portico Demo Firm' } });
    await browser?.close();
  });

  const folderId = async (name: string) =>
    expectStatus(await admin.api.get('/drive/folders/root/items?limit=100'), 200).items.find((i: { name: string }) => i.name === name).itemId;
  const row = (name: string) => page.getByRole('row', { name: new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) });

  it('creates folders and uploads several files at once, each with its own progress bar', async () => {
    for (const name of [folder, archive]) {
      await page.getByRole('button', { name: 'New folder' }).click();
      await page.getByLabel('Folder name').fill(name);
      await page.getByRole('button', { name: 'Create folder' }).click();
      await page.getByRole('link', { name, exact: true }).first().waitFor();
    }
    await page.getByRole('link', { name: folder, exact: true }).first().click();
    await page.getByRole('heading', { name: 'Drive' }).first().waitFor();
    await page.getByLabel('Upload files').setInputFiles([
      { name: 'minutes.txt', mimeType: 'text/plain', buffer: Buffer.from('Minutes of the meeting\n'.repeat(100)) },
      { name: 'budget.csv', mimeType: 'text/csv', buffer: Buffer.from('item,amount\nrent,1200\n') },
    ]);
    for (const name of ['minutes.txt', 'budget.csv']) await page.getByRole('progressbar', { name: `Uploading ${name}` }).waitFor();
    await expect.poll(() => page.getByText('Uploaded', { exact: true }).count()).toBe(2);
    await row('minutes.txt').waitFor();
    await row('budget.csv').waitFor();
    await screenshot(page, '10-admin-drive-uploads');
  });

  it('uploads a large file in parts (multipart) with one progress bar, and it arrives whole', async () => {
    // Over the 100 MiB threshold: two presigned part PUTs from the browser, completed with their ETags.
    const big = path.join(mkdtempSync(path.join(tmpdir(), 'portico-big-')), 'scan-archive.bin');
    const bytes = randomBytes(101 * 1024 * 1024);
    writeFileSync(big, bytes);
    await page.getByLabel('Upload files').setInputFiles(big);
    await page.getByRole('progressbar', { name: 'Uploading scan-archive.bin' }).waitFor();
    await row('scan-archive.bin').waitFor({ timeout: 60_000 });
    const item = expectStatus(await admin.api.get(`/drive/folders/${await folderId(folder)}/items`), 200).items.find((i: { name: string }) => i.name === 'scan-archive.bin');
    expect(item).toMatchObject({ status: 'ready', size: bytes.length });
    const { url } = expectStatus(await admin.api.get(`/drive/items/${item.itemId}/download`), 200);
    const downloaded = Buffer.from(await (await fetch(url)).arrayBuffer());
    expect(createHash('sha256').update(downloaded).digest('hex')).toBe(createHash('sha256').update(bytes).digest('hex'));
    rmSync(path.dirname(big), { recursive: true, force: true });
    // Leave the folder as the next test expects it.
    expectStatus(await admin.api.raw('DELETE', `/drive/items/${item.itemId}`), 200);
    await page.reload();
    await row('minutes.txt').waitFor();
  }, 120_000);

  it('renames, moves to another folder, deletes to the trash and restores', async () => {
    await row('budget.csv').getByRole('button', { name: 'Rename budget.csv' }).click();
    await page.getByLabel('New name').fill('budget-2026.csv');
    await page.getByRole('button', { name: 'Save' }).click();
    await row('budget-2026.csv').waitFor();

    await row('budget-2026.csv').getByRole('button', { name: 'Move budget-2026.csv' }).click();
    const move = page.getByRole('dialog', { name: 'Move budget-2026.csv' });
    await move.getByRole('button', { name: archive, exact: true }).click();
    await move.getByRole('button', { name: 'Move here' }).click();
    await expect.poll(() => row('budget-2026.csv').count()).toBe(0);

    await row('minutes.txt').getByRole('button', { name: 'Delete minutes.txt' }).click();
    await page.getByRole('button', { name: 'Move to trash' }).click();
    await expect.poll(() => row('minutes.txt').count()).toBe(0);

    await page.getByRole('link', { name: 'Trash' }).first().click();
    await page.getByRole('heading', { name: 'Trash' }).waitFor();
    await page.getByRole('button', { name: 'Restore minutes.txt' }).first().click();
    await expect.poll(() => page.getByRole('button', { name: 'Restore minutes.txt' }).count()).toBe(0);
    await screenshot(page, '11-admin-trash');
    // The drive on a phone: rows become cards, nothing wider than the screen.
    await page.setViewportSize({ width: 375, height: 740 });
    await page.getByRole('link', { name: 'Drive', exact: true }).first().click();
    await page.getByRole('link', { name: folder, exact: true }).first().click();
    await row('minutes.txt').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await screenshot(page, '11b-admin-drive-phone');
    await page.setViewportSize({ width: 1280, height: 860 });

    // The API agrees: minutes.txt is back in its folder, budget-2026.csv sits in the archive.
    const root = expectStatus(await admin.api.get('/drive/folders/root/items?limit=100'), 200).items;
    const idOf = (name: string) => root.find((i: { name: string }) => i.name === name).itemId;
    const names = async (id: string) => expectStatus(await admin.api.get(`/drive/folders/${id}/items`), 200).items.map((i: { name: string }) => i.name);
    expect(await names(idOf(folder))).toEqual(['minutes.txt']);
    expect(await names(idOf(archive))).toEqual(['budget-2026.csv']);
  });

  it('shares a folder with a contact from the drive, and the contact is told', async () => {
    const email = uniqueEmail('drive-share');
    const name = `Dee Drive ${tag}`;
    // Only a contact with portal access is told of a share.
    const contact = expectStatus(await admin.api.post('/contacts', { kind: 'person', name, email }), 201);
    expectStatus(await admin.api.post(`/contacts/${contact.contactId}/access`), 200);
    await page.getByRole('link', { name: 'Drive', exact: true }).first().click();
    await row(folder).getByRole('button', { name: `Share ${folder} with…` }).click();
    const dialog = page.getByRole('dialog', { name: `Share ${folder} with a contact` });
    await dialog.getByLabel('Search contacts').fill(name);
    await dialog.getByRole('button', { name: new RegExp(name) }).click();
    await dialog.getByRole('button', { name: 'Share', exact: true }).click();
    const told = await eventually(async () => (await emailsTo(cloud().endpoints.ses, email)).find((e) => /shared/.test(e.subject)), 'the sharing email');
    expect(told.body.text).toContain(folder);
  });

  it('settings: a wrong value shows the API\'s message and changes nothing; a right one is saved', async () => {
    // The tab names the firm, from the run-time branding, and follows a change of name.
    const firmName = expectStatus(await admin.api.get('/settings'), 200).branding.firmName;
    await expect.poll(() => page.title()).toBe(`${firmName} — staff`);
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    await page.getByLabel('Colour').fill('blue');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(async () => (await page.getByRole('alert').allTextContents()).join(' ')).toMatch(/colour/i);
    expect(expectStatus(await admin.api.get('/settings'), 200).branding.colour).not.toBe('blue');

    await page.getByLabel('Colour').fill('#225588');
    await page.getByLabel('Firm name').fill(`Firm ${tag}`);
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved.').waitFor();
    expect(expectStatus(await admin.api.get('/settings'), 200).branding).toMatchObject({ colour: '#225588', firmName: `Firm ${tag}` });
    await expect.poll(() => page.title()).toBe(`Firm ${tag} — staff`);
    await screenshot(page, '12-admin-settings');

    // The roles staff pick from when linking contacts; an empty list is refused with the API's message.
    const roles = page.getByLabel('Roles, one per line');
    const before = await roles.inputValue();
    await roles.fill('');
    await page.getByRole('button', { name: 'Save roles' }).click();
    await expect.poll(async () => (await page.getByRole('alert').allTextContents()).join(' ')).toMatch(/roles/i);
    await roles.fill(`${before}
Auditor ${tag}`);
    await page.getByRole('button', { name: 'Save roles' }).click();
    await page.getByText('Roles saved.').waitFor();
    // Roles are kept in lower case, and the form shows what was kept.
    expect(expectStatus(await admin.api.get('/roles'), 200).roles).toContain(`auditor ${tag}`);
    expect(await roles.inputValue()).toContain(`auditor ${tag}`);
    expectStatus(await admin.api.raw('PUT', '/roles', { roles: before.split('\n') }), 200);
  });

  it('settings: an admin adds a kind of request and a flag customers see; a name listed twice is refused with the API\'s message', async () => {
    const listsBefore = expectStatus(await admin.api.get('/matter-lists'), 200);
    await page.getByRole('link', { name: 'Settings' }).click();
    const editor = page.getByRole('region', { name: 'Lists for matters and requests' });
    await editor.waitFor();
    await editor.getByRole('button', { name: 'Add a kind of request' }).click();
    await editor.getByLabel(`Kind ${listsBefore.requestKinds.length + 1}`, { exact: true }).fill(`Lease review ${tag}`);
    await editor.getByRole('button', { name: 'Add a flag' }).click();
    await editor.getByLabel(`Flag ${listsBefore.flags.length + 1}`, { exact: true }).fill(`VIP ${tag}`);
    await editor.getByRole('checkbox', { name: 'Customers see this flag' }).last().check();
    await editor.getByRole('button', { name: 'Save the lists' }).click();
    await editor.getByText('Lists saved.').waitFor();
    const after = expectStatus(await admin.api.get('/matter-lists'), 200);
    expect(after.requestKinds).toContainEqual({ name: `Lease review ${tag}` });
    expect(after.flags).toContainEqual({ name: `VIP ${tag}`, customerVisible: true });
    await screenshot(page, '12b-admin-matter-lists');
    // The same name twice: the API says which, and nothing changes.
    await editor.getByRole('button', { name: 'Add a kind of request' }).click();
    await editor.getByLabel(`Kind ${listsBefore.requestKinds.length + 2}`, { exact: true }).fill(`lease review ${tag}`);
    await editor.getByRole('button', { name: 'Save the lists' }).click();
    await expect.poll(async () => (await editor.getByRole('alert').allTextContents()).join(' ')).toMatch(/listed twice/);
    expect(expectStatus(await admin.api.get('/matter-lists'), 200)).toEqual(after);
    expectStatus(await admin.api.raw('PUT', '/matter-lists', listsBefore), 200);
  });

  it('settings: the seats field says how many seats are used and left, and what holds a seat', async () => {
    const { seatUsage, selfSignUp } = expectStatus(await admin.api.get('/settings'), 200);
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    const seatsWord = seatUsage.used === 1 ? 'seat' : 'seats';
    await page.getByText(`${seatUsage.used} ${seatsWord} used, ${seatUsage.left} left.`).waitFor();
    // The rule is the field's description, so a screen reader reads it with the field.
    const described = await page.getByLabel('Seats').evaluate((input) =>
      (input.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' '),
    );
    expect(described).toContain('Every customer whose portal access is open');
    expect(described).toContain('Closing their access (or archiving the contact) frees it.');

    await page.getByLabel('Seats').fill(String(seatUsage.used + 3));
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved.').waitFor();
    await page.getByText(`${seatUsage.used} ${seatsWord} used, 3 left.`).waitFor();
    await screenshot(page, '12b-admin-settings-seats');
    expectStatus(await admin.api.raw('PATCH', '/settings', { selfSignUp: { seats: selfSignUp.seats } }), 200);
  });

  const colleague = uniqueEmail('colleague');
  it('staff users: invite, then disable and enable', async () => {
    const email = colleague;
    await page.getByRole('link', { name: 'Staff users' }).click();
    await page.getByRole('heading', { name: 'Staff users' }).waitFor();
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Name').fill('Cole League');
    await page.getByRole('button', { name: 'Invite' }).click();
    await page.getByRole('button', { name: `Disable ${email}` }).click();
    await page.getByRole('button', { name: `Enable ${email}` }).click();
    await page.getByRole('button', { name: `Disable ${email}` }).waitFor();
    await eventually(async () => (await emailsTo(cloud().endpoints.ses, email))[0], 'the staff invitation');
    await screenshot(page, '13-admin-staff-users');
  });

  it('staff users: make a colleague an administrator and regular staff again, from the keyboard; the last admin is refused with the API\'s message', async () => {
    const promote = page.getByRole('button', { name: `Make ${colleague} an administrator` });
    await promote.focus();
    await page.keyboard.press('Enter');
    const confirm = page.getByRole('dialog', { name: `Make ${colleague} an administrator` });
    await confirm.waitFor();
    // Focus is in the confirmation: Enter confirms.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Make administrator');
    await page.keyboard.press('Enter');
    await row(colleague).getByRole('cell', { name: 'Administrator', exact: true }).waitFor();
    await page.getByText(/is now an administrator/).waitFor();
    const username = expectStatus(await admin.api.get('/staff-users?limit=200'), 200).items.find((u: { email: string }) => u.email === colleague).username;
    expect(expectStatus(await admin.api.get('/staff-users?limit=200'), 200).items.find((u: { email: string }) => u.email === colleague).admin).toBe(true);

    // Escape closes the confirmation without a change, and focus returns to the button that opened it.
    const demote = page.getByRole('button', { name: `Make ${colleague} a regular staff member` });
    await demote.click();
    await page.getByRole('dialog', { name: `Make ${colleague} a regular staff member` }).waitFor();
    await screenshot(page, '13b-admin-staff-role-confirm');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(`Make ${colleague} a regular staff member`);
    await demote.click();
    await page.getByRole('button', { name: 'Make regular staff', exact: true }).click();
    await row(colleague).getByRole('cell', { name: 'Staff', exact: true }).waitFor();
    const trail = expectStatus(await admin.api.get('/audit?limit=10'), 200).items;
    expect(trail.find((e: { action: string }) => e.action === 'staff.made_staff')).toMatchObject({ actor: admin.email, details: { email: colleague } });
    expect(username).toBeTruthy();

    // With every other admin disabled, this admin is the last one: the page shows the API's refusal.
    const others = expectStatus(await admin.api.get('/staff-users?limit=200'), 200).items.filter((u: { admin: boolean; enabled: boolean; email: string }) => u.admin && u.enabled && u.email !== admin.email);
    for (const o of others) expectStatus(await admin.api.raw('PUT', `/staff-users/${o.username}/enabled`, { enabled: false }), 200);
    try {
      const self = page.getByRole('button', { name: `Make ${admin.email} a regular staff member` });
      while (!(await self.count())) await page.getByRole('button', { name: 'Load more' }).click();
      await self.click();
      await page.getByRole('button', { name: 'Make regular staff', exact: true }).click();
      await expect.poll(async () => (await page.getByRole('alert').allTextContents()).join(' ')).toMatch(/last enabled administrator/);
      await screenshot(page, '13c-admin-staff-last-admin');
      await page.getByRole('button', { name: 'Cancel' }).click();
      expect(expectStatus(await admin.api.get('/staff-users?limit=200'), 200).items.find((u: { email: string }) => u.email === admin.email).admin).toBe(true);
    } finally {
      for (const o of others) await admin.api.raw('PUT', `/staff-users/${o.username}/enabled`, { enabled: true });
    }
  });

  it('an address that bounced shows as undeliverable in the contact list and on the contact, with what to do', async () => {
    const email = `bounce+${tag}@simulator.amazonses.com`;
    const contact = expectStatus(await admin.api.post('/contacts', { kind: 'person', name: `Bruno Bounce ${tag}`, email }), 201);
    expectStatus(await admin.api.post(`/contacts/${contact.contactId}/access`), 200);
    await eventually(async () => expectStatus(await admin.api.get(`/contacts/${contact.contactId}`), 200).undeliverable, 'the bounce to mark the contact');
    await page.goto(`${cloud().web.adminUrl}/contacts`);
    await page.getByLabel('Search contacts').fill(`Bruno Bounce ${tag}`);
    await expect.poll(() => row(`Bruno Bounce ${tag}`).getByText('Undeliverable').count()).toBe(1);
    await row(`Bruno Bounce ${tag}`).getByRole('link', { name: `Bruno Bounce ${tag}` }).click();
    const notice = page.getByRole('note').filter({ hasText: 'bounced' });
    await expect.poll(() => notice.innerText()).toMatch(/Emails to this address bounced on .+\. Correct the address to reach this contact again\./);
    await screenshot(page, '14b-admin-contact-undeliverable');
  });

  it('activity: the firm\'s audit trail shows what was just done', async () => {
    await page.getByRole('link', { name: 'Activity' }).click();
    await page.getByRole('heading', { name: 'Activity' }).waitFor();
    await expect.poll(() => page.getByText(admin.email).count()).toBeGreaterThan(0);
    await screenshot(page, '14-admin-activity');
    expect(staff.problems).toEqual([]);
  });
});
