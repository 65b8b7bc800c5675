// Where Bogen's time goes on a keystroke and on a conditional click: a Chromium performance trace
// (main-thread time by kind: script, style, layout, paint …) and a V8 CPU profile (time by
// function, Rust names included) of the same interactions as bench/run.mjs.
//
//   node bench/profile.mjs [--size 2000] [--modes single,page] [--keys 20] [--clicks 5] [--phase-loads 4]
//                          [--dist dist] [--out bench/out/profile] [--experiment-css FILE]
//
// Function names: the release wasm carries none (wasm-opt -Oz drops the name section). When
// target/wasm-bindgen/release/ holds the wasm-bindgen output of the same build as dist/ (its JS
// glue is byte-identical to dist's), this runs the same `wasm-opt -Oz` with `--debuginfo` over it,
// which keeps the names and changes nothing else, and profiles that copy of the app. Otherwise it
// profiles dist/ as it is, and functions show as wasm-function[N].
//
// First, per mode: the app's load phases (navigation, its `bogen-load-*` marks, the text field
// found) in wall and main-thread CPU time, over a few cold loads, and their medians: to compare
// two builds, run it with `--dist` on each and compare the CPU column. Then, per mode and interaction, it writes trace-*.json (open it in
// Chromium's DevTools, Performance panel), cpu-*.cpuprofile (DevTools, or speedscope), and
// summary.txt with the tables it prints.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeAll } from './generate.mjs';
import { firstCharacter, humanClick, openPage } from './lib/browser.mjs';
import { pageUrl, startBenchServers } from './lib/server.mjs';
import { readOptions } from './lib/options.mjs';
import { shippedWasmOptArgs } from './lib/wasm.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const ROOT = resolve(here, '..');
const opt = readOptions('bench/profile.mjs', ['size', 'modes', 'keys', 'clicks', 'phase-loads', 'dist', 'out', 'experiment-css']);
const SIZE = Number(opt('size', 2000));
const MODES = opt('modes', 'single,page').split(',');
const KEYS = Number(opt('keys', 20));
const CLICKS = Number(opt('clicks', 5));
const PHASE_LOADS = Number(opt('phase-loads', 4));
const DIST = resolve(opt('dist', join(ROOT, 'dist')));
const OUT = resolve(opt('out', join(here, 'out', 'profile')));
const TYPED = 'Musterstadt an der Ruhr ';
// An experiment: CSS added to Bogen's page (e.g. content-visibility), to see what a change of
// styles/main.css would gain before making it. The app's files are not touched.
const EXPERIMENT_CSS = opt('experiment-css', null);
const extraCfg = EXPERIMENT_CSS ? { css: readFileSync(resolve(EXPERIMENT_CSS), 'utf8') } : {};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const report = [];
const say = (line = '') => {
  console.log(line);
  report.push(line);
};

mkdirSync(OUT, { recursive: true });
const qDir = join(OUT, 'questionnaires');
const metas = writeAll({ sizes: [SIZE], modes: MODES, out: qDir });

