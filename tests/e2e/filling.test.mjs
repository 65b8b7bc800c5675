// Issue 6, filling in: a page's status on the task list follows its answers; questions and pages
// come and go with the answers (and what was typed comes back); a repeat group's records are
// added, filled and removed with a confirmation; and all of it works from the keyboard alone.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eventually } from './lib/app.mjs';
import { harness } from './lib/harness.mjs';
import { Expectation, loadQuestionnaire, text } from './lib/questionnaire.mjs';
import { screenshot } from './lib/screenshot.mjs';

const h = harness();
const QUESTIONNAIRE = loadQuestionnaire('questionnaire/erfolgreiche-integration-2005.json');
const MODEL = new Expectation(QUESTIONNAIRE);
const label = (id) => text(MODEL.question(id).label);
const ROUND_1 = '1. Runde (Bewerbung bis zum 30. September 2004)';
const ROUND_2 = '2. Runde (Vertiefung bis Anfang Januar 2005)';
const DEEPENING = ['Entwicklungen seit der 1. Runde', 'Messbare Ergebnisse', 'Besuch der Jury'];

const MUNICIPALITY = {
  application_round: '1',
  municipality_name: 'Stadt Musterstadt',
  municipality_kind: 'grossstadt',
  federal_state: 'nordrhein_westfalen',
  inhabitants: 589000,
  office_in_charge: 'Stabsstelle Integration',
  office_street: 'Rathausplatz 1',
  office_postcode: '42651',
  office_city: 'Musterstadt',
  contact_name: 'Erika Mustermann',
  contact_function: 'Integrationsbeauftragte',
  contact_email: 'integration@musterstadt.de',
  contact_phone: '0212 290-0',
};

/** The task-list entry of page `title`. */
async function task(app, title) {
  const entry = (await app.taskList()).find((e) => e.title === title);
  assert.ok(entry, `"${title}" is on the task list`);
  return entry;
}

const output = (page, name) => page.getByRole('status', { name, exact: true });

async function expectOutput(page, name, expected) {
  const actual = await eventually(async () => (await output(page, name).innerText()).trim(), (v) => v === expected);
  assert.equal(actual, expected, `calculated "${name}"`);
}

/** Compares the questions shown on the current page with what the file says for `answers`. */
async function expectQuestions(app, section, answers, what) {
  const expected = new Expectation(QUESTIONNAIRE, answers).visibleLabels(section);
  const actual = await eventually(() => app.questionLabels(), (l) => JSON.stringify(l) === JSON.stringify(expected));
  assert.deepEqual(actual, expected, what);
}

test('an address of no page (an old bookmark, a typo) leads to the start page; the page\'s own anchors do not', async (t) => {
  const { app, page } = await h.page(t);
  await app.open();
  await app.openSection('Angaben zur Kommune');
  await page.evaluate(() => { location.hash = '#/gibt-es-nicht'; });
  await page.getByRole('main').getByRole('heading', { level: 2, name: 'Abschnitte' }).waitFor();
  await app.openSection('Angaben zur Kommune');
  await app.button('Weiter').click();
  const first = (await app.errorSummaryLinks())[0];
  await app.errorSummary().getByRole('link', { name: first }).click();
  assert.equal(await page.getByRole('main').getByRole('heading', { level: 1, name: 'Angaben zur Kommune' }).count(), 1, 'an error summary link stays on its page');
  app.assertNoPageErrors();
});

test('a questionnaire\'s example is shown and read out with the field\'s hint, not as a placeholder that vanishes', async (t) => {
  const { app, page } = await h.page(t);
  await app.open();
  await app.openSection('Erklärung und Einwilligung');
  const field = app.input('In welcher Funktion?');
  assert.match(await app.description(field), /z\. B\. Oberbürgermeister/);
  assert.equal(await field.getAttribute('placeholder'), null);
  await field.fill('Bürgermeisterin');
  assert.match(await app.description(field), /z\. B\. Oberbürgermeister/, 'still there while typing');
  app.assertNoPageErrors();
});

