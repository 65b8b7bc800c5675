// The two example questionnaires (questionnaire/examples/), which together use every question
// type, answered in full, page by page, in the JSON form of docs/FORMAT.md (section 12); and
// what the app shows for such an answer. Used by drafts.test.mjs to fill the examples through
// the app and to build draft files of them.
import { Expectation, loadQuestionnaire, text } from './questionnaire.mjs';
import { REPO_ROOT } from './server.mjs';

export const KITA_FILE = `${REPO_ROOT}/questionnaire/examples/kita-umfrage.json`;
export const VEREIN_FILE = `${REPO_ROOT}/questionnaire/examples/vereinsfoerderung.json`;

export const EXAMPLES = [
  {
    file: KITA_FILE,
    model: new Expectation(loadQuestionnaire(KITA_FILE)),
    // singleChoice (radios), repeat, yesNo, decimal, multipleChoice with "other", date, longText,
    // text, matrix, email, phone (and calculated values, which are not answers).
    pages: {
      household: {
        district: 'nord',
        children: [
          { age: 3, care_now: 'kita', care_hours: 35, wants_change: true },
          { age: 1, care_now: 'tagespflege', care_hours: 20, wants_change: false },
        ],
        family_centre: true,
        uses_care: true,
        working_hours: 62.5,
      },
      needs: {
        care_needs: { selected: ['ganztag', 'wochenende'], other: 'Schichtdienst' },
        most_important: 'ganztag',
        start_date: '2027-03-01',
        bridging: 'Die Großeltern helfen aus.\nDienstags die Nachbarin.',
        weekend_reason: 'Wir arbeiten beide im Schichtdienst.',
        holiday_plan: 'Ferienbetreuung der Stadt',
      },
      way: { distance_km: 3.5, transport: 'auto', bus_wanted: true },
      satisfaction_page: {
        satisfaction: { hours: '2', staff: '1', group_size: '3', food: '2', fees: '4' },
        improvement: 'Längere Öffnungszeiten am Freitag.',
        monthly_fee: 180,
      },
      contact: { follow_up: true, email: 'familie@example.org', phone: '0201 123456' },
    },
  },
  {
    file: VEREIN_FILE,
    model: new Expectation(loadQuestionnaire(VEREIN_FILE)),
    // text, singleChoice as a dropdown, date, integer, url, email, phone, longText, repeat with
    // decimal and longText fields, decimal, yesNo. Valid answers: a message appearing when a
    // field is left would move the next field while it is being clicked.
    pages: {
      club: {
        club_name: 'TuS Musterstadt e.V.',
        register_number: 'VR 1234',
        club_type: 'sport',
        founded: '1920-05-01',
        members: 250,
        youth_members: 80,
        website: 'https://tus-musterstadt.example.org',
        contact_email: 'vorstand@tus-musterstadt.example.org',
        contact_phone: '0201 987654',
      },
      project: {
        project_title: 'Sport für alle',
        project_description:
          'Ein Jahr lang offene Trainings für Kinder und Jugendliche aus dem Stadtteil, zweimal in der Woche in der Halle der Grundschule.\n' +
          'Mit Übungsleitern aus dem Stadtteil, die selbst im Verein groß geworden sind; die Eltern sind zu jedem Training eingeladen.',
        project_start: '2026-03-01',
        project_end: '2026-12-31',
        costs: [
          { item: 'Übungsleiter', category: 'honorare', provider: 'Verein', amount: 1500, justification: '10 Stunden im Monat.' },
          { item: 'Bälle', category: 'sachkosten', amount: 300.5 },
        ],
        own_funds: 300.5,
        requested_amount: 1400,
        gap_explanation: 'Spenden der Mitglieder.',
        previous_funding: true,
      },
      previous: { previous_year: 2022, previous_amount: 800, report_submitted: false, report_missing_reason: 'Der Kassenprüfer war krank.' },
      declaration: { confirmation: true },
    },
  },
];

/** Every answer of an example, by question id. */
export function allAnswers(example) {
  return Object.assign({}, ...Object.values(example.pages));
}

