// Issue 10, the project office's page (/office/, crates/bogen-office-app): the office drops the
// submissions it received and sees each file's status, municipality, kind, fingerprint and time;
// it downloads the table as XLSX and CSV; nothing leaves the browser; and the respondents' page
// never loads the office's code.
//
// The files are made here from the sample submissions of tests/fixtures/submissions/: a copy
// changed after signing, a copy signed by another (fresh) key, a later copy signed by the same
// sample key (which supersedes the first), a questionnaire of another version and a submission
// of it, a text file and a questionnaire file.
import assert from 'node:assert/strict';
import { createHash, createPrivateKey, generateKeyPairSync, sign } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { inflateRawSync } from 'node:zlib';
import { DEFAULT_TIMEOUT } from './lib/app.mjs';
import { assertAccessible } from './lib/axe.mjs';
import { harness } from './lib/harness.mjs';
import { screenshot } from './lib/screenshot.mjs';
import { REPO_ROOT } from './lib/server.mjs';
import { canonical, fingerprintOf } from './lib/verify-submission.mjs';

const h = harness();

const SAMPLES = join(REPO_ROOT, 'tests', 'fixtures', 'submissions');
const LANDKREIS_FILE = 'erfolgreiche-integration-2005_landkreis-musterland_2026-11-27.json';
const STADT_FILE = 'erfolgreiche-integration-2005_stadt-musterstadt_2026-11-27.json';
const QUESTIONNAIRE = join(REPO_ROOT, 'tests', 'fixtures', 'erfolgreiche-integration-2005.json');
const STADT_KEY = join(REPO_ROOT, 'tests', 'fixtures', 'sample-keys', 'stadt-musterstadt.json');
const LANDKREIS_FINGERPRINT = 'J2OC-KBOM-SMYZ-HUCG';
const STADT_FINGERPRINT = 'CGSA-B3PQ-HF6T-RJE2';
const DATE_NAME = /^einreichungen-\d{4}-\d{2}-\d{2}/;

// ---- making files -------------------------------------------------------------------------------

const readText = (path) => readFile(path, 'utf8');

/** Signs a submission object (its `signature` replaced) with a JWK Ed25519 private key. */
function signed(submission, jwk) {
  const { signature: _old, ...content } = submission;
  const key = createPrivateKey({ key: jwk, format: 'jwk' });
  const value = sign(null, Buffer.from(canonical(content)), key).toString('base64url');
  const signature = {
    algorithm: 'Ed25519',
    publicKey: { kty: 'OKP', crv: 'Ed25519', x: jwk.x },
    fingerprint: fingerprintOf(jwk.x),
    value,
  };
  return JSON.stringify({ ...content, signature }, null, 2);
}

/** A fresh Ed25519 key as a JWK with its private part. */
function freshKey() {
  return generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' });
}

/** The hash a submission names for a questionnaire: SHA-256 of its canonical form without `signature`. */
function questionnaireHash(questionnaire) {
  const { signature: _signature, ...content } = questionnaire;
  return createHash('sha256').update(canonical(content)).digest('hex');
}

async function files() {
  const landkreis = await readText(join(SAMPLES, LANDKREIS_FILE));
  const stadt = await readText(join(SAMPLES, STADT_FILE));
  const stadtJson = JSON.parse(stadt);
  const questionnaireText = await readText(QUESTIONNAIRE);
  const questionnaire = JSON.parse(questionnaireText);
  // The recipe above must give the hash the engine gives, or the made files below prove nothing.
  assert.equal(questionnaireHash(questionnaire), stadtJson.questionnaire.sha256, 'questionnaire hash as the engine makes it');

  const tampered = stadt.replace('"Stadt Musterstadt"', '"Stadt Nachgebessert"');
  assert.notEqual(tampered, stadt);
  const otherKey = freshKey();
  const byOtherKey = signed({ ...stadtJson, createdAt: '2026-11-27T09:00:00.000Z' }, otherKey);
  const stadtKey = JSON.parse(await readText(STADT_KEY)).privateKey;
  const later = signed({ ...stadtJson, createdAt: '2026-11-28T08:15:30.000Z' }, stadtKey);

  // Another version of the questionnaire (unsigned: the office's draft of version 1.1.0), and a
  // submission of it, which no page knows until the questionnaire file is dropped too.
  const { signature: _signature, ...unsigned } = questionnaire;
  const variant = { ...unsigned, version: '1.1.0' };
  const variantText = JSON.stringify(variant, null, 2);
  const variantKey = freshKey();
  const ofVariant = signed(
    { ...stadtJson, questionnaire: { id: variant.id, version: '1.1.0', sha256: questionnaireHash(variant) } },
    variantKey,
  );
  return {
    landkreis,
    stadt,
    tampered,
    byOtherKey,
    otherFingerprint: fingerprintOf(otherKey.x),
    later,
    questionnaireText,
    variantText,
    ofVariant,
    variantFingerprint: fingerprintOf(variantKey.x),
  };
}

