// Shared set-up of every end-to-end test file: one static server for dist/ on a free
// 127.0.0.1 port and one headless Chromium per file, a fresh browser context per test.
//
//   const h = harness();                  // registers before/after hooks in this file
//   test('…', async (t) => { const { app, page } = await h.open(t); … });
import { after, before } from 'node:test';
import { BogenApp } from './app.mjs';
import { launchBrowser, newPage } from './browser.mjs';
import { startServer } from './server.mjs';

export function harness() {
  const h = { server: null, browser: null, contexts: [] };
  before(async () => {
    h.server = await startServer();
    h.browser = await launchBrowser();
  });
  after(async () => {
    await h.browser?.close();
    await h.server?.close();
  });
  /**
   * A fresh context and page for test `t` (options as lib/browser.mjs's newPage takes them, e.g.
   * `{ serviceWorkers: 'allow' }`), with the app's page object; the context is closed
   * when the test ends. Console errors are printed as diagnostics when the test fails.
   */
  h.page = async (t, options = {}) => {
    const { context, page } = await newPage(h.browser, options);
    t.after(async () => {
      if (page.consoleErrors.length) t.diagnostic(`console errors:\n${page.consoleErrors.join('\n')}`);
      await context.close();
    });
    return { context, page, app: new BogenApp(page, h.server.url) };
  };
  return h;
}
