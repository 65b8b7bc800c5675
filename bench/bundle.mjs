// Where the bytes of the respondents' app go: the release wasm's code by crate (and the engine and
// the app by module), its data, and the JS, CSS and HTML beside it, raw and gzip -9.
//
//   node bench/bundle.mjs [--dist dist] [--wasm NAMED.wasm] [--out bench/out/bundle]
//
// Function names: as bench/profile.mjs, it runs `wasm-opt -Oz --debuginfo` over
// target/wasm-bindgen/release/bogen-app_bg.wasm when that is the same build as dist/ (the JS glue
// is byte-identical); that binary is the shipped one plus its "name" section (checked below).
// `--wasm` takes such a file made another way.
//
// Gzip per group: each group's function bodies (or data) compressed alone at level 9; "share of
// the shipped gzip" scales those so that they add up to the gzip -9 of the shipped .wasm (a part
// compresses a little better inside the whole). twiggy's own views (`twiggy top`, `twiggy
// dominators`) are written beside when twiggy is installed (`cargo install twiggy --locked`).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { readWasm, shippedWasmOptArgs } from './lib/wasm.mjs';
import { readOptions } from './lib/options.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const ROOT = resolve(here, '..');
const opt = readOptions('bench/bundle.mjs', ['dist', 'out', 'wasm']);
const DIST = resolve(opt('dist', join(ROOT, 'dist')));
const OUT = resolve(opt('out', join(here, 'out', 'bundle')));
mkdirSync(OUT, { recursive: true });
const gz = (b) => gzipSync(b, { level: 9 }).length;
const kib = (n) => (n / 1024).toFixed(1);

const files = readdirSync(DIST).filter((f) => statSync(join(DIST, f)).isFile());
const shippedWasmFile = files.find((f) => f.endsWith('_bg.wasm'));
const distJs = files.find((f) => /^bogen-app-.*\.js$/.test(f));
if (!shippedWasmFile || !distJs) {
  console.error(`bundle: no bogen-app wasm and JS in ${DIST}; build first (scripts/build.sh)`);
  process.exit(2);
}
const shipped = readFileSync(join(DIST, shippedWasmFile));

let namedPath = opt('wasm', null);
if (!namedPath) {
  const bindgen = join(ROOT, 'target', 'wasm-bindgen', 'release');
  const wasmOpt = join(ROOT, 'tests', 'e2e', 'node_modules', '.bin', 'wasm-opt');
  if (!existsSync(join(bindgen, 'bogen-app.js')) || !readFileSync(join(bindgen, 'bogen-app.js')).equals(readFileSync(join(DIST, distJs)))) {
    console.error('bundle: target/wasm-bindgen/release/ is not the build in dist/ (rebuild with scripts/build.sh, or pass --wasm)');
    process.exit(2);
  }
  namedPath = join(OUT, 'bogen-app.named.wasm');
  execFileSync(wasmOpt, [...shippedWasmOptArgs(readFileSync(join(ROOT, 'index.html'), 'utf8')), '--debuginfo', join(bindgen, 'bogen-app_bg.wasm'), '-o', namedPath]);
}
const named = readFileSync(namedPath);
const w = readWasm(named);
const nameSection = w.sections.find((s) => s.id === 0 && s.name === 'name');
const sameAsShipped = named.length - (nameSection?.size ?? 0) === shipped.length;

