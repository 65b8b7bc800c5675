// Bogen against SurveyJS, side by side, in headless Chromium: bytes, time to the first typed
// character, keystroke and conditional-click latency, script time per keystroke, memory, DOM
// size, and Bogen's autosave. Not a test: it asserts nothing and never fails on a figure.
//
//   node bench/run.mjs [--loads 10] [--sizes 150,2000] [--modes page,single]
//                      [--systems bogen,surveyjs] [--keys 30] [--clicks 10] [--saves 5]
//                      [--autosave-loads 3] [--dist dist] [--out bench/out] [--seed 13]
//                      [--experiment-css FILE]   (CSS added to Bogen's page: an experiment)
//                      [--js-flags FLAGS]        (V8 flags for both systems: an experiment)
//                      [--wait-before MS]        (a pause between browser start and navigation: an experiment)
//
// scripts/bench.sh installs the pinned packages, builds the release app and runs this.
// What each figure means and how it is taken: bench/README.md. Output: bench/out/results.json
// (statistics, ratios, budgets), raw.json (every sample), summary.md (tables), chart.svg/.png.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { writeAll } from './generate.mjs';
import { pageUrl, startBenchServers } from './lib/server.mjs';
import { CHROMIUM, CHROMIUM_ARGS, firstCharacter, humanClick, loadPhases, metricsOf, openPage } from './lib/browser.mjs';
import { medianRatioInterval, ratios, summary } from './lib/stats.mjs';
import { chartSvg } from './lib/chart.mjs';
import { METRICS, evaluateBudgets, summaryMarkdown } from './lib/report.mjs';
import { readOptions } from './lib/options.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const ROOT = resolve(here, '..');
const opt = readOptions('bench/run.mjs', ['loads', 'sizes', 'modes', 'systems', 'keys', 'clicks', 'saves', 'autosave-loads', 'dist', 'out', 'seed', 'experiment-css', 'js-flags', 'wait-before']);
const LOADS = Number(opt('loads', 10));
const SIZES = opt('sizes', '150,2000').split(',').map(Number);
const MODES = opt('modes', 'page,single').split(',');
const SYSTEMS = opt('systems', 'bogen,surveyjs').split(',');
const KEYS = Number(opt('keys', 30));
const CLICKS = Number(opt('clicks', 10));
const SAVES = Number(opt('saves', 5));
const AUTOSAVE_LOADS = Number(opt('autosave-loads', Math.min(LOADS, 3)));
const DIST = resolve(opt('dist', join(ROOT, 'dist')));
const OUT = resolve(opt('out', join(here, 'out')));
const SEED = Number(opt('seed', 13));
// An experiment, never the benchmark's own figures: CSS added to Bogen's page (e.g. the
// content-visibility of issue 13), to measure what a change of styles/main.css would gain.
const EXPERIMENT_CSS = opt('experiment-css', null);
const bogenExtra = EXPERIMENT_CSS ? { css: readFileSync(resolve(EXPERIMENT_CSS), 'utf8') } : {};
// An experiment too: V8 flags for both systems' browsers (e.g. `--liftoff-only`, to see what
// V8's background compiles of hot WebAssembly cost a load on this machine's two cores). A page
// cannot set them; the figures only say where time goes.
const JS_FLAGS = opt('js-flags', null);
const launch = { args: JS_FLAGS ? [`--js-flags=${JS_FLAGS}`] : [] };
// An experiment too: a pause between starting the browser and navigating. Playwright's new page
// starts an about:blank renderer that is still starting up during the load (about 480 ms of CPU
// on this machine's two cores, from /proc); with a pause the load runs on a quiet browser. The
// benchmark's own figures are taken without it: a cold browser per load, as issue 13 asks.
const WAIT_BEFORE_MS = Number(opt('wait-before', 0));
const TYPED = 'Musterstadt an der Ruhr ';
const KEY_GAP_MS = 50; // pause after each keystroke's frame (a quick typist)
const CLICK_GAP_MS = 150;
const SETTLE_MS = 1500; // after the first character, before memory and interaction

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const debug = process.env.BENCH_DEBUG ? (...xs) => log('debug:', ...xs) : () => {};
const log = (...xs) => console.log(`[${new Date().toISOString().slice(11, 19)}]`, ...xs);

