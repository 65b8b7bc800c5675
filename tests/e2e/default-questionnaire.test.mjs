// Issue 5: the default questionnaire, filled as a Landkreis in the 2nd round and as a Großstadt in
// the 1st round. On every page the questions shown are compared, as a whole list, with what the
// questionnaire file says should be shown for the answers given so far (lib/questionnaire.mjs
// works that out from the JSON on its own); a few follow-ups are also spelt out by hand. The task
// list must offer exactly the pages of that round, calculated shares must read the German way, and
// a page filled in completely must be "Erledigt".
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { harness } from './lib/harness.mjs';
import { Expectation, text } from './lib/questionnaire.mjs';
import {
  DEEPENING_PAGES,
  GROSSSTADT_ROUND_1,
  LANDKREIS_ROUND_2,
  MEMBER_QUESTION,
  QUESTIONNAIRE,
  label,
  walk,
} from './lib/scenarios.mjs';
import { screenshot } from './lib/screenshot.mjs';

const h = harness();

/** The expected task list: every page of the file, its status, and whether it is a link. */
function expectedTaskList(model, filled) {
  return model.pages().map((section) => {
    const visible = model.isSectionVisible(section.id);
    // A page not filled in is "Nicht begonnen", even with a pre-filled default (the reference date).
    const status = !visible ? 'Nicht erforderlich' : filled.has(section.id) ? 'Erledigt' : 'Nicht begonnen';
    return { title: text(section.title), status, link: visible };
  });
}

/** The text of the calculated value labelled `name` (an <output>, role status). */
const calculated = (page, name) => page.getByRole('status', { name, exact: true });

async function expectCalculated(page, name, expected) {
  const output = calculated(page, name);
  await output.filter({ hasText: expected }).waitFor({ timeout: 5000 }).catch(() => {});
  assert.equal((await output.innerText()).trim(), expected, `calculated "${name}"`);
}

test('Landkreis, 2nd round: the Vertiefung pages and the Landkreis question are asked, follow-ups match the answers, every page ends "Erledigt"', async (t) => {
  const { app, page } = await h.page(t);
  await app.open();
  await app.startPage();
  await screenshot(page, t.name, 'start-empty');

  const { model } = await walk(t, app, page, LANDKREIS_ROUND_2, {
    municipality: async () => {
      const labels = await app.questionLabels();
      assert.equal(labels[3], MEMBER_QUESTION, 'the member-municipalities question follows the group question for a Landkreis');
    },
    status_indicators: async () => {
      await expectCalculated(page, 'Anteil der ausländischen Einwohner/innen', '22,4 %');
      await expectCalculated(page, 'Anteil der (Spät-)Aussiedler/innen', '5,1 %');
      await expectCalculated(page, 'Anteil der eingebürgerten Einwohner/innen', '7,6 %');
      await expectCalculated(page, 'Anteil der Zugewanderten insgesamt', '35,1 %');
      await expectCalculated(page, 'Abstand zur Arbeitslosenquote insgesamt', '11,5 Prozentpunkte');
    },
    strategic_steering: async () => {
      // Spelt out by hand as well: "yes" asks for the year, title, web address and goals, not the alternative.
      assert.deepEqual(await app.questionLabels(), [
        'Hat der Rat (bzw. Kreistag) ein Gesamtkonzept zur Integration beschlossen?',
        'In welchem Jahr wurde das Konzept beschlossen?',
        'Wie heißt das Konzept?',
        'Wo ist das Konzept im Internet veröffentlicht?',
        'Welche Ziele setzt das Konzept, und woran messen Sie, ob sie erreicht werden?',
      ]);
    },
    political_commitment: async () => {
      const labels = await app.questionLabels();
      assert.ok(labels.includes('Woran zeigt sich das?'), '"Chefsache" yes asks how it shows');
      assert.ok(!labels.includes('Wie heißt diese Stelle?'), 'no central office: its name is not asked');
      assert.ok(!labels.includes('Mit wie vielen Stellen ist sie ausgestattet?'), 'no central office: its posts are not asked');
    },
    municipal_measures: async () => {
      await expectCalculated(page, 'Anzahl der genannten Maßnahmen', '1');
      await expectCalculated(page, 'Jährliche Ausgaben für die genannten Maßnahmen', '12.000 EUR');
    },
    proactive_personnel: async () => {
      await expectCalculated(page, 'Anteil der Auszubildenden mit Migrationshintergrund', '15,0 %');
    },
    deepening_visit: async () => {
      assert.ok((await app.questionLabels()).includes('Unter welcher Telefonnummer ist diese Person erreichbar?'));
    },
  });

  // Every page of the 2nd round, the three Vertiefung pages among them, is a link and "Erledigt".
  await app.startPage();
  await screenshot(page, t.name, 'start-complete');
  const filled = new Set(Object.keys(LANDKREIS_ROUND_2));
  const expected = expectedTaskList(model, filled);
  assert.deepEqual(await app.taskList(), expected);
  for (const title of DEEPENING_PAGES) {
    assert.ok(expected.some((p) => p.title === title && p.link && p.status === 'Erledigt'), `${title} is offered in round 2`);
  }
  assert.equal(await app.progress().innerText(), '19 von 19 Abschnitten erledigt');
  app.assertNoPageErrors();
});

