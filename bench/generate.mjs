// Generates the benchmark's questionnaires, the same questions in Bogen's format and in SurveyJS's
// JSON, for each size and mode, plus a Bogen draft that answers every question (for the autosave).
//
//   node bench/generate.mjs [--sizes 150,2000] [--seed 13] [--out bench/out/questionnaires]
//
// Deterministic: the structure is fixed and the label texts come from a seeded generator, so the
// same seed gives byte-identical files.
//
// Each section has the same 25 positions (SECTION_PATTERN): every question type of the two
// systems' overlap, 6 of 25 questions with a condition of their own (24 %), 8 of 25 required
// (32 %) plus one `requiredIf`, a calculation and a cross-field rule. Every tenth section (s % 10
// = 5) is shown only when a yes/no question of the section before it is answered "yes".
// Conditions only test things that are false while unanswered (`= 'b'`, `> 1000`, `= true`,
// `in`, `not empty`), so Bogen's rule (unanswered is unknown, and unknown hides) and SurveyJS's
// (an empty value fails these comparisons) show exactly the same questions.
//
// Modes:
// - `page`: one page per section (Bogen: one section each; SurveyJS: one page each).
// - `single`: all questions on one page. Bogen: one section; SurveyJS: one page. A question of
//   a conditional section gets the section's condition joined to its own with `and`, so the
//   same questions show as in `page` mode.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readOptions } from './lib/options.mjs';
import { seededRandom } from './lib/stats.mjs';

export const QUESTIONS_PER_SECTION = 25;

const SUBJECTS = [
  'die Integrationsbeauftragte', 'der Ausländerbeirat', 'die Volkshochschule', 'das Jugendamt', 'die Schulen',
  'die Sportvereine', 'die Migrantenorganisationen', 'das Jobcenter', 'die Kindertagesstätten', 'die Polizei',
  'die Wohnungsbaugesellschaft', 'die Stadtbibliothek', 'die Kirchengemeinden', 'die Beratungsstellen',
];
const TOPICS = [
  'Sprachförderung', 'Elternarbeit', 'Ausbildung', 'Wohnen im Quartier', 'Gesundheit', 'Sport und Freizeit',
  'interkulturelle Öffnung', 'Einbürgerung', 'Beratung', 'Kultur', 'Nachbarschaft', 'Arbeitsmarkt',
];
const pick = (r, list) => list[Math.floor(r() * list.length)];

// Positions of a section: [kind, options]. `cond` names the condition by the position it reads.
// The order puts the controlling question before the questions it shows.
export const SECTION_PATTERN = [
  { pos: 0, type: 'singleChoice', required: true, role: 'trigger' }, // shows pos 4 when 'b'
  { pos: 1, type: 'integer', required: true }, // shows pos 16 when > 1000
  { pos: 2, type: 'text', required: true, role: 'typing' }, // the field typed into
  { pos: 3, type: 'longText', maxLength: 500 },
  { pos: 4, type: 'text', required: true, cond: { op: 'eq', pos: 0, value: 'b' }, role: 'shown' },
  { pos: 5, type: 'decimal', min: 0, max: 100 },
  { pos: 6, type: 'multipleChoice', other: true },
  { pos: 7, type: 'yesNo', required: true }, // shows pos 17; the next section's condition (s % 10 = 5)
  { pos: 8, type: 'date' },
  { pos: 9, type: 'email', required: true },
  { pos: 10, type: 'url' },
  { pos: 11, type: 'phone' },
  { pos: 12, type: 'matrix' },
  { pos: 13, type: 'dropdown', required: true },
  { pos: 14, type: 'repeat' },
  { pos: 15, type: 'calculated' }, // round(pos5 * 2, 1)
  { pos: 16, type: 'integer', cond: { op: 'gt', pos: 1, value: 1000 } },
  { pos: 17, type: 'longText', cond: { op: 'isTrue', pos: 7 } },
  { pos: 18, type: 'text', cond: { op: 'contains', pos: 6, value: 'x' } },
  { pos: 19, type: 'text', requiredIf: { op: 'eq', pos: 0, value: 'a' } },
  { pos: 20, type: 'yesNo', cond: { op: 'anyof', pos: 13, value: ['d1', 'd2'] } },
  { pos: 21, type: 'text', pattern: '[0-9]{5}' },
  { pos: 22, type: 'integer', min: 0, rule: { pos: 1 } }, // must be <= pos 1
  { pos: 23, type: 'text', required: true },
  { pos: 24, type: 'email', cond: { op: 'notEmpty', pos: 23 } },
];

const id = (s, pos) => `q${s}_${pos}`;
const SECTION_COND_EVERY = 10;
const SECTION_COND_AT = 5;
/** The condition of section s, if it has one: its previous section's yes/no answered "yes". */
const sectionCond = (s) => (s % SECTION_COND_EVERY === SECTION_COND_AT ? { op: 'isTrue', id: id(s - 1, 7) } : null);

