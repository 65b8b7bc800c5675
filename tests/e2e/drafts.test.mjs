// Issue 11: drafts over weeks, by several people on several machines. Several drafts per
// questionnaire (create, rename, copy, delete with the file offered first), a draft file opened
// as a new draft, merged into the open one (every question type, repeat groups record by record)
// or replacing it; a draft of version 1.0.0 opened with 1.1.0 (answers carried, the others kept
// aside and shown); two tabs on one draft; and nothing typed ever lost: a reload at once, an
// export, clearing the browser and an import.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BogenApp, draftFile, eventually, fillStorage, freeStorage } from './lib/app.mjs';
import { assertAccessible } from './lib/axe.mjs';
import { EXAMPLES, allAnswers, otherAnswer, questionOf, shownPieces } from './lib/examples.mjs';
import { harness } from './lib/harness.mjs';
import { Expectation, loadQuestionnaire, text } from './lib/questionnaire.mjs';
import { REPO_ROOT } from './lib/server.mjs';
import { screenshot } from './lib/screenshot.mjs';

const h = harness();
const DEFAULT_ID = 'erfolgreiche-integration-2005';
const OPEN_AS_NEW = 'Als neuen Entwurf öffnen';
const MERGE = 'In den geöffneten Entwurf übernehmen (zusammenführen)';
const REPLACE = 'Den geöffneten Entwurf ersetzen';

/** Opens a draft file on the start page and takes `choice` on the page that asks what to do with it. */
async function openDraftFile(app, file, choice) {
  await app.chooseFile(file);
  await app.waitForPage('Entwurf aus einer Datei öffnen');
  await app.page.getByRole('radio', { name: choice, exact: true }).check();
  await app.button('Weiter').click();
}

/** A second tab of the same browser (same storage), with the page object of the first. */
async function secondTab(context, baseUrl) {
  const page = await context.newPage();
  page.errors = [];
  page.consoleErrors = [];
  page.on('pageerror', (error) => page.errors.push(String(error?.stack ?? error)));
  return { page, app: new BogenApp(page, baseUrl) };
}

/**
 * Two tabs of one browser on one draft, both on "Angaben zur Kommune". With `secondMissesSaves`
 * the second tab never hears of the first one's saves through the `storage` event.
 */
async function twoTabs(t, { secondMissesSaves = false } = {}) {
  const { app, context, page } = await h.page(t);
  await app.open();
  await app.showField('Name der Kommune', 'Angaben zur Kommune');
  const second = await secondTab(context, app.baseUrl);
  if (secondMissesSaves) {
    await second.page.addInitScript(() => window.addEventListener('storage', (e) => e.stopImmediatePropagation(), true));
  }
  await second.app.open();
  await second.app.showField('Name der Kommune', 'Angaben zur Kommune');
  return { app, context, page, second };
}

test('a long text typed and the page reloaded at once: every character is there', async (t) => {
  const { app } = await h.page(t);
  await app.open();
  const field = await app.showField('Name der Kommune', 'Angaben zur Kommune');
  const long = 'Landkreis Musterland an der Oberen Ruhr – Amt für Integration und Teilhabe, Außenstelle Nord (Zimmer 12, ÄÖÜß) '.repeat(2).trim();
  await field.click();
  await field.pressSequentially(long);
  // At once: the autosave's pause has not passed; leaving the page saves what was typed.
  await app.reload();
  const again = await app.showField('Name der Kommune', 'Angaben zur Kommune');
  await app.assertValue(again, long, 'characters typed just before the reload were lost');
  app.assertNoPageErrors();
});

test('several drafts: made, named, renamed, copied, switched between, deleted after the file was offered; other questionnaires never see them', async (t) => {
  const { app, page } = await h.page(t);
  await app.open();
  await app.startPage();
  assert.deepEqual((await app.drafts()).map((d) => [d.name, d.open, d.progress]), [['Entwurf 1', true, '0 von 16 Abschnitten']]);
  await app.showField('Name der Kommune', 'Angaben zur Kommune');
  await app.input('Name der Kommune').fill('Stadt A');
  await app.waitForDraftSaved(DEFAULT_ID, 'Stadt A');

  // A new draft, named; an empty name is refused with a linked message.
  await app.startPage();
  await app.draftsSection().getByRole('button', { name: 'Neuen Entwurf anlegen', exact: true }).click();
  await app.waitForPage('Neuen Entwurf anlegen');
  const name = app.input('Name des Entwurfs');
  assert.equal(await name.inputValue(), 'Entwurf 2', 'a free name is offered');
  await screenshot(page, t.name, 'new');
  await assertAccessible(page, 'the page "Neuen Entwurf anlegen"');
  await name.fill('   ');
  await app.button('Entwurf anlegen').click();
  await app.waitForFocus(app.errorSummary());
  assert.deepEqual(await app.errorSummaryLinks(), ['Geben Sie einen Namen für den Entwurf ein']);
  assert.match(await app.description(name), /Geben Sie einen Namen für den Entwurf ein/);
  await assertAccessible(page, 'the page "Neuen Entwurf anlegen" with an error');
  await screenshot(page, t.name, 'new-error');
  await name.fill('Zuarbeit Sozialamt');
  await app.button('Entwurf anlegen').click();
  await app.notice('Der Entwurf „Zuarbeit Sozialamt“ wurde angelegt und geöffnet.').waitFor();
  assert.deepEqual((await app.drafts()).map((d) => [d.name, d.open]), [['Entwurf 1', false], ['Zuarbeit Sozialamt', true]]);
  await app.showField('Name der Kommune', 'Angaben zur Kommune');
  await app.assertValue(app.input('Name der Kommune'), '', 'a new draft starts empty');
  await app.input('Name der Kommune').fill('Stadt B');
  await app.waitForDraftSaved(DEFAULT_ID, 'Stadt B');

  // A reload stays on this tab's draft.
  await app.reload();
  await app.startPage();
  assert.equal(await app.openDraftName(), 'Zuarbeit Sozialamt');
  await screenshot(page, t.name, 'two-drafts');
  await assertAccessible(page, 'the start page with two drafts');

  // Open the other one: its own answers.
  await app.draftAction('Öffnen', 'Entwurf 1').click();
  await app.notice('Der Entwurf „Entwurf 1“ ist jetzt geöffnet.').waitFor();
  assert.doesNotMatch(await app.text(), /wurde wiederhergestellt/, 'opened from the list, not restored after a visit');
  await eventually(() => app.openDraftName(), (n) => n === 'Entwurf 1');
  await app.openSection('Angaben zur Kommune');
  await app.assertValue(app.input('Name der Kommune'), 'Stadt A');

  // Rename it.
  await app.startPage();
  await app.draftAction('Umbenennen', 'Entwurf 1').click();
  await app.waitForPage('Entwurf umbenennen');
  assert.equal(await app.input('Name des Entwurfs').inputValue(), 'Entwurf 1');
  await assertAccessible(page, 'the page "Entwurf umbenennen"');
  await app.input('Name des Entwurfs').fill('Bewerbung 1. Runde');
  await app.button('Namen speichern').click();
  await app.notice('Der Entwurf heißt jetzt „Bewerbung 1. Runde“.').waitFor();
  assert.deepEqual((await app.drafts()).map((d) => d.name), ['Bewerbung 1. Runde', 'Zuarbeit Sozialamt']);

  // Copy it: the copy has its answers and is a draft of its own.
  await app.draftAction('Kopieren', 'Bewerbung 1. Runde').click();
  await app.notice('Die Kopie „Kopie von Bewerbung 1. Runde“ wurde angelegt.').waitFor();
  assert.deepEqual((await app.drafts()).map((d) => [d.name, d.open]), [
    ['Bewerbung 1. Runde', true],
    ['Zuarbeit Sozialamt', false],
    ['Kopie von Bewerbung 1. Runde', false],
  ]);
  await app.draftAction('Öffnen', 'Kopie von Bewerbung 1. Runde').click();
  await eventually(() => app.openDraftName(), (n) => n === 'Kopie von Bewerbung 1. Runde');
  await app.openSection('Angaben zur Kommune');
  await app.assertValue(app.input('Name der Kommune'), 'Stadt A');
  await app.input('Name der Kommune').fill('Stadt A (Kopie)');
  await app.waitForDraftSaved(DEFAULT_ID, 'Stadt A (Kopie)');

  // Delete a draft: first offered as a file, then deleted for good.
  await app.startPage();
  await app.draftAction('Löschen', 'Zuarbeit Sozialamt').click();
  await app.waitForPage('Entwurf „Zuarbeit Sozialamt“ löschen?');
  await screenshot(page, t.name, 'delete');
  await assertAccessible(page, 'the page that deletes a draft');
  const buttons = await page.getByRole('main').getByRole('button').allInnerTexts();
  assert.deepEqual(buttons, ['Entwurf als Datei speichern', 'Endgültig löschen', 'Abbrechen'], 'the file is offered first');
  const saved = await app.download(() => app.button('Entwurf als Datei speichern').click());
  const json = JSON.parse(saved.text);
  assert.equal(json.name, 'Zuarbeit Sozialamt');
  assert.equal(json.answers.municipality_name, 'Stadt B');
  assert.match(saved.fileName, /^erfolgreiche-integration-2005-entwurf-zuarbeit-sozialamt-\d{4}-\d{2}-\d{2}\.json$/);
  await app.button('Endgültig löschen').click();
  await app.notice('Der Entwurf „Zuarbeit Sozialamt“ wurde gelöscht.').waitFor();
  assert.deepEqual((await app.drafts()).map((d) => d.name), ['Bewerbung 1. Runde', 'Kopie von Bewerbung 1. Runde']);
  const left = (await app.storedDrafts(DEFAULT_ID)).map(({ draft }) => draft.name).sort();
  assert.deepEqual(left, ['Bewerbung 1. Runde', 'Kopie von Bewerbung 1. Runde'], 'its entry is gone from storage');

  // Deleting the open draft opens another.
  assert.equal(await app.openDraftName(), 'Kopie von Bewerbung 1. Runde');
  await app.draftAction('Löschen', 'Kopie von Bewerbung 1. Runde').click();
  await app.waitForPage('Entwurf „Kopie von Bewerbung 1. Runde“ löschen?');
  assert.match(await app.text(), /Dies ist der geöffnete Entwurf\. Nach dem Löschen wird ein anderer Entwurf geöffnet\./);
  await app.button('Endgültig löschen').click();
  await app.notice('Der Entwurf „Kopie von Bewerbung 1. Runde“ wurde gelöscht.').waitFor();
  assert.deepEqual((await app.drafts()).map((d) => [d.name, d.open]), [['Bewerbung 1. Runde', true]]);

  // The only draft: a new, empty one takes its place, and the page says so.
  await app.draftAction('Löschen', 'Bewerbung 1. Runde').click();
  await app.waitForPage('Entwurf „Bewerbung 1. Runde“ löschen?');
  assert.match(await app.text(), /Dies ist Ihr einziger Entwurf\. Nach dem Löschen wird ein neuer, leerer Entwurf angelegt\./);
  await app.button('Abbrechen').click();

  // Another questionnaire in the same browser has drafts of its own.
  await app.openFile(EXAMPLES[0].file);
  await app.startPage();
  assert.deepEqual((await app.drafts()).map((d) => d.name), ['Entwurf 1']);
  await app.openFile(`${REPO_ROOT}/questionnaire/erfolgreiche-integration-2005.json`);
  await app.startPage();
  assert.deepEqual((await app.drafts()).map((d) => d.name), ['Bewerbung 1. Runde']);
  app.assertNoPageErrors();
});

