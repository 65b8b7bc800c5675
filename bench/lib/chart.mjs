// The benchmark's chart: one panel per metric, a group of bars per questionnaire (size × mode),
// Bogen and SurveyJS side by side. The bar is the median, the black tick the p95 (for per-load
// byte counts the two coincide). A panel whose values span more than 30× uses a log scale.
// Plain SVG written by hand: no chart library to pin.

const PANELS = [
  { id: 'appGzip', title: 'App transferred (gzip -9)', stat: 'median', unit: 'KiB' },
  { id: 'questionnaireGzip', title: 'Questionnaire transferred (gzip -9)', stat: 'median', unit: 'KiB' },
  { id: 'firstChar', title: 'Navigation → first typed character shown', stat: 'median', unit: 'ms' },
  { id: 'keyToFrame', title: 'Keydown → next frame', stat: 'median', unit: 'ms' },
  { id: 'scriptPerKey', title: 'Script time per keystroke', stat: 'median', unit: 'ms' },
  { id: 'clickToFrame', title: 'Click → conditional question → next frame', stat: 'median', unit: 'ms' },
  { id: 'memory', title: 'Memory after load (V8 + DOM + wasm)', stat: 'median', unit: 'MiB' },
  { id: 'domElements', title: 'DOM elements', stat: 'median', unit: '' },
];
const COLORS = { bogen: '#1d70b8', surveyjs: '#f47738' };
const NAMES = { bogen: 'Bogen', surveyjs: 'SurveyJS' };
const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const short = (v) => {
  if (v === null || v === undefined) return '–';
  if (v >= 10000) return `${(v / 1000).toFixed(0)}k`;
  if (v >= 100) return v.toFixed(0);
  if (v >= 10) return v.toFixed(1);
  return v.toFixed(2);
};