// --- the expression languages ----------------------------------------------------------------
const bogenLit = (v) => (typeof v === 'string' ? `'${v}'` : String(v));
const surveyLit = bogenLit;
function bogenExpr(c) {
  switch (c.op) {
    case 'eq': return `${c.id} = ${bogenLit(c.value)}`;
    case 'gt': return `${c.id} > ${c.value}`;
    case 'isTrue': return `${c.id} = true`;
    case 'contains': return `${bogenLit(c.value)} in ${c.id}`;
    case 'anyof': return `${c.id} in [${c.value.map(bogenLit).join(', ')}]`;
    case 'notEmpty': return `not empty(${c.id})`;
    case 'and': return c.parts.map((p) => `(${bogenExpr(p)})`).join(' and ');
    default: throw new Error(`unknown condition ${c.op}`);
  }
}
function surveyExpr(c) {
  switch (c.op) {
    case 'eq': return `{${c.id}} = ${surveyLit(c.value)}`;
    case 'gt': return `{${c.id}} > ${c.value}`;
    case 'isTrue': return `{${c.id}} = true`;
    case 'contains': return `{${c.id}} contains ${surveyLit(c.value)}`;
    case 'anyof': return `{${c.id}} anyof [${c.value.map(surveyLit).join(', ')}]`;
    case 'notEmpty': return `{${c.id}} notempty`;
    case 'and': return c.parts.map((p) => `(${surveyExpr(p)})`).join(' and ');
    default: throw new Error(`unknown condition ${c.op}`);
  }
}
const resolveCond = (c, s) => (c ? { ...c, id: id(s, c.pos) } : null);
const joinConds = (...cs) => {
  const parts = cs.filter(Boolean);
  return parts.length === 0 ? null : parts.length === 1 ? parts[0] : { op: 'and', parts };
};

// --- one question in both formats --------------------------------------------------------------
const CHOICE = [['a', 'A'], ['b', 'B'], ['c', 'C']];
const DROPDOWN = Array.from({ length: 8 }, (_, i) => [`d${i + 1}`, `Möglichkeit ${i + 1}`]);
const MULTI = [['x', 'Sprachkurse'], ['y', 'Beratung'], ['z', 'Begegnung'], ['w', 'Ausbildung']];
const ROWS = [['r1', 'Schulen'], ['r2', 'Verwaltung'], ['r3', 'Vereine']];
const SCALE = [['o1', 'gar nicht'], ['o2', 'wenig'], ['o3', 'mittel'], ['o4', 'stark']];
const bOpts = (list) => list.map(([value, label]) => ({ value, label }));
const sOpts = (list) => list.map(([value, text]) => ({ value, text }));

