/**
 * The portal's "Your account" page in Chromium: a signed-in customer changes their password
 * (Cognito ChangePassword with the access token kept at sign-in) and, where the pool's MFA is
 * optional, sets up an authenticator app that the next sign-in then asks for. The hosted-login
 * pages on the way cause no failed request (no missing icon) and no console error.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, totpCode } from '../../local-cloud/identities.ts';
import { cloudModel, readTemplate } from '../../local-cloud/template.ts';
import { passwordProblem, type PasswordPolicy } from '../../web/common/password-policy.ts';
import { enterPassword, enterTotp, launchBrowser, screenshot, visitor, type Visitor } from '../support/browser.ts';
import { cloud, customerSession, staffSession } from '../support/world.ts';

const FIRST = 'Correct-horse-42!';
const SECOND = 'Profile-page-pass-2026!';

/** The customer pool as the synthesized template declares it (the global setup synthesized into cdk.out). */
function customerPool(): { MfaConfiguration?: 'OFF' | 'OPTIONAL' | 'ON'; Policies?: { PasswordPolicy?: PasswordPolicy } } {
  const pool = cloudModel(readTemplate('cdk.out', 'Portico'), 'cdk.out').userPools.find((p) => /^Customer/.test(p.logicalId));
  if (!pool) throw new Error('The template has no customer pool');
  return pool.properties;
}

/** Every answer of 404 or more the browser saw, except those the test provokes on purpose (Cognito's 400 refusals). */
function failedRequests(page: Page): string[] {
  const failed: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 404) failed.push(`${r.status()} ${r.request().method()} ${r.url()}`);
  });
  return failed;
}

async function openAccountByKeyboard(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Your account' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Your account' }).waitFor();
}

const passwordAlert = (page: Page) => page.getByRole('region', { name: 'Change your password' }).getByRole('alert');
const codesRegion = (page: Page) => page.getByRole('region', { name: 'Sign-in codes' });

async function fillPasswords(page: Page, current: string, proposed: string, confirm = proposed): Promise<void> {
  await page.getByLabel('Current password').fill(current);
  await page.getByLabel('New password', { exact: true }).fill(proposed);
  await page.getByLabel('Confirm the new password').fill(confirm);
  await page.getByLabel('Confirm the new password').press('Enter');
}

