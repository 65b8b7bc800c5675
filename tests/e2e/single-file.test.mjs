// Issue 12, the questionnaire as one HTML file (`bogen bundle`), opened from disk as a person
// opens an e-mail attachment: filling, the draft over a reload, draft files, the signed export and
// printing work from file://, nothing is requested from anywhere, and drafts of different
// questionnaires and of two versions of one questionnaire never mix or get lost, although
// Chromium gives every file:// page the same storage.
//
// The files are made by scripts/bundle.sh (test.sh's step "bundle") into target/bundles/, or into
// the folder BOGEN_BUNDLES names.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { BogenApp } from './lib/app.mjs';
import { assertAccessible } from './lib/axe.mjs';
import { harness } from './lib/harness.mjs';
import { screenshot } from './lib/screenshot.mjs';
import { REPO_ROOT } from './lib/server.mjs';
import { verifySubmission } from './lib/verify-submission.mjs';

const h = harness();
const BUNDLES = resolve(process.env.BOGEN_BUNDLES ?? join(process.env.CARGO_TARGET_DIR ?? join(REPO_ROOT, 'target'), 'bundles'));

function bundle(name) {
  const path = join(BUNDLES, `${name}.html`);
  assert.ok(existsSync(path), `${path} is missing: make the single files with scripts/bundle.sh (after scripts/build.sh)`);
  return pathToFileURL(path).href;
}

/**
 * A page in a fresh context that records every request; `outside` collects those that are not
 * file:, data: or blob: (the single file must need nothing else).
 */
async function openFile(t, name) {
  const { context, page } = await h.page(t);
  const outside = [];
  await context.route('**/*', (route) => {
    const { protocol } = new URL(route.request().url());
    if (['file:', 'data:', 'blob:'].includes(protocol)) return route.continue();
    outside.push(route.request().url());
    return route.abort('blockedbyclient');
  });
  page.on('websocket', (ws) => outside.push(ws.url()));
  const app = new BogenApp(page, 'file:///');
  await page.goto(bundle(name));
  await page.getByRole('main').getByRole('heading', { level: 1 }).waitFor();
  return { app, context, page, outside };
}

test('the default questionnaire as one file opens from disk, signed by the office, and asks for nothing', async (t) => {
  const { app, page, outside } = await openFile(t, 'erfolgreiche-integration-2005');
  await app.heading('Erfolgreiche Integration ist kein Zufall. Strategien kommunaler Integrationspolitik').waitFor();
  await page.getByText(/Herkunft geprüft/).waitFor();
  await screenshot(page, t.name, 'start');
  await assertAccessible(page, 'the single file\'s start page');
  assert.deepEqual(outside, [], 'requests outside the file');
  app.assertNoPageErrors();
});

test('from disk: filling, the draft over a reload, a draft file, the signed export and the print view', async (t) => {
  const { app, page, outside } = await openFile(t, 'upload');
  await app.openSection('Angaben zur Kommune');
  await app.input('Name der Kommune').fill('Dateistadt');
  await app.input('Einwohnerzahl').fill('12.345');
  await app.waitForStoredText('Dateistadt');

  await page.reload();
  await app.openSection('Angaben zur Kommune');
  await app.assertValue(app.input('Name der Kommune'), 'Dateistadt', 'the draft survives a reload of the file');
  await app.assertValue(app.input('Einwohnerzahl'), '12345', 'the number too (as a number: without the group mark)');

  await app.startPage();
  const draft = await app.download(() => app.button('Entwurf als Datei speichern').click());
  const draftJson = JSON.parse(draft.text);
  assert.equal(draftJson.questionnaireId, 'e2e-upload');
  assert.equal(draftJson.answers.municipality_name, 'Dateistadt');

  await app.openSection('Angaben zur Kommune');
  await app.button('Weiter').click();
  await app.waitForPage('Antworten prüfen');
  const exported = await app.signAndDownload();
  assert.match(exported.fileName, /^e2e-upload_dateistadt_\d{4}-\d{2}-\d{2}\.json$/);
  const verified = verifySubmission(exported.text);
  assert.ok(verified.valid, 'the export made from disk verifies');
  assert.equal(JSON.parse(exported.text).answers.inhabitants, 12345);

  await page.goto(`${bundle('upload')}#/druck`);
  await app.waitForPage('Kurzbewerbung');
  await page.getByText(verified.fingerprint).first().waitFor();
  await page.emulateMedia({ media: 'print' });
  await screenshot(page, t.name, 'print');
  const pdf = await page.pdf({ format: 'A4' });
  assert.ok(pdf.length > 10_000, `printing gives a PDF (${pdf.length} bytes)`);
  assert.deepEqual(outside, [], 'requests outside the file');
  app.assertNoPageErrors();
});

test('one storage for every file: drafts of different questionnaires never mix, and a new version carries the draft', async (t) => {
  const { app, page } = await openFile(t, 'kita-umfrage');
  const kitaTitle = await page.getByRole('main').getByRole('heading', { level: 1 }).textContent();
  const firstKitaSection = page.getByRole('main').locator('.task-list__link').first();
  const kitaSectionName = (await firstKitaSection.textContent()).trim();
  await firstKitaSection.click();
  const kitaField = page.getByRole('main').getByRole('textbox').first();
  await kitaField.fill('Antwort der Kita-Umfrage');
  await app.waitForStoredText('Antwort der Kita-Umfrage');

  // Another questionnaire's file, in the same browser: its own, empty draft.
  await page.goto(bundle('upload'));
  await app.openSection('Angaben zur Kommune');
  await app.assertValue(app.input('Name der Kommune'), '', 'nothing of the other questionnaire');
  await app.input('Name der Kommune').fill('Uploadstadt');
  await app.waitForStoredText('Uploadstadt');

  // Back to the first file: its answer is there, untouched.
  await page.goto(bundle('kita-umfrage'));
  await app.heading(kitaTitle).waitFor();
  await page.getByRole('main').getByRole('link', { name: kitaSectionName, exact: true }).click();
  await app.assertValue(page.getByRole('main').getByRole('textbox').first(), 'Antwort der Kita-Umfrage', 'the first draft is intact');

  // Two versions of one questionnaire: the draft of 1.0.0 opens with 1.1.0, its answers carried.
  await page.goto(bundle('integration-kurzbogen-1.0.0'));
  await app.openSection('Kommune');
  await app.input('Name der Kommune').fill('Versionsstadt');
  await app.waitForStoredText('Versionsstadt');
  await page.goto(bundle('integration-kurzbogen-1.1.0'));
  await app.openSection('Kommune');
  await app.assertValue(app.input('Name der Kommune'), 'Versionsstadt', 'the answer carries to version 1.1.0');
  await screenshot(page, t.name, 'version-1.1.0');
  app.assertNoPageErrors();
});
