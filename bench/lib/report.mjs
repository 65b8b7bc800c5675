// The benchmark's figures: which metrics there are and how each is read from a load's raw
// record, the budgets of issue 13, and the Markdown tables of bench/out/summary.md.

const KiB = 1024;
const MiB = 1024 * 1024;
const keys = (loads) => loads.flatMap((l) => l.keys);
const clicks = (loads) => loads.flatMap((l) => l.clicks.filter(Boolean));

/**
 * Every metric: id, label, unit, `per` (what one sample is), and `from(loads)` (the samples of
 * a list of successful loads). Metrics without `from` are filled in separately (autosave).
 */
export const METRICS = [
  { id: 'appGzip', label: 'App transferred, gzip -9', unit: 'KiB', per: 'load', from: (ls) => ls.map((l) => l.bytes.appGzip / KiB) },
  { id: 'appRaw', label: 'App transferred, raw', unit: 'KiB', per: 'load', from: (ls) => ls.map((l) => l.bytes.appRaw / KiB) },
  { id: 'questionnaireGzip', label: 'Questionnaire, gzip -9', unit: 'KiB', per: 'load', from: (ls) => ls.map((l) => l.bytes.questionnaireGzip / KiB) },
  { id: 'questionnaireRaw', label: 'Questionnaire, raw', unit: 'KiB', per: 'load', from: (ls) => ls.map((l) => l.bytes.questionnaireRaw / KiB) },
  // Bogen's own marks on the way to the text field (SurveyJS sets none): where its load goes.
  { id: 'loadRunning', label: 'Bogen: navigation → app code running (module compiled)', unit: 'ms', per: 'load', from: (ls) => ls.map((l) => l.phases?.running) },
  { id: 'loadQuestionnaireRead', label: 'Bogen: … → questionnaire in hand', unit: 'ms', per: 'load', from: (ls) => ls.map((l) => l.phases?.['questionnaire-read']) },
  { id: 'loadCompiled', label: 'Bogen: … → questionnaire checked and compiled', unit: 'ms', per: 'load', from: (ls) => ls.map((l) => l.phases?.compiled) },
  { id: 'loadDraftOpened', label: 'Bogen: … → draft opened (new one saved)', unit: 'ms', per: 'load', from: (ls) => ls.map((l) => l.phases?.['draft-opened']) },
  { id: 'inputShown', label: 'Navigation → text field laid out', unit: 'ms', per: 'load', from: (ls) => ls.map((l) => l.inputShown) },
  { id: 'firstChar', label: 'Navigation → first typed character shown', unit: 'ms', per: 'load', from: (ls) => ls.map((l) => l.firstChar) },
  { id: 'keyToFrame', label: 'Keydown → next frame done', unit: 'ms', per: 'keystroke', from: (ls) => keys(ls).map((k) => k.tFrame - k.t0) },
  { id: 'keyToHandled', label: 'Keydown → input handled', unit: 'ms', per: 'keystroke', from: (ls) => keys(ls).map((k) => k.tHandled - k.t0) },
  { id: 'keyWork', label: 'Keystroke work (handling + frame rendering)', unit: 'ms', per: 'keystroke', from: (ls) => keys(ls).map((k) => k.tHandled - k.t0 + (k.tFrame - k.tRaf)) },
  { id: 'scriptPerKey', label: 'Script time per keystroke (CDP ScriptDuration)', unit: 'ms', per: 'load', from: (ls) => ls.map((l) => l.perKey.script) },
  { id: 'taskPerKey', label: 'Main-thread task time per keystroke (CDP TaskDuration)', unit: 'ms', per: 'load', from: (ls) => ls.map((l) => l.perKey.task) },
  { id: 'layoutPerKey', label: 'Layout per keystroke', unit: 'ms', per: 'load', from: (ls) => ls.map((l) => l.perKey.layout) },
  { id: 'stylePerKey', label: 'Style recalculation per keystroke', unit: 'ms', per: 'load', from: (ls) => ls.map((l) => l.perKey.style) },
  { id: 'clickToShown', label: 'Click → conditional question in the DOM', unit: 'ms', per: 'click', from: (ls) => clicks(ls).map((c) => c.tShown - c.t0) },
  { id: 'clickToFrame', label: 'Click → question shown → next frame done', unit: 'ms', per: 'click', from: (ls) => clicks(ls).map((c) => c.tFrame - c.t0) },
  { id: 'memory', label: 'Memory after load: V8 + DOM + WebAssembly', unit: 'MiB', per: 'load', from: (ls) => ls.map((l) => l.memory.total / MiB) },
  { id: 'memJs', label: '… of it JavaScript heap', unit: 'MiB', per: 'load', from: (ls) => ls.map((l) => l.memory.js / MiB) },
  { id: 'memDom', label: '… of it DOM', unit: 'MiB', per: 'load', from: (ls) => ls.map((l) => l.memory.dom / MiB) },
  { id: 'memShared', label: '… of it V8 shared heap', unit: 'MiB', per: 'load', from: (ls) => ls.map((l) => l.memory.shared / MiB) },
  { id: 'memWasm', label: '… of it WebAssembly memory', unit: 'MiB', per: 'load', from: (ls) => ls.map((l) => l.memory.wasm / MiB) },
  { id: 'jsHeapUsed', label: 'JS heap used (CDP, after GC)', unit: 'MiB', per: 'load', from: (ls) => ls.map((l) => l.memory.jsHeapUsed / MiB) },
  { id: 'domElements', label: 'DOM elements', unit: 'count', per: 'load', from: (ls) => ls.map((l) => l.memory.elements) },
  { id: 'domNodes', label: 'DOM nodes (CDP, all kinds)', unit: 'count', per: 'load', from: (ls) => ls.map((l) => l.memory.nodes) },
  { id: 'autosave', label: 'Bogen autosave of 2,000 answers (timer task)', unit: 'ms', per: 'save' },
  { id: 'autosaveSetItem', label: '… of it localStorage.setItem', unit: 'ms', per: 'save' },
  { id: 'draftBytes', label: 'Draft saved', unit: 'bytes', per: 'save' },
];

