// Issue 10, the respondent's side of signed submissions: where a questionnaire comes from (start
// page), the key made on the first export and kept in the browser, saved to a key file and loaded
// in another browser, the signed file (verified here with the Node recipe of docs/SUBMISSION.md),
// the page after the export (e-mail link, upload with its exact failures and a retry), and the
// fingerprint and checksum on the print view.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { FINGERPRINT, eventually } from './lib/app.mjs';
import { assertAccessible } from './lib/axe.mjs';
import { harness } from './lib/harness.mjs';
import { screenshot } from './lib/screenshot.mjs';
import { FIXTURES } from './lib/server.mjs';
import { newKeyFile, shortDigestOf, verifySubmission } from './lib/verify-submission.mjs';

const h = harness();
const EXPORT = 'Bewerbung signieren und herunterladen';
const OFFICE = 'Projektbüro „Erfolgreiche Integration“';
const OFFICE_FINGERPRINT = 'M55N-WCQH-I2A2-DCGK';
const FILE_NAME = /^e2e-upload_stadt-musterstadt_\d{4}-\d{2}-\d{2}\.json$/;

/**
 * Opens tests/e2e/fixtures/upload.json (unsigned, a name and a number) with its upload address
 * pointing at this test server's `/e2e-upload/<endpoint>` on `localhost`: another origin than the
 * app's 127.0.0.1, as an office's server would be.
 */
async function openUploadFixture(app, endpoint = 'ok') {
  const text = (await readFile(`${FIXTURES}/upload.json`, 'utf8')).replace(
    'http://localhost:9/e2e-upload/ok',
    `http://localhost:${h.server.port}/e2e-upload/${endpoint}`,
  );
  const url = new URL('/e2e-served/upload.json', app.baseUrl).href;
  await app.page.route(url, (route) => route.fulfill({ status: 200, contentType: 'application/json; charset=utf-8', body: text }));
  await app.open({ questionnaire: url });
  await app.page.getByRole('main').getByRole('heading', { level: 1, name: 'Kurzbewerbung' }).waitFor();
}

/** Fills the fixture's one page and goes on to "Antworten prüfen". */
async function fill(app, name = 'Stadt Musterstadt') {
  await app.openSection('Angaben zur Kommune');
  await app.input('Name der Kommune').fill(name);
  await app.input('Einwohnerzahl').fill('589000');
  await app.button('Weiter').click();
  await app.waitForPage('Antworten prüfen');
}

/** Exports, checks that the file verifies, and returns it with its parsed JSON. */
async function exportVerified(app, name = EXPORT) {
  const file = await app.signAndDownload(name);
  const verified = verifySubmission(file.text);
  assert.ok(verified.valid, `the downloaded file verifies with the recipe of docs/SUBMISSION.md:\n${file.text}`);
  return { ...file, json: JSON.parse(file.text), fingerprint: verified.fingerprint };
}

/** The panel after the export: waits for it and for the focus on it; returns its text. */
async function panelText(app) {
  const heading = app.exportDoneHeading();
  await heading.waitFor();
  await app.waitForFocusAround(heading);
  return (await app.page.getByRole('main').innerText()).replace(/\s+/g, ' ');
}