const upload = (name, text, mimeType = 'application/json') => ({ name, mimeType, buffer: Buffer.from(text) });

// ---- the page -----------------------------------------------------------------------------------

/**
 * A fresh context (German, Berlin time, service workers blocked) with the office's page open, its
 * requests recorded: every URL asked for, the ones that left 127.0.0.1, and any request that
 * carried a body (an upload).
 */
async function openOffice(t) {
  const context = await h.browser.newContext({
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
    serviceWorkers: 'block',
    acceptDownloads: true,
    viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  page.setDefaultTimeout(DEFAULT_TIMEOUT);
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error?.stack ?? error)));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  const origin = new URL(h.server.url).origin;
  const requests = { seen: [], outside: [], withBody: [] };
  await context.route('**/*', (route) => {
    const request = route.request();
    const url = new URL(request.url());
    requests.seen.push(request.url());
    if (!['GET', 'HEAD'].includes(request.method()) || request.postDataBuffer()) requests.withBody.push(`${request.method()} ${request.url()}`);
    if (url.origin === origin || url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
    requests.outside.push(request.url());
    return route.abort('blockedbyclient');
  });
  page.on('websocket', (ws) => requests.outside.push(ws.url()));
  t.after(async () => {
    if (errors.length) t.diagnostic(`page errors:\n${errors.join('\n')}`);
    await context.close();
  });
  await page.goto(`${h.server.url}/office/`, { waitUntil: 'load' });
  await page.getByRole('heading', { level: 1, name: 'Einreichungen prüfen' }).waitFor();
  return { page, requests, errors };
}

const picker = (page) => page.getByLabel('Einreichungen auswählen');
const statusLine = (page) => page.getByRole('status');

/** Waits until the status line says that `n` files were checked, and returns its text. */
async function checked(page, n) {
  const said = new RegExp(`^${n} Dateie?n? geprüft\\.`);
  await statusLine(page).getByText(said).waitFor();
  return statusLine(page).innerText();
}

/** Drops files onto the drop zone (a drop event on the file input, which bubbles to the zone). */
async function drop(page, uploads) {
  const dataTransfer = await page.evaluateHandle((items) => {
    const transfer = new DataTransfer();
    for (const item of items) transfer.items.add(new File([item.text], item.name, { type: item.mimeType }));
    return transfer;
  }, uploads.map((u) => ({ name: u.name, mimeType: u.mimeType, text: u.buffer.toString('utf8') })));
  await picker(page).dispatchEvent('drop', { dataTransfer });
}

/** The table's row of `file`, as cell texts: { file, status, municipality, kind, fingerprint, time, digest }. */
async function row(page, file) {
  const table = page.getByRole('table', { name: /^Geprüfte Dateien \(\d+\)$/ });
  const found = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: file, exact: true }) });
  assert.equal(await found.count(), 1, `one row for ${file}`);
  const cells = await found.getByRole('cell').allInnerTexts();
  const [status, municipality, kind, fingerprint, time, digest] = cells.map((c) => c.trim());
  return { file, status, municipality, kind, fingerprint, time, digest };
}

