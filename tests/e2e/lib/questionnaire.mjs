// What a questionnaire file says should be on screen, worked out from the JSON itself, so that a
// test can compare the app's pages with an expectation it did not get from the app:
//
//   const q = loadQuestionnaire('questionnaire/erfolgreiche-integration-2005.json');
//   const model = new Expectation(q, answers);        // answers by question id, JSON form
//   model.visiblePages()                              // page sections in order, hidden ones left out
//   model.visibleLabels('municipality')               // labels of the questions shown on that page
//
// It has its own small reading of the expression language (docs/FORMAT.md, section 10): three-
// valued logic, where an unanswered or hidden question reads as empty and a comparison with empty
// is "unknown", and `visibleIf` holds only when the condition is true. It refuses syntax it does
// not know rather than guess.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { REPO_ROOT } from './server.mjs';

/** Reads a questionnaire file (a path relative to the repository, or absolute). */
export function loadQuestionnaire(path) {
  return JSON.parse(readFileSync(resolve(REPO_ROOT, path), 'utf8'));
}

/** A text of the file in `lang` (a plain string is the same in every language). */
export function text(value, lang = 'de') {
  if (value == null) return undefined;
  return typeof value === 'string' ? value : value[lang] ?? Object.values(value)[0];
}

// ---- expressions -------------------------------------------------------------------------------

const KEYWORDS = new Set(['and', 'or', 'not', 'in', 'true', 'false']);

function tokenize(src) {
  const tokens = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) { i++; continue; }
    if (c === "'") {
      const end = src.indexOf("'", i + 1);
      if (end < 0) throw new Error(`unterminated text in ${src}`);
      tokens.push({ t: 'str', v: src.slice(i + 1, end) });
      i = end + 1;
      continue;
    }
    const num = src.slice(i).match(/^\d+(\.\d+)?/);
    if (num) { tokens.push({ t: 'num', v: Number(num[0]) }); i += num[0].length; continue; }
    const name = src.slice(i).match(/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?/);
    if (name) {
      const w = name[0];
      tokens.push(KEYWORDS.has(w) ? { t: 'kw', v: w } : { t: 'name', v: w });
      i += w.length;
      continue;
    }
    const op = src.slice(i).match(/^(==|!=|<=|>=|[=<>()[\],+\-*/])/);
    if (op) { tokens.push({ t: 'op', v: op[0] }); i += op[0].length; continue; }
    throw new Error(`unexpected "${c}" in ${src}`);
  }
  return tokens;
}

