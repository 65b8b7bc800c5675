// Issue 6, the end of filling in: "Antworten prüfen" with its change links, the export (refused
// while anything is wrong, listing where; a signed file when nothing is: issue 10, more in
// signing.test.mjs), and the print view with its signature lines.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { eventually } from './lib/app.mjs';
import { harness } from './lib/harness.mjs';
import { Expectation, loadQuestionnaire, text } from './lib/questionnaire.mjs';
import { REPO_ROOT } from './lib/server.mjs';
import { screenshot } from './lib/screenshot.mjs';
import { verifySubmission } from './lib/verify-submission.mjs';

const h = harness();
const MODEL = new Expectation(loadQuestionnaire('questionnaire/erfolgreiche-integration-2005.json'));
const label = (id) => text(MODEL.question(id).label);
const KITA_FILE = `${REPO_ROOT}/questionnaire/examples/kita-umfrage.json`;
const KITA = new Expectation(loadQuestionnaire(KITA_FILE));
const EXPORT = 'Bewerbung signieren und herunterladen';
const REFUSED = 'Die Antworten können noch nicht heruntergeladen werden';

async function openReview(app) {
  await app.startPage();
  await app.page.getByRole('main').getByRole('link', { name: 'Antworten prüfen', exact: true }).click();
  await app.waitForPage('Antworten prüfen');
}

/** The answer shown for question `l` on the review or print page. */
async function shown(app, l) {
  const row = (await app.summaryRows()).find(([q]) => q === l);
  return row?.[1];
}

