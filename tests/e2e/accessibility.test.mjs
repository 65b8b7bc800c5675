// Issue 6, accessibility: axe-core finds no violation on any kind of page, in German and in
// English: the start page, a section page without and with errors, a repeat group (with a removal
// being confirmed), a matrix, calculated values, "Sonstiges" with its text field, a page that is
// not needed, the review with the refused export, the print view, and the broken-file page.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertAccessible } from './lib/axe.mjs';
import { harness } from './lib/harness.mjs';
import { Expectation, loadQuestionnaire, text } from './lib/questionnaire.mjs';
import { screenshot } from './lib/screenshot.mjs';
import { FIXTURE_PREFIX } from './lib/server.mjs';

const h = harness();
const MODEL = new Expectation(loadQuestionnaire('questionnaire/erfolgreiche-integration-2005.json'));
const label = (id) => text(MODEL.question(id).label);

/** Runs axe on the page as it is, in German, then in English, then switches back to German. */
async function inBothLanguages(t, app, page, where) {
  await page.waitForFunction(() => document.documentElement.lang === 'de', null, { polling: 50 });
  await screenshot(page, t.name, `${where}-de`);
  await assertAccessible(page, `${where} (Deutsch)`);
  await app.control('English').click();
  await page.waitForFunction(() => document.documentElement.lang === 'en', null, { polling: 50 });
  assert.equal(await page.getByRole('navigation', { name: 'Language' }).count(), 1, 'the page is in English');
  await screenshot(page, t.name, `${where}-en`);
  await assertAccessible(page, `${where} (English)`);
  await app.control('Deutsch').click();
  await page.waitForFunction(() => document.documentElement.lang === 'de', null, { polling: 50 });
}

test('axe: the start page', async (t) => {
  const { app, page } = await h.page(t);
  await app.open();
  await app.startPage();
  await inBothLanguages(t, app, page, 'start');
  // With answers: statuses of every kind, Vertiefung shown.
  await app.openSection('Angaben zur Kommune');
  await app.choose(label('application_round'), '2. Runde (Vertiefung bis Anfang Januar 2005)');
  await app.input('Postleitzahl').fill('1');
  await app.input('Postleitzahl').press('Tab');
  await app.startPage();
  await inBothLanguages(t, app, page, 'start-with-answers');
  app.assertNoPageErrors();
});

test('axe: a section page without errors and with errors', async (t) => {
  const { app, page } = await h.page(t);
  await app.open();
  await app.openSection('Angaben zur Kommune');
  await app.choose(label('municipality_kind'), 'Landkreis');
  await app.input('Name der Kommune').fill('Landkreis Musterland');
  await inBothLanguages(t, app, page, 'section');

  await app.input('Postleitzahl').fill('123');
  await app.input('Postleitzahl').press('Tab');
  await app.button('Weiter').click();
  await app.errorSummary().waitFor();
  await inBothLanguages(t, app, page, 'section-with-errors');
  app.assertNoPageErrors();
});

test('axe: a repeat group with records and an open removal confirmation', async (t) => {
  const { app, page } = await h.page(t);
  await app.open();
  await app.openSection('2.5 Integrationsmaßnahmen der Kommune für Zuwanderer/innen');
  await app.button('Maßnahme hinzufügen').click();
  await app.answer(MODEL.question('measures').fields.find((f) => f.id === 'field'), 'sonstiges', { scope: app.group('Maßnahme 1') });
  await app.button('Maßnahme hinzufügen').click();
  await app.button('Weiter').click();
  await app.errorSummary().waitFor();
  await inBothLanguages(t, app, page, 'repeat-with-errors');
  await app.button('Maßnahme 1 entfernen').click();
  await page.getByRole('button', { name: 'Ja, entfernen' }).waitFor();
  await screenshot(page, t.name, 'confirm-de');
  await assertAccessible(page, 'the removal confirmation (Deutsch)');
  await app.control('English').click();
  await page.waitForFunction(() => document.documentElement.lang === 'en', null, { polling: 50 });
  await page.getByRole('button', { name: 'Yes, remove' }).waitFor();
  await screenshot(page, t.name, 'confirm-en');
  await assertAccessible(page, 'the removal confirmation (English)');
  app.assertNoPageErrors();
});