test('filling in a page changes its status on the task list', async (t) => {
  const { app, page } = await h.page(t);
  app.recordPages(t.name);
  await app.open();
  await app.startPage();
  assert.deepEqual(await task(app, 'Angaben zur Kommune'), { title: 'Angaben zur Kommune', status: 'Nicht begonnen', link: true });
  assert.equal(await app.progress().innerText(), '0 von 16 Abschnitten erledigt');
  await screenshot(page, t.name, 'start');

  await app.openSection('Angaben zur Kommune');
  await app.input('Name der Kommune').fill('Stadt Musterstadt');
  await app.startPage();
  assert.equal((await task(app, 'Angaben zur Kommune')).status, 'In Bearbeitung');
  await screenshot(page, t.name, 'start-in-progress');

  await app.openSection('Angaben zur Kommune');
  await app.input('Postleitzahl').fill('123');
  await app.input('Postleitzahl').press('Tab');
  await app.startPage();
  assert.equal((await task(app, 'Angaben zur Kommune')).status, 'Fehlerhaft');
  await screenshot(page, t.name, 'start-has-errors');

  await app.openSection('Angaben zur Kommune');
  for (const [id, value] of Object.entries(MUNICIPALITY)) {
    if (id !== 'municipality_name') await app.answer(MODEL.question(id), value);
  }
  await screenshot(page, t.name, 'angaben-zur-kommune');
  await app.button('Weiter').click();
  await app.waitForPage('Statusindikatoren');
  await screenshot(page, t.name, 'statusindikatoren');
  await app.startPage();
  assert.equal((await task(app, 'Angaben zur Kommune')).status, 'Erledigt');
  assert.equal(await app.progress().innerText(), '1 von 16 Abschnitten erledigt');
  // The status is read out with the link: it is the link's accessible description.
  const link = page.getByRole('main').getByRole('link', { name: 'Angaben zur Kommune', exact: true });
  assert.equal(await app.description(link), 'Erledigt');
  await screenshot(page, t.name, 'start-completed');
  app.assertNoPageErrors();
});

test('pages and questions appear and disappear with the answers, and what was typed comes back', async (t) => {
  const { app, page } = await h.page(t);
  app.recordPages(t.name);
  const answers = {};
  await app.open();
  await app.openSection('Angaben zur Kommune');
  await expectQuestions(app, 'municipality', answers, 'no group chosen: no member question');

  // Landkreis ↔ Großstadt: the member question comes and goes on the same page, keeping its answer.
  await app.choose(label('municipality_kind'), 'Landkreis');
  answers.municipality_kind = 'landkreis';
  await expectQuestions(app, 'municipality', answers, 'a Landkreis is asked for its member municipalities');
  const member = app.input(label('member_municipalities'));
  await member.fill('42');
  await screenshot(page, t.name, 'landkreis');
  await app.choose(label('municipality_kind'), 'Großstadt');
  answers.municipality_kind = 'grossstadt';
  await expectQuestions(app, 'municipality', answers, 'a Großstadt is not');
  assert.equal(await member.count(), 0);
  await screenshot(page, t.name, 'grossstadt');
  await app.choose(label('municipality_kind'), 'Landkreis');
  answers.municipality_kind = 'landkreis';
  await expectQuestions(app, 'municipality', answers, 'Landkreis again');
  await app.assertValue(member, '42', 'the member count typed before comes back');

  // Round 2 ↔ 1: the Vertiefung pages join and leave the task list, keeping their answers.
  await app.choose(label('application_round'), ROUND_2);
  await app.startPage();
  for (const title of DEEPENING) assert.deepEqual(await task(app, title), { title, status: 'Nicht begonnen', link: true });
  assert.equal(await app.progress().innerText(), '0 von 19 Abschnitten erledigt');
  await screenshot(page, t.name, 'start-round-2');
  await app.openSection('Entwicklungen seit der 1. Runde');
  const developments = app.input(label('developments'));
  await developments.fill('Ein zweites Sprachförderprogramm.');
  await app.waitForStoredText('Ein zweites Sprachförderprogramm.');

  await app.openSection('Angaben zur Kommune');
  await app.choose(label('application_round'), ROUND_1);
  await app.startPage();
  for (const title of DEEPENING) assert.deepEqual(await task(app, title), { title, status: 'Nicht erforderlich', link: false });
  assert.equal(await app.progress().innerText(), '0 von 16 Abschnitten erledigt');
  await screenshot(page, t.name, 'start-round-1');
  // Its address still leads there, and says it is not needed, asking nothing.
  await page.goto(`${h.server.url}/#/abschnitt/deepening_developments`);
  await app.waitForPage('Entwicklungen seit der 1. Runde');
  assert.ok(await page.getByText('Nach Ihren bisherigen Antworten ist dieser Abschnitt nicht erforderlich.').isVisible());
  assert.deepEqual(await app.questionLabels(), []);
  await screenshot(page, t.name, 'deepening-not-needed');

  await app.openSection('Angaben zur Kommune');
  await app.choose(label('application_round'), ROUND_2);
  await app.openSection('Entwicklungen seit der 1. Runde');
  await app.assertValue(developments, 'Ein zweites Sprachförderprogramm.', 'the Vertiefung answer comes back with round 2');

  // As the person types: a number makes an estimate unnecessary, and a share appears.
  await app.openSection('3.2 Pro-aktive Personalarbeit in Bezug auf Migration und Integration');
  const personnel = {};
  await expectQuestions(app, 'proactive_personnel', personnel, 'nothing typed yet');
  await app.input(label('trainees_total')).pressSequentially('40');
  personnel.trainees_total = 40;
  await expectQuestions(app, 'proactive_personnel', personnel, 'trainees but no number with a migration background: asked for an estimate');
  await screenshot(page, t.name, 'trainees-estimate');
  await app.input(label('trainees_migration')).pressSequentially('6');
  personnel.trainees_migration = 6;
  await expectQuestions(app, 'proactive_personnel', personnel, 'a number instead of an estimate, and its share');
  await expectOutput(page, label('trainees_migration_share'), '15,0 %');
  await screenshot(page, t.name, 'trainees-share');
  await app.input(label('trainees_migration')).press('Backspace');
  delete personnel.trainees_migration;
  await expectQuestions(app, 'proactive_personnel', personnel, 'the number deleted: the estimate again');

  // A name typed makes a telephone number necessary.
  await app.openSection('Besuch der Jury');
  const visit = { application_round: '2' };
  await expectQuestions(app, 'deepening_visit', visit, 'no contact named');
  await app.input(label('visit_contact_name')).pressSequentially('M');
  visit.visit_contact_name = 'M';
  await expectQuestions(app, 'deepening_visit', visit, 'a contact named: a telephone number asked for');
  await screenshot(page, t.name, 'visit-phone');
  await app.input(label('visit_contact_name')).press('Backspace');
  delete visit.visit_contact_name;
  await expectQuestions(app, 'deepening_visit', visit, 'the name deleted: no telephone number');

  // Ticking an indicator asks how they are used; unticking takes that back.
  await app.openSection('4.4 Indikatoren');
  await app.tick(label('indicators_used'), 'Arbeitslosigkeit');
  await expectQuestions(app, 'indicators', { indicators_used: { selected: ['arbeitslosigkeit'] } }, 'an indicator ticked');
  await screenshot(page, t.name, 'indicators');
  await app.tick(label('indicators_used'), 'Arbeitslosigkeit', false);
  await expectQuestions(app, 'indicators', {}, 'no indicator ticked');
  app.assertNoPageErrors();
});

