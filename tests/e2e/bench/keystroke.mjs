// Browser benchmark (not a test): what one keystroke costs in the release build, with the
// generated questionnaire of 2,000 questions and 2,100 conditions that the engine benchmark uses.
//
//   scripts/build.sh && node tests/e2e/bench/keystroke.mjs [N_KEYSTROKES]
//
// For each field it types N characters, one `input` event at a time, and reports per keystroke:
// - handler: the synchronous time of dispatching the event (Yew handles it and re-renders
//   synchronously, so this is the engine update plus the re-render),
// - settled: until the next task, by when anything the handler deferred has run too,
// - to frame: until the next animation frame after the event (what the person can see; it
//   includes waiting for the display's refresh, so about 16 ms is the floor),
// - DOM mutations: how many nodes were changed or added per keystroke, and how many question
//   blocks (fieldsets or `.form-group`s) they touched: typing must not re-render the whole form.
// It asserts nothing; figures go in the closing notes.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, newPage } from '../lib/browser.mjs';
import { FIXTURES, REPO_ROOT, startServer } from '../lib/server.mjs';

const N = Number(process.argv[2] ?? 60);
const generated = join(FIXTURES, 'generated');
mkdirSync(generated, { recursive: true });
const json = execFileSync('cargo', ['run', '-q', '-p', 'bogen-engine', '--example', 'large_questionnaire'], {
  cwd: REPO_ROOT,
  maxBuffer: 64 << 20,
});
writeFileSync(join(generated, 'large.json'), json);

const server = await startServer();
const browser = await launchBrowser();
const { page } = await newPage(browser);

const t0 = Date.now();
await page.goto(`${server.url}/?questionnaire=/e2e-fixtures/generated/large.json`);
await page.getByRole('link', { name: 'Abschnitt 50', exact: true }).waitFor();
const startMs = Date.now() - t0;

await page.getByRole('link', { name: 'Abschnitt 50', exact: true }).click();
await page.getByRole('heading', { name: 'Abschnitt 50', level: 1 }).waitFor();
// "B" shows the section's text questions (their condition is `q50_0 = 'b'`).
await page.getByRole('radio', { name: 'B', exact: true }).check();

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { median: q(0.5), p95: q(0.95), max: s[s.length - 1] };
};

async function typeInto(label, text) {
  const field = page.getByLabel(label, { exact: true });
  await field.focus();
  const handle = await field.elementHandle();
  return page.evaluate(
    async ({ input, text }) => {
      const blocks = () => [...document.querySelectorAll('fieldset, .form-group, [role=group]')];
      const results = [];
      for (const ch of text) {
        const touched = new Set();
        let nodes = 0;
        const observer = new MutationObserver((records) => {
          for (const r of records) {
            nodes += r.type === 'childList' ? r.addedNodes.length + r.removedNodes.length : 1;
            const target = r.target.nodeType === 1 ? r.target : r.target.parentElement;
            const block = target?.closest('fieldset, .form-group, [role=group]');
            if (block) touched.add(block);
          }
        });
        observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
        const start = performance.now();
        input.value += ch;
        input.dispatchEvent(new InputEvent('input', { bubbles: true, data: ch, inputType: 'insertText' }));
        const handler = performance.now() - start;
        // Records already queued now were made inside the handler: the re-render is synchronous.
        const syncRecords = observer.takeRecords();
        for (const r of syncRecords) nodes += r.type === 'childList' ? r.addedNodes.length + r.removedNodes.length : 1;
        // Anything Yew deferred (a microtask, or a task queued by the handler) has run by the next task.
        await new Promise((ok) => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => ok();
          channel.port2.postMessage(0);
        });
        const settled = performance.now() - start;
        await new Promise((ok) => requestAnimationFrame(() => ok()));
        const toFrame = performance.now() - start;
        observer.takeRecords();
        observer.disconnect();
        results.push({ handler, settled, toFrame, nodes, syncRecords: syncRecords.length, blocks: touched.size, allBlocks: blocks().length });
      }
      return results;
    },
    { input: handle, text },
  );
}

const fields = [
  ['Text q50_4', 'Musterstadt an der Ruhr '.repeat(4).slice(0, N), 'a text field nothing reads'],
  ['Einwohner q50_1', '1234567890'.repeat(8).slice(0, Math.min(N, 12)), 'a number read by a rule, a calculation and conditions'],
];
console.log(`Bogen keystroke benchmark: 2,000 questions, 2,100 conditions; start page ready after ${startMs} ms`);
for (const [label, text, what] of fields) {
  const results = await typeInto(label, text);
  const handler = stats(results.map((r) => r.handler));
  const frame = stats(results.map((r) => r.toFrame));
  const settled = stats(results.map((r) => r.settled));
  const nodes = stats(results.map((r) => r.nodes));
  const blocks = stats(results.map((r) => r.blocks));
  const inHandler = results.filter((r) => r.nodes > 0).every((r) => r.syncRecords > 0);
  console.log(
    `${label} (${what}), ${results.length} keystrokes: handler median ${handler.median.toFixed(2)} ms, p95 ${handler.p95.toFixed(2)} ms, max ${handler.max.toFixed(2)} ms; ` +
      `until settled (next task) median ${settled.median.toFixed(2)} ms, p95 ${settled.p95.toFixed(2)} ms, max ${settled.max.toFixed(2)} ms; ` +
      `to next frame median ${frame.median.toFixed(1)} ms; DOM nodes changed median ${nodes.median}, max ${nodes.max}; ` +
      `question blocks touched median ${blocks.median}, max ${blocks.max} of ${results[0].allBlocks} on the page; ` +
      `DOM changes made inside the handler: ${inHandler ? 'all' : 'not all'}`,
  );
}
if (page.errors.length) console.log(`page errors: ${page.errors.join('\n')}`);
await browser.close();
await server.close();