/** Parses an expression into a small tree. */
export function parse(src) {
  const tokens = tokenize(src);
  let p = 0;
  const peek = () => tokens[p];
  const is = (t, v) => peek() && peek().t === t && (v === undefined || peek().v === v);
  const take = (t, v) => {
    if (!is(t, v)) throw new Error(`expected ${v ?? t} at token ${p} of ${src}`);
    return tokens[p++];
  };
  const or = () => {
    let left = and();
    while (is('kw', 'or')) { p++; left = { k: 'or', a: left, b: and() }; }
    return left;
  };
  const and = () => {
    let left = not();
    while (is('kw', 'and')) { p++; left = { k: 'and', a: left, b: not() }; }
    return left;
  };
  const not = () => {
    if (is('kw', 'not') && !(tokens[p + 1]?.t === 'kw' && tokens[p + 1]?.v === 'in')) { p++; return { k: 'not', a: not() }; }
    return comparison();
  };
  const comparison = () => {
    const left = additive();
    if (is('op') && ['=', '==', '!=', '<', '<=', '>', '>='].includes(peek().v)) {
      const op = tokens[p++].v;
      return { k: 'cmp', op: op === '==' ? '=' : op, a: left, b: additive() };
    }
    if (is('kw', 'in')) { p++; return { k: 'in', a: left, b: additive() }; }
    if (is('kw', 'not') && tokens[p + 1]?.v === 'in') { p += 2; return { k: 'not', a: { k: 'in', a: left, b: additive() } }; }
    return left;
  };
  const additive = () => {
    let left = multiplicative();
    while (is('op', '+') || is('op', '-')) { const op = tokens[p++].v; left = { k: 'arith', op, a: left, b: multiplicative() }; }
    return left;
  };
  const multiplicative = () => {
    let left = unary();
    while (is('op', '*') || is('op', '/')) { const op = tokens[p++].v; left = { k: 'arith', op, a: left, b: unary() }; }
    return left;
  };
  const unary = () => {
    if (is('op', '-')) { p++; return { k: 'arith', op: '-', a: { k: 'lit', v: 0 }, b: unary() }; }
    return primary();
  };
  const primary = () => {
    const tok = peek();
    if (!tok) throw new Error(`unexpected end of ${src}`);
    if (tok.t === 'num' || tok.t === 'str') { p++; return { k: 'lit', v: tok.v }; }
    if (tok.t === 'kw' && (tok.v === 'true' || tok.v === 'false')) { p++; return { k: 'lit', v: tok.v === 'true' }; }
    if (is('op', '(')) { p++; const e = or(); take('op', ')'); return e; }
    if (is('op', '[')) {
      p++;
      const items = [];
      while (!is('op', ']')) { items.push(take(peek().t).v); if (is('op', ',')) p++; }
      take('op', ']');
      return { k: 'lit', v: items };
    }
    if (tok.t === 'name') {
      p++;
      if (is('op', '(')) {
        p++;
        const args = [];
        while (!is('op', ')')) { args.push(or()); if (is('op', ',')) p++; }
        take('op', ')');
        return { k: 'call', f: tok.v, args };
      }
      return { k: 'ref', id: tok.v };
    }
    throw new Error(`unexpected ${tok.v} in ${src}`);
  };
  const tree = or();
  if (p !== tokens.length) throw new Error(`trailing tokens in ${src}`);
  return tree;
}

const isEmpty = (v) =>
  v == null ||
  (typeof v === 'string' && v.trim() === '') ||
  (Array.isArray(v) && v.length === 0) ||
  (typeof v === 'object' && !Array.isArray(v) && 'selected' in v && v.selected.length === 0 && v.other == null) ||
  (typeof v === 'object' && !Array.isArray(v) && !('selected' in v) && Object.keys(v).length === 0);

const count = (v) => {
  if (v == null) return 0;
  if (Array.isArray(v)) return v.length;
  if ('selected' in v) return v.selected.length + (v.other != null && v.other !== '' ? 1 : 0);
  return Object.keys(v).length;
};

/** Evaluates a tree; `read(id)` gives an answer or null. Unknown is null. */
export function evaluate(tree, read) {
  const ev = (n) => evaluate(n, read);
  switch (tree.k) {
    case 'lit': return tree.v;
    case 'ref': return read(tree.id) ?? null;
    case 'not': { const a = ev(tree.a); return a === null ? null : !a; }
    case 'and': {
      const a = ev(tree.a); const b = ev(tree.b);
      if (a === false || b === false) return false;
      return a === null || b === null ? null : true;
    }
    case 'or': {
      const a = ev(tree.a); const b = ev(tree.b);
      if (a === true || b === true) return true;
      return a === null || b === null ? null : false;
    }
    case 'cmp': {
      const a = ev(tree.a); const b = ev(tree.b);
      if (a === null || b === null) return null;
      switch (tree.op) {
        case '=': return a === b;
        case '!=': return a !== b;
        case '<': return a < b;
        case '<=': return a <= b;
        case '>': return a > b;
        case '>=': return a >= b;
      }
      break;
    }
    case 'in': {
      const a = ev(tree.a); const b = ev(tree.b);
      if (a === null || b === null) return null;
      if (Array.isArray(b)) return b.includes(a);
      if (typeof b === 'object' && 'selected' in b) return b.selected.includes(a);
      throw new Error(`"in" with ${JSON.stringify(b)}`);
    }
    case 'arith': {
      const a = ev(tree.a); const b = ev(tree.b);
      if (a === null || b === null) return null;
      if (tree.op === '/' && b === 0) return null;
      return { '+': a + b, '-': a - b, '*': a * b, '/': a / b }[tree.op];
    }
    case 'call': {
      if (tree.f === 'count') return count(tree.args[0].k === 'ref' ? read(tree.args[0].id) : ev(tree.args[0]));
      if (tree.f === 'empty') return isEmpty(read(tree.args[0].id));
      if (tree.f === 'round') {
        const x = ev(tree.args[0]);
        const places = tree.args[1] ? ev(tree.args[1]) : 0;
        if (x === null) return null;
        const f = 10 ** places;
        return (Math.sign(x) * Math.round(Math.abs(x) * f)) / f;
      }
      if (tree.f === 'sum') {
        const [group, field] = tree.args[0].id.split('.');
        return (read(group) ?? []).reduce((s, r) => s + (typeof r[field] === 'number' ? r[field] : 0), 0);
      }
      throw new Error(`unknown function ${tree.f}`);
    }
  }
  throw new Error(`cannot evaluate ${JSON.stringify(tree)}`);
}

