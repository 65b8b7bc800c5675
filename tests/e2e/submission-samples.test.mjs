// The sample submissions made by the app (tests/fixtures/submissions/, see its README) checked the
// way anyone without Bogen would: with the Node recipe of docs/SUBMISSION.md, run exactly as it
// stands in the document, and with lib/verify-submission.mjs, whose recipe lines must be the
// document's. No browser: these are files.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { REPO_ROOT } from './lib/server.mjs';
import { READ_LINE_HERE, READ_LINE_IN_DOC, canonical, recipeLinesHere, verifySubmission } from './lib/verify-submission.mjs';

const SAMPLES = join(REPO_ROOT, 'tests/fixtures/submissions');
const KEYS = join(REPO_ROOT, 'tests/fixtures/sample-keys');
const QUESTIONNAIRE = join(REPO_ROOT, 'tests/fixtures/erfolgreiche-integration-2005.json');

/** The sample submissions: [{ name, text, keyFingerprint }]. */
async function samples() {
  const names = (await readdir(SAMPLES)).filter((n) => n.endsWith('.json')).sort();
  return Promise.all(
    names.map(async (name) => {
      const municipality = name.split('_')[1];
      const key = JSON.parse(await readFile(join(KEYS, `${municipality}.json`), 'utf8'));
      return { name, text: await readFile(join(SAMPLES, name), 'utf8'), keyFingerprint: key.fingerprint };
    }),
  );
}

/** The Node recipe of docs/SUBMISSION.md: the ```js block after `<!-- recipe: node -->`. */
async function documentedRecipe() {
  const doc = await readFile(join(REPO_ROOT, 'docs/SUBMISSION.md'), 'utf8');
  const after = doc.split('<!-- recipe: node -->')[1];
  assert.ok(after, 'docs/SUBMISSION.md has a block marked <!-- recipe: node -->');
  const block = after.match(/```js\n([\s\S]*?)\n```/);
  assert.ok(block, 'the Node recipe is a ```js block');
  return block[1];
}

/** Runs the documented recipe on a file, as a reader of the document would: `node verify.mjs FILE`. */
async function runRecipe(recipe, text) {
  const dir = await mkdtemp(join(tmpdir(), 'bogen-recipe-'));
  try {
    await writeFile(join(dir, 'verify.mjs'), recipe);
    await writeFile(join(dir, 'submission.json'), text);
    const { stdout } = await promisify(execFile)(process.execPath, [join(dir, 'verify.mjs'), join(dir, 'submission.json')]);
    return stdout.trim();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

test('there are at least two samples, each signed by its own municipality key', async () => {
  const all = await samples();
  assert.ok(all.length >= 2, `at least two samples in ${SAMPLES}`);
  assert.equal(new Set(all.map((s) => s.keyFingerprint)).size, all.length);
});

test('every sample verifies with the Node recipe exactly as docs/SUBMISSION.md prints it, and an altered copy does not', async () => {
  const recipe = await documentedRecipe();
  for (const { name, text, keyFingerprint } of await samples()) {
    assert.equal(await runRecipe(recipe, text), `valid ${keyFingerprint}`, name);
    const altered = text.replace('"language": "de"', '"language": "en"');
    assert.notEqual(altered, text);
    assert.equal(await runRecipe(recipe, altered), 'INVALID', `${name} with another language`);
  }
});

test('the recipe in lib/verify-submission.mjs is the document\'s, and it agrees on every sample', async () => {
  const documented = (await documentedRecipe()).split('\n').map((l) => l.trim());
  for (const line of await recipeLinesHere()) {
    const asDocumented = line === READ_LINE_HERE ? READ_LINE_IN_DOC : line;
    assert.ok(documented.includes(asDocumented), `this line of lib/verify-submission.mjs is not in the document's recipe:\n${line}`);
  }
  for (const { name, text, keyFingerprint } of await samples()) {
    assert.deepEqual(verifySubmission(text), { valid: true, fingerprint: keyFingerprint }, name);
    const { signature, ...rest } = JSON.parse(text);
    const forged = JSON.stringify({ ...rest, answers: { ...rest.answers, inhabitants: 1 }, signature });
    assert.equal(verifySubmission(forged).valid, false, `${name} with a changed answer`);
  }
  assert.deepEqual(verifySubmission('not json'), { valid: false });
});

test('every sample names the questionnaire copy under tests/fixtures/ by id, version and hash', async () => {
  const questionnaire = JSON.parse(await readFile(QUESTIONNAIRE, 'utf8'));
  const { signature: _, ...unsigned } = questionnaire;
  const sha256 = createHash('sha256').update(canonical(unsigned)).digest('hex');
  for (const { name, text } of await samples()) {
    const { questionnaire: stamp, answers } = JSON.parse(text);
    assert.deepEqual(stamp, { id: questionnaire.id, version: questionnaire.version, sha256 }, name);
    assert.ok(Object.keys(answers).length > 40, `${name} answers the whole questionnaire`);
  }
});
