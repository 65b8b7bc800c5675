// Accessibility check: injects axe-core into the page and fails on any violation, printing each
// one readably (rule, impact, help link, and the offending elements).
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let axeSource;

/** Runs axe-core's default rule set on the page (or on `include`, a CSS selector) and returns the violations. */
export async function axeViolations(page, { include } = {}) {
  axeSource ??= await readFile(require.resolve('axe-core'), 'utf8');
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.addScriptTag({ content: axeSource });
  }
  const results = await page.evaluate(async (context) => {
    const r = await window.axe.run(context ?? document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), html: n.html, summary: n.failureSummary })),
    }));
  }, include ?? null);
  return results;
}

export function formatViolations(violations) {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .map((n) => `    at ${n.target}\n      ${n.html}\n      ${(n.summary ?? '').replace(/\n/g, '\n      ')}`)
        .join('\n');
      return `  [${v.impact}] ${v.id}: ${v.help}\n    ${v.helpUrl}\n${nodes}`;
    })
    .join('\n');
}

/** Asserts that axe-core finds no violation on the page; `where` names the page in the message. */
export async function assertAccessible(page, where = page.url()) {
  const violations = await axeViolations(page);
  assert.equal(
    violations.length,
    0,
    `axe-core found ${violations.length} accessibility violation(s) on ${where}:\n${formatViolations(violations)}`,
  );
}
