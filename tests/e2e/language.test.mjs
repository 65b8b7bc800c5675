// Issue 6, languages: switching to English and back keeps every answer (radios, text, numbers,
// errors on display) and translates the page: headings, buttons, messages, <html lang>, title.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eventually } from './lib/app.mjs';
import { harness } from './lib/harness.mjs';
import { Expectation, loadQuestionnaire, text } from './lib/questionnaire.mjs';
import { screenshot } from './lib/screenshot.mjs';

const h = harness();
const MODEL = new Expectation(loadQuestionnaire('questionnaire/erfolgreiche-integration-2005.json'));
const de = (id) => text(MODEL.question(id).label, 'de');
const en = (id) => text(MODEL.question(id).label, 'en');

async function switchTo(app, page, language, code) {
  await app.control(language).click();
  await page.waitForFunction((c) => document.documentElement.lang === c, code, { polling: 50 });
  assert.equal(await page.getByRole('navigation').getByRole('button', { name: language, pressed: true }).count(), 1, `"${language}" is shown as chosen`);
}

test('switching to English and back keeps every answer and translates headings, buttons, messages and <html lang>', async (t) => {
  const { app, page } = await h.page(t);
  app.recordPages(t.name);
  await app.open();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'de');
  await app.openSection('Angaben zur Kommune');
  await app.choose(de('application_round'), '2. Runde (Vertiefung bis Anfang Januar 2005)');
  await app.input('Name der Kommune').fill('Landkreis Musterland');
  await app.choose(de('municipality_kind'), 'Landkreis');
  await app.input(de('member_municipalities')).fill('42');
  await app.input(de('inhabitants')).fill('589000');
  await app.input('Postleitzahl').fill('123');
  await app.input('Postleitzahl').press('Tab');
  await app.openSection('Statusindikatoren');
  await app.input(de('foreign_residents')).fill('132000');
  await app.input(de('unemployment_rate')).fill('9,8');
  await app.button('Weiter').click();
  await app.errorSummary().waitFor();
  await screenshot(page, t.name, 'german');

  await switchTo(app, page, 'English', 'en');
  await app.waitForPage('Status indicators');
  assert.ok(await page.getByRole('heading', { name: 'There is a problem' }).isVisible());
  assert.deepEqual(await app.errorSummaryLinks(), [
    `Please answer: ${en('resettlers_statistics')}`,
    `Please answer: ${en('naturalised_statistics')}`,
    `Please answer: ${en('youth_statistics')}`,
    `Please answer: ${en('unemployment_foreign_statistics')}`,
  ]);
  assert.ok(await app.button('Continue').isVisible());
  assert.ok(await app.button('Back').isVisible());
  assert.ok(await page.getByRole('link', { name: 'Back to the overview', exact: true }).isVisible());
  assert.equal((await page.getByRole('status', { name: en('foreign_share') }).innerText()).trim(), '22.4 %', 'numbers read the English way');
  await app.assertValue(app.input(en('foreign_residents')), '132000');
  // The field keeps what was typed ("9,8") or shows the number the English way; either means 9.8.
  assert.match(await app.input(en('unemployment_rate')).inputValue(), /^9[.,]8$/);
  assert.match(await page.title(), /^Error: Status indicators – Successful integration is no accident/);
  await screenshot(page, t.name, 'english-status');

  await app.startPage();
  assert.ok(await page.getByRole('heading', { name: 'Sections', exact: true }).isVisible());
  assert.equal(await app.progress().innerText(), '0 of 19 sections completed');
  const tasks = await app.taskList();
  assert.deepEqual(tasks[0], { title: 'About the municipality', status: 'Has errors', link: true });
  assert.deepEqual(tasks.find((e) => e.title === 'Developments since the first round'), { title: 'Developments since the first round', status: 'Not started', link: true });
  assert.ok(await page.getByRole('link', { name: 'Check your answers', exact: true }).isVisible());
  assert.ok(await page.getByRole('link', { name: 'Print view', exact: true }).isVisible());
  await screenshot(page, t.name, 'english-start');

  await app.openSection('About the municipality');
  await app.assertValue(app.input('Name of the municipality'), 'Landkreis Musterland');
  assert.ok(await app.group(en('application_round')).getByRole('radio', { name: 'Second round (deepening by early January 2005)' }).isChecked());
  assert.ok(await app.group(en('municipality_kind')).getByRole('radio', { name: 'District (Landkreis)' }).isChecked());
  await app.assertValue(app.input(en('member_municipalities')), '42');
  await app.assertValue(app.input(en('inhabitants')), '589000');
  // The error shown before is still shown, now in English.
  const postcode = app.input('Postcode');
  await app.assertValue(postcode, '123');
  assert.match(await app.description(postcode), /Error: Please enter a five-digit postcode, e\.g\. 42651\./);
  await screenshot(page, t.name, 'english-municipality');

  await switchTo(app, page, 'Deutsch', 'de');
  await app.waitForPage('Angaben zur Kommune');
  await app.assertValue(app.input('Name der Kommune'), 'Landkreis Musterland');
  assert.ok(await app.group(de('municipality_kind')).getByRole('radio', { name: 'Landkreis' }).isChecked());
  await app.assertValue(app.input(de('member_municipalities')), '42');
  assert.match(await app.description(app.input('Postleitzahl')), /Fehler: Bitte geben Sie eine fünfstellige Postleitzahl an/);
  assert.ok(await app.button('Weiter').isVisible());
  assert.ok(await app.button('Zurück').isVisible());
  await app.openSection('Statusindikatoren');
  await app.assertValue(app.input(de('unemployment_rate')), '9,8');
  const share = await eventually(async () => (await page.getByRole('status', { name: de('foreign_share') }).innerText()).trim(), (v) => v === '22,4 %');
  assert.equal(share, '22,4 %');
  await screenshot(page, t.name, 'german-again');
  app.assertNoPageErrors();
});