// ---- what should be shown ----------------------------------------------------------------------

/** The sections and questions of a questionnaire, with what the answers make visible. */
export class Expectation {
  constructor(questionnaire, answers = {}) {
    this.q = questionnaire;
    this.answers = answers;
    this.sections = new Map(); // id → { section, parent }
    this.questions = new Map(); // id → { question, section }
    const walk = (list, parent) => {
      for (const s of list) {
        this.sections.set(s.id, { section: s, parent });
        for (const q of s.questions ?? []) this.questions.set(q.id, { question: q, section: s.id });
        walk(s.sections ?? [], s.id);
      }
    };
    walk(questionnaire.sections, null);
  }

  /** The pages (sections without sub-sections), in document order, visible or not. */
  pages() {
    return [...this.sections.values()].filter(({ section }) => !section.sections?.length).map(({ section }) => section);
  }

  isSectionVisible(id) {
    const { section, parent } = this.sections.get(id);
    if (parent && !this.isSectionVisible(parent)) return false;
    return !section.visibleIf || evaluate(parse(section.visibleIf), (x) => this.value(x)) === true;
  }

  isVisible(id) {
    const entry = this.questions.get(id);
    if (!entry) throw new Error(`unknown question ${id}`);
    if (!this.isSectionVisible(entry.section)) return false;
    const { question } = entry;
    return !question.visibleIf || evaluate(parse(question.visibleIf), (x) => this.value(x)) === true;
  }

  /** What a question reads as in expressions: its answer (or default, or calculated value), empty while hidden. */
  value(id) {
    if (!this.isVisible(id)) return null;
    const { question } = this.questions.get(id);
    if (question.type === 'calculated') return evaluate(parse(question.calculate), (x) => this.value(x));
    if (id in this.answers) return this.answers[id];
    return question.default ?? null;
  }

  visiblePages() {
    return this.pages().filter((s) => this.isSectionVisible(s.id));
  }

  /** The questions of page `id` that are shown, in order. */
  visibleQuestions(id) {
    const { section } = this.sections.get(id);
    return (section.questions ?? []).filter((q) => this.isVisible(q.id));
  }

  /** The labels of the questions shown on page `id`. */
  visibleLabels(id, lang = 'de') {
    return this.visibleQuestions(id).map((q) => text(q.label, lang));
  }

  /** The fields of a record of repeat group `groupId` that are shown, given the record's answers. */
  visibleRecordFields(groupId, record, lang = 'de') {
    const { question } = this.questions.get(groupId);
    const read = (x) => {
      if (x.startsWith('record.')) {
        const f = x.slice('record.'.length);
        const field = question.fields.find((g) => g.id === f);
        if (field.visibleIf && evaluate(parse(field.visibleIf), read) !== true) return null;
        return record[f] ?? field.default ?? null;
      }
      return this.value(x);
    };
    return question.fields.filter((f) => !f.visibleIf || evaluate(parse(f.visibleIf), read) === true).map((f) => text(f.label, lang));
  }

  question(id) {
    return this.questions.get(id).question;
  }

  sectionTitle(id, lang = 'de') {
    return text(this.sections.get(id).section.title, lang);
  }
}
