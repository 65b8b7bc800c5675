// Issue 5: the default questionnaire, filled as a Landkreis in the 2nd round and as a Großstadt in
// the 1st round. On every page the questions shown are compared, as a whole list, with what the
// questionnaire file says should be shown for the answers given so far (lib/questionnaire.mjs
// works that out from the JSON on its own); a few follow-ups are also spelt out by hand. The task
// list must offer exactly the pages of that round, calculated shares must read the German way, and
// a page filled in completely must be "Erledigt".
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { harness } from './lib/harness.mjs';
import { Expectation, loadQuestionnaire, text } from './lib/questionnaire.mjs';
import { screenshot } from './lib/screenshot.mjs';

const h = harness();
const FILE = 'questionnaire/erfolgreiche-integration-2005.json';
const QUESTIONNAIRE = loadQuestionnaire(FILE);

const DEEPENING_PAGES = ['Entwicklungen seit der 1. Runde', 'Messbare Ergebnisse', 'Besuch der Jury'];
const MEMBER_QUESTION = 'Wie viele Städte und Gemeinden gehören zu Ihrem Landkreis?';

// Answers per page, in the JSON form of docs/FORMAT.md (section 12), in the order a person fills them.
const LANDKREIS_ROUND_2 = {
  municipality: {
    application_round: '2',
    municipality_name: 'Landkreis Musterland',
    municipality_kind: 'landkreis',
    member_municipalities: 42,
    federal_state: 'niedersachsen',
    inhabitants: 589000,
    municipality_website: 'http://www.musterland.de',
    office_in_charge: 'Stabsstelle Integration',
    office_street: 'Am Schölerberg 1',
    office_postcode: '49082',
    office_city: 'Musterstadt',
    contact_name: 'Erika Mustermann',
    contact_function: 'Integrationsbeauftragte',
    contact_email: 'integration@musterland.de',
    contact_phone: '0541 501-0',
  },
  status_indicators: {
    foreign_residents: 132000,
    resettlers_statistics: true,
    resettlers: 30000,
    naturalised_statistics: true,
    naturalised_residents: 45000,
    youth_statistics: true,
    youth_migration_share: 31.5,
    youth_migration_source: 'eigene Erhebung des Kreises 2003',
    unemployment_rate: 9.8,
    unemployment_foreign_statistics: true,
    unemployment_rate_foreign: 21.3,
  },
  success: {
    policy_history: 'Seit 1998 ein Integrationsbüro, seit 2001 ein Gesamtkonzept.',
    policy_profile: 'Sprachförderung von Anfang an, in allen Gemeinden des Kreises.',
    policy_achievements: 'Mehr Kinder mit guten Deutschkenntnissen bei der Einschulung.',
    success_measured: true,
    success_evidence_kinds: { selected: ['sprachstand', 'statistik'] },
    success_evidence: 'Sprachstand bei der Einschulung: 2001 58 %, 2004 71 % ausreichend.',
  },
  strategic_steering: {
    overall_concept: true,
    concept_year: 2001,
    concept_title: 'Integrationskonzept Landkreis Musterland',
    concept_goals: 'Gleiche Bildungschancen; gemessen an Schulabschlüssen.',
  },
  political_commitment: {
    top_priority: true,
    top_priority_how: 'Der Landrat leitet die Lenkungsgruppe selbst.',
    coordination_office: 'keine',
    council_consensus: 'ja',
  },
  networks: {
    integration_networks: [{ network_name: 'Runder Tisch Integration', network_partners: 'Schulen, Arbeitsagentur, Vereine' }],
    cooperation: {
      schulen: 'eng',
      arbeitsverwaltung: 'eng',
      wohlfahrtsverbaende: 'gelegentlich',
      migrantenorganisationen: 'gelegentlich',
      wohnungswirtschaft: 'keine',
      wirtschaft: 'gelegentlich',
      polizei: 'keine',
      religionsgemeinschaften: 'gelegentlich',
    },
  },
  participation: {
    migrant_organisations: 0,
    advisory_council: 'nein',
    civic_engagement: 'Patenschaften für neu zugewanderte Familien.',
  },
  municipal_measures: {
    fields_of_action: { sprache: 'stark', bildung: 'stark', arbeit: 'mittel', wohnen: 'wenig', kultur: 'mittel', gesundheit: 'gar_nicht' },
    measures: [{ title: 'Mama lernt Deutsch', field: 'sprache', target_group: 'Mütter von Kindergartenkindern', budget: 12000, evaluated: false }],
  },
  intercultural_skills: { training_concept: false },
  proactive_personnel: { trainees_total: 40, trainees_migration: 6 },
  openness: {
    info_languages: { selected: ['tuerkisch', 'russisch'] },
    info_areas: { selected: ['auslaenderbehoerde'] },
    interpreting_service: true,
    service_guarantees: false,
  },
  evaluation: { evaluation_practice: 'nicht' },
  public_accountability: { integration_report: false, accountability_other: 'Jährlich im Kreistag und in der Presse.' },
  scientific_support: { supported_by_science: false },
  indicators: { indicators_used: { selected: ['arbeitslosigkeit'] }, indicator_system: true },
  deepening_developments: {
    developments: 'Ein zweites Sprachförderprogramm für Schulkinder.',
    deepening_focus: 'Die Zusammenarbeit aller Gemeinden im Kreis.',
  },
  deepening_results: {
    result_indicators: [
      { indicator_name: 'Kinder mit Sprachförderbedarf bei der Einschulung', indicator_unit: '%', baseline_year: 2001, baseline_value: 42, latest_year: 2004, latest_value: 29.5 },
    ],
  },
  deepening_visit: {
    visit_suggestions: 'Das Sprachcafé in Bramsche.',
    visit_preferred_date: '2005-03-01',
    visit_contact_name: 'Max Mustermann',
    visit_contact_phone: '0541 501-1234',
  },
  declaration: {
    information_correct: { selected: ['confirmed'] },
    publication_consent: true,
    signatory_name: 'Dr. Hans Muster',
    signatory_function: 'Landrat',
    declaration_date: '2004-12-20',
  },
};