// --- which crate a function belongs to -----------------------------------------------------------
const STD = new Set(['core', 'alloc', 'std', 'compiler_builtins', 'dlmalloc', '__rustc', 'hashbrown']);
// The roots of the paths in a name: `core::ptr::drop_in_place<bogen_engine::model::Question>`
// has `core` and `bogen_engine` (a crate may carry a disambiguator: `core[c5930c85a12de822]`).
const crates = (s) =>
  [...s.matchAll(/(?:^|[<&\s(,;*\[{])(?:mut |dyn |const )?([a-z_][a-z0-9_]*)(?:\[[0-9a-f]+\])?::/g)].map((m) => m[1]);
function crateOf(name) {
  // Yew's function components: their bodies are inlined into CompStateInner<COMP>::view and
  // FunctionProvider::run of the component type, so these are the app's pages and questions.
  if (/^<yew::html::component::lifecycle::CompStateInner<COMP> as yew::html::component::lifecycle::Stateful>::view/.test(name)) return 'bogen_app';
  if (/^wasm-function\[/.test(name)) return '(unnamed)';
  if (/^(__wbg_|__wbindgen|wasm_bindgen|__externref|__wbgtest)/.test(name)) return 'wasm_bindgen';
  if (/^(memcpy|memmove|memset|memcmp|__rust_|__rdl_|__rg_|rust_begin_unwind|__multi3|__udivti3|__divti3|__umodti3|__ashlti3|__lshrti3|main$)/.test(name)) return 'core';
  // <Type as Trait>::f is the Type's crate, unless the Type is the standard library's or
  // generic: then the first crate among its parameters that is not the standard library's.
  const all = crates(name);
  const first = all[0];
  if (!first) return '(other)';
  if (!STD.has(first)) return first;
  const other = all.find((c) => !STD.has(c));
  return other ?? 'core';
}
const GROUPS = [
  ['Bogen app (bogen_app)', (c) => c === 'bogen_app'],
  ['Bogen engine (bogen_engine)', (c) => c === 'bogen_engine'],
  ['Yew', (c) => /^(yew|yew_macro|implicit_clone|prokell|prokio|pinned)/.test(c)],
  ['wasm-bindgen, js-sys, web-sys, gloo', (c) => /^(wasm_bindgen|wasm_bindgen_futures|js_sys|web_sys|gloo|gloo_[a-z_]+|console_error_panic_hook)$/.test(c)],
  ['serde, serde_json, serde_path_to_error', (c) => /^(serde|serde_core|serde_json|serde_path_to_error|serde_derive|ryu|itoa|zmij)$/.test(c)],
  ['signatures: ed25519, sha2, JCS', (c) => /^(ed25519|ed25519_dalek|curve25519_dalek|sha2|digest|block_buffer|crypto_common|subtle|signature|serde_json_canonicalizer|data_encoding|base64|rand_core|getrandom|zeroize|cpufeatures|generic_array)$/.test(c)],
  ['regex-lite', (c) => c === 'regex_lite'],
  ['validator', (c) => /^(validator|validator_derive)$/.test(c)],
  ['Rust standard library (core, alloc, dlmalloc, fmt)', (c) => c === 'core' || STD.has(c)],
];
const groupOf = (crate) => (GROUPS.find(([, f]) => f(crate)) ?? ['other crates'])[0];

const byGroup = new Map();
const byCrate = new Map();
const byModule = new Map();
const add = (map, key, f) => {
  const e = map.get(key) ?? { raw: 0, bodies: [], n: 0 };
  e.raw += f.body.length;
  e.bodies.push(f.body);
  e.n++;
  map.set(key, e);
};
for (const f of w.functions) {
  const crate = crateOf(f.name);
  add(byGroup, groupOf(crate), f);
  add(byCrate, crate, f);
  if (crate === 'bogen_app' || crate === 'bogen_engine') {
    const m = f.name.match(new RegExp(`${crate}::([a-z_0-9]+)`));
    add(byModule, `${crate}::${m ? m[1] : '(components, inlined into yew CompStateInner::view)'}`, f);
  }
}

// --- data ----------------------------------------------------------------------------------------
const defaultQ = readFileSync(join(ROOT, 'questionnaire', 'erfolgreiche-integration-2005.json'));
const dataAll = Buffer.concat(w.data.map((d) => d.bytes));
const qAt = dataAll.indexOf(defaultQ);
const dataParts = [];
if (qAt >= 0) {
  dataParts.push(['embedded default questionnaire (include_str!)', defaultQ]);
  dataParts.push(['other data: strings, tables, constants', Buffer.concat([dataAll.subarray(0, qAt), dataAll.subarray(qAt + defaultQ.length)])]);
} else {
  dataParts.push(['strings, tables, constants', dataAll]);
}

// --- the table -----------------------------------------------------------------------------------
const rows = [];
for (const [name, e] of byGroup) rows.push({ part: `code: ${name}`, raw: e.raw, gzipAlone: gz(Buffer.concat(e.bodies)), n: e.n });
for (const [name, bytes] of dataParts) rows.push({ part: `data: ${name}`, raw: bytes.length, gzipAlone: gz(bytes) });
const codeAndData = w.sections.filter((s) => s.id === 10 || s.id === 11).reduce((a, s) => a + s.size, 0);
const rest = shipped.length - codeAndData;
rows.push({ part: 'wasm structure: imports, exports, types, tables, function index', raw: rest, gzipAlone: null });
const shippedGz = gz(shipped);
const sumAlone = rows.reduce((a, r) => a + (r.gzipAlone ?? 0), 0);
for (const r of rows) r.share = r.gzipAlone === null ? null : (r.gzipAlone / sumAlone) * shippedGz;
rows.sort((a, b) => b.raw - a.raw);

const out = [];
const say = (l = '') => {
  console.log(l);
  out.push(l);
};
say(`# Bundle breakdown: ${shippedWasmFile}`);
say();
say(`Shipped wasm: ${kib(shipped.length)} KiB raw, ${kib(shippedGz)} KiB gzip -9. Named copy ${sameAsShipped ? 'is the shipped binary plus its name section' : 'DIFFERS from the shipped binary beyond its name section (sizes are of the named copy)'}; ${w.functions.length} functions.`);
say();
say('| part | raw KiB | gzip KiB (alone) | ≈ share of shipped gzip, KiB | functions |');
say('|---|---:|---:|---:|---:|');
for (const r of rows) say(`| ${r.part} | ${kib(r.raw)} | ${r.gzipAlone === null ? '–' : kib(r.gzipAlone)} | ${r.share === null ? '–' : kib(r.share)} | ${r.n ?? ''} |`);
say(`| **wasm total** | **${kib(shipped.length)}** | | **${kib(shippedGz)}** | |`);
// What the page loads before it can be used: the HTML (which may carry the default questionnaire),
// the JS glue, the wasm and the style sheets. The PWA's files (service worker, manifest, icons)
// come after, and the office's app (office/) is another page.
const loaded = files.filter((f) => f === 'index.html' || f.endsWith('.css') || /^bogen-app-.*\.(js|wasm)$/.test(f));
for (const f of loaded.filter((f) => !f.endsWith('.wasm'))) {
  const b = readFileSync(join(DIST, f));
  const note = f === 'index.html' && b.includes(defaultQ.subarray(0, 200)) ? ' (carries the default questionnaire)' : '';
  say(`| ${f}${note} | ${kib(b.length)} | ${kib(gz(b))} | ${kib(gz(b))} | |`);
}
const sumOf = (list, f) => list.reduce((a, x) => a + f(readFileSync(join(DIST, x))), 0);
say(`| **respondents' app: what the page loads** | **${kib(sumOf(loaded, (b) => b.length))}** | | **${kib(sumOf(loaded, gz))}** | |`);
// The questionnaire the page names (a file beside it since the default left index.html): the
// questionnaire's bytes, not the app's, and not loaded when ?questionnaire= names another.
const questionnaires = files.filter((f) => f.endsWith('.json') && !f.includes('/'));
for (const f of questionnaires) {
  const b = readFileSync(join(DIST, f));
  say(`| the page's own questionnaire: ${f} (not loaded with ?questionnaire=) | ${kib(b.length)} | ${kib(gz(b))} | ${kib(gz(b))} | |`);
}
const later = files.filter((f) => !loaded.includes(f) && !questionnaires.includes(f));
if (later.length) say(`| after load (PWA): ${later.join(', ')} | ${kib(sumOf(later, (b) => b.length))} | | ${kib(sumOf(later, gz))} | |`);
say();
say('By crate (code only, raw KiB; gzip alone):');
for (const [c, e] of [...byCrate].sort((a, b) => b[1].raw - a[1].raw).slice(0, 30)) say(`  ${kib(e.raw).padStart(7)}  ${kib(gz(Buffer.concat(e.bodies))).padStart(6)}  ${c} (${e.n})`);
say();
say('The app and the engine by module (code, raw KiB; gzip alone):');
for (const [m, e] of [...byModule].sort((a, b) => b[1].raw - a[1].raw)) say(`  ${kib(e.raw).padStart(7)}  ${kib(gz(Buffer.concat(e.bodies))).padStart(6)}  ${m} (${e.n})`);
say();
say('Largest functions (raw bytes):');
for (const f of [...w.functions].sort((a, b) => b.body.length - a.body.length).slice(0, 25)) say(`  ${String(f.body.length).padStart(7)}  ${crateOf(f.name).padEnd(22)} ${f.name.replace(/::h[0-9a-f]{16}$/, '').slice(0, 120)}`);
writeFileSync(join(OUT, 'breakdown.md'), out.join('\n') + '\n');

try {
  const top = execFileSync('twiggy', ['top', '-n', '40', namedPath], { encoding: 'utf8', maxBuffer: 64 << 20 });
  writeFileSync(join(OUT, 'twiggy-top.txt'), top);
  const dom = execFileSync('twiggy', ['dominators', '-d', '3', '-r', '60', namedPath], { encoding: 'utf8', maxBuffer: 64 << 20 });
  writeFileSync(join(OUT, 'twiggy-dominators.txt'), dom);
  console.log(`\nbundle: twiggy's views in ${OUT}/twiggy-top.txt and twiggy-dominators.txt`);
} catch (e) {
  console.log(`\nbundle: twiggy not run (${e.code === 'ENOENT' ? 'not installed: cargo install twiggy --locked' : e.message})`);
}
console.log(`bundle: wrote ${OUT}/breakdown.md`);
