/**
 * Playwright (playwright-core) driving Debian's Chromium against the local cloud's web UIs.
 * Screenshots of the main screens go to test-results/screenshots as artifacts.
 */
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { totpCode } from '../../local-cloud/identities.ts';

const SCREENSHOTS = path.resolve('test-results', 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    // Without the background-networking flags Chromium keeps calling Google's hosts, which this closed network refuses.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface Visitor {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions seen so far (failed API answers the test provoked excluded). */
  problems: string[];
}

/**
 * A person with their own browser profile (own session and local storage), on a phone or a desktop
 * screen, whose browser asks for `locale` first: English unless a test says otherwise, since the
 * UIs follow the browser's language and tests assert on words.
 */
export async function visitor(browser: Browser, screen: 'desktop' | 'phone' = 'desktop', locale = 'en-US'): Promise<Visitor> {
  const context = await browser.newContext({
    viewport: screen === 'phone' ? { width: 375, height: 740 } : { width: 1280, height: 860 },
    acceptDownloads: true,
    locale,
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    // Chromium logs every 4xx answer as "Failed to load resource"; those the test provokes are asserted on screen instead.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(`console: ${m.text()}`);
  });
  return { context, page, problems };
}

/** Controls on the page that a screen reader could not name (no label, aria-label or text). */
export async function unlabelledControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const named = (el: Element) => {
      if (el.getAttribute('aria-label')?.trim() || el.getAttribute('aria-labelledby')) return true;
      if ((el as HTMLInputElement).labels?.length) return true;
      return el.tagName === 'BUTTON' || el.tagName === 'A' ? !!el.textContent?.trim() : false;
    };
    return Array.from(document.querySelectorAll('button, a[href], input:not([type=hidden]), select, textarea'))
      .filter((el) => !named(el))
      .map((el) => el.outerHTML.slice(0, 120));
  });
}

/** Saves a main screen as a test artifact, after checking that every control on it is labelled. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const unlabelled = await unlabelledControls(page);
  if (unlabelled.length) throw new Error(`Unlabelled controls on ${name}: ${unlabelled.join(' | ')}`);
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Fills the hosted login's user name and password form (cognito-local's, locally). */
export async function enterPassword(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Username').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/**
 * The same sign-in by the form's fields rather than their labels, for a hosted login that may show
 * its pages in another language (Cognito's managed login honours `lang`).
 */
export async function enterPasswordInAnyLanguage(page: Page, email: string, password: string): Promise<void> {
  await page.locator('input[name=username]').fill(email);
  await page.locator('input[name=password]').fill(password);
  await page.locator('button[type=submit]').click();
}

export async function enterTotpInAnyLanguage(page: Page, secret: string): Promise<void> {
  await page.locator('input[name=code]').fill(totpCode(secret));
  await page.locator('button[type=submit]').click();
}

/** Answers the hosted login's TOTP step. */
export async function enterTotp(page: Page, secret: string): Promise<void> {
  await page.getByLabel('Code from your authenticator app').fill(totpCode(secret));
  await page.getByRole('button', { name: 'Sign in' }).click();
}