function question(spec, s, label, extraCond) {
  const qid = id(s, spec.pos);
  const cond = joinConds(extraCond, resolveCond(spec.cond, s));
  const b = { id: qid, type: spec.type, label };
  const j = { name: qid, title: label };
  switch (spec.type) {
    case 'text':
      if (spec.pattern) {
        b.pattern = spec.pattern;
        j.validators = [{ type: 'regex', regex: `^${spec.pattern}$`, text: 'Bitte fünf Ziffern.' }];
      }
      j.type = 'text';
      break;
    case 'longText':
      b.maxLength = spec.maxLength ?? 2000;
      j.type = 'comment';
      j.maxLength = b.maxLength;
      break;
    case 'integer':
      j.type = 'text';
      j.inputType = 'number';
      if (spec.min !== undefined) b.min = j.min = spec.min;
      if (spec.rule) {
        const other = id(s, spec.rule.pos);
        b.rules = [{ check: `${qid} <= ${other}`, message: 'Der Teil ist größer als das Ganze.' }];
        // Bogen passes a rule that is unknown (an empty operand); SurveyJS needs it said.
        j.validators = [{ type: 'expression', expression: `{${other}} empty or {${qid}} <= {${other}}`, text: 'Der Teil ist größer als das Ganze.' }];
      }
      break;
    case 'decimal':
      j.type = 'text';
      j.inputType = 'number';
      b.min = j.min = spec.min;
      b.max = j.max = spec.max;
      b.decimals = 1;
      j.step = 0.1;
      break;
    case 'singleChoice':
      b.options = bOpts(CHOICE);
      j.type = 'radiogroup';
      j.choices = sOpts(CHOICE);
      break;
    case 'dropdown':
      b.type = 'singleChoice';
      b.display = 'dropdown';
      b.options = bOpts(DROPDOWN);
      j.type = 'dropdown';
      j.choices = sOpts(DROPDOWN);
      break;
    case 'multipleChoice':
      b.options = bOpts(MULTI);
      b.other = true;
      j.type = 'checkbox';
      j.choices = sOpts(MULTI);
      j.showOtherItem = true;
      break;
    case 'yesNo':
      j.type = 'boolean';
      break;
    case 'date':
      j.type = 'text';
      j.inputType = 'date';
      break;
    case 'email':
      j.type = 'text';
      j.inputType = 'email';
      j.validators = [{ type: 'email' }];
      break;
    case 'url':
      j.type = 'text';
      j.inputType = 'url';
      // SurveyJS has no web-address validator: Bogen's rule (a scheme, a host with a dot, no spaces).
      j.validators = [{ type: 'regex', regex: '^https?://[^\\s/]+\\.[^\\s]+$', text: 'Bitte eine Webadresse mit http:// oder https://.' }];
      break;
    case 'phone':
      j.type = 'text';
      j.inputType = 'tel';
      j.validators = [{ type: 'regex', regex: '^\\+?[0-9 ()/.-]{5,30}$', text: 'Bitte eine Telefonnummer.' }];
      break;
    case 'matrix':
      b.rows = bOpts(ROWS);
      b.options = bOpts(SCALE);
      j.type = 'matrix';
      j.rows = sOpts(ROWS);
      j.columns = sOpts(SCALE);
      break;
    case 'repeat':
      b.maxCount = 10;
      b.recordLabel = 'Maßnahme';
      b.fields = [
        { id: 'title', type: 'text', label: 'Wie heißt die Maßnahme?', required: true },
        { id: 'budget', type: 'integer', label: 'Jährliche Kosten', min: 0, unit: 'EUR' },
        { id: 'evaluated', type: 'yesNo', label: 'Wurde sie evaluiert?' },
      ];
      j.type = 'paneldynamic';
      j.panelCount = 0;
      j.maxPanelCount = 10;
      j.templateTitle = 'Maßnahme {panelIndex}';
      j.templateElements = [
        { type: 'text', name: 'title', title: 'Wie heißt die Maßnahme?', isRequired: true },
        { type: 'text', name: 'budget', title: 'Jährliche Kosten', inputType: 'number', min: 0 },
        { type: 'boolean', name: 'evaluated', title: 'Wurde sie evaluiert?' },
      ];
      break;
    case 'calculated':
      b.calculate = `round(${id(s, 5)} * 2, 1)`;
      b.decimals = 1;
      j.type = 'expression';
      j.expression = `round({${id(s, 5)}} * 2, 1)`;
      break;
    default:
      throw new Error(`unknown type ${spec.type}`);
  }
  if (spec.required) {
    b.required = true;
    j.isRequired = true;
  }
  if (spec.requiredIf) {
    const c = resolveCond(spec.requiredIf, s);
    b.requiredIf = bogenExpr(c);
    j.requiredIf = surveyExpr(c);
  }
  if (cond) {
    b.visibleIf = bogenExpr(cond);
    j.visibleIf = surveyExpr(cond);
  }
  return { bogen: b, surveyjs: j };
}

/** An answer in Bogen's JSON form for a question of the pattern (undefined: none). */
function answer(spec, s) {
  switch (spec.type) {
    case 'text': return spec.pattern ? '42651' : `Antwort ${s}.${spec.pos}`;
    case 'longText': return `Ein längerer Text zu Abschnitt ${s}, Frage ${spec.pos}.`;
    case 'integer': return spec.rule ? 500 : 1234;
    case 'decimal': return 12.5;
    case 'singleChoice': return 'b';
    case 'dropdown': return 'd1';
    case 'multipleChoice': return { selected: ['x', 'y'], other: 'Patenschaften' };
    case 'yesNo': return true;
    case 'date': return '2003-12-31';
    case 'email': return `stelle${s}@example.org`;
    case 'url': return 'https://www.example.org/integration';
    case 'phone': return '0212 290-0';
    case 'matrix': return { r1: 'o1', r2: 'o2', r3: 'o3' };
    case 'repeat': return [{ title: 'Mama lernt Deutsch', budget: 12000, evaluated: true }];
    case 'calculated': return undefined;
    default: throw new Error(spec.type);
  }
}

/**
 * Both questionnaires for `questions` questions (a multiple of 25) in `mode` ('page' or
 * 'single'), and a draft answering every question that takes an answer.
 */
