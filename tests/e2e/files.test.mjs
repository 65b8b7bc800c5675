// Opening files the way the office's files arrive: a questionnaire chosen with the file picker or
// dropped onto it, and a draft saved as a file by one colleague and opened by another.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { fillStorage, freeStorage } from './lib/app.mjs';
import { assertAccessible } from './lib/axe.mjs';
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

test('a questionnaire file is not opened over answers that are in no storage (storage full): they stay, and it opens once they are kept', async (t) => {
  const { app, page } = await h.page(t);
  await app.open();
  await app.showField('Postleitzahl', 'Angaben zur Kommune');
  await fillStorage(page);
  await app.input('Postleitzahl').click();
  await app.input('Postleitzahl').pressSequentially('99999');
  await page.getByRole('alert').filter({ hasText: 'Der Speicher des Browsers ist voll' }).waitFor();
  await app.startPage();
  await page.getByLabel(PICKER).setInputFiles(KITA_FILE);
  // In the error summary and beside the file field.
  await page.getByRole('link', { name: /„kita-umfrage.json“ wurde nicht geöffnet: Ihre Antworten in diesem Tab sind in keinem Speicher/ }).waitFor();
  await page.getByText(/^Fehler: Der Fragebogen „kita-umfrage.json“ wurde nicht geöffnet/).waitFor();
  await screenshot(page, t.name, 'refused');
  await app.openSection('Angaben zur Kommune');
  await app.assertValue(app.input('Postleitzahl'), '99999', 'the answer is still in the form');
  // Room again: the answer is saved, and the questionnaire opens.
  await freeStorage(page);
  await app.startPage();
  await page.getByLabel(PICKER).setInputFiles(KITA_FILE);
  await page.getByRole('main').getByRole('heading', { level: 1, name: await kitaTitle() }).waitFor();
  const stored = await page.evaluate(() => Object.values(localStorage).join('\n'));
  assert.ok(stored.includes('99999'), 'the answer was saved before the other questionnaire opened');
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

// Files a respondent may pick by mistake (issue: a submission, a damaged draft or a text file was
// reported as a broken questionnaire, and the open questionnaire was thrown away).
const DRAFT_MEMBERS = {
  format: 'bogen-draft', formatVersion: 2, questionnaireId: 'kita-umfrage', questionnaireVersion: '1.0.0',
  questionnaireSha256: null, draftId: 'b8506f973341c06c', name: 'Entwurf 1', savedAt: '2026-11-28T01:46:55.769Z',
  revision: 2, answers: { change_most: 'mehr Plätze' }, answeredAt: {}, keptAside: [],
};
const HOURS = 'Wie viele Stunden in der Woche arbeiten die Eltern zusammen?';
const json = (value) => JSON.stringify(value, null, 2);
const WRONG_FILES = [
  {
    name: 'einreichung.json',
    text: json({ format: 'bogen-submission', formatVersion: 1, questionnaire: { id: 'kita-umfrage', version: '1.0.0', sha256: 'ab' }, createdAt: '2026-01-01T00:00:00.000Z', language: 'de', answers: {} }),
    says: /„einreichung\.json“ ist eine signierte Einreichung \(für das Projektbüro\), kein Fragebogen und kein Entwurf\. Um weiter auszufüllen, öffnen Sie die Entwurfsdatei/,
  },
  {
    // The office's own file, sent along with the questionnaire by mistake.
    name: 'trusted-keys.json',
    text: json({ format: 'bogen-trusted-keys', formatVersion: 1, keys: [] }),
    says: /„trusted-keys\.json“ ist die Liste der vertrauenswürdigen Schlüssel des Projektbüros \(zum Prüfen der Einreichungen\), kein Fragebogen und kein Entwurf\. Zum Ausfüllen brauchen Sie sie nicht/,
  },
  { name: 'fv3.json', text: json({ ...DRAFT_MEMBERS, formatVersion: 3 }), says: /ein Entwurf im Dateiformat Version 3; diese Version von Bogen liest Entwürfe der Versionen 1 und 2/ },
  { name: 'extra.json', text: json({ ...DRAFT_MEMBERS, extra: 1 }), says: /Die Entwurfsdatei „extra\.json“ ist beschädigt, an der JSON-Stelle „extra“ \(Zeile \d+, Spalte \d+\): unknown field `extra`/ },
  { name: 'ohne-zeit.json', text: json({ ...DRAFT_MEMBERS, savedAt: undefined }), says: /„ohne-zeit\.json“ ist beschädigt, an der JSON-Stelle „der obersten Ebene“ \(Zeile \d+, Spalte \d+\): missing field `savedAt`/ },
  { name: 'text.json', text: json({ ...DRAFT_MEMBERS, answers: 'nope' }), says: /beschädigt, an der JSON-Stelle „answers“/ },
  { name: 'leer.json', text: '', says: /Die Datei „leer\.json“ ist leer\./ },
  { name: 'halb.json', text: json(DRAFT_MEMBERS).slice(0, 150), says: /Die Datei „halb\.json“ endet zu früh \(Zeile \d+, Spalte \d+\): Sie wurde .* abgeschnitten/ },
  { name: 'mail.txt', text: 'Hallo Kollegin, anbei der Entwurf', says: /Die Datei „mail\.txt“ ist weder ein Fragebogen noch ein Entwurf: In Zeile 1, Spalte 1 ist sie kein gültiges JSON/ },
  { name: 'zeile9.json', text: json(DRAFT_MEMBERS).replace('"savedAt"', 'savedAt"'), says: /In Zeile 9, Spalte 3 ist sie kein gültiges JSON/ },
  {
    name: 'other-q.json',
    text: json({ ...DRAFT_MEMBERS, questionnaireId: 'erfolgreiche-integration-2005' }),
    says: /Der Entwurf in der Datei „other-q\.json“ gehört zu einem anderen Fragebogen \(„erfolgreiche-integration-2005“\)\. Öffnen Sie zuerst diesen Fragebogen – seine Fragebogen-Datei hier mit „Datei auswählen \(Fragebogen oder Entwurf\)“ oder den Link, mit dem Sie ihn erhalten haben – und wählen Sie dann dort diese Entwurfsdatei\./,
  },
];

test('a file that is no questionnaire is refused for what it is, beside the file field, and the open questionnaire, its version and draft stay', async (t) => {
  const { app, page } = await h.page(t);
  await app.openFile(KITA_FILE);
  const title = await kitaTitle();
  // The address names the questionnaire (its fragment names the page shown).
  const url = new URL(page.url()).search;
  await app.openSection('Ihr Haushalt');
  await app.field(HOURS).fill('40');
  await app.waitForStoredText('"working_hours":40');
  await page.getByRole('link', { name: 'Zurück zur Übersicht' }).click();

  const summary = page.getByRole('alert').filter({ hasText: 'Es gibt ein Problem' });
  for (const file of WRONG_FILES) {
    await page.getByLabel(PICKER).setInputFiles({ name: file.name, mimeType: 'application/json', buffer: Buffer.from(file.text) });
    await summary.filter({ hasText: file.name }).waitFor();
    const said = await summary.innerText();
    assert.match(said, file.says, `${file.name}:\n${said}`);
    assert.doesNotMatch(said, /Fragebogen-Datei enthält Fehler|missing field "id"/, file.name);
    // The focus is on the message, and the questionnaire is still open: heading, header, address.
    await app.waitForFocus(page.locator('#error-summary'));
    assert.ok(await page.getByRole('main').getByRole('heading', { level: 1, name: title }).isVisible(), file.name);
    assert.ok(await page.getByRole('banner').getByText(title).isVisible(), `${file.name}: the header's title`);
    assert.equal(new URL(page.url()).search, url, file.name);
    if (file.name === 'einreichung.json') {
      await screenshot(page, t.name, 'submission');
      await assertAccessible(page, 'a refused file');
      // In English too, from the same file (the message is kept as what the file is, not as text).
      await app.control('English').click();
      await page.getByRole('alert').filter({ hasText: 'There is a problem' }).waitFor();
      assert.match(
        await page.getByRole('alert').filter({ hasText: 'There is a problem' }).innerText(),
        /The file “einreichung\.json” is a signed submission \(for the project office\), not a questionnaire or a draft\. To go on filling in, open the draft file/,
      );
      await app.control('Deutsch').click();
    }
  }
  // The link in the summary leads to the file field.
  await summary.getByRole('link').click();
  assert.ok(await app.isFocused(page.getByLabel(PICKER)));
  await app.openSection('Ihr Haushalt');
  await app.assertValue(app.field(HOURS), '40');
  app.assertNoPageErrors();
});

test('a broken questionnaire file chosen while another is open leads back to exactly that one, with its draft', async (t) => {
  const { app, page } = await h.page(t);
  await app.openFile(KITA_FILE);
  const title = await kitaTitle();
  // The address names the questionnaire (its fragment names the page shown).
  const url = new URL(page.url()).search;
  await app.openSection('Ihr Haushalt');
  await app.field(HOURS).fill('35');
  await page.getByRole('link', { name: 'Zurück zur Übersicht' }).click();
  await page.getByLabel(PICKER).setInputFiles(`${REPO_ROOT}/tests/e2e/fixtures/broken.json`);
  const heading = page.getByRole('main').getByRole('heading', { level: 1, name: 'Der Fragebogen kann nicht geöffnet werden' });
  await heading.waitFor();
  await app.waitForFocus(heading);
  assert.ok(await page.getByRole('banner').getByText(title).isVisible(), "the header keeps the open questionnaire's title");
  assert.equal(new URL(page.url()).search, url, 'the address still names the open questionnaire');
  assert.equal(await page.getByRole('button', { name: 'Den Fragebogen dieser Seite öffnen' }).count(), 0);
  await screenshot(page, t.name, 'broken');
  await app.button(`Zurück zu „${title}“`).click();
  await page.getByRole('main').getByRole('heading', { level: 1, name: title }).waitFor();
  assert.equal(new URL(page.url()).search, url);
  await app.openSection('Ihr Haushalt');
  await app.assertValue(app.field(HOURS), '35');
  app.assertNoPageErrors();
});

test("next sitting: the page's own questionnaire names the drafts this browser holds of another one, and how to open it again", async (t) => {
  const { app, page } = await h.page(t);
  const title = await kitaTitle();
  // Opened from a file: its text is not kept, so its file must be opened again.
  await app.open();
  await page.getByLabel(PICKER).setInputFiles(KITA_FILE);
  await page.getByRole('main').getByRole('heading', { level: 1, name: title }).waitFor();
  await app.openSection('Ihr Haushalt');
  await app.field(HOURS).fill('20');
  await app.waitForStoredText('"working_hours":20');
  await app.open();
  const others = page.getByRole('region', { name: 'Entwürfe zu anderen Fragebogen' });
  await others.waitFor();
  const said = await others.innerText();
  assert.match(said, new RegExp(`${title} \\(Version 1\\.0\\.0, zuletzt gespeichert am [^;]+; 1 Entwurf\\) – Öffnen Sie dazu die Fragebogen-Datei „kita-umfrage\\.json“ erneut, unten mit „Datei auswählen \\(Fragebogen oder Entwurf\\)“`), said);
  await screenshot(page, t.name, 'from-file');

  // Opened by a link: the list links to it, and it opens with the draft.
  await app.openFile(KITA_FILE);
  await app.open();
  await others.getByRole('link', { name: `Diesen Fragebogen öffnen: ${title}` }).click();
  await page.getByRole('main').getByRole('heading', { level: 1, name: title }).waitFor();
  await app.openSection('Ihr Haushalt');
  await app.assertValue(app.field(HOURS), '20');
  // Its own start page does not list it as another's.
  await page.getByRole('link', { name: 'Zurück zur Übersicht' }).click();
  const own = page.getByRole('region', { name: 'Entwürfe zu anderen Fragebogen' });
  if (await own.count()) assert.doesNotMatch(await own.innerText(), new RegExp(title));
  app.assertNoPageErrors();
});
