// A questionnaire with mistakes, loaded with ?questionnaire=URL, must give a page that lists each
// problem with its line and column, never a blank page. One that is slow to arrive gets a page
// that says it is loading.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { assertAccessible } from './lib/axe.mjs';
import { harness } from './lib/harness.mjs';
import { screenshot } from './lib/screenshot.mjs';
import { FILE } from './lib/scenarios.mjs';
import { FIXTURE_PREFIX, REPO_ROOT } from './lib/server.mjs';

const h = harness();

// fixtures/broken.json has two mistakes (`bogen check` agrees):
//   16:11 sections[0].questions[0].visibleIf: unknown question id "does_not_exist"
//   20:11 sections[0].questions[1].type: unknown value "no-such-type"
const PROBLEMS = [
  { line: 16, column: 11, mentions: 'does_not_exist' },
  { line: 20, column: 11, mentions: 'no-such-type' },
];
// "16:11", or "Zeile 16, Spalte 11" and the like.
const at = ({ line, column }) => new RegExp(`\\b${line}:${column}\\b|Zeile\\s*${line}\\b[^\\n]{0,30}?\\b${column}\\b`);

test('a broken questionnaire shows its problems with line and column', async (t) => {
  const { app, page } = await h.page(t);
  await app.open({ questionnaire: `${h.server.url}${FIXTURE_PREFIX}broken.json` });

  // Wait for the first problem's location to appear anywhere on the page.
  await page.getByText(at(PROBLEMS[0])).first().waitFor({ state: 'visible' });
  await screenshot(page, t.name, 'problems');
  const text = await app.text();
  for (const problem of PROBLEMS) {
    assert.match(text, at(problem), `the problem at line ${problem.line}, column ${problem.column} is not listed:\n${text}`);
    assert.ok(text.includes(problem.mentions), `the problem about ${problem.mentions} is not listed:\n${text}`);
  }
  assert.ok(
    h.server.requests.includes(`${FIXTURE_PREFIX}broken.json`),
    `the app never fetched the questionnaire; the server saw: ${h.server.requests.join(', ')}`,
  );
  await assertAccessible(page, 'the problem list');
  app.assertNoPageErrors();
});

test('a questionnaire slow to arrive: the page says that it is loading, then shows the form', async (t) => {
  const { app, page } = await h.page(t);
  const url = new URL('/langsam/fragebogen.json', h.server.url).href;
  const body = readFileSync(join(REPO_ROOT, FILE), 'utf8');
  let release;
  const arrived = new Promise((resolve) => (release = resolve));
  await page.route(url, async (route) => {
    await arrived;
    await route.fulfill({ status: 200, contentType: 'application/json; charset=utf-8', body });
  });
  await app.open({ questionnaire: url });
  // A quick load shows the form at once; this one takes longer, and the page says why.
  const loading = page.getByRole('main').getByRole('heading', { level: 1, name: 'Der Fragebogen wird geladen …' });
  await loading.waitFor({ state: 'visible' });
  assert.equal(await page.title(), 'Der Fragebogen wird geladen …');
  await screenshot(page, t.name, 'loading');
  release();
  await app.startPage();
  assert.equal(await loading.count(), 0, 'the loading page is gone');
  app.assertNoPageErrors();
});