// --- the app, with function names when the matching wasm-bindgen output is there ----------------
const APP = join(OUT, 'app');
rmSync(APP, { recursive: true, force: true });
cpSync(DIST, APP, { recursive: true, filter: (src) => !src.includes('/.stage') });
const files = readdirSync(APP);
const distJs = files.find((f) => /^bogen-app-.*\.js$/.test(f));
const distWasm = files.find((f) => f.endsWith('_bg.wasm'));
const bindgen = join(ROOT, 'target', 'wasm-bindgen', 'release');
const wasmOpt = join(ROOT, 'tests', 'e2e', 'node_modules', '.bin', 'wasm-opt');
let named = false;
if (
  distJs &&
  distWasm &&
  existsSync(join(bindgen, 'bogen-app.js')) &&
  existsSync(wasmOpt) &&
  readFileSync(join(bindgen, 'bogen-app.js')).equals(readFileSync(join(APP, distJs)))
) {
  execFileSync(wasmOpt, [...shippedWasmOptArgs(readFileSync(join(ROOT, 'index.html'), 'utf8')), '--debuginfo', join(bindgen, 'bogen-app_bg.wasm'), '-o', join(APP, distWasm)]);
  // The named wasm differs from the one index.html's integrity hash was made for.
  const index = join(APP, 'index.html');
  writeFileSync(index, readFileSync(index, 'utf8').replace(/ integrity="[^"]*"/g, ''));
  named = true;
}
if (EXPERIMENT_CSS) say(`profile: EXPERIMENT: ${EXPERIMENT_CSS} added to Bogen's page`);
say(`profile: ${SIZE} questions, ${MODES.join(' and ')}; app ${distWasm} ${named ? 'with function names (the shipped wasm-opt arguments plus --debuginfo over the same wasm-bindgen output)' : 'WITHOUT function names (no matching wasm-bindgen output in target/)'}`);

const servers = await startBenchServers({ app: APP, questionnaires: qDir });

// --- analysis ------------------------------------------------------------------------------------
/** Self time (ms) by event name on the renderer's main thread of a trace. */
function traceSelfTimes(events) {
  const threads = new Map();
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain') threads.set(`${e.pid}:${e.tid}`, 0);
  }
  for (const e of events) {
    const k = `${e.pid}:${e.tid}`;
    if (threads.has(k) && e.ph === 'X') threads.set(k, threads.get(k) + 1);
  }
  const main = [...threads.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const xs = events
    .filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X' && typeof e.dur === 'number')
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const self = new Map();
  const stack = [];
  const close = (until) => {
    while (stack.length && stack[stack.length - 1].end <= until) {
      const top = stack.pop();
      self.set(top.name, (self.get(top.name) ?? 0) + top.dur - top.children);
    }
  };
  for (const e of xs) {
    close(e.ts);
    if (stack.length) stack[stack.length - 1].children += e.dur;
    stack.push({ name: e.name, end: e.ts + e.dur, dur: e.dur, children: 0 });
  }
  close(Infinity);
  return [...self.entries()].map(([name, us]) => ({ name, ms: us / 1000 })).sort((a, b) => b.ms - a.ms);
}

/** Self and total time (ms) by function of a V8 CPU profile. */
function profileTimes(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const nameOf = (n) => {
    const f = n.callFrame;
    const name = f.functionName || '(anonymous)';
    return f.url && !f.url.includes('wasm') && name !== '(program)' && name !== '(idle)' && name !== '(garbage collector)'
      ? `${name} ${f.url.split('/').pop()}:${f.lineNumber + 1}`
      : name;
  };
  const self = new Map();
  const total = new Map();
  const deltas = profile.timeDeltas;
  // A sample stands for the time until the next one, but at most 1 ms: a long gap means the
  // sampler could not run (the thread was in Blink's layout or paint), not that the function ran.
  profile.samples.forEach((id, i) => {
    const dt = Math.min(deltas[i + 1] ?? deltas[i] ?? 0, 1000) / 1000;
    const node = byId.get(id);
    const name = nameOf(node);
    self.set(name, (self.get(name) ?? 0) + dt);
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const n = nameOf(byId.get(cur));
      if (seen.has(n)) continue;
      seen.add(n);
      total.set(n, (total.get(n) ?? 0) + dt);
    }
  });
  const rows = [...self.keys()].concat([...total.keys()]);
  return [...new Set(rows)].map((name) => ({ name, self: self.get(name) ?? 0, total: total.get(name) ?? 0 }));
}

const demangle = (name) => name.replace(/::h[0-9a-f]{16}$/, '');
const trimName = (s, n = 110) => (s.length > n ? s.slice(0, n - 1) + '…' : s);

