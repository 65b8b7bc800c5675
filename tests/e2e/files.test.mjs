// Opening files the way the office's files arrive: a questionnaire chosen with the file picker or
// dropped onto it, and a draft saved as a file by one colleague and opened by another.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { harness } from './lib/harness.mjs';
import { REPO_ROOT } from './lib/server.mjs';
import { screenshot } from './lib/screenshot.mjs';

const h = harness();
const KITA_FILE = `${REPO_ROOT}/questionnaire/examples/kita-umfrage.json`;
const PICKER = 'Datei auswählen (Fragebogen oder Entwurf)';

async function kitaTitle() {
  const kita = JSON.parse(await readFile(KITA_FILE, 'utf8'));
  return typeof kita.title === 'string' ? kita.title : kita.title.de;
}

test('a questionnaire chosen with the file picker opens', async (t) => {
  const { app, page } = await h.page(t);
  await app.open();
  await page.getByLabel(PICKER).setInputFiles(KITA_FILE);
  await page.getByRole('main').getByRole('heading', { level: 1, name: await kitaTitle() }).waitFor();
  await screenshot(page, t.name, 'opened');
  app.assertNoPageErrors();
});

test('a questionnaire dropped onto the file field opens', async (t) => {
  const { app, page } = await h.page(t);
  await app.open();
  const field = page.getByLabel(PICKER);
  await field.waitFor();
  const content = await readFile(KITA_FILE, 'utf8');
  // What a drag from the file manager delivers: a drop event whose DataTransfer holds the file.
  const dataTransfer = await page.evaluateHandle((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'kita-umfrage.json', { type: 'application/json' }));
    return transfer;
  }, content);
  const dropZone = field.locator('xpath=ancestor::*[contains(normalize-space(.), "hierher ziehen")][1]');
  await dropZone.dispatchEvent('dragover', { dataTransfer });
  await dropZone.dispatchEvent('drop', { dataTransfer });
  await page.getByRole('main').getByRole('heading', { level: 1, name: await kitaTitle() }).waitFor();
  app.assertNoPageErrors();
});

test('a draft saved as a file by one colleague opens with all answers for another', async (t) => {
  const first = await h.page(t);
  await first.app.open();
  await first.page.getByRole('link', { name: 'Angaben zur Kommune', exact: true }).click();
  await first.page.getByLabel('Name der Kommune').fill('Kreis Hersfeld-Rotenburg');
  await first.page.getByRole('radio', { name: 'Landkreis', exact: true }).check();
  await first.page.getByLabel('Wie viele Städte und Gemeinden gehören zu Ihrem Landkreis?').fill('20');
  await first.page.getByRole('link', { name: 'Zurück zur Übersicht' }).click();
  const [download] = await Promise.all([
    first.page.waitForEvent('download'),
    first.page.getByRole('button', { name: 'Entwurf als Datei speichern', exact: true }).click(),
  ]);
  const draftPath = await download.path();
  const draft = JSON.parse(await readFile(draftPath, 'utf8'));
  assert.equal(draft.questionnaireId, 'erfolgreiche-integration-2005');
  assert.equal(draft.answers.municipality_name, 'Kreis Hersfeld-Rotenburg');

  // Another browser (a fresh context: its own storage) opens the file.
  const second = await h.page(t);
  await second.app.open();
  await second.page.getByLabel(PICKER).setInputFiles({ name: 'entwurf.json', mimeType: 'application/json', buffer: await readFile(draftPath) });
  // Asked what to do with it (issue 11): opened as a draft of its own.
  await second.page.getByRole('radio', { name: 'Als neuen Entwurf öffnen', exact: true }).check();
  await second.page.getByRole('button', { name: 'Weiter', exact: true }).click();
  await second.page.getByRole('link', { name: 'Angaben zur Kommune', exact: true }).click();
  await second.app.assertValue(second.page.getByLabel('Name der Kommune'), 'Kreis Hersfeld-Rotenburg');
  await second.app.assertValue(second.page.getByLabel('Wie viele Städte und Gemeinden gehören zu Ihrem Landkreis?'), '20');
  assert.ok(await second.page.getByRole('radio', { name: 'Landkreis', exact: true }).isChecked());
  await screenshot(second.page, t.name, 'restored');
  second.app.assertNoPageErrors();
});
