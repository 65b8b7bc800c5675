// Issue 6, errors: every kind of check on real fields, GOV.UK style. A message shows when the field
// is left or on Weiter, never while typing; it stands under the field's label and is part of the
// field's accessible description (aria-describedby); Weiter opens a focused error summary whose
// links each move focus to their field.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eventually } from './lib/app.mjs';
import { harness } from './lib/harness.mjs';
import { Expectation, loadQuestionnaire, text } from './lib/questionnaire.mjs';
import { screenshot } from './lib/screenshot.mjs';
import { FIXTURE_PREFIX } from './lib/server.mjs';

const h = harness();
const MODEL = new Expectation(loadQuestionnaire('questionnaire/erfolgreiche-integration-2005.json'));
const label = (id) => text(MODEL.question(id).label);

const REQUIRED = (l) => `Bitte beantworten Sie: ${l}`;

/**
 * The control an error link of question `l` leads to: the field itself, or for a group of radios
 * or checkboxes its first box, or for a repeat group its add button.
 */
function target(app, l, kind = 'field', scope) {
  if (kind === 'group') return app.group(l, scope).getByRole('radio').or(app.group(l, scope).getByRole('checkbox')).first();
  if (kind === 'repeat') return app.group(l, scope).getByRole('button').last();
  return app.input(l, scope);
}

/** Waits until the element's accessible description holds "Fehler: <message>", and returns it. */
async function expectDescribedError(app, element, message, what) {
  const description = await eventually(() => app.description(element), (d) => d.includes(`Fehler: ${message}`));
  assert.ok(description.includes(`Fehler: ${message}`), `${what}: the message "${message}" is not in the accessible description "${description}"`);
  return description;
}

/**
 * Asserts that no message is tied to the element and the app has not marked it invalid. (The app's
 * aria-invalid is read, not Chromium's computed "invalid" state: Chromium also reports a native
 * type="email" or type="url" mismatch there while the person is still typing.)
 */
async function expectNoError(app, element, what) {
  const ax = await app.accessibility(element);
  assert.ok(!ax.description.includes('Fehler:'), `${what}: unexpected error in the description "${ax.description}"`);
  assert.equal(await element.getAttribute('aria-invalid'), null, `${what}: marked invalid (aria-invalid)`);
}

/** A field's message as shown on the page (its visually hidden "Fehler:" prefix included). */
const shownMessage = (page, message) => page.getByRole('main').getByText(`Fehler: ${message}`, { exact: true }).first();

/** Whether the element is inside the viewport (at least its top edge). */
const inViewport = (locator) =>
  locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.bottom > 0 && r.top < window.innerHeight;
  });

/**
 * Presses Weiter and checks the error summary: an alert that has the focus, with exactly
 * `entries` as links, each of which moves focus to its field (and brings it into view).
 */
async function checkSummary(t, app, page, entries, shotName) {
  await app.button('Weiter').click();
  const summary = app.errorSummary();
  await summary.waitFor({ state: 'visible' });
  await app.page.waitForFunction(() => document.activeElement?.closest('[role="alert"]') != null, null, { polling: 50 });
  assert.ok(await app.hasFocusWithin(summary), 'the error summary has the focus after Weiter');
  assert.match(await page.title(), /^Fehler: /, 'the page title starts with "Fehler:" while the summary is open');
  assert.deepEqual(await app.errorSummaryLinks(), entries.map((e) => e.summary), 'the error summary lists every error of the page, in order');
  await screenshot(page, t.name, shotName);
  for (const [i, entry] of entries.entries()) {
    await summary.getByRole('link').nth(i).click();
    await app.waitForFocus(entry.control);
    assert.ok(await inViewport(entry.control), `${entry.summary}: the field is scrolled into view`);
    if (entry.message) await expectDescribedError(app, entry.described ?? entry.control, entry.message, entry.summary);
  }
}