test('an answer changed from "Antworten prüfen": the field has the focus on its page, the review shows the new answer', async (t) => {
  const { app, page } = await h.page(t);
  app.recordPages(t.name);
  await app.open();
  await app.openSection('Angaben zur Kommune');
  await app.input('Name der Kommune').fill('Stadt Musterstadt');
  await app.choose(label('municipality_kind'), 'Großstadt');
  await openReview(app);
  assert.equal(await shown(app, 'Name der Kommune'), 'Stadt Musterstadt');
  assert.equal(await shown(app, label('municipality_kind')), 'Großstadt');
  assert.equal(await shown(app, label('member_municipalities')), undefined, 'a Großstadt has no member question to review');
  await screenshot(page, t.name, 'review');

  await page.getByRole('link', { name: 'Ändern Name der Kommune', exact: true }).click();
  await app.waitForPage('Angaben zur Kommune');
  const name = app.input('Name der Kommune');
  await app.waitForFocus(name);
  assert.match(page.url(), /#\/abschnitt\/municipality$/);
  await screenshot(page, t.name, 'change-name');
  await name.fill('Stadt Neustadt');
  // The browser's Back button returns to the review, which shows the new answer.
  await page.goBack();
  await app.waitForPage('Antworten prüfen');
  assert.equal(await eventually(() => shown(app, 'Name der Kommune'), (v) => v === 'Stadt Neustadt'), 'Stadt Neustadt');

  // A radio question: focus lands in its group; the change brings a new question with it.
  await page.getByRole('link', { name: `Ändern ${label('municipality_kind')}`, exact: true }).click();
  await app.waitForPage('Angaben zur Kommune');
  const kind = app.group(label('municipality_kind'));
  await page.waitForFunction((el) => el.contains(document.activeElement), await kind.elementHandle(), { polling: 50 });
  await app.choose(label('municipality_kind'), 'Landkreis');
  await app.input(label('member_municipalities')).fill('42');
  await openReview(app);
  assert.equal(await shown(app, label('municipality_kind')), 'Landkreis');
  assert.equal(await shown(app, label('member_municipalities')), '42 Städte und Gemeinden');
  await screenshot(page, t.name, 'review-after-changes');
  app.assertNoPageErrors();
});

test('a calculated value on "Antworten prüfen" has no change link (there is nothing to change)', async (t) => {
  const { app, page } = await h.page(t);
  app.recordPages(t.name);
  await app.open();
  await openReview(app);
  const calculated = MODEL.visibleQuestions('status_indicators').filter((q) => q.type === 'calculated').map((q) => text(q.label));
  assert.ok(calculated.includes('Anteil der ausländischen Einwohner/innen'));
  for (const l of calculated) {
    assert.ok((await app.summaryRows()).some(([q]) => q === l), `"${l}" is listed`);
  }
  const withLink = [];
  for (const l of calculated) {
    if ((await page.getByRole('link', { name: `Ändern ${l}`, exact: true }).count()) > 0) withLink.push(l);
  }
  assert.deepEqual(withLink, [], 'calculated values offer "Ändern", which leads to a page where nothing takes the focus');
});

test('the export is refused while errors remain, listing where; with none it downloads the signed answers', async (t) => {
  const { app, page } = await h.page(t);
  app.recordPages(t.name);
  await app.openFile(KITA_FILE);
  await app.startPage();
  await screenshot(page, t.name, 'start');
  await openReview(app);

  // The problems, by page, each a link to its question.
  const problems = page.getByRole('main').getByRole('heading', { name: REFUSED });
  assert.ok(await problems.isVisible(), 'the review says the answers cannot be downloaded yet');
  const links = page.getByRole('main').getByRole('link', { name: /^Bitte|– / });
  assert.deepEqual(await links.allInnerTexts(), [
    'Bitte beantworten Sie: In welchem Stadtteil wohnen Sie?',
    'Für welche Kinder brauchen Sie Betreuung? – Bitte legen Sie mindestens ein Kind an.',
    'Bitte beantworten Sie: Besucht eines Ihrer Kinder heute eine Kita oder Tagespflege?',
    'Bitte beantworten Sie: Welche Betreuungszeiten brauchen Sie?',
    'Bitte beantworten Sie: Wie würden Sie Ihr Kind meistens bringen?',
  ]);
  // At the answers themselves: a required one missing is marked, an optional one left empty is not.
  const rows = Object.fromEntries(await app.summaryRows());
  assert.equal(rows['In welchem Stadtteil wohnen Sie?'], 'Nicht beantwortet Fehler: Diese Angabe ist erforderlich');
  const optional = Object.entries(rows).filter(([, v]) => v === 'Nicht beantwortet');
  assert.ok(optional.length > 0, 'optional questions left empty say only that');
  const pageText = await app.text();
  for (const section of ['Ihr Haushalt', 'Welche Betreuung brauchen Sie?', 'Der Weg zur Einrichtung']) {
    assert.ok(pageText.includes(section), `the problems of "${section}" are named with their page`);
  }
  await screenshot(page, t.name, 'review-with-problems');

  // Pressing the button refuses: no file; the list becomes an alert and takes the focus.
  let downloads = 0;
  page.on('download', () => downloads++);
  await app.button(EXPORT).click();
  const alert = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: REFUSED }) });
  await alert.waitFor();
  await page.waitForFunction((el) => el.contains(document.activeElement), await alert.elementHandle(), { polling: 50 });
  assert.equal(downloads, 0, 'nothing was downloaded');
  await screenshot(page, t.name, 'export-refused');

  // A problem link leads to its question.
  await alert.getByRole('link', { name: 'Bitte beantworten Sie: In welchem Stadtteil wohnen Sie?' }).click();
  await app.waitForPage('Ihr Haushalt');
  await app.waitForFocus(app.group('In welchem Stadtteil wohnen Sie?').getByRole('radio').first());

  // Fix the problems page by page: each problem link opens its page, and Weiter there returns
  // to "Antworten prüfen" (GOV.UK: a change started on the summary ends on the summary).
  const pages = {
    household: { district: 'mitte', children: [{ age: 3, care_now: 'kita', care_hours: 35 }], uses_care: false },
    needs: { care_needs: { selected: ['halbtag'] }, start_date: '2027-09-01' },
    way: { transport: 'fuss' },
  };
  for (const [id, answers] of Object.entries(pages)) {
    if (id !== 'household') await page.getByRole('main').getByRole('link', { name: /^Bitte|– / }).first().click();
    await app.waitForPage(KITA.sectionTitle(id));
    for (const [q, value] of Object.entries(answers)) await app.answer(KITA.question(q), value);
    await screenshot(page, t.name, id);
    await app.button('Weiter').click();
    await app.waitForPage('Antworten prüfen');
  }
  assert.equal(await page.getByRole('heading', { name: REFUSED }).count(), 0, 'no problems left');
  await screenshot(page, t.name, 'review-complete');

  const [download] = await Promise.all([page.waitForEvent('download'), app.button(EXPORT).click()]);
  // The questionnaire names no respondent question: the file is "unnamed", dated today.
  assert.match(download.suggestedFilename(), /^kita-umfrage_unnamed_\d{4}-\d{2}-\d{2}\.json$/);
  const text = await readFile(await download.path(), 'utf8');
  const exported = JSON.parse(text);
  assert.equal(exported.format, 'bogen-submission');
  assert.equal(exported.questionnaire.id, 'kita-umfrage');
  assert.equal(exported.questionnaire.version, '1.0.0');
  assert.match(exported.questionnaire.sha256, /^[0-9a-f]{64}$/);
  assert.equal(exported.language, 'de');
  assert.ok(verifySubmission(text).valid, 'the file is signed, and the signature holds');
  const a = exported.answers;
  assert.equal(a.district, 'mitte');
  assert.equal(a.children.length, 1);
  assert.equal(a.children[0].age, 3);
  assert.equal(a.children[0].care_now, 'kita');
  assert.equal(a.children[0].care_hours, 35);
  assert.equal(a.n_children, 1, 'calculated values are exported');
  assert.equal(a.uses_care, false);
  assert.deepEqual(a.care_needs, ['halbtag'], 'a multiple choice without "other" is an array');
  assert.equal(a.start_date, '2027-09-01');
  assert.equal(a.transport, 'fuss');
  assert.equal(a.distance_km, 2, 'a default is an answer');
  assert.equal(a.follow_up, false);
  for (const hidden of ['satisfaction', 'improvement', 'monthly_fee', 'email', 'phone', 'bridging']) {
    assert.ok(!(hidden in a), `the hidden question ${hidden} is not exported`);
  }
  app.assertNoPageErrors();
});