test('two tabs on one draft: the older tab is told and read-only, loading brings both answers, nothing is overwritten', async (t) => {
  const { app, page, second } = await twoTabs(t);

  // The first tab types a name.
  await app.input('Name der Kommune').fill('Musterstadt');
  await app.waitForDraftSaved(DEFAULT_ID, 'Musterstadt');

  // The second tab notices and lets nothing be typed.
  const banner = second.page.getByRole('alert').filter({ hasText: 'Dieser Entwurf wurde in einem anderen Tab geändert' });
  await banner.waitFor();
  assert.match(await banner.innerText(), /können Sie hier nichts ändern, bis Sie die neueren Antworten laden/);
  assert.ok(await second.app.input('Ort').isDisabled(), 'the fields of the older tab are read-only');
  await screenshot(second.page, t.name, 'older-tab');
  await assertAccessible(second.page, 'a page of a tab whose draft another tab saved');

  // It loads the newer answers and goes on.
  await second.app.button('Neuere Antworten laden').click();
  await second.page.getByRole('status').filter({ hasText: 'Die neueren Antworten aus dem anderen Tab wurden geladen.' }).waitFor();
  await second.app.assertValue(second.app.input('Name der Kommune'), 'Musterstadt');
  await second.app.input('Ort').fill('Musterort');
  await second.app.waitForDraftSaved(DEFAULT_ID, 'Musterort');

  // Now the first tab is the older one.
  await page.getByRole('alert').filter({ hasText: 'Dieser Entwurf wurde in einem anderen Tab geändert' }).waitFor();
  assert.ok(await app.input('Name der Kommune').isDisabled());
  await app.button('Neuere Antworten laden').click();
  await app.assertValue(app.input('Ort'), 'Musterort');
  await app.assertValue(app.input('Name der Kommune'), 'Musterstadt');

  // After a reload both answers are there.
  await app.reload();
  await app.showField('Name der Kommune', 'Angaben zur Kommune');
  await app.assertValue(app.input('Name der Kommune'), 'Musterstadt');
  await app.assertValue(app.input('Ort'), 'Musterort');
  const [stored] = await app.storedDrafts(DEFAULT_ID);
  assert.equal(stored.draft.answers.municipality_name, 'Musterstadt');
  assert.equal(stored.draft.answers.office_city, 'Musterort');
  app.assertNoPageErrors();
  second.app.assertNoPageErrors();
});

test("two tabs, the storage event late: the save itself finds the other tab's save, and both are merged, the difference chosen", async (t) => {
  // The second tab never hears of the first one's saves (as when the event comes late): only
  // the check before every save can notice them.
  const { app, second } = await twoTabs(t, { secondMissesSaves: true });

  await app.input('Name der Kommune').fill('Musterstadt');
  await app.input('Postleitzahl').fill('12345');
  await app.waitForDraftSaved(DEFAULT_ID, '12345');

  // The second tab types without knowing; its save is refused, and it says so.
  await second.app.input('Ort').fill('Musterort');
  await second.app.input('Name der Kommune').fill('Neustadt');
  const banner = second.page.getByRole('alert').filter({ hasText: 'Dieser Entwurf wurde in einem anderen Tab geändert' });
  await banner.waitFor();
  assert.match(await banner.innerText(), /auch in diesem Tab gibt es Antworten, die dort fehlen können/);
  const [stored] = await app.storedDrafts(DEFAULT_ID);
  assert.equal(stored.draft.answers.municipality_name, 'Musterstadt', "the first tab's save was not overwritten");
  assert.ok(!('office_city' in stored.draft.answers));

  // Loading merges: the name differs and is chosen; what only one tab has is kept.
  await second.app.button('Neuere Antworten laden').click();
  await second.app.waitForPage('Entwürfe zusammenführen');
  assert.equal(await banner.count(), 0, 'the banner that opened the merge page is not shown above it');
  const name = second.app.group('Name der Kommune');
  assert.match(await second.app.description(name.getByRole('radio', { name: 'Meine Antwort' })), /Neustadt/);
  assert.match(await second.app.description(name.getByRole('radio', { name: 'Antwort aus dem anderen Tab' })), /Musterstadt/);
  await screenshot(second.page, t.name, 'merge-tabs');
  await assertAccessible(second.page, 'the merge page for another tab');
  await name.getByRole('radio', { name: 'Antwort aus dem anderen Tab' }).check();
  await second.app.button('Zusammenführen').click();
  await second.app.notice(/^Die Antworten aus dem anderen Tab wurden zusammengeführt: 1 unterschiedliche Antwort entschieden/).waitFor();
  await second.app.waitForDraftSaved(DEFAULT_ID, 'Musterort');
  const [merged] = await second.app.storedDrafts(DEFAULT_ID);
  assert.equal(merged.draft.answers.municipality_name, 'Musterstadt');
  assert.equal(merged.draft.answers.office_postcode, '12345');
  assert.equal(merged.draft.answers.office_city, 'Musterort');
  second.app.assertNoPageErrors();
});