test('Weiter on an empty page opens a focused error summary; each link moves focus to its question, each message is tied to it', async (t) => {
  const { app, page } = await h.page(t);
  app.recordPages(t.name);
  await app.open();
  await app.openSection('Angaben zur Kommune');
  await screenshot(page, t.name, 'empty-page');

  // Every required question of the page that is shown (no Landkreis: no member question), in order.
  const model = new Expectation(MODEL.q, {});
  const required = model.visibleQuestions('municipality').filter((q) => q.required);
  assert.equal(required.length, 13);
  const entries = required.map((q) => {
    const l = text(q.label);
    const grouped = q.type === 'singleChoice' && q.display !== 'dropdown';
    return {
      summary: REQUIRED(l),
      control: target(app, l, grouped ? 'group' : 'field'),
      described: grouped ? app.group(l) : app.input(l),
      message: REQUIRED(l),
    };
  });
  await checkSummary(t, app, page, entries, 'summary');

  // The message also stands on the page, under its question, and the field is marked invalid.
  const name = app.input('Name der Kommune');
  assert.equal((await app.accessibility(name)).invalid, 'true');
  const message = shownMessage(page, REQUIRED('Name der Kommune'));
  const [labelBox, messageBox, fieldBox] = await Promise.all([
    page.getByRole('main').getByText('Name der Kommune', { exact: true }).boundingBox(),
    message.boundingBox(),
    name.boundingBox(),
  ]);
  assert.ok(labelBox.y < messageBox.y && messageBox.y < fieldBox.y, 'the message stands between the label and the field');

  // Answering a question takes its error away at once, in the summary too.
  await name.fill('Musterstadt');
  await eventually(() => app.errorSummaryLinks(), (l) => !l.includes(REQUIRED('Name der Kommune')));
  assert.ok(!(await app.errorSummaryLinks()).includes(REQUIRED('Name der Kommune')));
  await expectNoError(app, name, 'Name der Kommune after answering');
  await screenshot(page, t.name, 'one-fixed');
  app.assertNoPageErrors();
});

test('each kind of check on a field shows its message on leaving the field, under the label, and in the summary', async (t) => {
  const { app, page } = await h.page(t);
  app.recordPages(t.name);
  await app.open();
  await app.openSection('Angaben zur Kommune');
  await app.choose(label('municipality_kind'), 'Landkreis');

  const member = app.input(label('member_municipalities'));
  const inhabitants = app.input(label('inhabitants'));
  // [field, typed, message] in the order typed; a field's last line is what stays.
  const steps = [
    // A whole-number field's example is a whole number (12,5 would be refused next).
    [inhabitants, '12a34', 'Geben Sie eine ganze Zahl ein, zum Beispiel 12'],
    [inhabitants, '5000000', 'Bitte prüfen Sie die Einwohnerzahl: Keine deutsche Kommune hat mehr als 4 Millionen Einwohner/innen.'],
    [inhabitants, '12a', 'Geben Sie eine ganze Zahl ein, zum Beispiel 12'],
    [member, '12,5', 'Geben Sie eine ganze Zahl ohne Komma ein'],
    [member, '301', 'Die Zahl darf höchstens 300 sein'],
    [member, '0', 'Die Zahl muss mindestens 1 sein'],
    [app.input('Name der Kommune'), 'x'.repeat(201), 'Geben Sie höchstens 200 Zeichen ein'],
    // An address that starts with http:// is told what is wrong with it, not to start with http://.
    [app.input(label('municipality_website')), 'http://stadt', 'Der Name der Website nach https:// braucht einen Punkt, zum Beispiel https://www.stadt.de'],
    [app.input(label('municipality_website')), 'http://x', 'Der Name der Website nach https:// braucht einen Punkt, zum Beispiel https://www.stadt.de'],
    [app.input(label('municipality_website')), 'https://www.stadt.de/ pfad', 'Eine Internetadresse darf keine Leerzeichen enthalten'],
    [app.input(label('municipality_website')), 'www.musterstadt.de', 'Geben Sie eine Internetadresse ein, die mit https:// oder http:// beginnt'],
    [app.input('Postleitzahl'), '4265', 'Bitte geben Sie eine fünfstellige Postleitzahl an, z. B. 42651.'],
    [app.input(label('contact_email')), 'integration.musterstadt.de', 'Geben Sie eine E-Mail-Adresse in der richtigen Form ein, zum Beispiel name@beispiel.de'],
    [app.input(label('contact_phone')), 'ruf mich an', 'Geben Sie eine Telefonnummer ein, zum Beispiel 0711 216-0 oder +49 711 216-0'],
  ];
  for (const [field, typed, message] of steps) {
    await field.fill(typed);
    await field.press('Tab');
    await expectDescribedError(app, field, message, `"${typed}"`);
    assert.equal((await app.accessibility(field)).invalid, 'true', `"${typed}" marks the field invalid`);
    assert.ok(await shownMessage(page, message).isVisible(), `"${message}" is shown`);
  }
  await screenshot(page, t.name, 'after-leaving-fields');

  const l = (id) => label(id);
  const entries = [
    { summary: REQUIRED(l('application_round')), control: target(app, l('application_round'), 'group') },
    { summary: `Name der Kommune – Geben Sie höchstens 200 Zeichen ein`, control: app.input('Name der Kommune'), message: 'Geben Sie höchstens 200 Zeichen ein' },
    { summary: `${l('member_municipalities')} – Die Zahl muss mindestens 1 sein`, control: member, message: 'Die Zahl muss mindestens 1 sein' },
    { summary: REQUIRED(l('federal_state')), control: app.input(l('federal_state')), message: REQUIRED(l('federal_state')) },
    { summary: `${l('inhabitants')} – Geben Sie eine ganze Zahl ein, zum Beispiel 12`, control: inhabitants, message: 'Geben Sie eine ganze Zahl ein, zum Beispiel 12' },
    {
      summary: `${l('municipality_website')} – Geben Sie eine Internetadresse ein, die mit https:// oder http:// beginnt`,
      control: app.input(l('municipality_website')),
      message: 'Geben Sie eine Internetadresse ein, die mit https:// oder http:// beginnt',
    },
    { summary: REQUIRED(l('office_in_charge')), control: app.input(l('office_in_charge')) },
    { summary: REQUIRED(l('office_street')), control: app.input(l('office_street')) },
    // The office's own message mentions a postcode, but the summary names the field all the same,
    // as in English ("Postcode – Please enter …").
    { summary: 'Postleitzahl – Bitte geben Sie eine fünfstellige Postleitzahl an, z. B. 42651.', control: app.input('Postleitzahl'), message: 'Bitte geben Sie eine fünfstellige Postleitzahl an, z. B. 42651.' },
    { summary: REQUIRED('Ort'), control: app.input('Ort') },
    { summary: REQUIRED(l('contact_name')), control: app.input(l('contact_name')) },
    { summary: REQUIRED(l('contact_function')), control: app.input(l('contact_function')) },
    {
      summary: `${l('contact_email')} – Geben Sie eine E-Mail-Adresse in der richtigen Form ein, zum Beispiel name@beispiel.de`,
      control: app.input(l('contact_email')),
      message: 'Geben Sie eine E-Mail-Adresse in der richtigen Form ein, zum Beispiel name@beispiel.de',
    },
    {
      summary: `${l('contact_phone')} – Geben Sie eine Telefonnummer ein, zum Beispiel 0711 216-0 oder +49 711 216-0`,
      control: app.input(l('contact_phone')),
      message: 'Geben Sie eine Telefonnummer ein, zum Beispiel 0711 216-0 oder +49 711 216-0',
    },
  ];
  await checkSummary(t, app, page, entries, 'summary');

  // The task list calls the page "Fehlerhaft" while wrong answers stand.
  await app.startPage();
  assert.deepEqual((await app.taskList())[0], { title: 'Angaben zur Kommune', status: 'Fehlerhaft', link: true });
  app.assertNoPageErrors();
});