export function chartSvg(results) {
  const keys = Object.keys(results.runs).filter((k) => results.runs[k].stats.bogen?.appGzip || results.runs[k].stats.surveyjs?.appGzip);
  const systems = ['bogen', 'surveyjs'].filter((s) => keys.some((k) => results.runs[k].stats[s]?.appGzip));
  const W = 520;
  const H = 250;
  const cols = 2;
  const top = 70;
  const width = W * cols + 20;
  const height = top + Math.ceil(PANELS.length / cols) * H + 20;
  const out = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Helvetica, Arial, sans-serif" font-size="11">`);
  out.push(`<rect width="100%" height="100%" fill="#fff"/>`);
  const a = results.about;
  out.push(`<text x="10" y="22" font-size="16" font-weight="bold">Bogen vs SurveyJS ${esc(a.surveyjs['survey-core'])} — bars and numbers: medians; black ticks: p95; ×: Bogen ÷ SurveyJS (median)</text>`);
  out.push(`<text x="10" y="40" fill="#505a5f">${esc(`${a.date.slice(0, 16)} · Bogen ${a.commit}${a.uncommittedAppChanges.length ? '+changes' : ''} · Chromium ${a.chromium} · ${a.machine.cpus} CPUs · ${a.settings.loads} cold loads each${a.experimentCss ? ' · EXPERIMENT: extra CSS in Bogen' : ''}`)}</text>`);
  systems.forEach((s, i) => {
    out.push(`<rect x="${10 + i * 110}" y="50" width="12" height="12" fill="${COLORS[s]}"/><text x="${26 + i * 110}" y="60">${NAMES[s]}</text>`);
  });
  PANELS.forEach((p, pi) => {
    const x0 = 10 + (pi % cols) * W;
    const y0 = top + Math.floor(pi / cols) * H;
    const plot = { x: x0 + 50, y: y0 + 30, w: W - 70, h: H - 80 };
    const vals = [];
    for (const k of keys) for (const s of systems) {
      const st = results.runs[k].stats[s]?.[p.id];
      if (st) vals.push(st[p.stat], st.p95);
    }
    const pos = vals.filter((v) => v > 0);
    out.push(`<text x="${x0}" y="${y0 + 16}" font-size="13" font-weight="bold">${esc(p.title)}${p.unit ? ` (${p.unit})` : ''}</text>`);
    if (pos.length === 0) return;
    const max = Math.max(...pos);
    const min = Math.min(...pos);
    const log = max / min > 30;
    const lo = log ? 10 ** Math.floor(Math.log10(min)) : 0;
    // Linear axes end on a round number: 1, 2 or 5 times a power of ten per step.
    const step = (() => {
      const raw = (max * 1.1) / 4;
      const pow = 10 ** Math.floor(Math.log10(raw));
      return [1, 2, 5, 10].map((m) => m * pow).find((s) => s >= raw);
    })();
    const hi = log ? 10 ** Math.ceil(Math.log10(max)) : step * Math.ceil((max * 1.1) / step);
    const yOf = (v) => {
      if (log) return plot.y + plot.h - ((Math.log10(Math.max(v, lo)) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo))) * plot.h;
      return plot.y + plot.h - (v / hi) * plot.h;
    };
    // Axis and grid.
    const ticks = log
      ? Array.from({ length: Math.round(Math.log10(hi / lo)) + 1 }, (_, i) => lo * 10 ** i)
      : Array.from({ length: Math.round(hi / step) + 1 }, (_, i) => step * i);
    for (const t of ticks) {
      const y = yOf(t);
      out.push(`<line x1="${plot.x}" y1="${y.toFixed(1)}" x2="${plot.x + plot.w}" y2="${y.toFixed(1)}" stroke="#e5e5e5"/>`);
      out.push(`<text x="${plot.x - 4}" y="${(y + 4).toFixed(1)}" text-anchor="end" fill="#505a5f">${short(t)}</text>`);
    }
    if (log) out.push(`<text x="${plot.x + plot.w}" y="${y0 + 16}" text-anchor="end" fill="#505a5f">log scale</text>`);
    out.push(`<line x1="${plot.x}" y1="${plot.y + plot.h}" x2="${plot.x + plot.w}" y2="${plot.y + plot.h}" stroke="#0b0c0c"/>`);
    const gw = plot.w / keys.length;
    const bw = Math.min(34, (gw - 20) / systems.length);
    keys.forEach((k, ki) => {
      const gx = plot.x + ki * gw + (gw - bw * systems.length) / 2;
      systems.forEach((s, si) => {
        const st = results.runs[k].stats[s]?.[p.id];
        if (!st) return;
        const v = st[p.stat];
        const x = gx + si * bw;
        const y = yOf(v);
        out.push(`<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${(bw - 3).toFixed(1)}" height="${Math.max(0, plot.y + plot.h - y).toFixed(1)}" fill="${COLORS[s]}"><title>${NAMES[s]} ${k}: median ${short(v)}, p95 ${short(st.p95)}</title></rect>`);
        const yp = yOf(st.p95);
        out.push(`<line x1="${x.toFixed(1)}" y1="${yp.toFixed(1)}" x2="${(x + bw - 3).toFixed(1)}" y2="${yp.toFixed(1)}" stroke="#0b0c0c" stroke-width="2"/>`);
        out.push(`<text x="${(x + (bw - 3) / 2).toFixed(1)}" y="${(Math.min(y, yp) - 3).toFixed(1)}" text-anchor="middle" font-size="9">${short(v)}</text>`);
      });
      const [size, mode] = k.split('-');
      const cx = plot.x + ki * gw + gw / 2;
      out.push(`<text x="${cx.toFixed(1)}" y="${plot.y + plot.h + 14}" text-anchor="middle">${size} q., ${mode === 'page' ? 'per page' : 'one page'}</text>`);
      const r = results.runs[k].ratio?.[p.id];
      if (r && r[p.stat] !== null && r[p.stat] !== undefined) {
        out.push(`<text x="${cx.toFixed(1)}" y="${plot.y + plot.h + 28}" text-anchor="middle" fill="#505a5f">×${short(r[p.stat])}</text>`);
      }
    });
  });
  out.push('</svg>');
  return out.join('\n');
}
