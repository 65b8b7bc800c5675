// Browser benchmark (not a test): what one autosave costs in the release build when the draft
// holds every answer of the generated 2,000-question questionnaire of the engine benchmark
// (1,900 answers: the other 100 questions are calculated), and that it stays off the typing path.
//
//   scripts/build.sh && node tests/e2e/bench/autosave.mjs [N_SAVES]
//
// It writes a draft file with an answer to every question that takes one, opens it in the app
// ("Als neuen Entwurf öffnen"), then N times types one character into a text field and waits
// for the autosave. The app measures each save with performance.measure (src/drafts.rs):
// `bogen-autosave` the whole save, `bogen-autosave-check` reading back the stored draft's
// revision (the check against another tab's save), `bogen-autosave-write` the localStorage
// writes (entry and index); the rest is stamping, capturing and serialising the draft. Per
// keystroke it also reports the input handler's time, to show the save is not in it.
// It asserts nothing; the figure goes into README.md's Benchmarks section.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, newPage } from '../lib/browser.mjs';
import { FIXTURES, REPO_ROOT, startServer } from '../lib/server.mjs';

const N = Number(process.argv[2] ?? 30);
const generated = join(FIXTURES, 'generated');
mkdirSync(generated, { recursive: true });
const json = execFileSync('cargo', ['run', '-q', '-p', 'bogen-engine', '--example', 'large_questionnaire'], {
  cwd: REPO_ROOT,
  maxBuffer: 64 << 20,
});
writeFileSync(join(generated, 'large.json'), json);
const questionnaire = JSON.parse(readFileSync(join(generated, 'large.json'), 'utf8'));

// An answer to every question that takes one, as a respondent would have given it.
const answers = {};
for (const section of questionnaire.sections) {
  for (const q of section.questions) {
    const n = Number(q.id.split('_')[1]);
    switch (q.type) {
      case 'singleChoice':
        answers[q.id] = 'b';
        break;
      case 'integer':
        answers[q.id] = n === 1 ? 25000 : 4000;
        break;
      case 'text':
        answers[q.id] = `Antwort auf ${q.id}: Amt für Integration, Zimmer ${n}`;
        break;
      case 'longText':
        answers[q.id] = `Ausführliche Antwort auf ${q.id}. `.repeat(8).trim();
        break;
      case 'yesNo':
        answers[q.id] = n % 2 === 0;
        break;
      default:
        break;
    }
  }
}
const time = '2026-03-01T10:00:00.000Z';
const draft = {
  format: 'bogen-draft',
  formatVersion: 2,
  questionnaireId: questionnaire.id,
  questionnaireVersion: questionnaire.version,
  questionnaireSha256: null,
  draftId: '0000000000000001',
  name: 'Benchmark',
  savedAt: time,
  revision: 1,
  answers,
  answeredAt: Object.fromEntries(Object.keys(answers).map((id) => [id, time])),
  keptAside: [],
};
const draftText = JSON.stringify(draft);

const server = await startServer();
const browser = await launchBrowser();
const { page } = await newPage(browser);
await page.goto(`${server.url}/?questionnaire=/e2e-fixtures/generated/large.json`);
await page.getByRole('link', { name: 'Abschnitt 50', exact: true }).waitFor();
await page.getByLabel('Datei auswählen (Fragebogen oder Entwurf)').setInputFiles({
  name: 'benchmark.json',
  mimeType: 'application/json',
  buffer: Buffer.from(draftText),
});
await page.getByRole('radio', { name: 'Als neuen Entwurf öffnen', exact: true }).check();
await page.getByRole('button', { name: 'Weiter', exact: true }).click();
await page.getByText('als neuer Entwurf „Benchmark“ geöffnet').waitFor();
await page.getByRole('link', { name: 'Abschnitt 50', exact: true }).click();
await page.getByRole('heading', { name: 'Abschnitt 50', level: 1 }).waitFor();

const field = page.getByLabel('Text q50_4', { exact: true });
await field.focus();
const handle = await field.elementHandle();
const results = [];
for (let i = 0; i < N; i++) {
  const result = await page.evaluate(async (input) => {
    const before = performance.getEntriesByName('bogen-autosave')[0]?.startTime ?? -1;
    const start = performance.now();
    input.value += 'x';
    input.dispatchEvent(new InputEvent('input', { bubbles: true, data: 'x', inputType: 'insertText' }));
    const handler = performance.now() - start;
    // The autosave runs 400 ms after the last keystroke.
    for (;;) {
      await new Promise((ok) => setTimeout(ok, 50));
      const save = performance.getEntriesByName('bogen-autosave')[0];
      if (save && save.startTime > before) {
        const part = (name) => performance.getEntriesByName(name)[0]?.duration ?? NaN;
        return { handler, save: save.duration, check: part('bogen-autosave-check'), write: part('bogen-autosave-write') };
      }
    }
  }, handle);
  results.push(result);
}
const stored = await page.evaluate(() => {
  for (let i = 0; i < localStorage.length; i++) {
    const key = localStorage.key(i);
    if (key.startsWith('bogen:draft:bench:')) return localStorage.getItem(key).length;
  }
  return 0;
});
const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return `median ${q(0.5).toFixed(2)} ms, p95 ${q(0.95).toFixed(2)} ms, max ${s[s.length - 1].toFixed(2)} ms`;
};
const n = Object.keys(answers).length;
console.log(`Bogen autosave benchmark: a draft of ${n.toLocaleString('en')} answers (${(stored / 1024).toFixed(0)} KiB stored), ${results.length} saves`);
console.log(`  whole save:                    ${stats(results.map((r) => r.save))}`);
console.log(`  read back the stored revision: ${stats(results.map((r) => r.check))}`);
console.log(`  stamp, capture, serialise:     ${stats(results.map((r) => r.save - r.check - r.write))}`);
console.log(`  write entry and index:         ${stats(results.map((r) => r.write))}`);
console.log(`  keystroke input handler:       ${stats(results.map((r) => r.handler))} (the save is not in it)`);
if (page.errors.length) console.log(`page errors: ${page.errors.join('\n')}`);
await browser.close();
await server.close();