test('a repeat group: two records added and filled, one removed after confirming; count and sum follow', async (t) => {
  const { app, page } = await h.page(t);
  app.recordPages(t.name);
  await app.open();
  const title = '2.5 Integrationsmaßnahmen der Kommune für Zuwanderer/innen';
  await app.openSection(title);
  const measures = app.group(label('measures'));
  assert.ok(await measures.getByText('Noch keine Einträge.').isVisible());
  await expectOutput(page, 'Anzahl der genannten Maßnahmen', '0');
  await expectOutput(page, 'Jährliche Ausgaben für die genannten Maßnahmen', '0 EUR');
  const add = app.button('Maßnahme hinzufügen');
  const question = (id) => MODEL.question('measures').fields.find((f) => f.id === id);

  await add.click();
  const first = app.group('Maßnahme 1');
  await app.waitForFocus(app.input('Wie heißt die Maßnahme?', first));
  const one = { title: 'Mama lernt Deutsch', field: 'sprache', target_group: 'Mütter von Kindergartenkindern', budget: 12000, evaluated: true };
  for (const [id, value] of Object.entries(one)) await app.answer(question(id), value, { scope: first });
  assert.deepEqual(await app.questionLabels(first), MODEL.visibleRecordFields('measures', one), 'evaluated: asked for the result, in this record');

  await add.click();
  const second = app.group('Maßnahme 2');
  await app.waitForFocus(app.input('Wie heißt die Maßnahme?', second));
  const two = { title: 'Stadtteilmütter', field: 'sonstiges', field_other: 'Familienbildung', target_group: 'Familien im Stadtteil', budget: 8500, evaluated: false };
  for (const [id, value] of Object.entries(two)) await app.answer(question(id), value, { scope: second });
  assert.deepEqual(await app.questionLabels(second), MODEL.visibleRecordFields('measures', two), '"Sonstiges": asked which field, in this record only');
  assert.deepEqual(await app.questionLabels(first), MODEL.visibleRecordFields('measures', one), 'the first record is unchanged');
  await expectOutput(page, 'Anzahl der genannten Maßnahmen', '2');
  await expectOutput(page, 'Jährliche Ausgaben für die genannten Maßnahmen', '20.500 EUR');
  await screenshot(page, t.name, 'two-records');

  // Removing asks first; "Abbrechen" keeps the record and returns to its button.
  const remove1 = app.button('Maßnahme 1 entfernen');
  await remove1.click();
  const confirm = page.getByRole('group', { name: 'Wirklich entfernen? Maßnahme 1' });
  await confirm.waitFor();
  await app.waitForFocus(confirm.getByRole('button', { name: 'Ja, entfernen', exact: true }));
  await screenshot(page, t.name, 'confirm-remove');
  await confirm.getByRole('button', { name: 'Abbrechen', exact: true }).click();
  await app.waitForFocus(remove1);
  assert.equal(await app.group('Maßnahme 2').count(), 1, '"Abbrechen" removed nothing');

  await remove1.click();
  await page.getByRole('group', { name: 'Wirklich entfernen? Maßnahme 1' }).getByRole('button', { name: 'Ja, entfernen', exact: true }).click();
  await app.group('Maßnahme 2').waitFor({ state: 'detached' });
  // The second record is now the first, with its answers; focus is back on the add button.
  await app.assertValue(app.input('Wie heißt die Maßnahme?', app.group('Maßnahme 1')), 'Stadtteilmütter');
  await app.assertValue(app.input('Welches andere Handlungsfeld ist es?', app.group('Maßnahme 1')), 'Familienbildung');
  await app.waitForFocus(add);
  // A screen reader is told what went (a polite status), while the focus is on the add button.
  await page.getByRole('status').filter({ hasText: 'Maßnahme 1 entfernt' }).waitFor({ state: 'attached' });
  await expectOutput(page, 'Anzahl der genannten Maßnahmen', '1');
  await expectOutput(page, 'Jährliche Ausgaben für die genannten Maßnahmen', '8.500 EUR');
  assert.equal(await app.button('Maßnahme 1 entfernen').count(), 0, 'the one record required cannot be removed');
  await screenshot(page, t.name, 'one-record');

  // The records are part of the draft.
  await app.waitForStoredText('Familienbildung');
  await app.reload();
  await app.waitForPage(title);
  await app.assertValue(app.input('Wie heißt die Maßnahme?', app.group('Maßnahme 1')), 'Stadtteilmütter');
  assert.equal(await app.group('Maßnahme 2').count(), 0);
  app.assertNoPageErrors();
});