// --- interactions --------------------------------------------------------------------------------
async function typeKeys(page, n) {
  for (let i = 0; i < n; i++) {
    const ch = TYPED[i % TYPED.length];
    await page.keyboard.press(ch === ' ' ? 'Space' : ch);
    await page.evaluate(() => window.__bench.lastKey);
    await sleep(50);
  }
}
async function clickShow(page, meta, n) {
  const out = [];
  for (let i = 0; i < n; i++) {
    for (const [value, present] of [
      [meta.otherValue, false],
      [meta.triggerValue, true],
    ]) {
      const point = await page.evaluate(({ q, v }) => window.__bench.optionPoint(q, v), { q: meta.trigger, v: value });
      await page.evaluate(({ q, present }) => window.__bench.armClick(q, present), { q: meta.shown, present });
      await humanClick(page, point);
      const r = await page.evaluate(() => window.__bench.lastClick);
      if (present) out.push(r);
      await sleep(150);
    }
  }
  return out;
}

async function traced(meta, what, run) {
  const p = await openPage('bogen', meta, extraCfg);
  try {
    if (what !== 'load') {
      await firstCharacter(p.page, pageUrl(servers, 'bogen', meta));
      await sleep(1500);
    }
    const path = join(OUT, `trace-${meta.questions}-${meta.mode}-${what}.json`);
    await p.browser.startTracing(p.page, {
      path,
      categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink', 'disabled-by-default-devtools.timeline.frame'],
    });
    await run(p.page);
    await p.browser.stopTracing();
    return traceSelfTimes(JSON.parse(readFileSync(path, 'utf8')).traceEvents ?? []);
  } finally {
    await p.close();
  }
}

async function profiled(meta, what, run) {
  const p = await openPage('bogen', meta, extraCfg);
  try {
    if (what !== 'load') {
      await firstCharacter(p.page, pageUrl(servers, 'bogen', meta));
      await sleep(1500);
    } else {
      // A page of the same origin first, so that the profiled navigation stays in this renderer.
      await p.page.goto(`${servers.bogen.url}/q/meta.json`);
    }
    await p.cdp.send('Profiler.enable');
    await p.cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await p.cdp.send('Profiler.start');
    const result = await run(p.page);
    const { profile } = await p.cdp.send('Profiler.stop');
    writeFileSync(join(OUT, `cpu-${meta.questions}-${meta.mode}-${what}.cpuprofile`), JSON.stringify(profile));
    return { rows: profileTimes(profile), result };
  } finally {
    await p.close();
  }
}

/**
 * Bogen's load phases in wall time and in main-thread CPU time, from a trace of the marks and
 * of the main thread's tasks: from navigation to the app's code running (`bogen-load-running`),
 * then between the app's `bogen-load-*` marks, then to the frame in which the probe finds the
 * text field laid out (`bench-input-found`). Marks carry the thread's CPU clock (`tts`); the
 * start is the first task of the page's main thread after its navigation. A phase inside one
 * synchronous call (the compile) that takes longer on the wall than on the CPU waited for a
 * core. Two builds differ by less than the noise of wall time on this machine; their CPU per
 * phase is the steadier thing to compare.
 */
async function loadPhasesCpu(meta, loads) {
  const rows = [];
  for (let i = 0; i < loads; i++) {
    const p = await openPage('bogen', meta, extraCfg);
    try {
      const path = join(OUT, `trace-${meta.questions}-${meta.mode}-phases.json`);
      await p.browser.startTracing(p.page, { path, categories: ['blink.user_timing', 'toplevel', 'loading'] });
      await p.page.goto(pageUrl(servers, 'bogen', meta), { waitUntil: 'commit' });
      await p.page.evaluate(() => window.__bench.inputReady);
      await p.browser.stopTracing();
      const events = JSON.parse(readFileSync(path, 'utf8')).traceEvents ?? [];
      const marks = new Map();
      for (const e of events) {
        const ours = e.name?.startsWith('bogen-load-') || e.name === 'bench-input-found';
        if (ours && typeof e.tts === 'number' && !marks.has(e.name)) marks.set(e.name, e);
      }
      const running = marks.get('bogen-load-running');
      if (!running) throw new Error('no bogen-load-running mark in the trace');
      const onMain = (e) => e.pid === running.pid && e.tid === running.tid;
      const navigation = events
        .filter((e) => e.name === 'navigationStart' && onMain(e) && e.ts < running.ts)
        .sort((a, b) => a.ts - b.ts)
        .pop();
      const firstTask = events
        .filter((e) => e.ph === 'X' && typeof e.tts === 'number' && onMain(e) && navigation && e.ts >= navigation.ts)
        .sort((a, b) => a.ts - b.ts)[0];
      const start = firstTask ? [{ name: 'navigation', ts: navigation.ts, tts: firstTask.tts }] : [];
      const sorted = [...start, ...[...marks.values()].sort((a, b) => a.ts - b.ts)];
      const name = (e) => (e.name === 'bench-input-found' ? 'field-found' : e.name.slice('bogen-load-'.length));
      rows.push(sorted.slice(1).map((b, j) => ({ phase: name(b), wall: (b.ts - sorted[j].ts) / 1000, cpu: (b.tts - sorted[j].tts) / 1000 })));
    } finally {
      await p.close();
    }
  }
  return rows;
}