export function generate({ questions, mode, seed = 13 }) {
  if (questions % QUESTIONS_PER_SECTION !== 0) throw new Error(`questions must be a multiple of ${QUESTIONS_PER_SECTION}`);
  if (!['page', 'single'].includes(mode)) throw new Error(`mode must be page or single, not ${mode}`);
  const r = seededRandom(seed);
  const nSections = questions / QUESTIONS_PER_SECTION;
  const qid = `bench-${questions}-${mode}`;
  const title = `Benchmark: ${questions} Fragen (${mode === 'page' ? 'eine Seite je Abschnitt' : 'alle auf einer Seite'})`;
  const sections = [];
  const answers = {};
  let conditional = 0;
  let required = 0;
  const types = new Set();
  for (let s = 0; s < nSections; s++) {
    const sCond = sectionCond(s);
    const sectionTitle = `Abschnitt ${s + 1}: ${pick(r, TOPICS)}`;
    const qs = SECTION_PATTERN.map((spec) => {
      const label = `${spec.pos + 1}. Was tut ${pick(r, SUBJECTS)} für ${pick(r, TOPICS)}? (${id(s, spec.pos)})`;
      const folded = mode === 'single' ? sCond : null;
      const q = question(spec, s, label, folded);
      if (q.bogen.visibleIf || sCond) conditional++;
      if (spec.required) required++;
      types.add(q.bogen.type + (q.bogen.display ? `/${q.bogen.display}` : ''));
      const a = answer(spec, s);
      if (a !== undefined) answers[id(s, spec.pos)] = a;
      return q;
    });
    sections.push({ id: `s${s}`, title: sectionTitle, cond: sCond, questions: qs });
  }
  const bogenSections =
    mode === 'page'
      ? sections.map((sec) => ({
          id: sec.id,
          title: sec.title,
          ...(sec.cond ? { visibleIf: bogenExpr(sec.cond) } : {}),
          questions: sec.questions.map((q) => q.bogen),
        }))
      : [{ id: 'alle', title: 'Alle Fragen', questions: sections.flatMap((sec) => sec.questions.map((q) => q.bogen)) }];
  const bogen = { formatVersion: 1, id: qid, version: '1.0.0', title, sections: bogenSections };
  const surveyPages =
    mode === 'page'
      ? sections.map((sec) => ({
          name: sec.id,
          title: sec.title,
          ...(sec.cond ? { visibleIf: surveyExpr(sec.cond) } : {}),
          elements: sec.questions.map((q) => q.surveyjs),
        }))
      : [{ name: 'alle', title: 'Alle Fragen', elements: sections.flatMap((sec) => sec.questions.map((q) => q.surveyjs)) }];
  // Like Bogen: text is taken while typing, and an answer is checked as soon as it changes.
  const surveyjs = { title, textUpdateMode: 'onTyping', checkErrorsMode: 'onValueChanged', pages: surveyPages };
  const draft = {
    formatVersion: 1,
    questionnaireId: qid,
    questionnaireVersion: '1.0.0',
    savedAt: '2004-09-01T10:00:00Z',
    answers,
  };
  return {
    bogen,
    surveyjs,
    draft,
    meta: {
      id: qid,
      questions,
      mode,
      sections: nSections,
      conditional,
      required,
      answers: Object.keys(answers).length,
      types: [...types].sort(),
      // The ids the runner uses: the first page's text field, its choice and what 'b' shows.
      typing: id(0, 2),
      trigger: id(0, 0),
      triggerValue: 'b',
      otherValue: 'a',
      shown: id(0, 4),
      bogenSection: mode === 'page' ? 's0' : 'alle',
    },
  };
}

/** Writes every size × mode into `out`; returns the list of metas. */
export function writeAll({ sizes = [150, 2000], modes = ['page', 'single'], seed = 13, out }) {
  mkdirSync(out, { recursive: true });
  const metas = [];
  for (const questions of sizes) {
    for (const mode of modes) {
      const g = generate({ questions, mode, seed });
      const base = `${questions}-${mode}`;
      writeFileSync(join(out, `bogen-${base}.json`), JSON.stringify(g.bogen, null, 1));
      writeFileSync(join(out, `surveyjs-${base}.json`), JSON.stringify(g.surveyjs, null, 1));
      writeFileSync(join(out, `bogen-${base}.draft.json`), JSON.stringify(g.draft));
      metas.push(g.meta);
    }
  }
  writeFileSync(join(out, 'meta.json'), JSON.stringify(metas, null, 2));
  return metas;
}

const here = fileURLToPath(new URL('.', import.meta.url));
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const opt = readOptions('bench/generate.mjs', ['sizes', 'seed', 'out']);
  const metas = writeAll({
    sizes: opt('sizes', '150,2000').split(',').map(Number),
    seed: Number(opt('seed', 13)),
    out: resolve(opt('out', join(here, 'out', 'questionnaires'))),
  });
  for (const m of metas) {
    console.log(
      `${m.id}: ${m.sections} sections, ${m.questions} questions, ${m.conditional} conditional ` +
        `(${Math.round((100 * m.conditional) / m.questions)} %), ${m.required} required ` +
        `(${Math.round((100 * m.required) / m.questions)} %), ${m.answers} answers in the draft; types: ${m.types.join(', ')}`,
    );
  }
}
