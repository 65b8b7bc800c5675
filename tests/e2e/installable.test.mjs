// Issue 12, the served build as an installable web app: after the first visit it starts and works
// with the network cut, and a new version deployed later is picked up on the next visit, the
// respondent is told, and the draft is intact. These tests let the app's service worker run
// (the other tests block it, see lib/browser.mjs).
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { BogenApp } from './lib/app.mjs';
import { assertAccessible } from './lib/axe.mjs';
import { harness } from './lib/harness.mjs';
import { screenshot } from './lib/screenshot.mjs';
import { DEFAULT_DIST, startServer } from './lib/server.mjs';

const h = harness();
const TITLE = 'Erfolgreiche Integration ist kein Zufall. Strategien kommunaler Integrationspolitik';
const UPDATED = 'Bogen wurde seit Ihrem letzten Besuch aktualisiert. Ihre Entwürfe sind erhalten.';
const OFFLINE_READY = 'Offline bereit: Diese Seite öffnet sich auch ohne Internet.';

/** The header's status that says the page opens without a network (a polite live region). */
const offlineStatus = (page) => page.getByRole('banner').getByRole('status');

/** Waits until the page is controlled by the app's service worker, whose cache then holds the build. */
async function waitForServiceWorker(page) {
  await page.waitForFunction(async () => {
    const registration = await navigator.serviceWorker.ready;
    return Boolean(registration.active && navigator.serviceWorker.controller);
  }, null, { timeout: 20_000 });
}

/** The build version the page was made with. */
const buildOf = (page) => page.locator('meta[name="bogen-build"]').getAttribute('content');

test('the served app names a manifest with icons and registers a service worker', async (t) => {
  const { app, page } = await h.page(t, { serviceWorkers: 'allow' });
  await app.open();
  await waitForServiceWorker(page);
  const manifest = await page.evaluate(async () => {
    const link = document.querySelector('link[rel="manifest"]');
    const response = await fetch(link.href);
    return { ok: response.ok, json: await response.json() };
  });
  assert.ok(manifest.ok, 'the manifest is served');
  assert.equal(manifest.json.display, 'standalone');
  assert.equal(manifest.json.start_url, './');
  const sizes = manifest.json.icons.map((icon) => icon.sizes);
  assert.ok(sizes.includes('192x192') && sizes.includes('512x512'), `icons: ${sizes}`);
  for (const icon of manifest.json.icons) {
    const status = await page.evaluate(async (src) => (await fetch(src)).status, icon.src);
    assert.equal(status, 200, `icon ${icon.src}`);
  }
  assert.match(await buildOf(page), /^[0-9a-f]{16}$/);
  app.assertNoPageErrors();
});

test('after the first visit the app starts and works with the network cut, and says so once its copy is ready', async (t) => {
  const { app, context, page } = await h.page(t, { serviceWorkers: 'allow' });
  await app.open();
  // The first visit: the page opened without the worker; once the worker has cached the build
  // and taken control, the header says that the page works offline, in a status region that was
  // there (empty) from the start, so that a screen reader announces it. (The app draws the
  // header after the page's `load` event, once its module runs: wait for the header first.)
  await page.getByRole('banner').waitFor();
  assert.equal(await offlineStatus(page).count(), 1, 'the status region is in the header from the start');
  await waitForServiceWorker(page);
  await offlineStatus(page).filter({ hasText: OFFLINE_READY }).waitFor();
  await screenshot(page, t.name, 'offline-ready');
  const name = await app.showField('Name der Kommune', 'Angaben zur Kommune');
  await name.fill('Offlinestadt');
  await app.waitForStoredText('Offlinestadt');

  await context.setOffline(true);
  await app.reload();
  await app.heading('Angaben zur Kommune').waitFor();
  await app.assertValue(app.field('Name der Kommune'), 'Offlinestadt', 'the answer is there offline');
  // Another page of the form, the review and the start page, all without a network.
  await app.button('Weiter').click();
  await app.page.getByRole('main').getByRole('heading', { level: 1 }).waitFor();
  await page.goto(new URL('/#/pruefen', h.server.url).href);
  await app.heading('Antworten prüfen').waitFor();
  await page.goto(new URL('/', h.server.url).href);
  await app.heading(TITLE).waitFor();
  assert.equal(await offlineStatus(page).textContent(), OFFLINE_READY, 'offline, a page the worker serves says so from the start');
  await app.control('English').click();
  await offlineStatus(page).filter({ hasText: 'Ready offline: this page opens without an internet connection too.' }).waitFor();
  await app.control('Deutsch').click();
  await screenshot(page, t.name, 'offline-start');
  await assertAccessible(page, 'the start page, offline');
  app.assertNoPageErrors();
});