test('Großstadt, 1st round: no Vertiefung pages and no Landkreis question, follow-ups match the answers, filled pages "Erledigt"', async (t) => {
  const { app, page } = await h.page(t);
  await app.open();
  await app.startPage();

  const { model } = await walk(t, app, page, GROSSSTADT_ROUND_1, {
    municipality: async () => {
      assert.ok(!(await app.questionLabels()).includes(MEMBER_QUESTION), 'a Großstadt is not asked for its member municipalities');
      assert.equal(await app.input(MEMBER_QUESTION).count(), 0);
    },
    status_indicators: async () => {
      await expectCalculated(page, 'Anteil der ausländischen Einwohner/innen', '22,4 %');
      await expectCalculated(page, 'Anteil der eingebürgerten Einwohner/innen', '8,5 %');
      const labels = await app.questionLabels();
      // No resettler statistics: the explanation instead of the number and its share; so no total share either.
      assert.ok(labels.includes('Warum liegt keine Statistik vor, und wie schätzen Sie die Zahl ein?'));
      for (const hidden of [
        'Wie viele (Spät-)Aussiedler/innen leben in Ihrer Kommune?',
        'Anteil der (Spät-)Aussiedler/innen',
        'Anteil der Zugewanderten insgesamt',
        'Abstand zur Arbeitslosenquote insgesamt',
      ]) {
        assert.ok(!labels.includes(hidden), `"${hidden}" is hidden`);
      }
    },
    strategic_steering: async () => {
      // "No" asks how the city steers without a concept, and nothing about a concept.
      assert.deepEqual(await app.questionLabels(), [
        'Hat der Rat (bzw. Kreistag) ein Gesamtkonzept zur Integration beschlossen?',
        'Wie steuern Sie Ihre Integrationspolitik ohne Gesamtkonzept?',
      ]);
    },
    political_commitment: async () => {
      const labels = await app.questionLabels();
      assert.ok(!labels.includes('Woran zeigt sich das?'), '"Chefsache" no: not asked how it shows');
      assert.ok(labels.includes('Wie heißt diese Stelle?') && labels.includes('Mit wie vielen Stellen ist sie ausgestattet?'));
    },
    participation: async () => {
      const labels = await app.questionLabels();
      for (const shown of [label('migrant_organisations_involvement'), label('advisory_council_elected'), label('advisory_council_rights')]) {
        assert.ok(labels.includes(shown), `"${shown}" is asked`);
      }
      await app.assertValue(app.input('Bitte angeben', app.group(label('migrant_organisations_involvement'))), 'Runder Tisch der Moscheevereine');
    },
  });

  await app.startPage();
  await screenshot(page, t.name, 'start-after');
  const filled = new Set(Object.keys(GROSSSTADT_ROUND_1));
  const expected = expectedTaskList(model, filled);
  assert.deepEqual(await app.taskList(), expected);
  for (const title of DEEPENING_PAGES) {
    assert.deepEqual(
      expected.find((p) => p.title === title),
      { title, status: 'Nicht erforderlich', link: false },
      `${title} is not offered in round 1`,
    );
    assert.equal(await page.getByRole('main').getByRole('link', { name: title }).count(), 0, `no link to ${title}`);
  }
  assert.equal(await app.progress().innerText(), '7 von 16 Abschnitten erledigt');
  app.assertNoPageErrors();
});