test('a draft file exported, the browser cleared and the file opened again: every answer of every question type is back', async (t) => {
  const { app, page } = await h.page(t);
  for (const example of EXAMPLES) {
    await app.openFile(example.file);
    await app.fillPages(example.model, example.pages);
    const exported = await app.downloadDraft();
    for (const [id, value] of Object.entries(allAnswers(example))) {
      assert.deepEqual(exported.json.answers[id], value, `${id} in the exported file`);
    }
    await app.openReviewPage();
    const review = await app.summaryRows();

    await page.evaluate(() => {
      localStorage.clear();
      sessionStorage.clear();
    });
    await app.reload();
    await app.startPage();
    assert.deepEqual((await app.drafts()).map((d) => [d.name, d.progress]), [['Entwurf 1', `0 von ${example.model.visiblePages().length} Abschnitten`]]);

    await openDraftFile(app, { name: exported.fileName, mimeType: 'application/json', buffer: Buffer.from(exported.text) }, OPEN_AS_NEW);
    // The empty draft made after clearing is "Entwurf 1": the file's draft gets a name of its own.
    await app.notice(`Der Entwurf aus der Datei „${exported.fileName}“ wurde als neuer Entwurf „Entwurf 2“ geöffnet.`).waitFor();
    const again = await app.downloadDraft();
    assert.deepEqual(again.json.answers, exported.json.answers, 'every answer is back');
    assert.deepEqual(again.json.answeredAt, exported.json.answeredAt, 'with the time of its last change');
    await app.openReviewPage();
    assert.deepEqual(await app.summaryRows(), review, 'the review reads the same');
  }
  app.assertNoPageErrors();
});

test("a colleague's draft merged: every difference shown with both answers and which is newer, chosen one by one or all of one side, repeat groups record by record (every question type)", async (t) => {
  const { app, page } = await h.page(t);
  for (const example of EXAMPLES) {
    await app.openFile(example.file);
    const template = (await app.downloadDraft()).json;
    const answers = allAnswers(example);
    // One answer only the colleague has: taken as it is.
    const [onlyTheirs] = Object.keys(answers).filter((id) => questionOf(example, id).type === 'phone');
    const ours = { ...answers };
    delete ours[onlyTheirs];
    const ourTime = '2026-01-10T10:00:00.000Z';
    const mine = {
      ...template,
      draftId: '0123456789abcdef',
      name: 'Unser Entwurf',
      revision: 3,
      savedAt: ourTime,
      answers: ours,
      answeredAt: Object.fromEntries(Object.keys(ours).map((id) => [id, ourTime])),
    };
    await openDraftFile(app, draftFile(mine, 'unser-entwurf.json'), OPEN_AS_NEW);
    await app.notice(/als neuer Entwurf „Unser Entwurf“ geöffnet/).waitFor();

    // The colleague changed every answer (but to a question's default, which is no answer
    // given): some later than we did, some earlier, one at a time unknown.
    const changed = Object.keys(ours).filter((id) => {
      const question = questionOf(example, id);
      return !('default' in question) || JSON.stringify(otherAnswer(question, answers[id])) !== JSON.stringify(question.default);
    });
    const theirAnswers = { ...answers };
    const theirTimes = {};
    changed.forEach((id, i) => {
      theirAnswers[id] = otherAnswer(questionOf(example, id), answers[id]);
      if (i === 1) return;
      theirTimes[id] = i % 2 === 0 ? '2026-02-01T08:00:00.000Z' : '2025-12-01T08:00:00.000Z';
    });
    theirTimes[onlyTheirs] = '2026-02-01T08:00:00.000Z';
    const theirs = { ...mine, draftId: 'fedcba9876543210', name: 'Zuarbeit', answers: theirAnswers, answeredAt: theirTimes };
    await openDraftFile(app, draftFile(theirs, 'zuarbeit.json'), MERGE);
    await app.waitForPage('Entwürfe zusammenführen');
    assert.match(await app.text(), /Die Antworten aus der Datei „zuarbeit\.json“ \(Entwurf „Zuarbeit“, gespeichert am .*\) werden in Ihren Entwurf „Unser Entwurf“ übernommen\. Noch hat sich nichts geändert\./);
    assert.ok(await page.getByRole('heading', { name: `Unterschiedliche Antworten (${changed.length})`, exact: true }).isVisible());

    for (const [i, id] of changed.entries()) {
      const question = questionOf(example, id);
      let legend = text(question.label);
      let mineShown = ours[id];
      let theirsShown = theirAnswers[id];
      if (question.type === 'repeat') {
        // Record by record: the first records are equal, the second ones differ, the third is new.
        legend = `${legend} – ${text(question.recordLabel)} 2`;
        mineShown = ours[id][1];
        theirsShown = theirAnswers[id][1];
      }
      const group = app.group(legend);
      const myRadio = group.getByRole('radio', { name: 'Meine Antwort', exact: true });
      const theirRadio = group.getByRole('radio', { name: 'Antwort aus der Datei', exact: true });
      const myText = await app.description(myRadio);
      const theirText = await app.description(theirRadio);
      for (const piece of shownPieces(question, mineShown)) assert.ok(myText.includes(piece), `${id}: mine shows ${piece}: ${myText}`);
      for (const piece of shownPieces(question, theirsShown)) assert.ok(theirText.includes(piece), `${id}: theirs shows ${piece}: ${theirText}`);
      const theirsNewer = i !== 1 && i % 2 === 0;
      const known = i !== 1;
      assert.equal(theirText.includes('neuer'), theirsNewer, `${id}: theirs marked newer: ${theirText}`);
      assert.equal(myText.includes('neuer'), known && !theirsNewer, `${id}: mine marked newer: ${myText}`);
      assert.ok(myText.includes('geändert am 10.01.2026'), `${id}: when mine was changed: ${myText}`);
      assert.equal(await theirRadio.isChecked(), theirsNewer, `${id}: the newer one is chosen, else mine`);
    }
    const additions = await app.summaryRows(page.getByRole('main').locator('dl'));
    const repeat = changed.map((id) => questionOf(example, id)).find((q) => q.type === 'repeat');
    const onlyTheirsQuestion = questionOf(example, onlyTheirs);
    assert.deepEqual(additions.map(([key]) => key).sort(), [
      text(onlyTheirsQuestion.label),
      `${text(repeat.label)} – ein Eintrag mehr (${text(repeat.recordLabel)} 3 auf der anderen Seite)`,
    ].sort());
    await screenshot(page, t.name, `merge-${example.model.q.id}`);
    await assertAccessible(page, 'the merge page');

    // All from the file, then the first one back to mine. Nothing has changed so far.
    await app.button('Alle aus der Datei übernehmen').click();
    for (const radio of await page.getByRole('radio', { name: 'Antwort aus der Datei', exact: true }).all()) assert.ok(await radio.isChecked());
    await app.button('Alle meine übernehmen').click();
    for (const radio of await page.getByRole('radio', { name: 'Meine Antwort', exact: true }).all()) assert.ok(await radio.isChecked());
    await app.button('Alle aus der Datei übernehmen').click();
    const first = changed[0];
    const firstQuestion = questionOf(example, first);
    const firstLegend = firstQuestion.type === 'repeat' ? `${text(firstQuestion.label)} – ${text(firstQuestion.recordLabel)} 2` : text(firstQuestion.label);
    await app.group(firstLegend).getByRole('radio', { name: 'Meine Antwort', exact: true }).check();
    const stored = (await app.storedDrafts(example.model.q.id)).find(({ draft }) => draft.name === 'Unser Entwurf');
    assert.deepEqual(stored.draft.answers, ours, 'nothing changed before "Zusammenführen"');

    await app.button('Zusammenführen').click();
    await app.notice(`Die Antworten aus der Datei „zuarbeit.json“ wurden zusammengeführt: ${changed.length} unterschiedliche Antworten entschieden, 2 übernommen.`).waitFor();
    const merged = (await app.downloadDraft()).json.answers;
    for (const id of changed) {
      const question = questionOf(example, id);
      let expected = id === first ? ours[id] : theirAnswers[id];
      if (question.type === 'repeat') expected = [ours[id][0], id === first ? ours[id][1] : theirAnswers[id][1], theirAnswers[id][2]];
      assert.deepEqual(merged[id], expected, `${id} after the merge`);
    }
    assert.deepEqual(merged[onlyTheirs], theirAnswers[onlyTheirs], 'the answer only the file had is taken');
  }
  app.assertNoPageErrors();
});