test("the office page beside the app is never taken for the app's offline page", async (t) => {
  const { app, context, page } = await h.page(t, { serviceWorkers: 'allow' });
  await app.open();
  await waitForServiceWorker(page);
  await page.goto(new URL('/office/', h.server.url).href);
  await page.getByRole('main').getByRole('heading', { level: 1 }).waitFor();
  assert.notEqual(await page.title(), TITLE, 'the office page is open');
  await context.setOffline(true);
  await page.goto(new URL('/', h.server.url).href);
  await app.heading(TITLE).waitFor();
  app.assertNoPageErrors();
});

test('a new version deployed is picked up on the next visit, the respondent is told, and the draft is intact', async (t) => {
  // A server of its own, on a copy of the build that the test can "deploy" over.
  const site = await mkdtemp(join(tmpdir(), 'bogen-deploy-'));
  await cp(DEFAULT_DIST, site, { recursive: true });
  const server = await startServer({ dist: site });
  t.after(async () => {
    await server.close();
    await rm(site, { recursive: true, force: true });
  });
  const { context, page } = await h.page(t, { serviceWorkers: 'allow' });
  const app = new BogenApp(page, server.url);

  await app.open();
  await waitForServiceWorker(page);
  const firstBuild = await buildOf(page);
  const name = await app.showField('Name der Kommune', 'Angaben zur Kommune');
  await name.fill('Musterstadt');
  await app.waitForStoredText('Musterstadt');
  assert.equal(await page.getByText(UPDATED).count(), 0, 'nothing to tell on the first visit');

  // Deploy version 2: what a new build changes for the browser is the page (its build version)
  // and the service worker (its version and file list).
  const secondBuild = 'feedc0ffee000002';
  const index = await readFile(join(site, 'index.html'), 'utf8');
  await writeFile(join(site, 'index.html'), index.replace(`content="${firstBuild}"`, `content="${secondBuild}"`));
  const sw = await readFile(join(site, 'sw.js'), 'utf8');
  await writeFile(join(site, 'sw.js'), sw.replace(`"version":"${firstBuild}"`, `"version":"${secondBuild}"`));

  // The next visit: the new page, and the notice.
  await page.goto(new URL('/', server.url).href);
  await page.getByText(UPDATED).waitFor();
  assert.equal(await buildOf(page), secondBuild);
  await screenshot(page, t.name, 'updated');
  await assertAccessible(page, 'the start page after an update');
  const again = await app.showField('Name der Kommune', 'Angaben zur Kommune');
  await app.assertValue(again, 'Musterstadt', 'the draft survives the update');

  // The new service worker takes over, and the new version works offline too.
  await page.waitForFunction(async (version) => (await caches.keys()).includes(`bogen-${version}`), secondBuild, { timeout: 20_000 });
  await context.setOffline(true);
  await page.goto(new URL('/', server.url).href);
  await app.heading(TITLE).waitFor();
  assert.equal(await buildOf(page), secondBuild, 'offline, the page of the new version');
  assert.equal(await page.getByText(UPDATED).count(), 0, 'the notice is shown once');
  app.assertNoPageErrors();
});