test('the start page says who signed the questionnaire: the project office quietly, and warns about an unsigned, a foreign and a changed one', async (t) => {
  const { app, page } = await h.page(t);
  await app.open();
  await app.startPage();
  const main = page.getByRole('main');
  assert.ok(
    await main.getByText(`Herkunft geprüft: Dieser Fragebogen ist signiert von ${OFFICE} (Fingerabdruck ${OFFICE_FINGERPRINT}) und seitdem unverändert.`, { exact: true }).isVisible(),
    'the default questionnaire names the office and its fingerprint',
  );
  assert.equal(await main.getByRole('region').filter({ hasText: /nicht signiert|unbekannten Schlüssel|ungültig/ }).count(), 0, 'no warning');
  await screenshot(page, t.name, 'trusted');

  await openUploadFixture(app);
  const unsigned = main.getByRole('region', { name: 'Dieser Fragebogen ist nicht signiert' });
  await unsigned.waitFor();
  assert.equal(
    (await unsigned.innerText()).replace(/\s+/g, ' ').trim(),
    'Dieser Fragebogen ist nicht signiert Er stammt möglicherweise nicht vom Projektbüro. Füllen Sie ihn nur aus, wenn Sie wissen, woher er kommt.',
  );
  assert.equal(await main.getByText(/Herkunft geprüft/).count(), 0);
  await assertAccessible(page, 'start page with the unsigned warning');
  await screenshot(page, t.name, 'unsigned');
  await app.control('English').click();
  await main.getByRole('region', { name: 'This questionnaire is not signed' }).waitFor();
  await app.control('Deutsch').click();

  await app.openFile(`${FIXTURES}/signed-unknown-key.json`);
  const unknown = main.getByRole('region', { name: 'Dieser Fragebogen ist mit einem unbekannten Schlüssel signiert' });
  await unknown.waitFor();
  assert.match(await unknown.innerText(), /Fingerabdruck GEHH-CJ6S-3MCM-LQ57/);
  await screenshot(page, t.name, 'unknown-key');

  await app.openFile(`${FIXTURES}/signed-then-changed.json`);
  const changed = main.getByRole('region', { name: 'Achtung: Die Signatur dieses Fragebogens ist ungültig' });
  await changed.waitFor();
  assert.match(await changed.innerText(), /verändert, nachdem er signiert wurde/);
  assert.match(await changed.innerText(), /the file was changed after it was signed/, 'the technical reason is named');
  await assertAccessible(page, 'start page with the invalid-signature warning');
  await screenshot(page, t.name, 'changed');
  app.assertNoPageErrors();
});

test('the first export makes a key and signs: the file verifies, its name and fingerprint are shown, and after a reload the same key signs again', async (t) => {
  const { app, page } = await h.page(t);
  await openUploadFixture(app);
  await fill(app);
  const signing = app.signingPart();
  assert.match(await signing.innerText(), /noch keinen Schlüssel/);
  assert.equal(await app.shownFingerprint(), null);
  assert.equal(await app.button('Schlüssel als Datei sichern').count(), 0, 'no key to save yet');
  await screenshot(page, t.name, 'review-no-key');

  const file = await exportVerified(app);
  assert.match(file.fileName, FILE_NAME);
  assert.equal(file.json.format, 'bogen-submission');
  assert.equal(file.json.questionnaire.id, 'e2e-upload');
  assert.deepEqual(file.json.answers, { municipality_name: 'Stadt Musterstadt', inhabitants: 589000 });
  assert.equal(file.json.signature.fingerprint, file.fingerprint);

  const text = await panelText(app);
  assert.ok(text.includes(`Datei: ${file.fileName}`), text);
  assert.ok(text.includes(`Fingerabdruck des Schlüssels: ${file.fingerprint}`), text);
  assert.ok(text.includes(`Prüfsumme der Antworten: ${shortDigestOf(file.json)}`), text);
  assert.equal(await app.shownFingerprint(), file.fingerprint, 'the "Signatur" part shows the key that signed');
  assert.match(await signing.innerText(), /neuer Schlüssel erzeugt und in diesem Browser gespeichert/);
  await assertAccessible(page, 'review page after the export');
  await screenshot(page, t.name, 'after-export');

  // "Datei erneut herunterladen" gives the same file again.
  const again = await app.download(() => app.button('Datei erneut herunterladen').click());
  assert.equal(again.fileName, file.fileName);
  assert.equal(again.text, file.text);

  // The key is kept in the browser: after a reload it is shown and signs again.
  await app.reload();
  await app.waitForPage('Antworten prüfen');
  assert.equal(await eventually(() => app.shownFingerprint(), (v) => v === file.fingerprint), file.fingerprint);
  assert.equal(await app.exportDoneHeading().count(), 0, 'the panel belongs to the visit that exported');
  const second = await exportVerified(app);
  assert.equal(second.fingerprint, file.fingerprint, 'the same key signs after a reload');
  app.assertNoPageErrors();
});