test("a draft file replacing the open draft: the open draft is offered as a file first, then its answers are the file's", async (t) => {
  const { app, page } = await h.page(t);
  await app.open();
  await app.showField('Name der Kommune', 'Angaben zur Kommune');
  await app.input('Name der Kommune').fill('Unsere Stadt');
  await app.waitForDraftSaved(DEFAULT_ID, 'Unsere Stadt');
  const ours = await app.downloadDraft();
  const theirs = { ...ours.json, name: 'Von der Kollegin', answers: { municipality_name: 'Ihre Stadt', office_city: 'Irgendwo' } };

  await app.chooseFile(draftFile(theirs, 'kollegin.json'));
  await app.waitForPage('Entwurf aus einer Datei öffnen');
  assert.match(await app.text(), /Die Datei „kollegin\.json“ enthält den Entwurf „Von der Kollegin“, gespeichert am /);
  await screenshot(page, t.name, 'choice');
  await assertAccessible(page, 'the page asking what to do with a draft file');
  // Weiter without a choice: a linked error.
  await app.button('Weiter').click();
  await app.waitForFocus(app.errorSummary());
  assert.deepEqual(await app.errorSummaryLinks(), ['Wählen Sie, was mit dem Entwurf geschehen soll']);
  await assertAccessible(page, 'the choice page with an error');
  await page.getByRole('radio', { name: REPLACE, exact: true }).check();
  await app.button('Weiter').click();
  await app.waitForPage('Antworten von „Entwurf 1“ ersetzen?');
  await assertAccessible(page, 'the page confirming a replacement');
  await screenshot(page, t.name, 'replace');
  const buttons = await page.getByRole('main').getByRole('button').allInnerTexts();
  assert.deepEqual(buttons, ['Geöffneten Entwurf als Datei speichern', 'Antworten ersetzen', 'Abbrechen'], 'the open draft is offered first');
  const saved = await app.download(() => app.button('Geöffneten Entwurf als Datei speichern').click());
  assert.equal(JSON.parse(saved.text).answers.municipality_name, 'Unsere Stadt');
  await app.button('Antworten ersetzen').click();
  await app.notice('Die Antworten dieses Entwurfs wurden durch die aus der Datei „kollegin.json“ ersetzt.').waitFor();
  assert.deepEqual((await app.drafts()).map((d) => [d.name, d.open]), [['Entwurf 1', true]], 'the draft keeps its name');
  await app.waitForDraftSaved(DEFAULT_ID, 'Irgendwo');
  await app.openSection('Angaben zur Kommune');
  await app.assertValue(app.input('Name der Kommune'), 'Ihre Stadt');
  await app.assertValue(app.input('Ort'), 'Irgendwo');
  app.assertNoPageErrors();
});