test('the print view lists the visible answers and has lines for place, date and signature', async (t) => {
  const { app, page } = await h.page(t);
  app.recordPages(t.name);
  await app.open();
  await app.openSection('Angaben zur Kommune');
  await app.choose(label('application_round'), '1. Runde (Bewerbung bis zum 30. September 2004)');
  await app.input('Name der Kommune').fill('Stadt Musterstadt');
  await app.choose(label('municipality_kind'), 'Großstadt');
  await app.input(label('inhabitants')).fill('589000');
  await app.openSection('Statusindikatoren');
  await app.input(label('foreign_residents')).fill('132000');
  await app.startPage();
  await page.getByRole('main').getByRole('link', { name: 'Druckansicht', exact: true }).click();

  const title = text(MODEL.q.title);
  await app.waitForPage(title);
  assert.ok(await page.getByRole('main').getByText('Druckansicht', { exact: true }).isVisible());
  assert.match(await page.title(), /^Druckansicht – /);
  await screenshot(page, t.name, 'print-view');

  const rows = await app.summaryRows();
  const answer = (l) => rows.find(([q]) => q === l)?.[1];
  assert.equal(answer('Name der Kommune'), 'Stadt Musterstadt');
  assert.equal(answer(label('municipality_kind')), 'Großstadt');
  assert.equal(answer(label('inhabitants')), '589.000 Einwohner');
  assert.equal(answer(label('statistics_date')), '31.12.2003');
  assert.equal(answer('Anteil der ausländischen Einwohner/innen'), '22,4 %');
  assert.equal(answer(label('office_in_charge')), 'Nicht beantwortet');
  assert.equal(answer(label('member_municipalities')), undefined, 'no member question for a Großstadt');
  assert.equal(answer(label('developments')), undefined, 'no Vertiefung in round 1');
  // Every visible page is there, under its own heading, and nothing can be changed here.
  const model = new Expectation(MODEL.q, { application_round: '1', municipality_kind: 'grossstadt' });
  for (const s of model.visiblePages()) {
    assert.ok(await page.getByRole('main').getByRole('heading', { name: text(s.title), exact: true }).isVisible(), `"${text(s.title)}" is printed`);
  }
  assert.equal(rows.length, model.visiblePages().reduce((n, s) => n + model.visibleQuestions(s.id).length, 0), 'one row per visible question');
  assert.equal(await page.getByRole('link', { name: /^Ändern/ }).count(), 0);

  // The signature block: a region with three labelled lines.
  const signature = page.getByRole('region', { name: 'Unterschrift' });
  assert.ok(await signature.isVisible());
  for (const line of ['Ort, Datum', 'Unterschrift der Bürgermeisterin / des Bürgermeisters bzw. der Landrätin / des Landrats', 'Name in Druckbuchstaben']) {
    assert.ok(await signature.getByText(line, { exact: true }).isVisible(), `signature line "${line}"`);
  }

  // "Drucken" opens the browser's print dialog (replaced here by a counter).
  await page.evaluate(() => { window.__printed = 0; window.print = () => { window.__printed++; }; });
  await app.button('Drucken').click();
  assert.equal(await page.evaluate(() => window.__printed), 1);

  // On paper the buttons and links of the screen are left out, the answers and signature kept.
  await page.emulateMedia({ media: 'print' });
  assert.ok(!(await app.button('Drucken').isVisible()), 'no "Drucken" button on paper');
  assert.ok(!(await page.getByRole('link', { name: 'Zurück zur Übersicht' }).isVisible()), 'no back link on paper');
  assert.ok(await signature.isVisible(), 'the signature block is printed');
  assert.ok(await page.getByRole('main').getByText('Stadt Musterstadt', { exact: true }).isVisible());
  await screenshot(page, t.name, 'print-media');
  app.assertNoPageErrors();
});

