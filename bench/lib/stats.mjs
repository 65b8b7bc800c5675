// Summary statistics of the benchmark: min, median, p95, max (nearest rank), and ratios.

/** { n, min, median, p95, max } of a list of numbers (nulls dropped); null when empty. */
export function summary(values) {
  const xs = values.filter((v) => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  if (xs.length === 0) return null;
  // Nearest rank: the smallest value with at least p of the values at or below it.
  const rank = (p) => xs[Math.min(xs.length - 1, Math.max(0, Math.ceil(p * xs.length) - 1))];
  const median = xs.length % 2 ? xs[(xs.length - 1) / 2] : (xs[xs.length / 2 - 1] + xs[xs.length / 2]) / 2;
  return { n: xs.length, min: xs[0], median, p95: rank(0.95), max: xs[xs.length - 1] };
}

/** Bogen / SurveyJS for each statistic (null when either is missing or zero). */
export function ratios(bogen, surveyjs) {
  if (!bogen || !surveyjs) return null;
  const out = {};
  for (const k of ['min', 'median', 'p95', 'max']) {
    out[k] = surveyjs[k] ? bogen[k] / surveyjs[k] : null;
  }
  return out;
}