test('a rule across questions, a date out of range and a share above 100 % on the status page', async (t) => {
  const { app, page } = await h.page(t);
  app.recordPages(t.name);
  await app.open();
  await app.openSection('Angaben zur Kommune');
  await app.input(label('inhabitants')).fill('589000');
  await app.openSection('Statusindikatoren');

  const foreign = app.input(label('foreign_residents'));
  const rule = 'Es kann nicht mehr ausländische Einwohner/innen als Einwohner/innen insgesamt geben. Bitte prüfen Sie beide Zahlen.';
  await foreign.fill('700000');
  await foreign.press('Tab');
  await expectDescribedError(app, foreign, rule, 'foreign residents above inhabitants');

  const date = app.group(label('statistics_date'));
  await app.fillDate(date, '1999-12-31');
  await app.input('Jahr', date).blur();
  await expectDescribedError(app, date, 'Das Datum darf nicht vor dem 01.01.2000 liegen', 'a date before the minimum');

  const rate = app.input(label('unemployment_rate'));
  await rate.fill('120,5');
  await rate.press('Tab');
  await expectDescribedError(app, rate, 'Ein Anteil kann höchstens 100 % betragen.', 'a share above 100 %');
  await screenshot(page, t.name, 'after-leaving-fields');

  const yesNo = (id) => ({ summary: REQUIRED(label(id)), control: target(app, label(id), 'group'), described: app.group(label(id)), message: REQUIRED(label(id)) });
  await checkSummary(
    t,
    app,
    page,
    [
      { summary: `${label('statistics_date')} – Das Datum darf nicht vor dem 01.01.2000 liegen`, control: app.input('Tag', date), described: date, message: 'Das Datum darf nicht vor dem 01.01.2000 liegen' },
      { summary: `${label('foreign_residents')} – ${rule}`, control: foreign, message: rule },
      yesNo('resettlers_statistics'),
      yesNo('naturalised_statistics'),
      yesNo('youth_statistics'),
      { summary: `${label('unemployment_rate')} – Ein Anteil kann höchstens 100 % betragen.`, control: rate, message: 'Ein Anteil kann höchstens 100 % betragen.' },
      yesNo('unemployment_foreign_statistics'),
    ],
    'summary',
  );

  // Correcting the other number of the rule takes the message away.
  await app.openSection('Angaben zur Kommune');
  await app.input(label('inhabitants')).fill('800000');
  await app.openSection('Statusindikatoren');
  await expectNoError(app, foreign, 'foreign residents below inhabitants');
  app.assertNoPageErrors();
});