test('axe: a matrix page, calculated values and "Sonstiges" with its text field', async (t) => {
  const { app, page } = await h.page(t);
  await app.open();
  await app.openSection('2.3 Etablierung von Netzwerken zu Integration');
  await app.matrixAnswer('Polizei', 'Gelegentlich', app.group(label('cooperation')));
  // Named once, by its legend: the table inside has no caption that says it again.
  const table = app.group(label('cooperation')).getByRole('table');
  assert.equal((await app.accessibility(table)).name, '', 'the matrix table repeats the legend as its name');
  // Its radios are as clear as the other radios: a dark ring of 2px at least, not a thin grey one.
  const ring = await app.group(label('cooperation')).getByRole('radio').first().evaluate((el) => {
    const style = getComputedStyle(el);
    return { width: parseFloat(style.borderTopWidth), color: style.borderTopColor, size: el.getBoundingClientRect().width };
  });
  assert.ok(ring.width >= 2 && ring.color === 'rgb(11, 12, 12)' && ring.size >= 24, `a matrix radio's ring: ${JSON.stringify(ring)}`);
  await inBothLanguages(t, app, page, 'matrix');
  await app.button('Weiter').click();
  await app.errorSummary().waitFor();
  await inBothLanguages(t, app, page, 'matrix-with-errors');

  await app.openSection('Angaben zur Kommune');
  await app.input(label('inhabitants')).fill('589000');
  await app.openSection('Statusindikatoren');
  await app.input(label('foreign_residents')).fill('132000');
  await app.choose(label('resettlers_statistics'), 'Ja');
  await inBothLanguages(t, app, page, 'calculated');

  await app.openSection('2.4 Partizipation und Aktivierung des bürgerschaftlichen Engagements');
  await app.input(label('migrant_organisations')).fill('5');
  await app.tick(label('migrant_organisations_involvement'), 'Sonstiges, bitte angeben');
  await app.button('Weiter').click();
  await app.errorSummary().waitFor();
  await inBothLanguages(t, app, page, 'other-with-errors');
  app.assertNoPageErrors();
});

test('axe: a page that is not needed', async (t) => {
  const { app, page } = await h.page(t);
  // Its address, opened directly (round 2 is not chosen, so the page is not needed).
  await page.goto(`${h.server.url}/#/abschnitt/deepening_visit`);
  await app.waitForPage('Besuch der Jury');
  await inBothLanguages(t, app, page, 'not-needed');
  app.assertNoPageErrors();
});

test('axe: the review page with the refused export, and the print view', async (t) => {
  const { app, page } = await h.page(t);
  await app.open();
  await app.openSection('2.5 Integrationsmaßnahmen der Kommune für Zuwanderer/innen');
  await app.button('Maßnahme hinzufügen').click();
  await app.input('Wie heißt die Maßnahme?').fill('Mama lernt Deutsch');
  await app.startPage();
  await page.getByRole('main').getByRole('link', { name: 'Antworten prüfen', exact: true }).click();
  await app.waitForPage('Antworten prüfen');
  await inBothLanguages(t, app, page, 'review');
  await app.button('Bewerbung signieren und herunterladen').click();
  await page.getByRole('alert').waitFor();
  await inBothLanguages(t, app, page, 'review-refused');

  await page.getByRole('main').getByRole('link', { name: 'Druckansicht', exact: true }).click();
  await app.button('Drucken').waitFor();
  await inBothLanguages(t, app, page, 'print');
  app.assertNoPageErrors();
});

test('axe: the page of a broken questionnaire file', async (t) => {
  const { app, page } = await h.page(t);
  await app.open({ questionnaire: `${h.server.url}${FIXTURE_PREFIX}broken.json` });
  await page.getByRole('heading', { level: 1, name: 'Der Fragebogen kann nicht geöffnet werden' }).waitFor();
  await inBothLanguages(t, app, page, 'broken');
  app.assertNoPageErrors();
});