// --- set-up ------------------------------------------------------------------------------------
const qDir = join(OUT, 'questionnaires');
const metas = writeAll({ sizes: SIZES, modes: MODES, seed: SEED, out: qDir });
const metaOf = (size, mode) => metas.find((m) => m.questions === size && m.mode === mode);

if (!existsSync(join(DIST, 'index.html'))) {
  console.error(`bench: ${DIST}/index.html not found: build the app first (BOGEN_SKIP_SETUP=1 scripts/build.sh)`);
  process.exit(2);
}
// A snapshot of the build, so that a rebuild of dist/ during the run changes nothing measured.
const APP = join(OUT, 'app');
rmSync(APP, { recursive: true, force: true });
cpSync(DIST, APP, { recursive: true, filter: (src) => !src.includes(`${'/'}.stage`) });
const appFiles = readdirSync(APP)
  .filter((f) => statSync(join(APP, f)).isFile())
  .map((f) => ({ file: f, bytes: statSync(join(APP, f)).size }));

const git = (...a) => {
  try {
    return execFileSync('git', a, { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
};
const nm = join(here, 'node_modules');
const surveyVersion = JSON.parse(readFileSync(join(nm, 'survey-core', 'package.json'), 'utf8')).version;
const surveyUiVersion = JSON.parse(readFileSync(join(nm, 'survey-js-ui', 'package.json'), 'utf8')).version;

const servers = await startBenchServers({ app: APP, questionnaires: qDir });

const urlOf = (system, meta) => pageUrl(servers, system, meta);

/**
 * Whether the app holds the typed text: SurveyJS's model; for Bogen, any value in localStorage
 * (its autosave) that contains it, so that this does not depend on how drafts are stored.
 */
async function appValue(page, system, meta, expected) {
  return page.evaluate(
    ({ system, name, expected }) => {
      if (system === 'surveyjs') return window.survey.getValue(name) ?? null;
      for (let i = 0; i < localStorage.length; i++) {
        const value = localStorage.getItem(localStorage.key(i));
        if (value && value.includes(JSON.stringify(expected))) return expected;
      }
      return null;
    },
    { system, name: meta.typing, expected },
  );
}

async function measureLoad(system, meta) {
  const s = servers[system];
  s.reset();
  const p = await openPage(system, meta, system === 'bogen' ? bogenExtra : {}, launch);
  const { page, cdp } = p;
  try {
    const url = urlOf(system, meta);
    if (WAIT_BEFORE_MS > 0) await sleep(WAIT_BEFORE_MS);
    const { first, tInputFound } = await firstCharacter(page, url);
    const phases = await loadPhases(page);
    debug('first frame', first.tFrame);
    await sleep(SETTLE_MS);

    debug('settled');
    // Memory and DOM after load (after a full garbage collection).
    await cdp.send('HeapProfiler.collectGarbage');
    const m = await metricsOf(cdp);
    const mem = await page.evaluate(async () => {
      const r = await performance.measureUserAgentSpecificMemory();
      const by = (type) => r.breakdown.filter((b) => b.types.includes(type)).reduce((a, b) => a + b.bytes, 0);
      return {
        total: r.bytes,
        js: by('JavaScript'),
        dom: by('DOM'),
        shared: by('Shared'),
        wasm: window.__bench.wasmMemory(),
        elements: document.getElementsByTagName('*').length,
      };
    });

    // Bytes: everything served for this load; the questionnaire is the /q/ file.
    const served = s.served.filter((r) => r.status === 200);
    const isQ = (r) => r.path.startsWith('/q/');
    const sum = (rs, k) => rs.reduce((a, r) => a + r[k], 0);

    debug('memory', JSON.stringify(mem));
    // Keystrokes into the (focused) text field.
    const before = await metricsOf(cdp);
    const keys = [];
    for (let i = 0; i < KEYS; i++) {
      const ch = TYPED[i % TYPED.length];
      await page.keyboard.press(ch === ' ' ? 'Space' : ch);
      keys.push(await page.evaluate(() => window.__bench.lastKey));
      await sleep(KEY_GAP_MS);
    }
    const after = await metricsOf(cdp);
    const per = (name) => ((after[name] - before[name]) * 1000) / KEYS;

    debug('keys done');
    // The app took every character (Bogen: its autosave; SurveyJS: its model).
    await sleep(900);
    const expected = 'x' + Array.from({ length: KEYS }, (_, i) => TYPED[i % TYPED.length]).join('');
    const held = await appValue(page, system, meta, expected);
    const fieldValue = await page.evaluate((id) => document.getElementById(id)?.value, await page.evaluate(() => window.__bench.inputReady));

    // Clicks: 'a' hides the conditional question, 'b' shows it (timed).
    const clicks = [];
    for (let i = 0; i < CLICKS; i++) {
      for (const [value, present] of [
        [meta.otherValue, false],
        [meta.triggerValue, true],
      ]) {
        const point = await page.evaluate(({ n, v }) => window.__bench.optionPoint(n, v), { n: meta.trigger, v: value });
        await page.evaluate(({ n, present }) => window.__bench.armClick(n, present), { n: meta.shown, present });
        await humanClick(page, point);
        debug('click', value, JSON.stringify(point));
        const r = await Promise.race([page.evaluate(() => window.__bench.lastClick), sleep(15_000).then(() => null)]);
        debug('click done', JSON.stringify(r));
        if (present) clicks.push(r);
        await sleep(CLICK_GAP_MS);
      }
    }

    return {
      bytes: {
        appRaw: sum(served.filter((r) => !isQ(r)), 'bytes'),
        appGzip: sum(served.filter((r) => !isQ(r)), 'gzip'),
        questionnaireRaw: sum(served.filter(isQ), 'bytes'),
        questionnaireGzip: sum(served.filter(isQ), 'gzip'),
        files: served.map((r) => ({ path: r.path.replace(/\?.*/, ''), bytes: r.bytes, gzip: r.gzip })),
      },
      phases,
      inputShown: tInputFound,
      firstChar: first.tFrame,
      firstKey: first,
      memory: { ...mem, total: mem.total + mem.wasm, jsHeapUsed: m.JSHeapUsedSize, nodes: m.Nodes, layoutObjects: m.LayoutObjects },
      perKey: { script: per('ScriptDuration'), task: per('TaskDuration'), layout: per('LayoutDuration'), style: per('RecalcStyleDuration') },
      keys,
      clicks,
      accepted: { expected, held, fieldValue, ok: held === expected && fieldValue === expected },
      errors: p.errors,
      outside: p.outside,
      // The machine's 1-minute load average when the load ended (2 shared cores: above 2, other
      // work competed for them).
      loadavg: os.loadavg()[0],
    };
  } finally {
    await p.close();
  }
}

async function measureAutosave(meta) {
  const draftText = readFileSync(join(qDir, `bogen-${meta.questions}-${meta.mode}.draft.json`), 'utf8');
  const p = await openPage('bogen', meta, { ...bogenExtra, draftKey: `bogen:draft:${meta.id}`, draftText, hookAutosave: true }, launch);
  const { page } = p;
  try {
    await firstCharacter(page, urlOf('bogen', meta));
    await sleep(900);
    for (let i = 1; i < SAVES; i++) {
      await page.keyboard.press(TYPED[i % TYPED.length]);
      await page.evaluate(() => window.__bench.lastKey);
      await sleep(900);
    }
    const r = await page.evaluate(() => ({ saves: window.__bench.saves, setItems: window.__bench.setItems }));
    // Each save: the timer task, the localStorage writes inside it, and the largest value written.
    const inside = (save) => r.setItems.filter((w) => w.start >= save.start && w.start <= save.start + save.ms);
    const saves = r.saves.filter((save) => inside(save).length > 0);
    const draftBytes = saves.map((save) => Math.max(...inside(save).map((w) => w.bytes)));
    if (draftBytes.some((b) => b < 10_000)) {
      log(`${meta.id} autosave: a save wrote less than 10 KB: the seeded draft was not restored, so this is not the autosave of ${meta.answers} answers`);
    }
    return {
      saves: saves.map((save) => save.ms),
      setItems: saves.map((save) => inside(save).reduce((a, w) => a + w.ms, 0)),
      draftBytes,
      errors: p.errors,
    };
  } finally {
    await p.close();
  }
}

// --- run ---------------------------------------------------------------------------------------
const started = Date.now();
const browserVersion = await (async () => {
  const b = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const v = b.version();
  await b.close();
  return v;
})();
const commit = git('rev-parse', '--short', 'HEAD');
const dirtyApp = git('status', '--porcelain', '--', 'src', 'crates/bogen-engine', 'Cargo.toml', 'Cargo.lock', 'index.html', 'styles', 'questionnaire');
log(`bench: ${LOADS} loads × ${SIZES.join('/')} questions × ${MODES.join('/')} × ${SYSTEMS.join('/')}; Bogen build ${appFiles.map((f) => f.file).join(' ')} (commit ${commit}${dirtyApp ? ' + uncommitted changes' : ''}); SurveyJS ${surveyVersion}; Chromium ${browserVersion}`);

const raw = {};
for (const size of SIZES) {
  for (const mode of MODES) {
    const meta = metaOf(size, mode);
    const key = `${size}-${mode}`;
    raw[key] = Object.fromEntries(SYSTEMS.map((s) => [s, []]));
    for (let load = 1; load <= LOADS; load++) {
      // Systems alternate load by load, so a busy moment of the machine hits both alike.
      for (const system of load % 2 ? SYSTEMS : [...SYSTEMS].reverse()) {
        const t = Date.now();
        try {
          const r = await measureLoad(system, meta);
          raw[key][system].push(r);
          const med = (xs) => summary(xs)?.median?.toFixed(1);
          log(
            `${key} ${system} load ${load}/${LOADS}: first char ${r.firstChar.toFixed(0)} ms, key→frame median ${med(r.keys.map((k) => k.tFrame - k.t0))} ms, ` +
              `click→frame median ${med(r.clicks.filter(Boolean).map((c) => c.tFrame - c.t0))} ms, script/key ${r.perKey.script.toFixed(2)} ms, ` +
              `memory ${(r.memory.total / 1048576).toFixed(1)} MiB, ${r.memory.elements} elements${r.accepted.ok ? '' : ', TYPED TEXT NOT TAKEN: ' + JSON.stringify(r.accepted)}` +
              `${r.errors.length ? `, page errors: ${r.errors.join(' | ')}` : ''} (${((Date.now() - t) / 1000).toFixed(0)} s)`,
          );
        } catch (e) {
          log(`${key} ${system} load ${load}/${LOADS}: failed: ${e.stack ?? e}`);
          raw[key][system].push({ failed: String(e) });
        }
      }
    }
  }
}

const autosave = {};
if (SYSTEMS.includes('bogen') && AUTOSAVE_LOADS > 0) {
  const size = Math.max(...SIZES);
  for (const mode of MODES) {
    const meta = metaOf(size, mode);
    const key = `${size}-${mode}`;
    autosave[key] = [];
    for (let load = 1; load <= AUTOSAVE_LOADS; load++) {
      try {
        const r = await measureAutosave(meta);
        autosave[key].push(r);
        log(`${key} bogen autosave load ${load}/${AUTOSAVE_LOADS}: ${r.saves.map((x) => x.toFixed(1)).join(', ')} ms per save (setItem ${r.setItems.map((x) => x.toFixed(1)).join(', ')} ms; ${r.draftBytes[0]} bytes)`);
      } catch (e) {
        log(`${key} bogen autosave load ${load}: failed: ${e.stack ?? e}`);
      }
    }
  }
}
await servers.bogen.close();
await servers.surveyjs.close();

// --- statistics ---------------------------------------------------------------------------------
const runs = {};
for (const [key, bySystem] of Object.entries(raw)) {
  runs[key] = { stats: {}, ratio: {}, ratioInterval: {} };
  const okLoads = {};
  for (const [system, loads] of Object.entries(bySystem)) {
    const ok = (okLoads[system] = loads.filter((l) => !l.failed));
    runs[key].stats[system] = Object.fromEntries(METRICS.filter((m) => m.from).map((m) => [m.id, summary(m.from(ok))]));
    runs[key].stats[system].failedLoads = loads.length - ok.length;
    runs[key].stats[system].notTaken = ok.filter((l) => !l.accepted.ok).length;
  }
  if (runs[key].stats.bogen && runs[key].stats.surveyjs) {
    for (const m of METRICS.filter((m) => m.from)) runs[key].ratio[m.id] = ratios(runs[key].stats.bogen[m.id], runs[key].stats.surveyjs[m.id]);
    // How sure the ratio of medians is, for the figures taken once per load (the budgets' two
    // ratios among them): see medianRatioInterval.
    for (const m of METRICS.filter((m) => m.from && m.per === 'load')) {
      runs[key].ratioInterval[m.id] = medianRatioInterval(m.from(okLoads.bogen), m.from(okLoads.surveyjs));
    }
  }
}
for (const [key, loads] of Object.entries(autosave)) {
  runs[key] ??= { stats: {}, ratio: {} };
  runs[key].stats.bogen ??= {};
  runs[key].stats.bogen.autosave = summary(loads.flatMap((l) => l.saves));
  runs[key].stats.bogen.autosaveSetItem = summary(loads.flatMap((l) => l.setItems));
  runs[key].stats.bogen.draftBytes = summary(loads.flatMap((l) => l.draftBytes));
}

const results = {
  about: {
    date: new Date().toISOString(),
    durationSeconds: Math.round((Date.now() - started) / 1000),
    commit,
    uncommittedAppChanges: dirtyApp ? dirtyApp.split('\n') : [],
    bogenBuild: appFiles,
    surveyjs: { 'survey-core': surveyVersion, 'survey-js-ui': surveyUiVersion, theme: 'survey-core.fontless.min.css (default theme)' },
    chromium: browserVersion,
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30), loadavg: os.loadavg() },
    experimentCss: EXPERIMENT_CSS ? readFileSync(resolve(EXPERIMENT_CSS), 'utf8') : null,
    experimentJsFlags: JS_FLAGS,
    experimentWaitBeforeMs: WAIT_BEFORE_MS || null,
    settings: { loads: LOADS, sizes: SIZES, modes: MODES, systems: SYSTEMS, keys: KEYS, clicks: CLICKS, saves: SAVES, autosaveLoads: AUTOSAVE_LOADS, seed: SEED, keyGapMs: KEY_GAP_MS, settleMs: SETTLE_MS },
  },
  questionnaires: metas,
  metrics: METRICS.map(({ id, label, unit, per }) => ({ id, label, unit, per })),
  runs,
};
results.budgets = evaluateBudgets(results);
mkdirSync(OUT, { recursive: true });
writeFileSync(join(OUT, 'results.json'), JSON.stringify(results, null, 2));
writeFileSync(join(OUT, 'raw.json'), JSON.stringify({ raw, autosave }, null, 1));
const md = summaryMarkdown(results);
writeFileSync(join(OUT, 'summary.md'), md);
const svg = chartSvg(results);
writeFileSync(join(OUT, 'chart.svg'), svg);
// The same chart as PNG, drawn by the same Chromium (for viewers that show no SVG).
try {
  const b = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const page = await b.newPage({ viewport: { width: 1060, height: 600 } });
  await page.setContent(`<body style="margin:0">${svg}</body>`);
  await page.screenshot({ path: join(OUT, 'chart.png'), fullPage: true });
  await b.close();
} catch (e) {
  log(`bench: chart.png not drawn (${e.message}); chart.svg is there`);
}
console.log('\n' + md);
log(`bench: wrote ${join(OUT, 'results.json')}, raw.json, summary.md, chart.svg and chart.png in ${Math.round((Date.now() - started) / 1000)} s`);