/** Runs `action`, which starts a download, and returns { name, bytes }. */
async function download(page, action) {
  const [file] = await Promise.all([page.waitForEvent('download'), action()]);
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

/** The entries of a zip file (an .xlsx) by name, inflated: enough of the format for these tests. */
function unzip(bytes) {
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end >= 0, 'a zip file ends with its central directory');
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const entries = new Map();
  for (let i = 0; i < count; i++) {
    assert.equal(bytes.readUInt32LE(at), 0x02014b50, 'a central directory entry');
    const method = bytes.readUInt16LE(at + 10);
    const size = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extra = bytes.readUInt16LE(at + 30);
    const comment = bytes.readUInt16LE(at + 32);
    const local = bytes.readUInt32LE(at + 42);
    const name = bytes.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const data = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const raw = bytes.subarray(data, data + size);
    entries.set(name, (method === 8 ? inflateRawSync(raw) : raw).toString('utf8'));
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

/** The lines of a CSV file (CRLF), after checking its byte order mark. */
function csvLines(bytes) {
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the CSV starts with a UTF-8 byte order mark');
  const text = bytes.subarray(3).toString('utf8');
  assert.ok(text.endsWith('\r\n'), 'lines end with CRLF');
  return text.slice(0, -2).split('\r\n');
}

// ---- tests --------------------------------------------------------------------------------------

test('the office checks dropped submissions, sees each file with its status, municipality, kind and fingerprint, and downloads the table; nothing leaves the browser', async (t) => {
  const f = await files();
  const { page, requests, errors } = await openOffice(t);
  await assertAccessible(page, 'the office page, empty');
  await screenshot(page, t.name, 'empty');
  await page.getByText('Die Dateien verlassen Ihren Browser nicht').waitFor();

  await picker(page).setInputFiles([
    upload(LANDKREIS_FILE, f.landkreis),
    upload(STADT_FILE, f.stadt),
    upload('geaendert.json', f.tampered),
    upload('anderer-schluessel.json', f.byOtherKey),
    upload('spaeter.json', f.later),
    upload('notiz.txt', 'Bitte bis Freitag einreichen.', 'text/plain'),
    upload('fragebogen.json', f.questionnaireText),
  ]);
  const said = await checked(page, 7);
  assert.equal(said, '7 Dateien geprüft. In der Liste: 3 gültig, 1 ersetzt, 2 ungültig, 1 Fragebogen.');
  await page.getByRole('table', { name: 'Geprüfte Dateien (7)' }).waitFor();
  await page.getByText('3 gültig, 1 ersetzt, 2 ungültig, 1 Fragebogen', { exact: true }).waitFor();

  const landkreis = await row(page, LANDKREIS_FILE);
  assert.equal(landkreis.status, 'Gültig');
  assert.equal(landkreis.municipality, 'Landkreis Musterland');
  assert.equal(landkreis.kind, 'Landkreis');
  assert.equal(landkreis.fingerprint, LANDKREIS_FINGERPRINT);
  // createdAt is UTC; Berlin is an hour ahead in November.
  const landkreisAt = new Date(JSON.parse(f.landkreis).createdAt);
  const berlin = new Date(landkreisAt.getTime() + 3600_000);
  const two = (n) => String(n).padStart(2, '0');
  assert.equal(
    landkreis.time,
    `${two(berlin.getUTCDate())}.${two(berlin.getUTCMonth() + 1)}.${berlin.getUTCFullYear()}, ${two(berlin.getUTCHours())}:${two(berlin.getUTCMinutes())}:${two(berlin.getUTCSeconds())} Uhr`,
  );
  assert.match(landkreis.digest, /^[0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4}$/);

  const stadt = await row(page, STADT_FILE);
  assert.equal(stadt.status, 'Ersetzt durch spaeter.json');
  assert.equal(stadt.municipality, 'Stadt Musterstadt');
  assert.equal(stadt.fingerprint, STADT_FINGERPRINT);
  const later = await row(page, 'spaeter.json');
  assert.deepEqual([later.status, later.municipality, later.fingerprint, later.time], ['Gültig', 'Stadt Musterstadt', STADT_FINGERPRINT, '28.11.2026, 09:15:30 Uhr']);
  assert.equal(later.kind, stadt.kind);
  assert.ok(stadt.kind.length > 0, 'the kind of the Stadt is shown');

  const other = await row(page, 'anderer-schluessel.json');
  assert.deepEqual([other.status, other.municipality, other.fingerprint], ['Gültig', 'Stadt Musterstadt', f.otherFingerprint]);

  const tampered = await row(page, 'geaendert.json');
  assert.match(tampered.status, /^Ungültig: Signatur fehlt oder passt nicht zum Inhalt\n/);
  assert.match(tampered.status, /nach dem Signieren verändert/);
  assert.match(tampered.status, /Meldung: signature invalid: /, 'the library message is the detail');
  assert.deepEqual([tampered.municipality, tampered.fingerprint], ['', ''], 'a broken signature names nobody');

  const note = await row(page, 'notiz.txt');
  assert.match(note.status, /^Ungültig: keine JSON-Datei\n/);

  const questionnaire = await row(page, 'fragebogen.json');
  assert.match(questionnaire.status, /^Fragebogen: schon bekannt\n/);
  assert.match(questionnaire.status, /erfolgreiche-integration-2005, Version 1\.0\.0/);
  assert.equal(questionnaire.kind, 'Fragebogen');

  await assertAccessible(page, 'the office page with the table');
  await screenshot(page, t.name, 'table');

  // The workbook: sheets Einreichungen, one per repeat group, Dateien; the valid, not superseded
  // submissions' municipalities in it.
  const xlsx = await download(page, () => page.getByRole('button', { name: 'Tabelle als Excel-Datei (.xlsx)' }).click());
  assert.match(xlsx.name, new RegExp(`${DATE_NAME.source}\\.xlsx$`));
  await statusLine(page).getByText(`Die Datei ${xlsx.name} wird heruntergeladen.`).waitFor();
  const zip = unzip(xlsx.bytes);
  const workbook = zip.get('xl/workbook.xml');
  const sheets = [...workbook.matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1]);
  assert.equal(sheets[0], 'Einreichungen');
  assert.equal(sheets.at(-1), 'Dateien');
  assert.ok(sheets.length > 2, `a sheet per repeat group: ${sheets}`);
  const strings = zip.get('xl/sharedStrings.xml');
  for (const text of ['Landkreis Musterland', 'Stadt Musterstadt', LANDKREIS_FINGERPRINT, f.otherFingerprint, 'notiz.txt', 'geaendert.json']) {
    assert.ok(strings.includes(text), `the workbook holds ${text}`);
  }
  assert.ok(!strings.includes('Stadt Nachgebessert'), 'the changed file is not in the tables');
  assert.ok(!strings.includes('fragebogen.json'), 'a questionnaire file is no submission');

  // CSV: the main sheet (three valid submissions, in the order dropped), and the list of files.
  const csvButtons = page.getByRole('list').getByRole('button', { name: /^Blatt „.+“ als CSV$/ });
  assert.equal(await csvButtons.count(), sheets.length, 'a CSV button per sheet');
  const main = await download(page, () => page.getByRole('button', { name: 'Blatt „Einreichungen“ als CSV' }).click());
  assert.match(main.name, new RegExp(`${DATE_NAME.source}\\.csv$`));
  const lines = csvLines(main.bytes);
  assert.match(lines[0], /^file,municipality,kind,fingerprint,createdAt,digest,/);
  assert.match(lines[1], /^Datei,Kommune,Art,Fingerabdruck,Erstellt \(UTC\),Prüfsumme,/);
  assert.equal(lines.length, 2 + 3, `two header rows and one row per valid submission:\n${lines.map((l) => l.slice(0, 80)).join('\n')}`);
  assert.deepEqual(lines.slice(2).map((l) => l.split(',')[0]), [LANDKREIS_FILE, 'anderer-schluessel.json', 'spaeter.json']);
  const filesCsv = await download(page, () => page.getByRole('button', { name: 'Blatt „Dateien“ als CSV' }).click());
  assert.match(filesCsv.name, new RegExp(`${DATE_NAME.source}\\.dateien\\.csv$`));
  const fileLines = csvLines(filesCsv.bytes);
  assert.equal(fileLines.length, 2 + 6, 'every submission file, valid or not, and no questionnaire file');
  assert.ok(fileLines.some((l) => l.startsWith('geaendert.json,ungültig,nein,,signature-invalid,')), fileLines.join('\n'));

  // Nothing left the machine, nothing was sent anywhere, and the page only asked for its own files.
  assert.deepEqual(requests.outside, [], 'requests outside 127.0.0.1');
  assert.deepEqual(requests.withBody, [], 'requests that carried data');
  const paths = requests.seen.map((u) => new URL(u)).filter((u) => u.protocol.startsWith('http')).map((u) => u.pathname);
  assert.ok(paths.some((p) => /^\/office\/bogen-office-app-[0-9a-f]+_bg\.wasm$/.test(p)), `the office's wasm was loaded: ${paths}`);
  assert.deepEqual(paths.filter((p) => !p.startsWith('/office/')), [], 'only the office page\'s own files');
  assert.deepEqual(errors, []);
});

test('a submission of an unknown questionnaire waits for its questionnaire file; with two questionnaires the office chooses which one to tabulate', async (t) => {
  const f = await files();
  const { page, errors } = await openOffice(t);

  await drop(page, [upload('variante-einreichung.json', f.ofVariant)]);
  await checked(page, 1);
  let variant = await row(page, 'variante-einreichung.json');
  assert.match(variant.status, /^Ungültig: Fragebogen unbekannt\n/);
  assert.match(variant.status, /Ziehen Sie die Fragebogendatei/);
  assert.equal(variant.fingerprint, f.variantFingerprint, 'the signature holds, so the signer is named');

  // Dropping again adds to the list: the questionnaire, and a sample of the built-in one.
  await drop(page, [upload('fragebogen-1.1.json', f.variantText), upload(LANDKREIS_FILE, f.landkreis)]);
  await checked(page, 2);
  variant = await row(page, 'variante-einreichung.json');
  assert.deepEqual([variant.status, variant.municipality], ['Gültig', 'Stadt Musterstadt']);
  assert.match((await row(page, 'fragebogen-1.1.json')).status, /^Fragebogen: wird zum Prüfen verwendet\n/);
  await page.getByRole('listitem').filter({ hasText: 'erfolgreiche-integration-2005, Version 1.1.0' }).waitFor();

  const choice = page.getByRole('group', { name: 'Welcher Fragebogen soll in die Tabelle?' });
  await choice.waitFor();
  const options = choice.getByRole('radio');
  assert.equal(await options.count(), 2);
  await assertAccessible(page, 'the office page with a choice of questionnaire');
  await screenshot(page, t.name, 'choice');
  await choice.getByRole('radio', { name: /Version 1\.1\.0\)/ }).check();
  const csv = await download(page, () => page.getByRole('button', { name: 'Blatt „Einreichungen“ als CSV' }).click());
  const lines = csvLines(csv.bytes);
  assert.deepEqual(lines.slice(2).map((l) => l.split(',')[0]), ['variante-einreichung.json'], 'the chosen questionnaire\'s submissions only');
  await choice.getByRole('radio', { name: /Version 1\.0\.0\)/ }).check();
  const other = csvLines((await download(page, () => page.getByRole('button', { name: 'Blatt „Einreichungen“ als CSV' }).click())).bytes);
  assert.deepEqual(other.slice(2).map((l) => l.split(',')[0]), [LANDKREIS_FILE]);

  // The same file dropped again is not counted twice.
  await drop(page, [upload(LANDKREIS_FILE, f.landkreis)]);
  assert.equal(
    await checked(page, 0),
    '0 Dateien geprüft. In der Liste: 2 gültig, 0 ersetzt, 0 ungültig, 1 Fragebogen. 1 Datei war schon in der Liste und wurde übersprungen.',
  );

  // In English, the same list.
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { level: 1, name: 'Check submissions' }).waitFor();
  assert.equal((await page.locator('html').getAttribute('lang')), 'en');
  assert.equal((await page.getByRole('table', { name: 'Checked files (3)' }).getByRole('row').count()), 1 + 3);
  await page.getByRole('button', { name: 'Deutsch' }).click();

  // Clearing the list: the table goes, the focus is back on the file input.
  await page.getByRole('button', { name: 'Liste leeren' }).click();
  await statusLine(page).getByText('Die Liste ist leer.').waitFor();
  assert.equal(await page.getByRole('table').count(), 0);
  assert.ok(await picker(page).evaluate((input) => document.activeElement === input), 'focus on the file input');
  await page.getByRole('listitem').filter({ hasText: 'Version 1.1.0' }).waitFor({ state: 'detached' });
  assert.deepEqual(errors, []);
});