test('a key that signed for one municipality warns before it signs for another, and not for the same name written otherwise', async (t) => {
  const { app, page } = await h.page(t);
  await openUploadFixture(app);
  await fill(app, 'Stadt Musterstadt');
  await exportVerified(app);
  const warning = /schon für „Stadt Musterstadt“ eingereicht.*Eine Einreichung für „Gemeinde Nachbarort“ ersetzt die frühere/s;
  assert.doesNotMatch(await app.signingPart().innerText(), /schon für/);

  // The same browser, so the same key, now for a neighbouring municipality.
  await fill(app, 'Gemeinde Nachbarort');
  assert.match(await app.signingPart().innerText(), warning);
  await assertAccessible(page, 'review page warning about a key used for two municipalities');
  await screenshot(page, t.name, 'review-key-used-for-another');
  // Kept in the browser: after a reload the warning is still there; it never blocks the export.
  await app.reload();
  await app.waitForPage('Antworten prüfen');
  assert.match(await eventually(() => app.signingPart().innerText(), (text) => warning.test(text)), warning);
  const neighbour = await exportVerified(app);
  assert.equal(neighbour.json.answers.municipality_name, 'Gemeinde Nachbarort');

  // Only case and spaces differ from a name signed for: no warning about that one.
  await fill(app, 'gemeinde  nachbarort');
  const text = await app.signingPart().innerText();
  assert.match(text, /schon für „Stadt Musterstadt“ eingereicht/);
  assert.doesNotMatch(text, /„Gemeinde Nachbarort“ eingereicht/);
  app.assertNoPageErrors();
});

