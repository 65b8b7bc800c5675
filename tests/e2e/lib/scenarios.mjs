// The default questionnaire filled in as two municipalities would (issue 5): a Landkreis in the
// 2nd round and a Großstadt in the 1st round, as answers per page in the JSON form of
// docs/FORMAT.md (section 12), and walk(), which fills them in page by page the way a person does,
// comparing on every page the questions shown with what the questionnaire file says (see
// lib/questionnaire.mjs). Used by default-questionnaire.test.mjs, signing.test.mjs and
// tools/make-sample-submissions.mjs.
import assert from 'node:assert/strict';
import { Expectation, loadQuestionnaire, text } from './questionnaire.mjs';
import { screenshot } from './screenshot.mjs';

export const FILE = 'questionnaire/erfolgreiche-integration-2005.json';
export const QUESTIONNAIRE = loadQuestionnaire(FILE);

export const DEEPENING_PAGES = ['Entwicklungen seit der 1. Runde', 'Messbare Ergebnisse', 'Besuch der Jury'];
export const MEMBER_QUESTION = 'Wie viele Städte und Gemeinden gehören zu Ihrem Landkreis?';

// Answers per page, in the JSON form of docs/FORMAT.md (section 12), in the order a person fills them.
export const LANDKREIS_ROUND_2 = {
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

export const GROSSSTADT_ROUND_1 = {
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
export const label = (id) => text(new Expectation(QUESTIONNAIRE).question(id).label);

/**
 * Walks every page the model says is visible, in task-list order: compares the questions shown
 * before and after filling in the page's answers, answers with the model's labels, and where the
 * page was filled in presses Weiter and expects the next visible page (or the review). With a
 * test `t`, each page is saved as a screenshot.
 */
export async function walk(t, app, page, scenario, checks = {}) {
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
    if (t) await screenshot(page, t.name, title);

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

/**
 * The Großstadt of the 1st round with every page of that round answered, so that no error is
 * left and the application can be signed: GROSSSTADT_ROUND_1 plus the pages it leaves open.
 */
export const GROSSSTADT_ROUND_1_COMPLETE = {
  ...GROSSSTADT_ROUND_1,
  success: {
    policy_history: 'Seit 1995 ein Ausländerbeirat, seit 2000 eine Stabsstelle Integration.',
    policy_profile: 'Integration als Querschnittsaufgabe aller Ämter, mit Stadtteilarbeit.',
    policy_achievements: 'Mehr Einbürgerungen und mehr Auszubildende mit Migrationshintergrund in der Verwaltung.',
    success_measured: false,
    success_not_measured: 'Eine Wirkungsmessung beginnt 2005 mit dem ersten Integrationsbericht.',
  },
  networks: {
    integration_networks: [{ network_name: 'Netzwerk Stadtteilmütter', network_partners: 'Familienzentren, Moscheevereine, Volkshochschule' }],
    cooperation: {
      schulen: 'eng',
      arbeitsverwaltung: 'gelegentlich',
      wohlfahrtsverbaende: 'eng',
      migrantenorganisationen: 'eng',
      wohnungswirtschaft: 'gelegentlich',
      wirtschaft: 'keine',
      polizei: 'gelegentlich',
      religionsgemeinschaften: 'eng',
    },
  },
  municipal_measures: {
    fields_of_action: { sprache: 'stark', bildung: 'mittel', arbeit: 'mittel', wohnen: 'mittel', kultur: 'stark', gesundheit: 'wenig' },
    measures: [
      { title: 'Stadtteilmütter', field: 'bildung', target_group: 'Familien mit kleinen Kindern', budget: 85000, evaluated: true },
      { title: 'Sprachkurse im Rathaus', field: 'sprache', target_group: 'Neu zugewanderte Erwachsene', budget: 40000, evaluated: false },
    ],
  },
  intercultural_skills: { training_concept: false },
  proactive_personnel: { trainees_total: 120, trainees_migration: 18 },
  openness: {
    info_languages: { selected: ['tuerkisch', 'russisch'] },
    info_areas: { selected: ['auslaenderbehoerde'] },
    interpreting_service: true,
    service_guarantees: false,
  },
  evaluation: { evaluation_practice: 'nicht' },
  scientific_support: { supported_by_science: false },
  indicators: { indicators_used: { selected: ['arbeitslosigkeit'] }, indicator_system: false },
};