describe('portal: your account', () => {
  let browser: Browser;
  let admin: Awaited<ReturnType<typeof staffSession>>;

  beforeAll(async () => {
    browser = await launchBrowser();
    admin = await staffSession({ admin: true, name: 'Profile Page Admin' });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('a customer changes their password from the account page, with messages they can act on', async () => {
    const customer = await customerSession(admin, { name: 'Petra Profile' });
    const visit: Visitor = await visitor(browser, 'phone');
    const { page } = visit;
    const failed = failedRequests(page);
    await page.goto(cloud().web.portalUrl);
    await enterPassword(page, customer.email, FIRST);
    await page.getByRole('heading', { name: 'Shared with you' }).waitFor();
    await openAccountByKeyboard(page);
    await page.getByText(`Signed in as ${customer.email}`).waitFor();

    await fillPasswords(page, 'Not-my-password-1!', SECOND);
    await expect.poll(() => passwordAlert(page).textContent()).toBe('Your current password is not right. Type the password you signed in with.');
    await fillPasswords(page, FIRST, SECOND, `${SECOND}x`);
    await expect.poll(() => passwordAlert(page).textContent()).toContain('The two new passwords are not the same.');
    // The served config carries the pool's policy: the page says what is missing before Cognito is asked.
    await fillPasswords(page, FIRST, 'weak');
    await expect.poll(() => passwordAlert(page).textContent()).toMatch(/^This password is not strong enough\. It needs at least 12 characters/);

    await fillPasswords(page, FIRST, SECOND);
    await page.getByRole('status').filter({ hasText: 'Your password has been changed.' }).waitFor();
    expect(await page.getByLabel('Current password').inputValue()).toBe('');
    const config = await (await fetch(`${cloud().web.portalUrl}/config.json`)).json();
    // Authenticator set-up is offered only where the config says the pool's MFA is optional.
    expect(await codesRegion(page).count()).toBe(config.mfaConfiguration === 'OPTIONAL' ? 1 : 0);
    await screenshot(page, '18-portal-account-password-changed');

    const tokens = await signIn(cloud().endpoints.cognito, cloud().customerPool, { email: customer.email, password: SECOND });
    expect(tokens.IdToken).toBeTruthy();
    await expect(signIn(cloud().endpoints.cognito, cloud().customerPool, { email: customer.email, password: FIRST })).rejects.toThrow();
    expect(failed).toEqual([]);
    expect(visit.problems).toEqual([]);
  });

  it('with the pool\'s MFA setting and policy in its config, the page lists what a password lacks and sets up an authenticator app', async () => {
    const pool = customerPool();
    expect(pool.MfaConfiguration).toBe('OPTIONAL'); // portico:customerMfa's default
    const customer = await customerSession(admin, { name: 'Tom Totp' });
    const visit = await visitor(browser);
    const { page } = visit;
    const failed = failedRequests(page);
    // What /config.json would carry once the stack writes the pool's settings into it (see the report; lib/ is not changed here).
    await page.route('**/config.json', async (route) => {
      const served = await (await route.fetch()).json();
      await route.fulfill({ json: { ...served, mfaConfiguration: pool.MfaConfiguration, passwordPolicy: pool.Policies?.PasswordPolicy } });
    });
    await page.goto(cloud().web.portalUrl);
    await enterPassword(page, customer.email, FIRST);
    await page.getByRole('heading', { name: 'Shared with you' }).waitFor();
    await openAccountByKeyboard(page);

    await fillPasswords(page, FIRST, 'weak');
    await expect.poll(() => passwordAlert(page).textContent()).toBe(passwordProblem(pool.Policies?.PasswordPolicy, 'weak'));
    // The policy stands beside the field, read out with it.
    expect(await page.getByLabel('New password', { exact: true }).getAttribute('aria-describedby')).toBe('password-rules');
    expect(await page.locator('#password-rules').textContent()).toMatch(new RegExp(`^At least ${pool.Policies?.PasswordPolicy?.MinimumLength} characters, with `));

    await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
    const key = page.getByLabel('Key for your authenticator app');
    await key.waitFor();
    const secret = await key.inputValue();
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    const link = await page.getByLabel('Set-up link').inputValue();
    expect(link).toMatch(new RegExp(`^otpauth://totp/[^?]+:${encodeURIComponent(customer.email)}\\?secret=${secret}&issuer=`));
    // The code field has the focus, so the person can type straight away.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('totp-code');
    await screenshot(page, '19-portal-account-authenticator');

    const right = totpCode(secret);
    await page.getByLabel('Code from your authenticator app').fill(right === '000000' ? '111111' : '000000');
    await page.getByLabel('Code from your authenticator app').press('Enter');
    await expect.poll(() => codesRegion(page).getByRole('alert').textContent()).toBe('That code is not right. Enter the 6-digit code your authenticator app shows now.');
    await page.getByLabel('Code from your authenticator app').fill(totpCode(secret));
    await page.getByRole('button', { name: 'Turn on sign-in codes' }).click();
    await page.getByRole('status').filter({ hasText: 'Sign-in codes are on' }).waitFor();
    await page.reload();
    await page.getByRole('status').filter({ hasText: 'Sign-in codes are on' }).waitFor();

    // The next sign-in asks for the app's code.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Username').waitFor();
    await enterPassword(page, customer.email, FIRST);
    await page.getByRole('heading', { name: 'Enter your sign-in code' }).waitFor();
    await enterTotp(page, secret);
    await page.getByRole('heading', { name: 'Shared with you' }).waitFor();
    expect(failed).toEqual([]);
    expect(visit.problems).toEqual([]);
  });

  it('the sign-in page keeps the username after a wrong password, and "Forgot your password?" leads to the reset form', async () => {
    const visit = await visitor(browser);
    const { page } = visit;
    const failed = failedRequests(page);
    await page.goto(cloud().web.portalUrl);
    await enterPassword(page, 'someone@example.test', 'Wrong-password-1!');
    await page.getByRole('alert').filter({ hasText: 'Incorrect username or password.' }).waitFor();
    expect(await page.getByLabel('Username').inputValue()).toBe('someone@example.test');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByRole('heading', { name: 'Forgot your password?' }).waitFor();
    await page.getByLabel('Email').fill('someone@example.test');
    await page.getByRole('button', { name: 'Send me a code' }).click();
    await page.getByRole('heading', { name: 'Reset your password' }).waitFor();
    await screenshot(page, '20-hosted-login-reset-password');
    expect(failed).toEqual([]);
    expect(visit.problems).toEqual([]);
  });
});