test('a draft of version 1.0.0 opened with 1.1.0: the start page says so, answers that fit carry, the others are shown kept aside and stay in the draft', async (t) => {
  const { app, page } = await h.page(t);
  const v100 = `${REPO_ROOT}/tests/fixtures/versions/integration-kurzbogen-1.0.0.json`;
  const v110 = `${REPO_ROOT}/tests/fixtures/versions/integration-kurzbogen-1.1.0.json`;
  await app.openFile(v100);
  const model = new Expectation(loadQuestionnaire(v100));
  await app.fillPages(model, {
    municipality: {
      municipality_name: 'Stadt Solingen',
      municipality_kind: 'kleinstadt',
      inhabitants: 163000,
      contact_phone: '0212 290-0',
      integration_plan: true,
    },
    work: {
      fields_of_action: { selected: ['sprache', 'wohnen'], other: 'Sport' },
      cooperation: { schulen: 'eng', vereine: 'gelegentlich' },
      measures: [
        { title: 'Mama lernt Deutsch', field: 'sprache', budget: 12000 },
        { title: 'Wohnprojekt', field: 'wohnen', budget: 3000 },
      ],
      summary: 'Erste Zeile\nzweite Zeile',
    },
  });
  await app.waitForDraftSaved('integration-kurzbogen', 'zweite Zeile');

  // The office sends version 1.1.0.
  await app.openFile(v110);
  await app.startPage();
  const notice = app.notice('Der Fragebogen wurde geändert, seit dieser Entwurf gespeichert wurde: Der Entwurf stammt von Version 1.0.0, jetzt gilt Version 1.1.0.');
  await notice.waitFor();
  assert.match(await notice.innerText(), /6 Antworten passen nicht mehr zu den Fragen und wurden beiseitegelegt\. Sie bleiben im Entwurf erhalten\./);
  assert.deepEqual((await app.drafts()).map((d) => [d.name, d.saved.includes('mit Fragebogen-Version 1.0.0')]), [['Entwurf 1', true]]);
  await screenshot(page, t.name, 'start');
  await assertAccessible(page, 'the start page after a new questionnaire version');

  await notice.getByRole('link', { name: 'Beiseitegelegte Antworten ansehen' }).click();
  await app.waitForPage('Beiseitegelegte Antworten');
  await screenshot(page, t.name, 'kept-aside');
  await assertAccessible(page, 'the page of the answers kept aside');
  const kept = async (title) => {
    const region = page.getByRole('region', { name: title, exact: true });
    const facts = await app.summaryRows(region);
    return { facts: Object.fromEntries(facts), value: await app.input('Antwort zum Kopieren', region).inputValue() };
  };
  const phone = await kept('contact_phone');
  assert.deepEqual([phone.facts['Frage (alte Kennung)'], phone.facts['Aus Fragebogen-Version'], phone.value], ['contact_phone', '1.0.0', '0212 290-0']);
  assert.equal(phone.facts.Grund, 'Diese Frage gibt es im Fragebogen nicht mehr: Sie wurde entfernt oder umbenannt.');
  const plan = await kept('Gibt es ein Integrationskonzept?');
  assert.deepEqual([plan.value, plan.facts.Grund], ['Ja', 'Die Frage verlangt jetzt eine Auswahl aus einer Liste.']);
  const kind = await kept('Art der Kommune');
  assert.deepEqual([kind.value, kind.facts.Grund], ['kleinstadt', 'Die Auswahl „kleinstadt“ wird nicht mehr angeboten. Was weiterhin passt, wurde übernommen.']);
  const fields = await kept('Handlungsfelder');
  // Options still offered read by their labels; "wohnen" is gone.
  assert.equal(fields.value, 'Sprache (sprache), wohnen; Sonstiges: Sport');
  const cooperation = await kept('Wie eng arbeiten Sie zusammen mit …');
  assert.equal(cooperation.value, 'schulen: eng\nvereine: gelegentlich');
  assert.match(cooperation.facts.Grund, /^Die Zeile „vereine“ wird nicht mehr abgefragt\. Die übrigen Zeilen wurden übernommen\.$/);
  const measures = await kept('Maßnahmen');
  assert.equal(measures.value, 'budget: 3000\nfield: wohnen\ntitle: Wohnprojekt');
  assert.match(measures.facts.Grund, /^Eintrag 2: Feld „field“: Die Auswahl „wohnen“ wird nicht mehr angeboten\./);
  assert.equal(measures.facts['Frage jetzt'], 'Maßnahmen');

  // What fits carried.
  await app.openSection('Kommune');
  await app.assertValue(app.input('Name der Kommune'), 'Stadt Solingen');
  await app.assertValue(app.input('Einwohner'), '163000');
  assert.equal(await app.group('Art der Kommune').getByRole('radio', { checked: true }).count(), 0, 'kleinstadt is gone: no choice');
  await app.assertValue(app.input('Telefon der Ansprechperson'), '', 'the renamed question starts empty');
  await app.openSection('Integrationsarbeit');
  assert.ok(await app.group('Handlungsfelder').getByRole('checkbox', { name: 'Sprache', exact: true }).isChecked());
  await app.assertValue(app.input('Bitte angeben', app.group('Handlungsfelder')), 'Sport');
  assert.ok(await page.getByRole('radiogroup', { name: 'Schulen', exact: true }).getByRole('radio', { name: 'eng', exact: true }).isChecked());
  await app.assertValue(app.input('Titel', app.group('Maßnahme 2')), 'Wohnprojekt');
  await app.assertValue(app.input('Zusammenfassung'), 'Erste Zeile\nzweite Zeile');

  // The kept-aside answers stay in the draft file and in the browser.
  const file = (await app.downloadDraft()).json;
  assert.equal(file.questionnaireVersion, '1.1.0');
  assert.deepEqual(file.keptAside.map((k) => [k.questionId, k.questionnaireVersion]).sort(), [
    ['contact_phone', '1.0.0'],
    ['cooperation', '1.0.0'],
    ['fields_of_action', '1.0.0'],
    ['integration_plan', '1.0.0'],
    ['measures', '1.0.0'],
    ['municipality_kind', '1.0.0'],
  ]);
  await app.reload();
  await page.getByRole('main').getByRole('link', { name: 'Beiseitegelegte Antworten ansehen' }).first().click();
  await app.waitForPage('Beiseitegelegte Antworten');
  assert.equal(await page.getByRole('main').getByLabel('Antwort zum Kopieren').count(), 6);
  assert.equal(await app.button('Antwort übernehmen').count(), 0, 'none of them fits a question of 1.1.0');

  // A phone number typed with 1.1.0, the draft opened with 1.0.0 by mistake (it has no such
  // question) and then with 1.1.0 again: it is not put back by itself, but one click does.
  await app.openSection('Kommune');
  await app.input('Telefon der Ansprechperson').fill('0212 290-2');
  await app.waitForDraftSaved('integration-kurzbogen', '0212 290-2');
  await app.openFile(v100);
  await app.openSection('Kommune');
  await app.input('Einwohner').fill('170000');
  await app.waitForDraftSaved('integration-kurzbogen', '170000');
  await app.openFile(v110);
  await app.startPage();
  await page.getByRole('main').getByRole('link', { name: 'Beiseitegelegte Antworten ansehen' }).first().click();
  await app.waitForPage('Beiseitegelegte Antworten');
  const again = page.getByRole('region', { name: 'Telefon der Ansprechperson', exact: true });
  await again.getByText('Die Antwort passt so zur Frage dieser Version, die noch unbeantwortet ist.').waitFor();
  assert.equal(
    Object.fromEntries(await app.summaryRows(again)).Grund,
    'Eine andere Version des Fragebogens hatte diese Frage nicht; diese hat sie wieder.',
  );
  await screenshot(page, t.name, 'fits-again');
  await assertAccessible(page, 'the page of the answers kept aside, one fitting again');
  assert.equal(await app.button('Antwort übernehmen').count(), 1, 'only the one that fits is offered');
  await again.getByRole('button', { name: 'Antwort übernehmen' }).click();
  await page.getByText('Die Antwort steht wieder in ihrer Frage.').waitFor();
  await again.waitFor({ state: 'detached' });
  await app.openSection('Kommune');
  await app.assertValue(app.input('Telefon der Ansprechperson'), '0212 290-2');
  const stored = await eventually(
    async () => (await app.storedDrafts('integration-kurzbogen'))[0].draft,
    (d) => d.answers.phone === '0212 290-2' && !d.keptAside.some((k) => k.questionId === 'phone'),
  );
  assert.equal(stored.answers.phone, '0212 290-2', 'saved as an answer, no longer kept aside');
  app.assertNoPageErrors();
});

test('storage full: the page says so at once and offers the draft file; once there is room, saving resumes and nothing was lost', async (t) => {
  const { app, page } = await h.page(t);
  await app.open();
  await app.showField('Name der Kommune', 'Angaben zur Kommune');
  await fillStorage(page);
  await app.input('Name der Kommune').fill('Vollstadt');
  const alert = page.getByRole('alert').filter({ hasText: 'Der Speicher des Browsers ist voll' });
  await alert.waitFor();
  assert.match(await alert.innerText(), /Speichern Sie den Entwurf jetzt als Datei, damit nichts verloren geht\./);
  await screenshot(page, t.name, 'full');
  await assertAccessible(page, 'a page when storage is full');
  const file = await app.download(() => alert.getByRole('button', { name: 'Entwurf als Datei speichern', exact: true }).click());
  assert.equal(JSON.parse(file.text).answers.municipality_name, 'Vollstadt', 'the file has what could not be saved');

  // Another draft cannot be made while this one cannot be saved: it stays open, and the page says why.
  await app.startPage();
  await app.draftsSection().getByRole('button', { name: 'Neuen Entwurf anlegen', exact: true }).click();
  await app.waitForPage('Neuen Entwurf anlegen');
  await app.button('Entwurf anlegen').click();
  await app.notice(/Der geöffnete Entwurf bleibt geöffnet: Seine Antworten konnten nicht gespeichert werden\./).waitFor();
  assert.deepEqual((await app.drafts()).map((d) => [d.name, d.open]), [['Entwurf 1', true]]);
  await app.showField('Ort', 'Angaben zur Kommune');
  await app.assertValue(app.input('Name der Kommune'), 'Vollstadt', 'the open draft is as it was');

  await freeStorage(page);
  await app.input('Ort').fill('Platzhausen');
  await app.waitForDraftSaved(DEFAULT_ID, 'Platzhausen');
  await alert.waitFor({ state: 'detached' });
  const [stored] = await app.storedDrafts(DEFAULT_ID);
  assert.equal(stored.draft.answers.municipality_name, 'Vollstadt');
  app.assertNoPageErrors();
});