test('the key saved as a file signs in a fresh browser with the same fingerprint; a file that is not a key is refused with its name and why', async (t) => {
  const first = await h.page(t);
  await openUploadFixture(first.app);
  await fill(first.app);
  const original = await exportVerified(first.app);
  const warning = first.app.signingPart().getByText(/Die Schlüsseldatei ist geheim/);
  assert.ok(await warning.isVisible(), 'saving the key comes with the warning to keep it secret');
  const keyFile = await first.app.download(() => first.app.button('Schlüssel als Datei sichern').click());
  assert.equal(keyFile.fileName, `bogen-schluessel-${original.fingerprint}.json`);
  const key = JSON.parse(keyFile.text);
  assert.equal(key.format, 'bogen-key');
  assert.equal(key.fingerprint, original.fingerprint);
  assert.ok(!original.text.includes(key.privateKey.d), 'the private key is not in the submission');
  await screenshot(first.page, t.name, 'review-with-key');

  // Another machine: a fresh browser context, no key yet.
  const { app, page } = await h.page(t);
  await openUploadFixture(app);
  await fill(app, 'Stadt Musterstadt');
  assert.equal(await app.shownFingerprint(), null);
  // No fingerprint yet: nothing explains one.
  const explains = page.getByText(/^Der Fingerabdruck kennzeichnet den Schlüssel/);
  assert.equal(await explains.count(), 0, 'the fingerprint is explained before there is one');
  const picker = page.getByLabel('Schlüssel aus Datei laden');

  // The submission file is not a key: refused, naming the file and why.
  await picker.setInputFiles({ name: original.fileName, mimeType: 'application/json', buffer: Buffer.from(original.text) });
  const refusal = page.getByRole('alert').filter({ hasText: 'ist kein Schlüssel' });
  await refusal.waitFor();
  assert.equal(
    (await refusal.innerText()).trim(),
    `Die Datei „${original.fileName}“ ist kein Schlüssel: Sie ist keine Bogen-Schlüsseldatei ("format" is "bogen-submission", not "bogen-key"). Wählen Sie die Datei bogen-schluessel-….json, die Sie mit „Schlüssel als Datei sichern“ gespeichert haben.`,
  );
  await picker.setInputFiles({ name: 'notizen.txt', mimeType: 'text/plain', buffer: Buffer.from('Zugangsdaten: siehe Ordner') });
  await page.getByRole('alert').filter({ hasText: 'Die Datei „notizen.txt“ ist kein Schlüssel: Sie ist keine JSON-Datei' }).waitFor();
  assert.equal(await app.shownFingerprint(), null, 'nothing was loaded');
  await screenshot(page, t.name, 'refused');

  await picker.setInputFiles({ name: keyFile.fileName, mimeType: 'application/json', buffer: Buffer.from(keyFile.text) });
  await page.getByText(`Der Schlüssel aus „${keyFile.fileName}“ wird jetzt in diesem Browser zum Signieren verwendet.`).waitFor();
  assert.equal(await app.shownFingerprint(), original.fingerprint);
  assert.ok(await explains.isVisible(), 'with a fingerprint, what it is for is explained');
  const here = await exportVerified(app);
  assert.equal(here.fingerprint, original.fingerprint, 'both machines sign with the same key');

  // A different key while one is kept: the question, never a silent replacement.
  const other = await newKeyFile();
  await picker.setInputFiles({ name: 'anderer-schluessel.json', mimeType: 'application/json', buffer: Buffer.from(other.text) });
  const question = page.getByRole('region', { name: 'Anderen Schlüssel verwenden?' });
  await question.waitFor();
  await app.waitForFocus(question);
  const asked = (await question.innerText()).replace(/\s+/g, ' ');
  assert.ok(asked.includes(`Fingerabdruck ${other.fingerprint}`) && asked.includes(`Fingerabdruck ${original.fingerprint}`), asked);
  assert.match(asked, /ändert sich der Fingerabdruck/);
  await assertAccessible(page, 'the question before another key replaces the kept one');
  await screenshot(page, t.name, 'replace-question');
  const saved = await app.download(() => question.getByRole('button', { name: 'Bisherigen Schlüssel als Datei sichern' }).click());
  assert.equal(JSON.parse(saved.text).fingerprint, original.fingerprint, 'the current key can be saved first');
  await question.getByRole('button', { name: 'Bisherigen Schlüssel behalten' }).click();
  await question.waitFor({ state: 'detached' });
  assert.equal(await app.shownFingerprint(), original.fingerprint, 'kept');

  await picker.setInputFiles({ name: 'anderer-schluessel.json', mimeType: 'application/json', buffer: Buffer.from(other.text) });
  await question.getByRole('button', { name: 'Neuen Schlüssel verwenden' }).click();
  assert.equal(await eventually(() => app.shownFingerprint(), (v) => v === other.fingerprint), other.fingerprint);
  const replaced = await exportVerified(app);
  assert.equal(replaced.fingerprint, other.fingerprint);
  // The choice is kept: after a reload the new key is the browser's key.
  await app.reload();
  await app.waitForPage('Antworten prüfen');
  assert.equal(await eventually(() => app.shownFingerprint(), (v) => v === other.fingerprint), other.fingerprint);
  first.app.assertNoPageErrors();
  app.assertNoPageErrors();
});

