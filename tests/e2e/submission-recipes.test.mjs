// The verification recipes of docs/SUBMISSION.md ("Verifying a file yourself"), run exactly as
// they stand in the document: the code blocks after `<!-- recipe: node -->` and
// `<!-- recipe: python -->` are written to files and run against the sample submissions the app
// made (tests/fixtures/submissions/) and against altered copies, which they must reject. No
// browser: the recipes are what an office runs by hand.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { REPO_ROOT } from './lib/server.mjs';

const doc = readFileSync(join(REPO_ROOT, 'docs/SUBMISSION.md'), 'utf8');
const SAMPLES = join(REPO_ROOT, 'tests/fixtures/submissions');
const PYTHON = join(REPO_ROOT, 'tests/e2e/.venv/bin/python');

function recipe(name) {
  const match = doc.match(new RegExp(`<!-- recipe: ${name} -->\\n\`\`\`\\w+\\n([\\s\\S]*?)\`\`\``));
  assert.ok(match, `docs/SUBMISSION.md has no code block after <!-- recipe: ${name} -->`);
  return match[1];
}

const work = mkdtempSync(join(tmpdir(), 'bogen-recipes-'));
after(() => rmSync(work, { recursive: true, force: true }));
const runners = {
  node: (file) => ['node', [join(work, 'verify.mjs'), file]],
  python: (file) => [PYTHON, [join(work, 'verify.py'), file]],
};
writeFileSync(join(work, 'verify.mjs'), recipe('node'));
writeFileSync(join(work, 'verify.py'), recipe('python'));

// The folder also holds the sample keys that signed them: only submissions count.
const samples = readdirSync(SAMPLES)
  .filter((f) => f.endsWith('.json'))
  .filter((f) => JSON.parse(readFileSync(join(SAMPLES, f), 'utf8')).format === 'bogen-submission')
  .sort();

function run(language, file) {
  const [command, args] = runners[language](file);
  return execFileSync(command, args, { encoding: 'utf8' }).trim();
}

/** Writes `text` as a file of the work folder and returns its path. */
function copy(name, text) {
  const path = join(work, name);
  writeFileSync(path, text);
  return path;
}

test('there are at least two sample submissions made by the app', () => {
  assert.ok(samples.length >= 2, `tests/fixtures/submissions/ holds ${samples.length} samples`);
});

for (const language of Object.keys(runners)) {
  test(`the ${language} recipe of docs/SUBMISSION.md verifies every sample and names its fingerprint`, () => {
    for (const sample of samples) {
      const text = readFileSync(join(SAMPLES, sample), 'utf8');
      const { signature } = JSON.parse(text);
      assert.equal(run(language, join(SAMPLES, sample)), `valid ${signature.fingerprint}`, sample);
      // Layout is not content: the same document written compactly still verifies.
      const compact = copy(`compact-${sample}`, JSON.stringify(JSON.parse(text)));
      assert.equal(run(language, compact), `valid ${signature.fingerprint}`, `${sample}, compact`);
    }
  });

  test(`the ${language} recipe rejects a changed answer, a changed time and another key's fingerprint`, () => {
    const sample = samples[0];
    const document = JSON.parse(readFileSync(join(SAMPLES, sample), 'utf8'));
    const [firstId] = Object.keys(document.answers);
    const changedAnswer = structuredClone(document);
    changedAnswer.answers[firstId] = typeof changedAnswer.answers[firstId] === 'string'
      ? `${changedAnswer.answers[firstId]} ` : 'changed';
    const changedTime = { ...structuredClone(document), createdAt: '2004-09-30T00:00:00.000Z' };
    const changedFingerprint = structuredClone(document);
    changedFingerprint.signature.fingerprint = 'AAAA-AAAA-AAAA-AAAA';
    for (const [name, altered] of [['answer', changedAnswer], ['time', changedTime], ['fingerprint', changedFingerprint]]) {
      assert.equal(run(language, copy(`${name}-${sample}`, JSON.stringify(altered, null, 2))), 'INVALID', name);
    }
  });
}
