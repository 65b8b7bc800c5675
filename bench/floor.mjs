// Floors of the first typed character in this harness: how much of a cold load's time to the
// first character is the browser's, how much the page's HTML and CSS, and how much the app's
// code. Four pages, loaded alternately, each in a cold browser with the same probe as run.mjs:
//
// - `one field`: a page holding one labelled text field and nothing else;
// - `Bogen as HTML`: Bogen's first page of the 2,000-question questionnaire as Bogen draws it,
//   saved as plain HTML with its stylesheets and no script (taken from a load of the build);
// - `Bogen`: the app itself;
// - `SurveyJS`: the same questionnaire in SurveyJS.
//
//   node bench/floor.mjs [--loads 8] [--size 2000] [--mode page] [--dist dist] [--out bench/out/floor]
//
// Not a test, and not a budget: it says what a change of the app can gain at most. Writes
// floor.json (every load and the statistics) in its output folder and prints a table.
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeAll } from './generate.mjs';
import { firstCharacter, openPage } from './lib/browser.mjs';
import { pageUrl, startBenchServers, startServer } from './lib/server.mjs';
import { summary } from './lib/stats.mjs';
import { readOptions } from './lib/options.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const opt = readOptions('bench/floor.mjs', ['loads', 'size', 'mode', 'dist', 'out']);
const LOADS = Number(opt('loads', 8));
const SIZE = Number(opt('size', 2000));
const MODE = opt('mode', 'page');
const DIST = resolve(opt('dist', join(here, '..', 'dist')));
const OUT = resolve(opt('out', join(here, 'out', 'floor')));

if (!existsSync(join(DIST, 'index.html'))) {
  console.error(`floor: ${DIST}/index.html not found: build the app first (BOGEN_SKIP_SETUP=1 scripts/build.sh)`);
  process.exit(2);
}
const [meta] = writeAll({ sizes: [SIZE], modes: [MODE], out: join(OUT, 'questionnaires') });
const servers = await startBenchServers({ app: DIST, questionnaires: join(OUT, 'questionnaires') });

// The probe finds Bogen's field by its id, `q-<question id>`: both static pages use that id, so
// the probe and the harness treat them exactly as they treat Bogen.
const fieldId = `q-${meta.typing}`;
const oneField = join(OUT, 'one-field');
mkdirSync(oneField, { recursive: true });
writeFileSync(
  join(oneField, 'index.html'),
  `<!DOCTYPE html>\n<html lang="de"><head><meta charset="utf-8"><title>Ein Feld</title></head>\n` +
    `<body><main><h1>Abschnitt</h1><label for="${fieldId}">Frage</label> <input id="${fieldId}" type="text"></main></body></html>\n`,
);

/** Bogen's first page as it is drawn, without scripts: the page's own cost to the browser. */
async function bogenAsHtml() {
  const page = await openPage('bogen', meta);
  try {
    await firstCharacter(page.page, pageUrl(servers, 'bogen', meta));
    const html = await page.page.evaluate(() => '<!DOCTYPE html>\n' + document.documentElement.outerHTML);
    const dir = join(OUT, 'bogen-as-html');
    mkdirSync(dir, { recursive: true });
    const stripped = html
      .replace(/<script\b[\s\S]*?<\/script>/g, '')
      .replace(/<link rel="(?:modulepreload|preload|manifest)"[^>]*>/g, '')
      .replace(/ integrity="[^"]*"/g, '');
    writeFileSync(join(dir, 'index.html'), stripped);
    for (const f of readdirSync(DIST)) if (f.endsWith('.css') || f.endsWith('.svg')) copyFileSync(join(DIST, f), join(dir, f));
    return dir;
  } finally {
    await page.close();
  }
}

const staticServer = async (dir) => {
  const s = await startServer({ mounts: { '/': dir }, index: join(dir, 'index.html') });
  return { server: s, url: s.url + '/' };
};
const pages = [
  { name: 'one field', system: 'bogen', ...(await staticServer(oneField)) },
  { name: 'Bogen as HTML', system: 'bogen', ...(await staticServer(await bogenAsHtml())) },
  { name: 'Bogen', system: 'bogen', url: pageUrl(servers, 'bogen', meta) },
  { name: 'SurveyJS', system: 'surveyjs', url: pageUrl(servers, 'surveyjs', meta) },
];

const loads = Object.fromEntries(pages.map((p) => [p.name, []]));
for (let i = 0; i < LOADS; i++) {
  // Alternating order, so that no page always follows the same one.
  for (const p of i % 2 ? [...pages].reverse() : pages) {
    const page = await openPage(p.system, meta);
    try {
      const r = await firstCharacter(page.page, p.url);
      loads[p.name].push({ fieldFound: r.tInputFound, firstCharacter: r.first.tFrame });
    } finally {
      await page.close();
    }
  }
  console.log(`load ${i + 1}/${LOADS}: ` + pages.map((p) => `${p.name} ${loads[p.name].at(-1).firstCharacter.toFixed(0)} ms`).join(', '));
}

const stats = Object.fromEntries(
  pages.map((p) => [
    p.name,
    {
      fieldFound: summary(loads[p.name].map((l) => l.fieldFound)),
      firstCharacter: summary(loads[p.name].map((l) => l.firstCharacter)),
    },
  ]),
);
writeFileSync(join(OUT, 'floor.json'), JSON.stringify({ size: SIZE, mode: MODE, loads: LOADS, stats, raw: loads }, null, 1));
console.log(`\n${SIZE} questions, ${MODE === 'page' ? 'one page per section' : 'all on one page'}, ${LOADS} cold loads each (ms since navigation, min / median / max)`);
for (const p of pages) {
  const f = stats[p.name].firstCharacter;
  const found = stats[p.name].fieldFound;
  console.log(`${p.name.padEnd(14)} first character ${f.min.toFixed(0)} / ${f.median.toFixed(0)} / ${f.max.toFixed(0)}   field laid out ${found.median.toFixed(0)}`);
}
console.log(`wrote ${join(OUT, 'floor.json')}`);
for (const s of [servers.bogen, servers.surveyjs, ...pages.filter((p) => p.server).map((p) => p.server)]) await s.close();