test('hundreds of files in one drop are all checked, and a file over 16 MiB is reported without being read', async (t) => {
  const f = await files();
  const { page, errors } = await openOffice(t);
  // 240 copies of one file (one key, one time, the same answers): the later name counts, the
  // others are superseded as copies of it.
  const copies = Array.from({ length: 240 }, (_, i) => upload(`stadt-${String(i).padStart(3, '0')}.json`, f.stadt));
  await picker(page).setInputFiles([...copies, upload('riesig.json', Buffer.alloc(17 * 1024 * 1024, 0x20).toString())]);
  assert.equal(await checked(page, 241), '241 Dateien geprüft. In der Liste: 1 gültig, 239 ersetzt, 1 ungültig.');
  assert.equal((await row(page, 'stadt-239.json')).status, 'Gültig');
  assert.equal((await row(page, 'stadt-000.json')).status, 'Kopie von stadt-239.json');
  const large = await row(page, 'riesig.json');
  assert.match(large.status, /^Ungültig: Datei zu groß \(mehr als 16 MiB\)\n/);
  assert.match(large.status, /the file is 17\.0 MiB; files larger than 16 MiB are not read/);
  assert.deepEqual(errors, []);
});

test('a file of the same key that names another municipality is flagged on the file it replaces', async (t) => {
  const f = await files();
  const stadtJson = JSON.parse(f.stadt);
  const stadtKey = JSON.parse(await readText(STADT_KEY)).privateKey;
  // One browser, so one key, used for a second municipality.
  const neighbour = signed(
    {
      ...stadtJson,
      createdAt: '2026-11-28T10:00:00.000Z',
      answers: { ...stadtJson.answers, municipality_name: 'Gemeinde Nachbarort' },
    },
    stadtKey,
  );
  const { page, errors } = await openOffice(t);
  await picker(page).setInputFiles([upload(STADT_FILE, f.stadt), upload('nachbarort.json', neighbour)]);
  assert.equal(await checked(page, 2), '2 Dateien geprüft. In der Liste: 1 gültig, 1 ersetzt, 0 ungültig.');
  const replaced = await row(page, STADT_FILE);
  assert.equal(
    replaced.status,
    // "Warnung:" is the warning's hidden word for screen readers (GOV.UK's warning text).
    'Ersetzt durch nachbarort.json\nWarnung:\nDie neuere Datei nennt eine andere Gemeinde (Gemeinde Nachbarort), mit demselben Schlüssel unterschrieben: Fragen Sie beide, welche gilt.',
  );
  assert.equal((await row(page, 'nachbarort.json')).municipality, 'Gemeinde Nachbarort');
  await screenshot(page, 'office', 'same-key-other-municipality');
  assert.deepEqual(errors, []);
});

test('the respondents\' page never loads the office\'s code', async (t) => {
  const { page, app } = await h.page(t);
  const paths = [];
  page.on('request', (request) => paths.push(new URL(request.url()).pathname));
  await app.open();
  await page.getByRole('main').getByRole('heading', { level: 1 }).waitFor();
  await page.waitForLoadState('networkidle');
  assert.ok(paths.some((p) => /^\/bogen-app-[0-9a-f]+_bg\.wasm$/.test(p)), `the app's wasm was loaded: ${paths}`);
  assert.deepEqual(paths.filter((p) => p.startsWith('/office') || p.includes('office-app')), [], 'nothing of the office page');
  // Nor is it named anywhere in what the app's page is made of.
  const dist = join(REPO_ROOT, 'dist');
  for (const name of (await readdir(dist)).filter((n) => /\.(html|js)$/.test(n))) {
    assert.ok(!(await readText(join(dist, name))).includes('bogen-office-app'), `dist/${name} names the office's code`);
  }
});