test('keyboard only: open a page, choose radios with the arrow keys, type, and press Weiter', async (t) => {
  const { app, page } = await h.page(t);
  app.recordPages(t.name);
  const kb = page.keyboard;
  await app.open();
  await app.startPage();

  /** Presses Tab until `locator` has the focus (at most `max` times). */
  const tabTo = async (locator, max = 40) => {
    for (let i = 0; i < max && !(await app.isFocused(locator)); i++) await kb.press('Tab');
    assert.ok(await app.isFocused(locator), 'reached by Tab');
  };

  await tabTo(page.getByRole('main').getByRole('link', { name: 'Angaben zur Kommune', exact: true }));
  await kb.press('Enter');
  await app.waitForPage('Angaben zur Kommune');
  await app.waitForFocus(app.h1());

  // The first Tab lands on the round question; the arrow key chooses the 2nd round.
  await kb.press('Tab');
  const round = app.group(label('application_round'));
  assert.ok(await app.hasFocusWithin(round));
  await kb.press('ArrowDown');
  assert.ok(await round.getByRole('radio', { name: ROUND_2 }).isChecked(), 'ArrowDown chose the 2nd round');
  await kb.press('Tab');
  assert.ok(await app.isFocused(app.input('Name der Kommune')));
  await kb.type('Landkreis Musterland');

  // Enter in a field is Weiter: the summary takes the focus; its first link leads to the group question.
  await kb.press('Enter');
  await app.errorSummary().waitFor();
  await page.waitForFunction(() => document.activeElement?.closest('[role="alert"]') != null, null, { polling: 50 });
  await screenshot(page, t.name, 'summary');
  const links = await app.errorSummaryLinks();
  assert.equal(links[0], `Bitte beantworten Sie: ${label('municipality_kind')}`);
  await kb.press('Tab');
  assert.ok(await app.isFocused(app.errorSummary().getByRole('link').first()));
  await kb.press('Enter');
  const kind = app.group(label('municipality_kind'));
  await page.waitForFunction((el) => el.contains(document.activeElement), await kind.elementHandle(), { polling: 50 });
  for (let i = 0; i < 3; i++) await kb.press('ArrowDown');
  assert.ok(await kind.getByRole('radio', { name: 'Landkreis' }).isChecked(), 'three times ArrowDown: Landkreis');

  // The member question appeared right after: Tab reaches it, then the dropdown, and so on.
  await kb.press('Tab');
  assert.ok(await app.isFocused(app.input(label('member_municipalities'))), 'Tab reaches the question that appeared');
  await kb.type('42');
  await kb.press('Tab');
  await kb.type('Nieder');
  assert.equal(await app.input(label('federal_state')).inputValue(), 'niedersachsen', 'typing in the dropdown chose Niedersachsen');
  const typed = [
    ['inhabitants', '589000'],
    ['municipality_website', ''],
    ['office_in_charge', 'Stabsstelle Integration'],
    ['office_street', 'Am Schölerberg 1'],
    ['office_postcode', '49082'],
    ['office_city', 'Musterstadt'],
    ['contact_name', 'Erika Mustermann'],
    ['contact_function', 'Integrationsbeauftragte'],
    ['contact_email', 'integration@musterland.de'],
    ['contact_phone', '0541 501-0'],
  ];
  for (const [id, value] of typed) {
    await kb.press('Tab');
    assert.ok(await app.isFocused(app.input(label(id))), `Tab reaches "${label(id)}"`);
    if (value) await kb.type(value);
  }
  await screenshot(page, t.name, 'filled');
  await kb.press('Tab');
  assert.ok(await app.isFocused(app.button('Weiter')), 'after the last question comes Weiter');
  await kb.press('Space');
  await app.waitForPage('Statusindikatoren');
  await app.waitForFocus(app.h1());
  await screenshot(page, t.name, 'statusindikatoren');

  // Enter on Weiter with questions unanswered: the summary, focused.
  await tabTo(app.button('Weiter'), 60);
  await kb.press('Enter');
  await app.errorSummary().waitFor();
  await page.waitForFunction(() => document.activeElement?.closest('[role="alert"]') != null, null, { polling: 50 });

  await app.startPage();
  assert.equal((await task(app, 'Angaben zur Kommune')).status, 'Erledigt');
  app.assertNoPageErrors();
});