test('a half-answered matrix, "Sonstiges" without text and a rule inside a record are errors too', async (t) => {
  const { app, page } = await h.page(t);
  app.recordPages(t.name);
  await app.open();

  // A required matrix with two of eight rows answered: no message on the click, a list of the rest on Weiter.
  await app.openSection('2.3 Etablierung von Netzwerken zu Integration');
  const matrix = label('cooperation');
  await app.matrixAnswer('Schulen und Kindergärten', 'Eng und verbindlich', app.group(matrix));
  await app.matrixAnswer('Polizei', 'Keine Zusammenarbeit', app.group(matrix));
  await expectNoError(app, app.group(matrix), 'a matrix being answered');
  const rows = 'Bitte beantworten Sie auch: Arbeitsverwaltung, Wohlfahrtsverbände, Migrantenorganisationen, Wohnungsunternehmen, Unternehmen und Kammern, Kirchen und Religionsgemeinschaften';
  await checkSummary(
    t,
    app,
    page,
    // The link goes to the first row left unanswered, not to the first row (answered).
    [{ summary: `${matrix} – ${rows}`, control: page.getByRole('radiogroup', { name: 'Arbeitsverwaltung', exact: true }).getByRole('radio').first(), described: app.group(matrix), message: rows }],
    'matrix-summary',
  );

  // "Sonstiges" ticked, nothing said: an error on Weiter.
  await app.openSection('2.4 Partizipation und Aktivierung des bürgerschaftlichen Engagements');
  await app.input(label('migrant_organisations')).fill('5');
  const involvement = label('migrant_organisations_involvement');
  await app.tick(involvement, 'Sonstiges, bitte angeben');
  const specify = app.input('Bitte angeben', app.group(involvement));
  await specify.waitFor();
  await expectNoError(app, specify, '"Sonstiges" just ticked');
  await app.button('Weiter').click();
  await app.errorSummary().waitFor();
  const other = 'Geben Sie an, was mit „Sonstiges“ gemeint ist';
  assert.ok((await app.errorSummaryLinks()).includes(`${involvement} – ${other}`), `the summary names the unspecified "Sonstiges": ${await app.errorSummaryLinks()}`);
  // The link leads to the empty text field, and the message stands with it, under the
  // "Sonstiges" box (GOV.UK's conditional reveal), with one bar beside it, not two.
  await app.errorSummary().getByRole('link', { name: `${involvement} – ${other}` }).click();
  await app.waitForFocus(specify);
  await expectDescribedError(app, specify, other, 'the "Bitte angeben" field');
  const box = async (locator) => (await locator.boundingBox()).y;
  const otherBox = app.group(involvement).getByRole('checkbox', { name: 'Sonstiges, bitte angeben', exact: true });
  const message = shownMessage(page, other);
  assert.ok((await box(message)) > (await box(otherBox)), 'the message stands under the "Sonstiges" box, not above the list');
  assert.ok((await box(message)) < (await box(specify)), 'the message stands right above its text field');
  const bars = await specify.evaluate((el) => {
    const found = [];
    for (let e = el.parentElement; e && e.tagName !== 'FIELDSET'; e = e.parentElement) {
      const style = getComputedStyle(e);
      if (style.borderLeftStyle !== 'none' && parseFloat(style.borderLeftWidth) >= 3) found.push(style.borderLeftColor);
    }
    return found;
  });
  assert.deepEqual(bars, ['rgb(212, 53, 28)'], 'one bar beside the text field, red');
  await screenshot(page, t.name, 'other-not-specified');

  // A rule inside a record of a repeat group (2nd round only).
  await app.openSection('Angaben zur Kommune');
  await app.choose(label('application_round'), '2. Runde (Vertiefung bis Anfang Januar 2005)');
  await app.openSection('Messbare Ergebnisse');
  await app.button('Indikator hinzufügen').click();
  const record = app.group('Indikator 1');
  await app.input('Jahr des Ausgangswerts', record).fill('2003');
  const latest = app.input('Jahr des neuesten Werts', record);
  await latest.fill('2002');
  await latest.press('Tab');
  const later = 'Der neueste Wert muss aus einem späteren Jahr stammen als der Ausgangswert.';
  await expectDescribedError(app, latest, later, 'the latest year before the starting year');
  await app.button('Weiter').click();
  await app.errorSummary().waitFor();
  const links = await app.errorSummaryLinks();
  assert.ok(links.includes(`Indikator 1 – Jahr des neuesten Werts – ${later}`), `the summary names the record and its field: ${links}`);
  assert.ok(links.includes(REQUIRED('Indikator 1 – Was wird gemessen?')), `the record's required field: ${links}`);
  await app.errorSummary().getByRole('link', { name: `Indikator 1 – Jahr des neuesten Werts – ${later}` }).click();
  await app.waitForFocus(latest);
  await screenshot(page, t.name, 'record-rule');
  app.assertNoPageErrors();
});

