// A questionnaire file may come from anyone: its texts are shown as text, never run as HTML or
// script. The fixture puts markup, event handlers and a script into the title, introduction,
// section title, label, help text and an option.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { harness } from './lib/harness.mjs';
import { FIXTURES } from './lib/server.mjs';
import { screenshot } from './lib/screenshot.mjs';

const h = harness();

test('markup in a questionnaire file is shown as text and never runs', async (t) => {
  const { app, page } = await h.page(t);
  await app.openFile(`${FIXTURES}/hostile.json`);
  const main = page.getByRole('main');
  await main.getByRole('heading', { level: 1, name: `<img src=x onerror="window.__bogenPwned = 'title'">Fragebogen` }).waitFor();
  const startText = await app.text();
  assert.ok(startText.includes("<script>window.__bogenPwned = 'intro'</script>Willkommen"), 'the script tag is text');
  assert.ok(startText.includes('<b>fett</b>'), 'the bold tag is text');
  await screenshot(page, t.name, 'start');

  await app.control('<i>Abschnitt</i>').click();
  await main.getByRole('heading', { level: 1, name: '<i>Abschnitt</i>' }).waitFor();
  await page.getByLabel(`Name <img src=x onerror="window.__bogenPwned = 'label'">`).fill('x');
  assert.ok((await app.text()).includes('<style>body { display: none }</style>Hilfe'), 'the style tag is text');
  await page.getByRole('radio', { name: `<svg onload="window.__bogenPwned = 'option'"></svg>Option A` }).check();
  await screenshot(page, t.name, 'section');

  assert.equal(await page.evaluate(() => window.__bogenPwned), undefined, 'no handler or script from the file ran');
  assert.equal(await page.locator('main img, main script, main svg, main style, main b, main i').count(), 0, 'no element was made from the texts');
  app.assertNoPageErrors();
});