test('review and print show numbers alike (9.000 and 21.500), every decimal typed, no colon after a question mark, and keep the declaration with the signature on paper', async (t) => {
  const { app, page } = await h.page(t);
  app.recordPages(t.name);
  await app.open();
  await app.openSection('Statusindikatoren');
  await app.input(label('foreign_residents')).fill('9000');
  await app.choose(label('youth_statistics'), 'Ja');
  await app.input(label('youth_migration_share')).fill('34,56');
  await app.openSection('2.3 Etablierung von Netzwerken zu Integration');
  await app.button('Netzwerk hinzufügen').click();
  await app.input('Wie heißt das Netzwerk?', app.group('Netzwerk 1')).fill('Netzwerk für Integration Solingen');
  await app.input('Seit welchem Jahr besteht es?', app.group('Netzwerk 1')).fill('1998');
  await app.openSection('Erklärung und Einwilligung');
  await app.waitForStoredText('Netzwerk für Integration Solingen');

  for (const [lang, where] of [['de', 'Antworten prüfen'], ['en', 'Check your answers'], ['de', 'Druckansicht']]) {
    await app.startPage();
    if (lang === 'en') await app.control('English').click();
    if (lang === 'de' && (await page.evaluate(() => document.documentElement.lang)) === 'en') await app.control('Deutsch').click();
    await page.getByRole('main').getByRole('link', { name: where, exact: true }).click();
    // The start page's heading is the questionnaire's title, as is the print view's: wait for
    // what only the page reached has, or the rows read may still be the start page's.
    await (where === 'Druckansicht'
      ? app.button('Drucken')
      : page.getByRole('main').getByRole('heading', { level: 1, name: where, exact: true })
    ).waitFor();
    const l = (id) => text(MODEL.question(id).label, lang);
    const rows = await app.summaryRows();
    const answer = (q) => rows.find(([k]) => k === q)?.[1];
    const [people, share] = lang === 'de' ? ['9.000 Personen', '34,56 %'] : ['9,000 people', '34.56 %'];
    assert.equal(answer(l('foreign_residents')), people, `${where}: four digits are grouped as five are`);
    // Exported as 34.56: the paper shows it so, not rounded to the one decimal shown by default.
    assert.equal(answer(l('youth_migration_share')), share, `${where}: every decimal typed is shown`);
    const networks = answer(l('integration_networks'));
    const [name, since] = lang === 'de'
      ? ['Wie heißt das Netzwerk? Netzwerk für Integration Solingen', 'Seit welchem Jahr besteht es? 1998']
      : ['What is the network called? Netzwerk für Integration Solingen', 'Since which year has it existed? 1998'];
    assert.ok(networks.includes(name) && !networks.includes('?:'), `${where}: no colon after a question mark: ${networks}`);
    assert.ok(networks.includes(since), `${where}: a year is not grouped: ${networks}`);
    await screenshot(page, t.name, `${where}-${lang}`);
  }

  // On paper the declaration's answers and the signature lines stay on one sheet.
  await page.emulateMedia({ media: 'print' });
  const signature = page.getByRole('region', { name: 'Unterschrift' });
  const declaration = page.getByRole('heading', { name: text(MODEL.sectionTitle('declaration')), exact: true });
  const together = await signature.evaluate((sig, heading) => {
    for (let e = sig.parentElement; e && e.tagName !== 'MAIN'; e = e.parentElement) {
      if (e.contains(heading) && getComputedStyle(e).breakInside === 'avoid') return true;
    }
    return false;
  }, await declaration.elementHandle());
  assert.ok(together, 'the declaration and the signature are one block that a page break does not split');
  await screenshot(page, t.name, 'print-media');
  app.assertNoPageErrors();
});