test('too few and too many ticked, too few records, no more records than allowed, too short a text', async (t) => {
  const { app, page } = await h.page(t);
  app.recordPages(t.name);
  await app.open({ questionnaire: `${h.server.url}${FIXTURE_PREFIX}limits.json` });
  await app.openSection('Ihr Verein');
  await screenshot(page, t.name, 'empty');

  const sports = 'Welche Sportarten bieten Sie an?';
  const coaches = 'Wer leitet die Übungsstunden?';
  const purpose = app.input('Wofür brauchen Sie die Förderung?');

  // One of "two to three" ticked is unfinished, not wrong: no message until Weiter.
  await app.tick(sports, 'Fußball');
  await expectNoError(app, app.group(sports), 'one sport ticked');
  await app.button('Übungsleitung hinzufügen').click();
  await app.input('Name', app.group('Übungsleitung 1')).fill('Anna Trainer');
  await purpose.fill('Bälle');
  await purpose.press('Tab');
  await expectDescribedError(app, purpose, 'Geben Sie mindestens 20 Zeichen ein', 'a text below its minimum length');
  await checkSummary(
    t,
    app,
    page,
    [
      { summary: `${sports} – Wählen Sie mindestens 2 aus`, control: target(app, sports, 'group'), described: app.group(sports), message: 'Wählen Sie mindestens 2 aus' },
      { summary: `${coaches} – Geben Sie mindestens 2 Einträge an`, control: target(app, coaches, 'repeat'), described: app.group(coaches), message: 'Geben Sie mindestens 2 Einträge an' },
      { summary: 'Wofür brauchen Sie die Förderung? – Geben Sie mindestens 20 Zeichen ein', control: purpose, message: 'Geben Sie mindestens 20 Zeichen ein' },
    ],
    'too-few',
  );

  // Four of at most three: the message comes with the click.
  await app.tick(sports, 'Handball');
  await app.tick(sports, 'Turnen');
  await expectNoError(app, app.group(sports), 'three sports ticked');
  await app.tick(sports, 'Schwimmen');
  await expectDescribedError(app, app.group(sports), 'Wählen Sie höchstens 3 aus', 'four sports ticked');
  await eventually(() => app.errorSummaryLinks(), (l) => l.includes(`${sports} – Wählen Sie höchstens 3 aus`));
  assert.ok((await app.errorSummaryLinks()).includes(`${sports} – Wählen Sie höchstens 3 aus`), 'the open summary follows');
  await screenshot(page, t.name, 'too-many-ticked');
  await app.tick(sports, 'Schwimmen', false);
  await expectNoError(app, app.group(sports), 'back to three sports');

  // Records: the minimum keeps the remove buttons away, the maximum the add button.
  const group = app.group(coaches);
  assert.equal(await group.getByRole('button', { name: 'Übungsleitung 1 entfernen' }).count(), 0, 'no removing below the minimum');
  await app.button('Übungsleitung hinzufügen').click();
  await app.input('Name', app.group('Übungsleitung 2')).fill('Ben Coach');
  assert.equal(await group.getByRole('button', { name: /entfernen$/ }).count(), 0, 'two records of at least two: none can be removed');
  await app.button('Übungsleitung hinzufügen').click();
  await app.input('Name', app.group('Übungsleitung 3')).fill('Cleo Sport');
  assert.equal(await app.button('Übungsleitung hinzufügen').count(), 0, 'no add button at the maximum of three');
  assert.ok(await group.getByText('Sie können höchstens 3 Einträge angeben.').isVisible(), 'the maximum is explained instead');
  assert.equal(await group.getByRole('button', { name: /entfernen$/ }).count(), 3, 'above the minimum every record can be removed');
  await screenshot(page, t.name, 'at-maximum');

  await purpose.fill('Neue Bälle und Matten für die Jugend');
  await app.button('Weiter').click();
  await app.waitForPage('Antworten prüfen');
  assert.equal(await page.getByText('Die Antworten können noch nicht heruntergeladen werden').count(), 0, 'nothing left to fix');
  await screenshot(page, t.name, 'review');
  app.assertNoPageErrors();
});