test('after the export the e-mail link is addressed to the office, with subject and body filled in, and says to attach the file by hand', async (t) => {
  const { app, page } = await h.page(t);
  await openUploadFixture(app);
  await fill(app);
  const file = await exportVerified(app);
  await panelText(app);
  const link = page.getByRole('link', { name: 'E-Mail an bewerbung@example.org schreiben', exact: true });
  const href = await link.getAttribute('href');
  const [address, query] = href.replace(/^mailto:/, '').split('?');
  assert.ok(href.startsWith('mailto:'), href);
  assert.equal(decodeURIComponent(address), 'bewerbung@example.org');
  const params = Object.fromEntries(query.split('&').map((p) => p.split('=')).map(([k, v]) => [k, decodeURIComponent(v)]));
  assert.deepEqual(Object.keys(params), ['subject', 'body']);
  assert.equal(params.subject, 'Bewerbung Kurzbewerbung: Stadt Musterstadt');
  assert.equal(
    params.body,
    [
      'Guten Tag,',
      '',
      'anbei die Bewerbung zum Fragebogen „Kurzbewerbung“.',
      '',
      'Kommune: Stadt Musterstadt',
      `Datei: ${file.fileName}`,
      `Fingerabdruck des Schlüssels: ${file.fingerprint}`,
      `Prüfsumme der Antworten: ${shortDigestOf(file.json)}`,
      '',
      `Bitte hängen Sie die Datei ${file.fileName} an diese E-Mail an.`,
    ].join('\r\n'),
  );
  const steps = (await page.getByRole('main').innerText()).replace(/\s+/g, ' ');
  assert.ok(steps.includes(`Hängen Sie die Datei ${file.fileName} von Hand an die E-Mail an: Ein E-Mail-Link kann keine Dateien anhängen.`), steps);
  assert.ok(steps.includes('meist in den Ordner „Downloads“'), steps);

  // In English the same page speaks English, the file stays the same.
  await app.control('English').click();
  await page.getByRole('heading', { name: 'Application signed and downloaded' }).waitFor();
  const english = await page.getByRole('link', { name: 'Write an e-mail to bewerbung@example.org', exact: true }).getAttribute('href');
  assert.match(decodeURIComponent(english.split('subject=')[1].split('&')[0]), /^Application Short application: Stadt Musterstadt$/);
  await assertAccessible(page, 'review page after the export, in English');
  await screenshot(page, t.name, 'after-export-en');
  app.assertNoPageErrors();
});

test('upload: a server error is reported exactly and the file kept; the retry uploads it; a server without CORS is reported as no answer', async (t) => {
  const { app, page } = await h.page(t);
  h.server.control.uploadFailuresLeft = 1;
  const before = h.server.uploads.length;
  await openUploadFixture(app, 'flaky');
  await fill(app);
  const file = await exportVerified(app);
  await panelText(app);
  const upload = app.button('Datei hochladen');
  const status = page.getByRole('main').getByRole('status').filter({ hasText: /hochgeladen|Hochladen/ });

  await upload.click();
  await status.filter({ hasText: 'fehlgeschlagen' }).waitFor();
  assert.equal(
    (await status.innerText()).trim(),
    'Das Hochladen ist fehlgeschlagen: Der Server antwortete mit HTTP 500 Internal Server Error. Die Datei bleibt erhalten: Versuchen Sie es noch einmal, oder senden Sie sie per E-Mail.',
  );
  assert.equal(h.server.uploads.length, before, 'nothing was stored');
  assert.ok(await upload.isVisible(), 'the button stays for another try');
  await assertAccessible(page, 'review page after a failed upload');
  await screenshot(page, t.name, 'upload-failed');

  await upload.click();
  await status.filter({ hasText: /^Die Datei wurde um \d\d:\d\d Uhr hochgeladen\.$/ }).waitFor();
  assert.equal(h.server.uploads.length, before + 1);
  const stored = h.server.uploads.at(-1);
  assert.match(stored.contentType, /^multipart\/form-data; boundary=/);
  assert.equal(stored.origin, h.server.url, 'posted from the app to another origin');
  const form = await new Response(stored.body, { headers: { 'content-type': stored.contentType } }).formData();
  assert.deepEqual([...form.keys()], ['file'], 'one part, named "file"');
  const part = form.get('file');
  assert.equal(part.name, file.fileName);
  assert.equal(part.type, 'application/json');
  assert.equal(await part.text(), file.text, 'the uploaded file is the downloaded one');
  await screenshot(page, t.name, 'uploaded');

  // A server that does not allow the app's origin: the browser hides its answer.
  const other = await h.page(t);
  await openUploadFixture(other.app, 'no-cors');
  await fill(other.app);
  await exportVerified(other.app);
  await other.app.button('Datei hochladen').click();
  const failed = other.page.getByRole('main').getByRole('status').filter({ hasText: 'fehlgeschlagen' });
  await failed.waitFor();
  assert.match(
    (await failed.innerText()).trim(),
    /^Das Hochladen ist fehlgeschlagen: Der Server hat nicht geantwortet \(Netzwerkfehler oder CORS; der Browser meldet: TypeError: Failed to fetch\)\. Die Datei bleibt erhalten/,
  );

  // Offline (a single file opened from disk on a train): said so, without the browser's words.
  await other.page.context().setOffline(true);
  await other.app.button('Datei hochladen').click();
  const offline = other.page.getByRole('main').getByRole('status').filter({ hasText: 'Internet' });
  await offline.waitFor();
  assert.equal(
    (await offline.innerText()).trim(),
    'Das Hochladen ist fehlgeschlagen: Dieser Computer ist nicht mit dem Internet verbunden. Die Datei bleibt erhalten: Versuchen Sie es noch einmal, oder senden Sie sie per E-Mail.',
  );
  app.assertNoPageErrors();
});