test('a browser that keeps nothing (site data blocked): the form works, says that nothing is kept, and offers the file', async (t) => {
  const { app, page } = await h.page(t);
  await page.addInitScript(() => {
    for (const name of ['localStorage', 'sessionStorage']) {
      Object.defineProperty(window, name, {
        configurable: true,
        get() {
          throw new DOMException('Access is denied for this document.', 'SecurityError');
        },
      });
    }
  });
  await app.open();
  const alert = page.getByRole('alert').filter({ hasText: 'Dieser Browser speichert nichts' });
  await alert.waitFor();
  assert.match(await alert.innerText(), /Sie können den Fragebogen trotzdem ausfüllen, aber nichts wird gespeichert/);
  assert.deepEqual((await app.drafts()).map((d) => [d.name, d.saved]), [['Entwurf 1', 'Noch nicht gespeichert']]);
  assert.equal(await app.draftsSection().getByRole('button', { name: 'Neuen Entwurf anlegen' }).count(), 0);
  await screenshot(page, t.name, 'start');
  await assertAccessible(page, 'the start page in a browser that keeps nothing');
  await app.openSection('Angaben zur Kommune');
  await app.input('Name der Kommune').fill('Flüchtigstadt');
  await alert.waitFor();
  const file = await app.download(() => alert.getByRole('button', { name: 'Entwurf als Datei speichern', exact: true }).click());
  assert.equal(JSON.parse(file.text).answers.municipality_name, 'Flüchtigstadt');
  app.assertNoPageErrors();
});

test('a stored draft that cannot be read is kept aside, offered as a file exactly as it was, and another draft opens', async (t) => {
  const { app, page } = await h.page(t);
  await app.open();
  await app.showField('Name der Kommune', 'Angaben zur Kommune');
  await app.input('Name der Kommune').fill('Heilstadt');
  await app.waitForDraftSaved(DEFAULT_ID, 'Heilstadt');
  const [{ key }] = await app.storedDrafts(DEFAULT_ID);
  const broken = '{"format": "bogen-draft", "formatVersion": 2, "answers": {"municipality_name": "Heilstadt"';
  await page.evaluate(([key, broken]) => localStorage.setItem(key, broken), [key, broken]);
  await app.reload();
  await app.startPage();
  const notice = app.notice('Ein gespeicherter Entwurf konnte nicht gelesen werden.');
  await notice.waitFor();
  const id = key.split(':').pop();
  assert.match(await notice.innerText(), new RegExp(`Er wurde beiseitegelegt \\(unter „bogen:draft-unreadable:${DEFAULT_ID}:${id}“\\)`));
  await screenshot(page, t.name, 'unreadable');
  await assertAccessible(page, 'the start page with an unreadable draft');
  const file = await app.download(() => notice.getByRole('button', { name: 'Unlesbaren Entwurf als Datei speichern' }).click());
  assert.equal(file.text, broken, 'offered exactly as it was stored');
  const stored = await app.stored();
  assert.equal(stored[`bogen:draft-unreadable:${DEFAULT_ID}:${id}`], broken, 'kept aside in the browser');
  assert.equal(stored[key], undefined);
  assert.deepEqual((await app.drafts()).map((d) => [d.name, d.open]), [['Entwurf 1', true]], 'a new draft opened');
  app.assertNoPageErrors();
});

test('the one draft of the old storage layout opens with its answers and moves into the list of drafts', async (t) => {
  const { app, page } = await h.page(t);
  await app.open();
  await app.startPage();
  const old = {
    formatVersion: 1,
    questionnaireId: DEFAULT_ID,
    questionnaireVersion: '1.0.0',
    savedAt: '2026-01-12T09:30:00.000Z',
    answers: { municipality_name: 'Altstadt', office_city: 'Altdorf', fax: '0212 290-1' },
  };
  await page.evaluate(([id, text]) => {
    localStorage.clear();
    sessionStorage.clear();
    localStorage.setItem(`bogen:draft:${id}`, text);
  }, [DEFAULT_ID, JSON.stringify(old)]);
  await app.reload();
  await app.startPage();
  await app.notice(/^Ihr Entwurf „Entwurf 1“ vom 12\.01\.2026, \d\d:\d\d Uhr wurde wiederhergestellt\./).waitFor();
  assert.deepEqual((await app.drafts()).map((d) => d.name), ['Entwurf 1']);
  const stored = await app.stored();
  assert.equal(stored[`bogen:draft:${DEFAULT_ID}`], undefined, 'the old key is gone');
  const [{ draft }] = await app.storedDrafts(DEFAULT_ID);
  assert.equal(draft.formatVersion, 2);
  assert.equal(draft.answers.fax, '0212 290-1', 'nothing was dropped on the way');
  await app.openSection('Angaben zur Kommune');
  await app.assertValue(app.input('Name der Kommune'), 'Altstadt');
  await app.assertValue(app.input('Ort'), 'Altdorf');
  app.assertNoPageErrors();
});

test('where the browser does not promise to keep the drafts, the start page says so and suggests a draft file', async (t) => {
  for (const granted of [false, true]) {
    const { app, page } = await h.page(t);
    await page.addInitScript((granted) => {
      StorageManager.prototype.persisted = async () => false;
      StorageManager.prototype.persist = async () => {
        window.__bogenPersistAsked = true;
        return granted;
      };
    }, granted);
    await app.open();
    await app.startPage();
    const note = app.draftsSection().getByText(/^Ihr Browser hat nicht zugesagt, die Entwürfe dauerhaft aufzubewahren\./);
    if (granted) {
      // The app asked, and the answer has been drawn (two frames after it).
      await page.waitForFunction(() => window.__bogenPersistAsked === true);
      await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
      assert.equal(await note.count(), 0, 'no note where the browser promised');
    } else {
      await note.waitFor();
      assert.match(await note.innerText(), /Speichern Sie Ihren Entwurf deshalb regelmäßig als Datei\./);
    }
    app.assertNoPageErrors();
  }
});

test('closing a tab asks first exactly while it holds answers no storage has: never after typing as usual, but after another tab saved over them, or when storage is full', async (t) => {
  const { app, context } = await h.page(t);
  await app.open();
  await app.showField('Name der Kommune', 'Angaben zur Kommune');

  // Typed and closed at once: leaving saves what was typed, and nothing asks.
  const quick = await secondTab(context, app.baseUrl);
  const asked = [];
  quick.page.on('dialog', (dialog) => {
    asked.push(dialog.type());
    dialog.accept();
  });
  await quick.app.open();
  await quick.app.showField('Ort', 'Angaben zur Kommune');
  await quick.app.input('Ort').click();
  await quick.app.input('Ort').pressSequentially('Sofortstadt');
  const closed = quick.page.waitForEvent('close');
  await quick.page.close({ runBeforeUnload: true });
  await closed;
  await app.waitForDraftSaved(DEFAULT_ID, 'Sofortstadt');
  assert.deepEqual(asked, [], 'no question when leaving loses nothing');

  // A tab that never hears of the other's saves types; its save is refused: its answers are only here.
  await app.page.getByRole('alert').filter({ hasText: 'Dieser Entwurf wurde in einem anderen Tab geändert' }).waitFor();
  await app.button('Neuere Antworten laden').click();
  const late = await secondTab(context, app.baseUrl);
  await late.page.addInitScript(() => window.addEventListener('storage', (e) => e.stopImmediatePropagation(), true));
  await late.app.open();
  await late.app.showField('Name der Kommune', 'Angaben zur Kommune');
  await app.input('Name der Kommune').fill('Musterstadt');
  await app.waitForDraftSaved(DEFAULT_ID, 'Musterstadt');
  await late.app.input('Name der Kommune').click();
  await late.app.input('Name der Kommune').pressSequentially('Neustadt');
  await late.page.getByRole('alert').filter({ hasText: 'auch in diesem Tab gibt es Antworten, die dort fehlen können' }).waitFor();
  let dialog = late.page.waitForEvent('dialog');
  await late.page.close({ runBeforeUnload: true });
  let question = await dialog;
  assert.equal(question.type(), 'beforeunload');
  await question.dismiss();
  await late.app.assertValue(late.app.input('Name der Kommune'), 'Neustadt', 'staying keeps the tab and its answers');
  const saved = await late.app.download(() => late.page.getByRole('alert').getByRole('button', { name: 'Entwurf als Datei speichern', exact: true }).click());
  assert.equal(JSON.parse(saved.text).answers.municipality_name, 'Neustadt');
  dialog = late.page.waitForEvent('dialog');
  const lateClosed = late.page.waitForEvent('close');
  await late.page.close({ runBeforeUnload: true });
  await (await dialog).accept();
  await lateClosed;

  // Storage full: the save fails, so leaving asks.
  const full = await secondTab(context, app.baseUrl);
  await full.app.open();
  await full.app.showField('Postleitzahl', 'Angaben zur Kommune');
  await fillStorage(full.page);
  await full.app.input('Postleitzahl').click();
  await full.app.input('Postleitzahl').pressSequentially('99999');
  await full.page.getByRole('alert').filter({ hasText: 'Der Speicher des Browsers ist voll' }).waitFor();
  dialog = full.page.waitForEvent('dialog');
  const fullClosed = full.page.waitForEvent('close');
  await full.page.close({ runBeforeUnload: true });
  question = await dialog;
  assert.equal(question.type(), 'beforeunload');
  await question.accept();
  await fullClosed;
  await freeStorage(app.page);
  app.assertNoPageErrors();
});