test('an optional group of radios, once answered, can be cleared with "Auswahl zurücknehmen"; a required one cannot; a removed network is announced (German and English)', async (t) => {
  const { app, page } = await h.page(t);
  app.recordPages(t.name);
  await app.open();
  await app.openSection('2.2 Politische Verbindlichkeit und Verantwortung');
  const committee = app.group(label('council_committee'));
  assert.equal(await committee.getByRole('button', { name: 'Auswahl zurücknehmen' }).count(), 0, 'nothing to clear before an answer');
  await app.choose(label('council_committee'), 'Ja');
  const clear = committee.getByRole('button', { name: 'Auswahl zurücknehmen', exact: true });
  await clear.waitFor();
  await screenshot(page, t.name, 'clear-offered');
  await clear.click();
  await app.waitForFocus(committee.getByRole('radio', { name: 'Ja', exact: true }));
  assert.equal(await committee.getByRole('radio', { checked: true }).count(), 0, 'no radio is chosen after clearing');
  await clear.waitFor({ state: 'detached' });
  // A required group offers no clearing: an answer must be given.
  await app.choose(label('council_consensus'), text(MODEL.question('council_consensus').options[0].label));
  assert.equal(await app.group(label('council_consensus')).getByRole('button').count(), 0, 'a required group has no "Auswahl zurücknehmen"');

  // In a record of a repeat group, in English; removing the second network is announced.
  await app.openSection('2.3 Etablierung von Netzwerken zu Integration');
  await app.control('English').click();
  await page.waitForFunction(() => document.documentElement.lang === 'en', null, { polling: 50 });
  const add = app.button('Add network');
  await add.click();
  await add.click();
  const second = app.group('Network 2');
  const binding = app.group('How binding is the cooperation?', second);
  await binding.getByRole('radio', { name: 'Regular meetings', exact: true }).check();
  const clearEn = binding.getByRole('button', { name: 'Clear selection', exact: true });
  await clearEn.click();
  await app.waitForFocus(binding.getByRole('radio').first());
  assert.equal(await binding.getByRole('radio', { checked: true }).count(), 0, 'the record field is cleared');
  await screenshot(page, t.name, 'record-cleared-en');
  await app.button('Remove network 2').click();
  await page.getByRole('button', { name: 'Yes, remove', exact: true }).click();
  await second.waitFor({ state: 'detached' });
  await app.waitForFocus(add);
  await page.getByRole('status').filter({ hasText: 'Network 2 removed' }).waitFor({ state: 'attached' });
  app.assertNoPageErrors();
});