const GROSSSTADT_ROUND_1 = {
  municipality: {
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
  },
  status_indicators: {
    foreign_residents: 132000,
    resettlers_statistics: false,
    resettlers_explanation: 'Aussiedler werden als Deutsche nicht gesondert gezählt; geschätzt 20.000.',
    naturalised_statistics: true,
    naturalised_residents: 50000,
    youth_statistics: false,
    youth_explanation: 'Keine Erhebung; geschätzt etwa 40 %.',
    unemployment_rate: 12.1,
    unemployment_foreign_statistics: false,
    unemployment_foreign_explanation: 'Die Arbeitsagentur weist die Quote nicht für die Stadt aus.',
  },
  strategic_steering: {
    overall_concept: false,
    concept_missing: 'Über die Lenkungsgruppe; ein Konzept ist in Vorbereitung.',
  },
  political_commitment: {
    top_priority: false,
    coordination_office: 'stabsstelle',
    coordination_office_name: 'Stabsstelle Integration',
    coordination_staff: 2.5,
    council_consensus: 'ueberwiegend',
    council_committee: true,
  },
  participation: {
    migrant_organisations: 25,
    migrant_organisations_involvement: { selected: ['beiraete'], other: 'Runder Tisch der Moscheevereine' },
    advisory_council: 'integrationsbeirat',
    advisory_council_elected: true,
    advisory_council_rights: 'Antragsrecht im Rat.',
    civic_engagement: 'Stadtteilmütter und Patenschaften.',
  },
  public_accountability: {
    integration_report: true,
    report_year: 2003,
    report_frequency: 'jaehrlich',
    report_url: 'http://www.musterstadt.de/integrationsbericht',
    report_council: true,
  },
  declaration: {
    information_correct: { selected: ['confirmed'] },
    publication_consent: false,
    signatory_name: 'Petra Beispiel',
    signatory_function: 'Oberbürgermeisterin',
    declaration_date: '2004-09-20',
  },
};

/** The label of question `id` in the file. */
const label = (id) => text(new Expectation(QUESTIONNAIRE).question(id).label);

/**
 * Walks every page the model says is visible, in task-list order: compares the questions shown
 * before and after filling in the page's answers, answers with the model's labels, and where the
 * page was filled in presses Weiter and expects the next visible page (or the review).
 */
async function walk(t, app, page, scenario, checks = {}) {
  const answers = {};
  const model = new Expectation(QUESTIONNAIRE, answers);
  const visited = [];
  let pages = model.visiblePages();
  for (let i = 0; i < pages.length; i++) {
    const section = pages[i];
    const title = text(section.title);
    if (visited.at(-1)?.next !== title) await app.openSection(title);
    else await app.waitForPage(title);
    assert.deepEqual(await app.questionLabels(), model.visibleLabels(section.id), `questions shown on "${title}" before filling it in`);

    const fill = scenario[section.id] ?? {};
    for (const [id, value] of Object.entries(fill)) {
      assert.ok(model.isVisible(id), `the scenario answers ${id}, which the file hides at this point`);
      const question = model.question(id);
      // Two questions of a page may share a label (the two "Warum liegt keine Statistik vor …").
      const shown = model.visibleQuestions(section.id);
      const nth = shown.slice(0, shown.indexOf(question)).filter((q) => text(q.label) === text(question.label)).length;
      await app.answer(question, value, { nth });
      answers[id] = value;
    }
    assert.deepEqual(await app.questionLabels(), model.visibleLabels(section.id), `questions shown on "${title}" after filling it in`);
    await checks[section.id]?.();
    await screenshot(page, t.name, title);

    pages = model.visiblePages();
    const next = pages[i + 1] ? text(pages[i + 1].title) : 'Antworten prüfen';
    if (Object.keys(fill).length) {
      await app.button('Weiter').click();
      await app.waitForPage(next);
      assert.equal(await app.errorSummary().count(), 0, `Weiter on "${title}" showed errors`);
      visited.push({ title, next });
    } else {
      visited.push({ title, next: null });
    }
  }
  return { model, answers };
}

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
