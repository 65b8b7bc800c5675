// Unit tests of the benchmark's statistics and budget verdicts (node --test bench/lib/). They run
// in scripts/test.sh's `benchlib` step; the benchmark itself never runs in the tests.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evaluateBudgets } from './report.mjs';
import { medianRatioInterval, ratios, seededRandom, summary } from './stats.mjs';

// Loads of one system: `n` values spread evenly over [centre - spread, centre + spread].
const spreadAround = (centre, spread, n) => Array.from({ length: n }, (_, i) => centre - spread + (2 * spread * i) / (n - 1));

test('summary: median of an odd and an even count, nearest-rank p95, non-numbers dropped', () => {
  assert.deepEqual(summary([3, 1, 2]), { n: 3, min: 1, median: 2, p95: 3, max: 3 });
  assert.equal(summary([4, 1, 3, 2]).median, 2.5);
  const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
  assert.equal(summary(hundred).p95, 95);
  assert.deepEqual(summary([null, 5, Number.NaN, undefined]), { n: 1, min: 5, median: 5, p95: 5, max: 5 });
  assert.equal(summary([null]), null);
});

test('ratios: each statistic of Bogen over SurveyJS, null where SurveyJS has none', () => {
  const r = ratios({ min: 1, median: 2, p95: 3, max: 4 }, { min: 2, median: 8, p95: 0, max: 8 });
  assert.deepEqual(r, { min: 0.5, median: 0.25, p95: null, max: 0.5 });
  assert.equal(ratios(null, { median: 1 }), null);
});

test('seededRandom: the same seed draws the same numbers, all in [0, 1); another seed others', () => {
  const draw = (seed) => Array.from({ length: 1000 }, seededRandom(seed));
  assert.deepEqual(draw(13), draw(13));
  assert.notDeepEqual(draw(13), draw(14));
  assert.ok(draw(13).every((x) => x >= 0 && x < 1));
  const mean = draw(13).reduce((a, b) => a + b, 0) / 1000;
  assert.ok(Math.abs(mean - 0.5) < 0.05, `mean ${mean}`);
});

test('medianRatioInterval: loads that never vary give an interval of width zero at their ratio', () => {
  const interval = medianRatioInterval(Array(10).fill(100), Array(10).fill(300));
  assert.equal(interval.low, 100 / 300);
  assert.equal(interval.high, 100 / 300);
  assert.equal(interval.level, 0.95);
});

test('medianRatioInterval: holds the ratio of the medians, the same on every call, narrower with more loads', () => {
  const few = medianRatioInterval(spreadAround(350, 60, 15), spreadAround(1100, 150, 15));
  assert.ok(few.low < 350 / 1100 && 350 / 1100 < few.high, JSON.stringify(few));
  assert.deepEqual(medianRatioInterval(spreadAround(350, 60, 15), spreadAround(1100, 150, 15)), few);
  const many = medianRatioInterval(spreadAround(350, 60, 150), spreadAround(1100, 150, 150));
  assert.ok(many.high - many.low < (few.high - few.low) / 2, `15 loads ${few.high - few.low}, 150 loads ${many.high - many.low}`);
});

test('medianRatioInterval: none with fewer than three loads a side, or a median of zero', () => {
  assert.equal(medianRatioInterval([1, 2], [1, 2, 3]), null);
  assert.equal(medianRatioInterval([1, 2, 3], [0, 0, 0]), null);
  assert.equal(medianRatioInterval([1, 2, Number.NaN], [1, 2, 3]), null);
});

// The smallest results.json evaluateBudgets reads: one size, one mode, the first character's
// medians and their interval.
function resultsWith(firstCharInterval) {
  const stats = (firstChar) => ({ firstChar: { median: firstChar }, memory: { median: 1 } });
  return {
    about: { settings: { sizes: [2000], modes: ['page'] } },
    runs: {
      '2000-page': {
        stats: { bogen: stats(330), surveyjs: stats(1000) },
        ratioInterval: { firstChar: firstCharInterval, memory: null },
      },
    },
  };
}
const firstCharBudget = (results) => evaluateBudgets(results).find((b) => b.budget.startsWith('first character'));

test('budgets: a ratio met with its whole interval under the limit is decided', () => {
  const budget = firstCharBudget(resultsWith({ low: 0.3, high: 0.332, level: 0.95, resamples: 4000 }));
  assert.equal(budget.met, true);
  assert.equal(budget.decided, true);
});

test('budgets: a ratio met by its median but with the limit inside its interval is within noise', () => {
  const budget = firstCharBudget(resultsWith({ low: 0.29, high: 0.35, level: 0.95, resamples: 4000 }));
  assert.equal(budget.met, true);
  assert.equal(budget.decided, false);
});

test('budgets: without an interval (too few loads) a ratio is neither decided nor within noise', () => {
  const budget = firstCharBudget(resultsWith(null));
  assert.equal(budget.met, true);
  assert.equal('decided' in budget, false);
});