for (const mode of MODES) {
  const meta = metas.find((m) => m.mode === mode);
  say();
  say(`== ${SIZE} questions, ${mode}: load phases, wall / main-thread CPU in ms (${PHASE_LOADS} cold loads) ==`);
  const all = await loadPhasesCpu(meta, PHASE_LOADS);
  for (const phases of all) {
    say(`  ${phases.map((r) => `${r.phase} ${r.wall.toFixed(0)} / ${r.cpu.toFixed(0)}`).join('   ')}`);
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const names = all[0]?.map((r) => r.phase) ?? [];
  const of = (phase, key) => median(all.map((phases) => phases.find((r) => r.phase === phase)?.[key] ?? 0));
  say(`  median: ${names.map((n) => `${n} ${of(n, 'wall').toFixed(0)} / ${of(n, 'cpu').toFixed(1)}`).join('   ')}`);
  const load = async (page) => {
    await firstCharacter(page, pageUrl(servers, 'bogen', meta));
    await sleep(300);
  };
  for (const [what, n, run] of [
    ['load', 1, load],
    ['keystroke', KEYS, (page) => typeKeys(page, KEYS)],
    ['click', CLICKS, (page) => clickShow(page, meta, CLICKS)],
  ]) {
    say();
    say(`== ${SIZE} questions, ${mode}: ${what} (${n} of them; figures per ${what}) ==`);
    const trace = await traced(meta, what, run);
    const traceTotal = trace.reduce((a, r) => a + r.ms, 0);
    say(`Main thread, self time by trace event (total ${(traceTotal / n).toFixed(2)} ms per ${what}):`);
    for (const r of trace.slice(0, 14)) say(`  ${(r.ms / n).toFixed(2).padStart(8)} ms  ${r.name}`);
    const { rows } = await profiled(meta, what, run);
    const active = rows.filter((r) => !['(idle)', '(program)', '(root)'].includes(r.name));
    say(`V8 CPU profile, by function (ms per ${what}; self = in the function itself, total = with what it calls):`);
    say('      self     total  function');
    for (const r of [...active].sort((a, b) => b.self - a.self).slice(0, 25)) {
      say(`  ${(r.self / n).toFixed(3).padStart(8)}  ${(r.total / n).toFixed(3).padStart(8)}  ${trimName(demangle(r.name))}`);
    }
    say('  by total (inclusive) time:');
    for (const r of [...active].sort((a, b) => b.total - a.total).slice(0, 30)) {
      say(`  ${(r.self / n).toFixed(3).padStart(8)}  ${(r.total / n).toFixed(3).padStart(8)}  ${trimName(demangle(r.name))}`);
    }
  }
}
await servers.bogen.close();
await servers.surveyjs.close();
writeFileSync(join(OUT, 'summary.txt'), report.join('\n') + '\n');
console.log(`\nprofile: wrote ${OUT}/summary.txt, trace-*.json and cpu-*.cpuprofile`);