test('two tabs: the other tab saves again while the merge page is open; "Zusammenführen" then says so, shows the new differences, and the merge it reports is stored', async (t) => {
  const { app, second } = await twoTabs(t, { secondMissesSaves: true });

  await app.input('Name der Kommune').fill('Stadt A');
  await app.waitForDraftSaved(DEFAULT_ID, 'Stadt A');
  await second.app.input('Name der Kommune').fill('Stadt B');
  await second.page.getByRole('alert').filter({ hasText: 'Dieser Entwurf wurde in einem anderen Tab geändert' }).waitFor();
  await second.app.button('Neuere Antworten laden').click();
  await second.app.waitForPage('Entwürfe zusammenführen');
  const mine = () => second.app.group('Name der Kommune').getByRole('radio', { name: 'Meine Antwort' });
  await mine().check();

  // Meanwhile the first tab saves again.
  await app.input('Postleitzahl').fill('11111');
  await app.waitForDraftSaved(DEFAULT_ID, '11111');

  await second.app.button('Zusammenführen').click();
  const again = second.page.getByRole('alert').filter({ hasText: 'Im anderen Tab wurde inzwischen wieder gespeichert' });
  await again.waitFor();
  assert.match(await again.innerText(), /Es wurde noch nichts zusammengeführt/);
  await second.app.waitForPage('Entwürfe zusammenführen');
  assert.match(await second.app.text(), /11111/, "the new plan takes the other tab's newer answer");
  assert.equal(await second.page.getByRole('status').filter({ hasText: 'zusammengeführt:' }).count(), 0, 'no success reported');
  assert.ok(await mine().isChecked(), 'the choice made stays where the new plan asks the same');
  let [stored] = await second.app.storedDrafts(DEFAULT_ID);
  assert.equal(stored.draft.answers.municipality_name, 'Stadt A', 'nothing was written');
  await screenshot(second.page, t.name, 'merge-again');
  await assertAccessible(second.page, 'the merge page after the other tab saved again');

  await second.app.button('Zusammenführen').click();
  await second.app.notice(/^Die Antworten aus dem anderen Tab wurden zusammengeführt/).waitFor();
  [stored] = await second.app.storedDrafts(DEFAULT_ID);
  assert.equal(stored.draft.answers.municipality_name, 'Stadt B', 'what the page reports merged is stored');
  assert.equal(stored.draft.answers.office_postcode, '11111');
  assert.equal(await second.page.getByRole('alert').filter({ hasText: 'Dieser Entwurf wurde in einem anderen Tab geändert' }).count(), 0, 'not read-only again');
  await second.app.openSection('Angaben zur Kommune');
  await second.app.input('Ort').fill('Beistadt an der Ruhr');
  await second.app.waitForDraftSaved(DEFAULT_ID, 'Beistadt an der Ruhr');
  second.app.assertNoPageErrors();
  app.assertNoPageErrors();
});

test("a colleague's draft file opened as a new draft twice: every draft has a name of its own, in the page's language; a draft file is never named entwurf-entwurf", async (t) => {
  const { app, page } = await h.page(t);
  await app.open();
  await app.showField('Name der Kommune', 'Angaben zur Kommune');
  await app.input('Name der Kommune').fill('Stadt A');
  await app.waitForDraftSaved(DEFAULT_ID, 'Stadt A');
  const colleague = await app.downloadDraft();
  assert.match(colleague.fileName, /^erfolgreiche-integration-2005-entwurf-1-\d{4}-\d{2}-\d{2}\.json$/);
  assert.equal(colleague.json.name, 'Entwurf 1');

  for (const name of ['Entwurf 2', 'Entwurf 3']) {
    await openDraftFile(app, draftFile(colleague.text, colleague.fileName), OPEN_AS_NEW);
    await app.notice(`Der Entwurf aus der Datei „${colleague.fileName}“ wurde als neuer Entwurf „${name}“ geöffnet.`).waitFor();
  }
  assert.deepEqual((await app.drafts()).map((d) => [d.name, d.open]), [['Entwurf 1', false], ['Entwurf 2', false], ['Entwurf 3', true]]);
  for (const name of ['Entwurf 1', 'Entwurf 2', 'Entwurf 3']) {
    assert.equal(await app.draftAction('Löschen', name).count(), 1, `one "Löschen" button for ${name}`);
  }
  // A copy and a name typed by hand never take a name in use either.
  await app.draftAction('Kopieren', 'Entwurf 2').click();
  await app.notice('Die Kopie „Kopie von Entwurf 2“ wurde angelegt.').waitFor();
  await app.draftAction('Kopieren', 'Entwurf 2').click();
  await app.notice('Die Kopie „Kopie von Entwurf 2 (2)“ wurde angelegt.').waitFor();
  await app.draftAction('Umbenennen', 'Entwurf 3').click();
  await app.waitForPage('Entwurf umbenennen');
  await app.input('Name des Entwurfs').fill('entwurf 1');
  await app.button('Namen speichern').click();
  await app.waitForFocus(app.errorSummary());
  assert.deepEqual(await app.errorSummaryLinks(), ['Es gibt schon einen Entwurf mit diesem Namen. Geben Sie einen anderen Namen ein']);
  await app.input('Name des Entwurfs').fill('Entwurf 3');
  await app.button('Namen speichern').click();
  await app.notice('Der Entwurf heißt jetzt „Entwurf 3“.').waitFor();

  // In English a draft from the file is named the English way.
  await app.control('English').click();
  await page.waitForFunction(() => document.documentElement.lang === 'en', null, { polling: 50 });
  await app.startPage();
  await page.getByLabel('Choose a file (questionnaire or draft)').setInputFiles(draftFile(colleague.text, colleague.fileName));
  await app.waitForPage('Open a draft from a file');
  await page.getByRole('radio', { name: 'Open it as a new draft', exact: true }).check();
  await app.button('Continue').click();
  await app.notice(`The draft from the file “${colleague.fileName}” was opened as the new draft “Draft 6”.`).waitFor();
  await screenshot(page, t.name, 'list');
  app.assertNoPageErrors();
});

