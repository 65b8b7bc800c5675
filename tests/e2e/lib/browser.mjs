// Launches Debian's Chromium through playwright-core (never a downloaded browser) and gives every
// test a fresh browser context: its own storage, cookies and cache.
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.BOGEN_CHROMIUM ?? '/usr/bin/chromium';

// No sandbox: the tests run as root. The rest keeps Chromium from phoning home (this machine's
// network is closed, and the tests check that the app itself makes no outside request).
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--disable-quic',
  // The browser's own locale: date fields show 31.12.2003, as in a German office's browser.
  '--lang=de-DE',
];

/**
 * Starts a headless Chromium. playwright-core's launch() gives it a new, empty temporary
 * --user-data-dir of its own (and removes it on close).
 */
export async function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: process.env.BOGEN_HEADED !== '1',
    args: CHROMIUM_ARGS,
  });
}

/**
 * A fresh context and page (`serviceWorkers: 'allow'` to let the app's service worker run).
 * bypassCSP lets the axe helper inject its script tag even if the app
 * declares a Content-Security-Policy. The page's uncaught errors (a Rust panic included) are
 * collected in `page.errors`, its console errors in `page.consoleErrors` (for diagnosis).
 */
export async function newPage(browser, { locale = 'de-DE', serviceWorkers = 'block' } = {}) {
  // Service workers are blocked unless a test asks for them (the offline tests do): requests a
  // service worker makes are out of reach of page.route(), which many tests use to serve a file.
  const context = await browser.newContext({
    locale,
    bypassCSP: true,
    serviceWorkers,
    viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  page.errors = [];
  page.consoleErrors = [];
  page.on('pageerror', (error) => page.errors.push(String(error?.stack ?? error)));
  page.on('console', (message) => {
    if (message.type() === 'error') page.consoleErrors.push(message.text());
  });
  page.on('response', (response) => {
    if (response.status() >= 400) page.consoleErrors.push(`HTTP ${response.status()} ${response.url()}`);
  });
  return { context, page };
}
