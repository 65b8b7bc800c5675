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

/**
 * How sure a ratio of two medians is: a percentile bootstrap. The loads of each system are drawn
 * again with replacement (`resamples` times, each system on its own), and the ratio of the two
 * medians is taken each time; the interval holds the middle `level` of those ratios. With 10–15
 * cold loads per system the ratio moves by a few hundredths from run to run, as much as a budget's
 * margin: the interval says whether a run can tell "met" from "not met". Deterministic (a fixed
 * seed), so one raw.json always gives the same interval. Null when either side has fewer than 3
 * samples or SurveyJS's median is 0.
 */
export function medianRatioInterval(bogen, surveyjs, { resamples = 4000, level = 0.95, seed = 13 } = {}) {
  const a = bogen.filter(Number.isFinite);
  const b = surveyjs.filter(Number.isFinite);
  if (a.length < 3 || b.length < 3) return null;
  const random = seededRandom(seed);
  const medianOfResample = (xs) => summary(Array.from(xs, () => xs[Math.floor(random() * xs.length)])).median;
  const ratios = [];
  for (let i = 0; i < resamples; i++) {
    const denominator = medianOfResample(b);
    const numerator = medianOfResample(a);
    if (denominator) ratios.push(numerator / denominator);
  }
  if (ratios.length === 0) return null;
  ratios.sort((x, y) => x - y);
  const at = (p) => ratios[Math.min(ratios.length - 1, Math.max(0, Math.floor(p * ratios.length)))];
  return { low: at((1 - level) / 2), high: at(1 - (1 - level) / 2), level, resamples };
}

/**
 * A small seeded generator of numbers in [0, 1) (mulberry32): the same draws on every run. For
 * the generated questionnaires' labels and the bootstrap's draws, not for anything secret.
 */
export function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