test('a tab on an older questionnaire version that loads a newer tab\'s answers says how many it kept aside, and links to them', async (t) => {
  const { app, context, page } = await h.page(t);
  const v100 = `${REPO_ROOT}/tests/fixtures/versions/integration-kurzbogen-1.0.0.json`;
  const v110 = `${REPO_ROOT}/tests/fixtures/versions/integration-kurzbogen-1.1.0.json`;
  await app.openFile(v100);
  await app.showField('Name der Kommune', 'Kommune');
  const newer = await secondTab(context, app.baseUrl);
  await newer.app.openFile(v110);
  await newer.app.showField('E-Mail der Ansprechperson', 'Kommune');
  await newer.app.input('E-Mail der Ansprechperson').fill('integration@solingen.de');
  await newer.app.input('Name der Kommune').fill('Stadt Solingen');
  await newer.app.waitForDraftSaved('integration-kurzbogen', 'integration@solingen.de');

  await page.getByRole('alert').filter({ hasText: 'Dieser Entwurf wurde in einem anderen Tab geändert' }).waitFor();
  await app.button('Neuere Antworten laden').click();
  const flash = page.getByRole('status').filter({ hasText: 'Die neueren Antworten aus dem anderen Tab wurden geladen.' });
  await flash.waitFor();
  const said = await flash.innerText();
  assert.match(said, /Eine Antwort passt nicht mehr zu den Fragen und wurde beiseitegelegt\. Sie bleibt im Entwurf erhalten\./);
  assert.doesNotMatch(said, /Sie können weiterarbeiten/);
  await app.assertValue(app.input('Name der Kommune'), 'Stadt Solingen');
  await screenshot(page, t.name, 'loaded');
  await assertAccessible(page, 'a page after loading newer answers with some kept aside');
  await flash.getByRole('link', { name: 'Beiseitegelegte Antworten ansehen' }).click();
  await app.waitForPage('Beiseitegelegte Antworten');
  assert.match(await app.text(), /contact_email/);
  assert.equal(await page.getByLabel('Antwort zum Kopieren').inputValue(), 'integration@solingen.de');
  app.assertNoPageErrors();
});

test('a hand-edited draft file: a savedAt that is no time shows as unknown, and opened as a new draft its unfit answers are stored kept aside at once', async (t) => {
  const { app, page } = await h.page(t);
  await app.open();
  await app.startPage();
  const base = {
    format: 'bogen-draft', formatVersion: 2, questionnaireId: DEFAULT_ID, questionnaireVersion: '1.0.0',
    questionnaireSha256: 'baebd95c9488a63a13dde8f5367b0bb87ac4b6f1b0e3c2a72f547f9357fb981a', draftId: 'b8506f973341c06c', name: 'Von Hand', revision: 2, answeredAt: {}, keptAside: [],
  };
  await app.chooseFile(draftFile({ ...base, savedAt: 'gestern', answers: { municipality_name: 'Stadt Solingen' } }, 'gestern.json'));
  await app.waitForPage('Entwurf aus einer Datei öffnen');
  assert.match(await app.text(), /Die Datei „gestern\.json“ enthält den Entwurf „Von Hand“, Zeitpunkt des Speicherns unbekannt\./);
  assert.doesNotMatch(await app.text(), /gespeichert am gestern/);
  await app.button('Abbrechen').click();

  const edited = { ...base, savedAt: '2026-11-28T01:46:55.769Z', answers: { municipality_name: 'Stadt Solingen', municipality_kind: 'metropole', ghost_q: 'boo' } };
  await openDraftFile(app, draftFile(edited, 'von-hand.json'), OPEN_AS_NEW);
  await app.notice('Der Entwurf aus der Datei „von-hand.json“ wurde als neuer Entwurf „Von Hand“ geöffnet.').waitFor();
  const stored = (await app.storedDrafts(DEFAULT_ID)).find(({ draft }) => draft.name === 'Von Hand').draft;
  assert.equal(stored.answers.municipality_name, 'Stadt Solingen');
  assert.ok(!('ghost_q' in stored.answers) && !('municipality_kind' in stored.answers), 'only answers that fit are in answers');
  assert.deepEqual(stored.keptAside.map((k) => [k.questionId, k.value, k.reason.kind]).sort(), [
    ['ghost_q', 'boo', 'unknownQuestion'],
    ['municipality_kind', 'metropole', 'optionsRemoved'],
  ].sort());
  assert.match(await app.text(), /2 Antworten passen nicht mehr zu den Fragen und wurden beiseitegelegt/);
  app.assertNoPageErrors();
});

test('the draft the app named by itself follows the language while nothing is answered in it: "Entwurf 1" is "Draft 1" in English', async (t) => {
  const { app, page } = await h.page(t);
  await app.open();
  await app.startPage();
  assert.deepEqual((await app.drafts()).map((d) => d.name), ['Entwurf 1']);
  await app.control('English').click();
  await page.waitForFunction(() => document.documentElement.lang === 'en', null, { polling: 50 });
  await eventually(async () => (await app.drafts()).map((d) => d.name), (names) => names.join() === 'Draft 1');
  await eventually(async () => (await app.storedDrafts(DEFAULT_ID)).map(({ draft }) => draft.name), (names) => names.join() === 'Draft 1');
  // Once answered, the name is the draft's own and stays.
  await app.showField('Name of the municipality', 'About the municipality');
  await app.input('Name of the municipality').fill('Stadt A');
  await app.waitForDraftSaved(DEFAULT_ID, 'Stadt A');
  await app.control('Deutsch').click();
  await page.waitForFunction(() => document.documentElement.lang === 'de', null, { polling: 50 });
  await app.startPage();
  assert.deepEqual((await app.drafts()).map((d) => d.name), ['Draft 1']);
  app.assertNoPageErrors();
});

test('on a 375 px screen the list of drafts fits: each draft stacked, its progress, time saved and actions in view, German and English', async (t) => {
  const { app, page } = await h.page(t);
  await page.setViewportSize({ width: 375, height: 800 });
  await app.open();
  await app.showField('Name der Kommune', 'Angaben zur Kommune');
  await app.input('Name der Kommune').fill('Stadt A');
  await app.waitForDraftSaved(DEFAULT_ID, 'Stadt A');
  await app.startPage();
  for (const [lang, saved, actions] of [
    ['de', 'Zuletzt gespeichert', ['Umbenennen', 'Kopieren', 'Löschen']],
    ['en', 'Last saved', ['Rename', 'Copy', 'Delete']],
  ]) {
    if (lang === 'en') await app.control('English').click();
    const section = app.draftsSection();
    await section.getByRole('button', { name: new RegExp(`^${actions[0]}`) }).waitFor();
    await section.scrollIntoViewIfNeeded();
    const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(pageWidth <= 375, `${lang}: the page is ${pageWidth} px wide on a 375 px screen`);
    const inView = async (locator) => {
      const box = await locator.boundingBox();
      return box !== null && box.x >= 0 && box.x + box.width <= 375;
    };
    // Stacked, each cell names its column before its value ("Zuletzt gespeichert: 28.11.2026, …").
    const snapshot = await section.ariaSnapshot();
    assert.match(snapshot, new RegExp(`${saved}: \\d`), `${lang}: the time saved is named "${saved}":\n${snapshot}`);
    assert.ok(await inView(section.getByText(/\d{1,2}:\d{2}/).first()), `${lang}: the time saved is not cut off`);
    for (const action of actions) {
      const button = section.getByRole('button', { name: new RegExp(`^${action}`) });
      assert.ok(await inView(button), `${lang}: "${action}" is on the screen`);
    }
    await screenshot(page, t.name, `375-${lang}`);
  }
  app.assertNoPageErrors();
});