const stat = (results, key, system, metric, which) => results.runs[key]?.stats?.[system]?.[metric]?.[which] ?? null;

/** Issue 13's budgets for Bogen, on the largest questionnaire, with the figures of this run. */
export function evaluateBudgets(results) {
  const sizes = results.about.settings.sizes;
  const big = Math.max(...sizes);
  const small = Math.min(...sizes);
  const out = [];
  // `interval` (the ratio budgets): where the ratio of medians lies with 95 % confidence. Then
  // `decided` says whether this run can tell: the whole interval on the side of the limit that
  // `met` names. A budget met or missed inside the interval is within the noise of the run.
  const add = (budget, measured, limit, compare, note, interval = null) => {
    const met = measured === null || limit === null ? null : compare(measured, limit);
    const decided = interval && met !== null ? compare(interval.low, limit) === met && compare(interval.high, limit) === met : null;
    out.push({ budget, measured, limit, met, note, ...(interval ? { interval, decided } : {}) });
  };
  const interval = (key, metric) => results.runs[key]?.ratioInterval?.[metric] ?? null;
  for (const mode of results.about.settings.modes) {
    const key = `${big}-${mode}`;
    add(`keydown → next frame, p95, ${big} questions, ${mode}`, stat(results, key, 'bogen', 'keyToFrame', 'p95'), 17, (m, l) => m < l, 'ms; includes the wait for the display refresh (0–16.7 ms)');
    add(`keystroke work (handling + frame rendering), p95, ${big}, ${mode}`, stat(results, key, 'bogen', 'keyWork', 'p95'), 16.7, (m, l) => m < l, 'ms; the part of the above the app controls: fits one frame?');
    const clickLimit = mode === 'single' ? 33 : 17;
    add(`click → question shown → next frame, p95, ${big}, ${mode}`, stat(results, key, 'bogen', 'clickToFrame', 'p95'), clickLimit, (m, l) => m < l, 'ms');
    if (small !== big) {
      const a = stat(results, key, 'bogen', 'scriptPerKey', 'median');
      const b = stat(results, `${small}-${mode}`, 'bogen', 'scriptPerKey', 'median');
      add(`script per keystroke does not grow: ${big} vs ${small} questions, ${mode} (median ratio)`, a !== null && b ? a / b : null, 1.25, (m, l) => m <= l, `ms ${a?.toFixed(2)} vs ${b?.toFixed(2)}; met when at most 1.25× (measurement noise)`);
    }
    const fcLimit = mode === 'single' ? 0.25 : 1 / 3;
    const fcB = stat(results, key, 'bogen', 'firstChar', 'median');
    const fcS = stat(results, key, 'surveyjs', 'firstChar', 'median');
    add(`first character: Bogen / SurveyJS, median, ${big}, ${mode}`, fcB !== null && fcS ? fcB / fcS : null, fcLimit, (m, l) => m <= l, `ms ${fcB?.toFixed(0)} vs ${fcS?.toFixed(0)}`, interval(key, 'firstChar'));
    const mB = stat(results, key, 'bogen', 'memory', 'median');
    const mS = stat(results, key, 'surveyjs', 'memory', 'median');
    add(`memory: Bogen / SurveyJS, median, ${big}, ${mode}`, mB !== null && mS ? mB / mS : null, 1 / 3, (m, l) => m <= l, `MiB ${mB?.toFixed(1)} vs ${mS?.toFixed(1)}`, interval(key, 'memory'));
  }
  const appKey = Object.keys(results.runs)[0];
  add('respondents’ app (wasm + JS + CSS + HTML), gzip -9', stat(results, appKey, 'bogen', 'appGzip', 'median'), 200, (m, l) => m <= l, 'KiB, questionnaire excluded');
  return out;
}

