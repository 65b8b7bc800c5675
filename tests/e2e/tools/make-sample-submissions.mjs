// Makes the sample submissions in tests/fixtures/submissions/ with the app itself, as a
// municipality would: the release build (dist/) in headless Chromium fills the default
// questionnaire as a Landkreis in the 2nd round and as a Großstadt in the 1st round (the answers of
// lib/scenarios.mjs), loads that municipality's sample key (tests/fixtures/sample-keys/: one key
// per municipality, as each signs in its own browser) with "Schlüssel aus Datei laden", and saves
// what "Bewerbung signieren und herunterladen" downloads.
// It also copies the questionnaire they answer to tests/fixtures/. Run by hand, not by `node --test`
// (this folder is not searched for tests):
//
//   scripts/build.sh && node tests/e2e/tools/make-sample-submissions.mjs
//
// See tests/fixtures/submissions/README.md.
import assert from 'node:assert/strict';
import { copyFile, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { BogenApp } from '../lib/app.mjs';
import { launchBrowser, newPage } from '../lib/browser.mjs';
import { FILE, GROSSSTADT_ROUND_1_COMPLETE, LANDKREIS_ROUND_2, walk } from '../lib/scenarios.mjs';
import { REPO_ROOT, startServer } from '../lib/server.mjs';
import { canonical, verifySubmission } from '../lib/verify-submission.mjs';

const OUT = join(REPO_ROOT, 'tests/fixtures/submissions');
const KEYS = join(REPO_ROOT, 'tests/fixtures/sample-keys');
const QUESTIONNAIRE_COPY = join(REPO_ROOT, 'tests/fixtures/erfolgreiche-integration-2005.json');
const SCENARIOS = [
  ['Landkreis, 2. Runde', LANDKREIS_ROUND_2, 'landkreis-musterland.json'],
  ['Großstadt, 1. Runde', GROSSSTADT_ROUND_1_COMPLETE, 'stadt-musterstadt.json'],
];

async function readKey(name) {
  const path = join(KEYS, name);
  const text = await readFile(path, 'utf8').catch(() => {
    throw new Error(`${path} is missing: make one with \`bogen keygen -o ${path} --name "… (Testschlüssel)"\``);
  });
  return { text, fingerprint: JSON.parse(text).fingerprint };
}
const questionnaireText = await readFile(join(REPO_ROOT, FILE), 'utf8');
const { signature: _, ...unsigned } = JSON.parse(questionnaireText);
const questionnaireSha256 = createHash('sha256').update(canonical(unsigned)).digest('hex');

const server = await startServer();
const browser = await launchBrowser();
const made = [];
try {
  for (const [what, scenario, keyName] of SCENARIOS) {
    const key = await readKey(keyName);
    const { context, page } = await newPage(browser);
    const app = new BogenApp(page, server.url);
    await app.open();
    await app.startPage();
    await walk(null, app, page, scenario);
    await page.getByLabel('Schlüssel aus Datei laden').setInputFiles({ name: keyName, mimeType: 'application/json', buffer: Buffer.from(key.text) });
    await page.getByText(`Der Schlüssel aus „${keyName}“ wird jetzt in diesem Browser zum Signieren verwendet.`).waitFor();
    const file = await app.signAndDownload();
    const verified = verifySubmission(file.text);
    assert.ok(verified.valid, `${what}: the file does not verify`);
    assert.equal(verified.fingerprint, key.fingerprint, `${what}: not signed by the sample key`);
    const json = JSON.parse(file.text);
    assert.equal(json.questionnaire.sha256, questionnaireSha256, `${what}: dist/ was built from another ${FILE}: run scripts/build.sh first`);
    assert.deepEqual(page.errors, [], `${what}: errors in the page`);
    made.push({ what, fileName: file.fileName, text: file.text, fingerprint: key.fingerprint });
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}

for (const name of await readdir(OUT)) {
  if (name.startsWith('erfolgreiche-integration-2005_') && name.endsWith('.json')) await rm(join(OUT, name));
}
for (const { what, fileName, text, fingerprint } of made) {
  await writeFile(join(OUT, fileName), text);
  console.log(`${what}: tests/fixtures/submissions/${fileName}, signed by ${fingerprint}`);
}
await copyFile(join(REPO_ROOT, FILE), QUESTIONNAIRE_COPY);
console.log(`questionnaire: tests/fixtures/erfolgreiche-integration-2005.json (sha256 ${questionnaireSha256})`);
