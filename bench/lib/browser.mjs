// Chromium for the benchmark: a cold browser per load with the in-page probe (probe.js), and the
// first typed character. Debian's Chromium through playwright-core, as in tests/e2e; never a
// downloaded browser.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS as E2E_ARGS } from '../../tests/e2e/lib/browser.mjs';

export { CHROMIUM };
// The end-to-end tests' flags, plus eager memory measurement: measureUserAgentSpecificMemory()
// otherwise waits for the next garbage collection (up to 20 s).
export const CHROMIUM_ARGS = [...E2E_ARGS, '--enable-blink-features=ForceEagerMeasureMemory'];

const probeText = readFileSync(fileURLToPath(new URL('probe.js', import.meta.url)), 'utf8');
const probeFn = probeText.slice(probeText.indexOf('(cfg) =>')).trim().replace(/;\s*$/, '');

export async function metricsOf(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
}

/**
 * A cold browser (new process, empty profile) with one page that carries the probe, configured
 * by `system`, the text field `meta.typing` and `extra`; `args` are more Chromium flags (an
 * experiment's). CDP's Performance domain is on, in thread time (the main thread's CPU time,
 * which other processes on the machine do not inflate). Requests to anything but 127.0.0.1 are
 * refused and listed in `outside`; service workers are blocked.
 */
export async function openPage(system, meta, extra = {}, { args = [] } = {}) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...CHROMIUM_ARGS, ...args] });
  // Service workers blocked: Bogen's (its offline copy, pwa/) installs after the first load and
  // would fetch the build a second time from this no-store server while the load is measured.
  const context = await browser.newContext({ locale: 'de-DE', viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  const outside = [];
  await context.route(/^(?!http:\/\/127\.0\.0\.1[:/])/, (route) => {
    outside.push(route.request().url());
    return route.abort();
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const cfg = { system, typing: meta.typing, ...extra };
  await page.addInitScript({ content: `(${probeFn})(${JSON.stringify(cfg)});` });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  return { browser, context, page, cdp, errors, outside, close: () => browser.close() };
}

/**
 * Bogen's load phases: the `bogen-load-*` marks the app sets (ms since navigation start, by the
 * name after `bogen-load-`); empty for SurveyJS, which sets none.
 */
export async function loadPhases(page) {
  return page.evaluate(() =>
    Object.fromEntries(
      performance
        .getEntriesByType('mark')
        .filter((m) => m.name.startsWith('bogen-load-'))
        .map((m) => [m.name.slice('bogen-load-'.length), m.startTime]),
    ),
  );
}

/**
 * Navigates, waits for the text field (one check per animation frame; the probe focuses it in
 * the frame it finds it) and types 'x'. Resolves to the probe's record of that keystroke
 * (`first.tFrame` is the time to the first character, from navigation start) and when the
 * field was first found.
 */
export async function firstCharacter(page, url) {
  await page.goto(url, { waitUntil: 'commit', timeout: 120_000 });
  const inputId = await page.evaluate(() => window.__bench.inputReady);
  await page.keyboard.press('x');
  const first = await page.evaluate(() => window.__bench.lastKey);
  const tInputFound = await page.evaluate(() => window.__bench.tInputFound);
  return { inputId, first, tInputFound };
}

/**
 * A click as a person makes it: the pointer moves there, the button goes down and comes up 80 ms
 * later. (Playwright's click() sends down and up back to back: the frame that draws the :active
 * state of the mousedown then delays the frame after the click by up to one display refresh.)
 */
export async function humanClick(page, { x, y }) {
  await page.mouse.move(x, y);
  await page.mouse.down();
  await new Promise((r) => setTimeout(r, 80));
  await page.mouse.up();
}