const fmt = (v, unit) => {
  if (v === null || v === undefined) return '–';
  if (unit === 'count' || unit === 'bytes') return Math.round(v).toLocaleString('en-US');
  if (Math.abs(v) >= 100) return v.toFixed(0);
  if (Math.abs(v) >= 10) return v.toFixed(1);
  return v.toFixed(2);
};

/** The run's tables in Markdown. */
export function summaryMarkdown(results) {
  const a = results.about;
  const lines = [];
  lines.push(`# Bogen vs SurveyJS: benchmark results`, '');
  if (a.experimentJsFlags) lines.push(`**Experiment**: both browsers ran with the V8 flags \`${a.experimentJsFlags}\` (a page cannot set them)`, '');
  if (a.experimentWaitBeforeMs) lines.push(`**Experiment**: each load waited ${a.experimentWaitBeforeMs} ms between starting the browser and navigating (not a cold browser)`, '');
  if (a.experimentCss) lines.push(`**Experiment**: this CSS was added to Bogen's page (not in the app): \`${a.experimentCss.trim().replace(/\s+/g, ' ')}\``, '');
  lines.push(
    `${a.date}; Bogen at ${a.commit}${a.uncommittedAppChanges.length ? ' with uncommitted changes' : ''} (${a.bogenBuild.map((f) => f.file).join(', ')}); ` +
      `survey-core/survey-js-ui ${a.surveyjs['survey-core']}; Chromium ${a.chromium}; ${a.machine.cpus} CPUs (${a.machine.model}). ` +
      `${a.settings.loads} cold loads per system, size and mode; ${a.settings.keys} keystrokes and ${a.settings.clicks} clicks per load. ` +
      `Statistics are min / median / p95 / max; keystroke and click figures pool all loads' samples.`,
    '',
  );
  lines.push('## Budgets (issue 13)', '', '| budget | measured | limit | met | note |', '|---|---:|---:|:-:|---|');
  for (const b of results.budgets) {
    const met = b.met === null ? '?' : b.met ? 'yes' : '**no**';
    const noise = b.decided === false ? ' (within noise)' : '';
    const interval = b.interval ? `; 95 % interval ${fmt(b.interval.low)}–${fmt(b.interval.high)}` : '';
    lines.push(`| ${b.budget} | ${fmt(b.measured)} | ${fmt(b.limit)} | ${met}${noise} | ${b.note ?? ''}${interval} |`);
  }
  if (results.budgets.some((b) => b.interval)) {
    lines.push(
      '',
      'The interval of a ratio is a bootstrap over this run\'s loads (each system\'s loads drawn again with replacement, 4,000 times). ' +
        '"Within noise": the interval holds the limit, so this run cannot tell met from not met; more loads, or other runs, can.',
    );
  }
  lines.push('');
  for (const [key, run] of Object.entries(results.runs)) {
    const [size, mode] = key.split('-');
    lines.push(`## ${size} questions, ${mode === 'page' ? 'one page per section' : 'all on one page'}`, '');
    lines.push('| metric | unit | Bogen min / median / p95 / max | SurveyJS min / median / p95 / max | Bogen ÷ SurveyJS (median, p95) |');
    lines.push('|---|---|---|---|---|');
    for (const m of results.metrics) {
      const b = run.stats.bogen?.[m.id];
      const s = run.stats.surveyjs?.[m.id];
      if (!b && !s) continue;
      const cell = (x) => (x ? `${fmt(x.min, m.unit)} / **${fmt(x.median, m.unit)}** / ${fmt(x.p95, m.unit)} / ${fmt(x.max, m.unit)}` : '–');
      const r = run.ratio?.[m.id];
      const ratio = r && r.median !== null ? `${fmt(r.median)}, ${fmt(r.p95)}` : '–';
      lines.push(`| ${m.label} | ${m.unit} | ${cell(b)} | ${cell(s)} | ${ratio} |`);
    }
    const notes = ['bogen', 'surveyjs']
      .map((s) => run.stats[s] && (run.stats[s].failedLoads || run.stats[s].notTaken) ? `${s}: ${run.stats[s].failedLoads} failed loads, ${run.stats[s].notTaken} loads where the typed text was not taken` : null)
      .filter(Boolean);
    if (notes.length) lines.push('', `Note: ${notes.join('; ')}.`);
    lines.push('');
  }
  return lines.join('\n');
}