test('an answer changed after the export: the review and print pages say that the signed file no longer holds it, until it is signed again', async (t) => {
  const { app, page } = await h.page(t);
  await openUploadFixture(app);
  await fill(app);
  const first = await exportVerified(app);
  const warning = page.getByRole('main').getByText(/nachdem Sie die Datei/);
  assert.equal(await warning.count(), 0, 'no warning while the file matches');

  await app.openSection('Angaben zur Kommune');
  await app.input('Einwohnerzahl').fill('590000');
  await app.button('Weiter').click();
  await app.waitForPage('Antworten prüfen');
  assert.equal(
    (await warning.innerText()).replace(/\s+/g, ' ').trim(),
    `Warnung: Sie haben Antworten geändert, nachdem Sie die Datei „${first.fileName}“ signiert haben. Diese Datei enthält die Änderungen nicht: Signieren Sie die Bewerbung erneut und senden Sie die neue Datei.`,
  );
  await screenshot(page, t.name, 'review-outdated');

  await page.getByRole('main').getByRole('link', { name: 'Druckansicht', exact: true }).click();
  await app.button('Drucken').waitFor();
  assert.ok(await warning.isVisible(), 'the print view says so on screen');
  await page.emulateMedia({ media: 'print' });
  assert.ok(!(await warning.isVisible()), 'but not on paper');
  await page.emulateMedia({ media: 'screen' });
  await screenshot(page, t.name, 'print-outdated');

  await page.goBack();
  await app.waitForPage('Antworten prüfen');

  // The change undone: the file holds the answers again, and is offered again.
  await app.openSection('Angaben zur Kommune');
  await app.input('Einwohnerzahl').fill(String(first.json.answers.inhabitants));
  await app.button('Weiter').click();
  await app.waitForPage('Antworten prüfen');
  assert.equal(await warning.count(), 0, 'the answers are the file\'s again');
  await app.button('Datei erneut herunterladen').waitFor();

  await app.openSection('Angaben zur Kommune');
  await app.input('Einwohnerzahl').fill('590000');
  await app.button('Weiter').click();
  await app.waitForPage('Antworten prüfen');
  await warning.waitFor();
  const second = await exportVerified(app);
  assert.equal(second.json.answers.inhabitants, 590000, 'the new file holds the change');
  assert.equal(await warning.count(), 0, 'signed again: the file matches');
  app.assertNoPageErrors();
});

test('the print view shows the fingerprint and the checksum of the answers, the same as in the signed file', async (t) => {
  const { app, page } = await h.page(t);
  await openUploadFixture(app);
  await fill(app);
  const openPrint = async () => {
    await page.getByRole('main').getByRole('link', { name: 'Druckansicht', exact: true }).click();
    await app.button('Drucken').waitFor();
    return page.getByRole('region', { name: 'Zuordnung zur Datei' });
  };
  let match = await openPrint();
  assert.match(await match.innerText(), /Fingerabdruck des Schlüssels: noch kein Schlüssel – er wird beim Export erzeugt/);
  const digestBefore = (await match.innerText()).match(/Prüfsumme der Antworten: ([0-9a-f ]{19})/)?.[1];

  await page.goBack();
  await app.waitForPage('Antworten prüfen');
  const file = await exportVerified(app);
  match = await openPrint();
  const text = (await match.innerText()).replace(/\s+/g, ' ');
  assert.ok(text.includes(`Fingerabdruck des Schlüssels: ${file.fingerprint}`), text);
  assert.ok(text.includes(`Prüfsumme der Antworten: ${shortDigestOf(file.json)}`), text);
  assert.equal(digestBefore, shortDigestOf(file.json), 'the checksum is that of the answers, printed before or after the export');
  assert.match(file.fingerprint, FINGERPRINT);
  await assertAccessible(page, 'print view with fingerprint and checksum');
  await screenshot(page, t.name, 'print-view');
  await page.emulateMedia({ media: 'print' });
  assert.ok(await match.isVisible(), 'printed on paper');
  await screenshot(page, t.name, 'print-media');
  app.assertNoPageErrors();
});