test('errors wait until the field is left: an e-mail address typed character by character', async (t) => {
  const { app, page } = await h.page(t);
  app.recordPages(t.name);
  await app.open();
  await app.openSection('Angaben zur Kommune');
  const email = app.input(label('contact_email'));
  const message = 'Geben Sie eine E-Mail-Adresse in der richtigen Form ein, zum Beispiel name@beispiel.de';
  const shown = shownMessage(page, message);

  await email.click();
  const typed = 'integration.musterstadt.de';
  for (const char of typed) {
    await page.keyboard.type(char);
    assert.equal(await shown.count(), 0, `no message while typing (after "${await email.inputValue()}")`);
  }
  // The app has taken every keystroke (the draft holds the whole text), and still says nothing.
  await app.waitForStoredText(typed);
  assert.equal(await shown.count(), 0, 'no message after typing stopped');
  await expectNoError(app, email, 'while the field has the focus');
  await screenshot(page, t.name, 'typed-not-left');

  await email.press('Tab');
  await shown.waitFor({ state: 'visible' });
  await expectDescribedError(app, email, message, 'after leaving the field');
  await screenshot(page, t.name, 'left');

  // Correcting it: "integration.musterstadt.de" → "integration@musterstadt.de". The message stays
  // while the address is still wrong, and goes as soon as it is right, without leaving the field.
  await email.focus();
  await page.keyboard.press('Home');
  for (let i = 0; i < 'integration.'.length; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Backspace');
  await app.waitForStoredText('integrationmusterstadt.de');
  assert.ok(await shown.isVisible(), 'the message stays while the address is still wrong');
  await page.keyboard.type('@');
  await shown.waitFor({ state: 'detached' });
  assert.equal(await email.inputValue(), 'integration@musterstadt.de');
  assert.ok(await app.isFocused(email), 'still typing in the field');
  await expectNoError(app, email, 'a correct address');
  await screenshot(page, t.name, 'corrected');
  app.assertNoPageErrors();
});

/**
 * Clicks the middle of `locator` with the mouse, as a person does: the pointer goes down there and
 * comes up where it went down, 80 ms later, wherever the page has moved the control meanwhile.
 */
async function clickWhereItIs(page, locator) {
  const box = await locator.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await new Promise((r) => setTimeout(r, 80));
  await page.mouse.up();
}

test('a click that takes the focus from a wrong field still lands: its message appears after the button comes up, not under the pointer', async (t) => {
  const { app, page } = await h.page(t);
  app.recordPages(t.name);
  await app.open();
  await app.openSection('Angaben zur Kommune');

  // A wrong phone number, then straight to Weiter with the mouse: the press takes the focus, the
  // phone's message would push Weiter down before the button comes up.
  const phone = app.input(label('contact_phone'));
  await phone.fill('abc');
  const weiter = app.button('Weiter');
  await weiter.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await clickWhereItIs(page, weiter);
  const summary = app.errorSummary();
  await summary.waitFor({ state: 'visible' });
  await app.page.waitForFunction(() => document.activeElement?.closest('[role="alert"]') != null, null, { polling: 50 });
  assert.ok((await app.errorSummaryLinks()).some((l) => l.startsWith(label('contact_phone'))), 'the summary names the phone number');
  assert.ok((await app.description(phone)).includes('Fehler:'), 'the phone number has its message');
  await screenshot(page, t.name, 'weiter-landed');

  // Too long a name, then a radio of the question below: the radio is chosen, and the name's
  // message shows all the same.
  await app.openSection('Angaben zur Kommune');
  const name = app.input(label('municipality_name'));
  await name.fill('x'.repeat(201));
  const kind = app.group(label('municipality_kind')).getByRole('radio').first();
  await kind.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await clickWhereItIs(page, kind);
  await eventually(() => kind.isChecked(), (checked) => checked);
  assert.ok(await kind.isChecked(), 'the radio under the pointer is chosen');
  const description = await eventually(() => app.description(name), (d) => d.includes('Fehler:'));
  assert.ok(description.includes('Fehler:'), `the name's message shows after the click: "${description}"`);
  await screenshot(page, t.name, 'radio-landed');
  app.assertNoPageErrors();
});

test('a date is typed as day, month and year: its message waits until the date is left, names what is missing, and a half-typed date survives a reload', async (t) => {
  const { app, page } = await h.page(t);
  app.recordPages(t.name);
  await app.open();
  await app.openSection('Statusindikatoren');
  const date = app.group(label('statistics_date'));
  const [day, month, year] = ['Tag', 'Monat', 'Jahr'].map((name) => app.input(name, date));
  const values = async () => [await day.inputValue(), await month.inputValue(), await year.inputValue()];
  assert.deepEqual(await values(), ['31', '12', '2003'], 'the default, 31 December 2003, in its three fields');

  // Emptying month and year and moving between the three fields is not leaving the date.
  const incomplete = 'Das Datum muss einen Monat und ein Jahr enthalten';
  await day.fill('1');
  await page.keyboard.press('Tab');
  await month.fill('');
  await page.keyboard.press('Tab');
  await year.fill('');
  await page.keyboard.press('Shift+Tab');
  await app.waitForStoredText('"--1"');
  assert.equal(await shownMessage(page, incomplete).count(), 0, 'no message while focus stays in the date');
  await expectNoError(app, date, 'focus within the date');

  // What was typed is kept as typed: after a reload the fields show it again.
  await app.reload();
  await app.openSection('Statusindikatoren');
  assert.deepEqual(await values(), ['1', '', ''], 'the half-typed date after a reload');

  // Tabbing through the date without typing in it shows nothing, as with any field.
  await day.focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
  assert.ok(!(await app.hasFocusWithin(date)), 'focus has left the date');
  await page.waitForTimeout(300);
  assert.equal(await shownMessage(page, incomplete).count(), 0, 'no message after tabbing through the untouched date');

  // Leaving the date after typing in it shows the message, under the legend and in the group's
  // description.
  await day.fill('1');
  await year.focus();
  await page.keyboard.press('Tab');
  await shownMessage(page, incomplete).waitFor({ state: 'visible' });
  await expectDescribedError(app, date, incomplete, 'a date without month and year');
  const marked = async () => [await day.getAttribute('aria-invalid'), await month.getAttribute('aria-invalid'), await year.getAttribute('aria-invalid')];
  assert.deepEqual(await marked(), [null, 'true', 'true'], 'the missing month and year are marked invalid, not the day');
  await screenshot(page, t.name, 'incomplete');

  // 31 February is no date; 1 March 2004 is, and the message goes while typing the year.
  await month.fill('2');
  await year.fill('2004');
  await day.fill('31');
  await year.focus();
  await page.keyboard.press('Tab');
  const noSuchDay = 'Den 31.02.2004 gibt es nicht: Geben Sie ein Datum ein, das es gibt';
  await shownMessage(page, noSuchDay).waitFor({ state: 'visible' });
  assert.deepEqual(await marked(), ['true', 'true', 'true'], 'a date that is not real is marked as a whole');
  await day.fill('1');
  await month.fill('3');
  await shownMessage(page, noSuchDay).waitFor({ state: 'detached' });
  await expectNoError(app, day, 'a real date');
  await app.waitForStoredText('2004-03-01');
  await screenshot(page, t.name, 'corrected');
  app.assertNoPageErrors();
});

/**
 * Types `typed` into the inhabitants field and leaves it. Acceptable outcomes: the number is
 * understood (the review shows `understood`), or the field says what is wrong. Not acceptable:
 * no message, and a review that shows a thousand times fewer inhabitants than were meant.
 */
async function checkThousands(t, app, page, { section, fieldLabel, typed, review, understood, errorPrefix }) {
  await app.openSection(section);
  const field = app.input(fieldLabel);
  await field.fill(typed);
  await field.press('Tab');
  const description = await app.description(field);
  await screenshot(page, t.name, 'typed');
  await app.startPage();
  await page.getByRole('main').getByRole('link', { name: review, exact: true }).click();
  await app.waitForPage(review);
  const shown = (await app.summaryRows()).find(([q]) => q === fieldLabel)[1];
  await screenshot(page, t.name, 'review');
  assert.ok(
    shown === understood || description.includes(errorPrefix),
    `"${typed}" was taken as "${shown}" without any message (the person meant ${understood})`,
  );
  app.assertNoPageErrors();
}

test('German: "589.000" inhabitants is read as 589000 or refused, never silently as 589', async (t) => {
  const { app, page } = await h.page(t);
  app.recordPages(t.name);
  await app.open();
  await checkThousands(t, app, page, {
    section: 'Angaben zur Kommune',
    fieldLabel: label('inhabitants'),
    typed: '589.000',
    review: 'Antworten prüfen',
    understood: '589.000 Einwohner',
    errorPrefix: 'Fehler:',
  });
});

test('English: "589,000" inhabitants is read as 589000 or refused, never silently as 589', async (t) => {
  const { app, page } = await h.page(t);
  app.recordPages(t.name);
  await app.open();
  await app.control('English').click();
  await page.waitForFunction(() => document.documentElement.lang === 'en', null, { polling: 50 });
  await checkThousands(t, app, page, {
    section: 'About the municipality',
    fieldLabel: text(MODEL.question('inhabitants').label, 'en'),
    typed: '589,000',
    review: 'Check your answers',
    understood: '589,000 inhabitants',
    errorPrefix: 'Error:',
  });
});

test('a date that is not real says what is wrong with it, German and English; a whole date pasted into the day is split into its fields', async (t) => {
  const { app, page } = await h.page(t);
  app.recordPages(t.name);
  await app.open();
  for (const lang of ['de', 'en']) {
    if (lang === 'en') {
      await app.startPage();
      await app.control('English').click();
    }
    const section = MODEL.sectionTitle('status_indicators', lang);
    await app.openSection(section);
    const date = app.group(text(MODEL.question('statistics_date').label, lang));
    const names = lang === 'de' ? ['Tag', 'Monat', 'Jahr'] : ['Day', 'Month', 'Year'];
    const [day, month, year] = names.map((name) => app.input(name, date));
    const cases = lang === 'de'
      ? [
          [['31', '02', '2003'], 'Den 31.02.2003 gibt es nicht: Geben Sie ein Datum ein, das es gibt'],
          [['0', '12', '2003'], 'Der Tag muss zwischen 1 und 31 liegen'],
          [['31', '13', '2003'], 'Der Monat muss zwischen 1 und 12 liegen'],
          [['31', '12', '03'], 'Das Jahr muss vier Ziffern haben, zum Beispiel 2003'],
        ]
      : [
          [['31', '02', '2003'], 'There is no 31 February 2003: enter a real date'],
          [['0', '12', '2003'], 'The day must be between 1 and 31'],
          [['31', '13', '2003'], 'The month must be between 1 and 12'],
          [['31', '12', '03'], 'The year must have four digits, like 2003'],
        ];
    const prefix = lang === 'de' ? 'Fehler:' : 'Error:';
    for (const [[d, m, y], message] of cases) {
      await day.fill(d);
      await month.fill(m);
      await year.fill(y);
      await year.press('Tab');
      const description = await eventually(() => app.description(date), (s) => s.includes(`${prefix} ${message}`));
      assert.ok(description.includes(`${prefix} ${message}`), `${d}.${m}.${y}: "${message}" is not in "${description}"`);
    }
    await screenshot(page, t.name, `not-real-${lang}`);

    // 31.12.2003 pasted into the day field fills day, month and year.
    await day.fill('');
    await month.fill('');
    await year.fill('');
    await day.focus();
    // Inserted at once, in one input event, as a paste inserts it.
    await page.keyboard.insertText('31.12.2003');
    await app.assertValue(day, '31', `${lang}: the day after pasting 31.12.2003`);
    await app.assertValue(month, '12', `${lang}: the month after pasting 31.12.2003`);
    await app.assertValue(year, '2003', `${lang}: the year after pasting 31.12.2003`);
    await year.press('Tab');
    await expectNoError(app, day, `${lang}: the pasted date`);
  }
  app.assertNoPageErrors();
});