/** The questionnaire's entry of question `id` (top-level questions only). */
export function questionOf(example, id) {
  return example.model.question(id);
}

/**
 * A number as the app shows it in German: decimal comma, thousands grouped from four digits on,
 * but years (whole numbers whose min and max lie within 1000 to 9999) not.
 */
const germanNumber = (n, question = {}) => {
  const [int, frac] = String(n).split('.');
  const year = question.type === 'integer' && question.min >= 1000 && question.max <= 9999;
  const grouped = year || int.replace('-', '').length < 4 ? int : int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return frac === undefined ? grouped : `${grouped},${frac}`;
};
const germanDate = (iso) => iso.split('-').reverse().join('.');
const label = (list, value) => text(list.find((o) => o.value === value).label);

/**
 * What the app shows for an answer (German), as pieces each of which must appear: the text of
 * a text, a number in German notation, a date as 01.03.2027, option labels, "Ja"/"Nein", a
 * matrix row as "row: value", a record's fields as "label: value".
 */
/** A field's label before its value, as the app writes it: no colon after "?" or ":". */
const labelBefore = (label) => (/[?:]$/.test(label) ? `${label} ` : `${label}: `);

export function shownPieces(question, value) {
  switch (question.type) {
    case 'text':
    case 'email':
    case 'url':
    case 'phone':
      return [value];
    case 'longText':
      return value.split('\n');
    case 'integer':
    case 'decimal':
      return [germanNumber(value, question)];
    case 'date':
      return [germanDate(value)];
    case 'yesNo':
      return [value ? 'Ja' : 'Nein'];
    case 'singleChoice':
      return [label(question.options, value)];
    case 'multipleChoice': {
      const { selected = [], other = null } = Array.isArray(value) ? { selected: value } : value;
      return [...selected.map((v) => label(question.options, v)), ...(other ? [`Sonstiges: ${other}`] : [])];
    }
    case 'matrix':
      return Object.entries(value).map(([row, v]) => `${label(question.rows, row)}: ${label(question.options, v)}`);
    case 'repeat': {
      const records = Array.isArray(value) ? value : [value];
      return records.flatMap((record) =>
        question.fields.filter((f) => f.id in record).flatMap((f) => shownPieces(f, record[f.id]).map((p) => `${labelBefore(text(f.label))}${p}`)),
      );
    }
    default:
      throw new Error(`no shown form for ${question.type}`);
  }
}

/**
 * Another answer of the same type, as a colleague would have given it: a text gets a word
 * more, a number one more, a date a day later, a yes/no flips, a choice takes another option,
 * a multiple choice another set, a matrix another value in its first row; a repeat group keeps
 * its first record, changes the second and gets a third.
 */
export function otherAnswer(question, value) {
  switch (question.type) {
    case 'text':
    case 'longText':
      return `${value} (Kollegin)`;
    case 'email':
      return value.replace('@', '.kollegin@');
    case 'url':
      return value.replace('https://', 'https://kollegin.');
    case 'phone':
      return `${value}-9`;
    case 'integer':
      return value + 1;
    case 'decimal':
      return value + 1.5;
    case 'date': {
      const d = new Date(`${value}T00:00:00Z`);
      d.setUTCDate(d.getUTCDate() + 1);
      return d.toISOString().slice(0, 10);
    }
    case 'yesNo':
      return !value;
    case 'singleChoice':
      return question.options.find((o) => o.value !== value).value;
    case 'multipleChoice': {
      const { selected = [] } = Array.isArray(value) ? { selected: value } : value;
      return [question.options.find((o) => !selected.includes(o.value)).value];
    }
    case 'matrix': {
      const [row, v] = Object.entries(value)[0];
      return { ...value, [row]: question.options.find((o) => o.value !== v).value };
    }
    case 'repeat': {
      const [first, second] = value;
      const field = question.fields.find((f) => f.type === 'integer' || f.type === 'decimal');
      return [first, { ...second, [field.id]: second[field.id] + 1 }, { ...first, [field.id]: first[field.id] + 2 }];
    }
    default:
      throw new Error(`no other answer for ${question.type}`);
  }
}