test('a browser that cannot keep the key still signs, says so and offers the key file at once', async (t) => {
  const { app, page } = await h.page(t);
  // The browser's storage refuses the key (as a full storage does); drafts still save.
  await page.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (key === 'bogen:signing-key') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return setItem.call(this, key, value);
    };
  });
  await openUploadFixture(app);
  await fill(app);
  const file = await exportVerified(app);
  await panelText(app);
  const warning = page.getByRole('main').getByText(/^Warnung: Der Schlüssel konnte in diesem Browser nicht gespeichert werden \(der Speicher des Browsers ist voll\)\./);
  assert.ok((await warning.count()) >= 1, 'the page says the key could not be kept');
  assert.equal(await page.getByText(/neuer Schlüssel erzeugt und in diesem Browser gespeichert/).count(), 0, 'and does not claim it was kept');
  // The key file is offered right below the panel.
  const buttons = page.getByRole('button', { name: 'Schlüssel als Datei sichern', exact: true });
  const keyFile = await app.download(() => buttons.last().click());
  assert.equal(JSON.parse(keyFile.text).fingerprint, file.fingerprint);
  assert.equal(await page.evaluate(() => localStorage.getItem('bogen:signing-key')), null);
  await screenshot(page, t.name, 'not-kept');
  app.assertNoPageErrors();
});

test('without secure random numbers no key is made and nothing is exported, with a clear message', async (t) => {
  const { app, page } = await h.page(t);
  await page.addInitScript(() => {
    Crypto.prototype.getRandomValues = function () {
      throw new DOMException('blocked', 'NotSupportedError');
    };
  });
  await openUploadFixture(app);
  await fill(app);
  let downloads = 0;
  page.on('download', () => downloads++);
  await app.button(EXPORT).click();
  const alert = page.getByRole('alert').filter({ hasText: 'keine sicheren Zufallszahlen' });
  await alert.waitFor();
  await app.waitForFocus(alert);
  assert.match(await alert.innerText(), /die Bewerbung wurde daher nicht signiert und nicht heruntergeladen/);
  assert.equal(downloads, 0);
  assert.equal(await app.exportDoneHeading().count(), 0);
  assert.equal(await app.shownFingerprint(), null);
  app.assertNoPageErrors();
});

test('a stored value that is not a key is set aside and reported, never used or overwritten', async (t) => {
  const { app, page } = await h.page(t);
  await openUploadFixture(app);
  await fill(app);
  await page.evaluate(() => localStorage.setItem('bogen:signing-key', '{"format": "bogen-key", "formatVersion": 1}'));
  await app.reload();
  await app.waitForPage('Antworten prüfen');
  const alert = app.signingPart().getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), /^Der in diesem Browser gespeicherte Schlüssel konnte nicht gelesen werden\. Er wurde beiseitegelegt \(unter „bogen:signing-key-unreadable“\)/);
  const file = await exportVerified(app);
  const stored = await page.evaluate(() => [localStorage.getItem('bogen:signing-key-unreadable'), localStorage.getItem('bogen:signing-key')]);
  assert.equal(stored[0], '{"format": "bogen-key", "formatVersion": 1}', 'the unreadable value is kept aside');
  assert.equal(JSON.parse(stored[1]).fingerprint, file.fingerprint, 'a new key was made and kept');
  await screenshot(page, t.name, 'set-aside');
  app.assertNoPageErrors();
});
