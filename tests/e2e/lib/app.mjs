// Page object of the Bogen app. It finds everything the way a person does: by visible labels,
// roles and accessible names; never by ids, classes or test ids.
import assert from 'node:assert/strict';

export const DEFAULT_TIMEOUT = 15_000;

const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A key fingerprint as the app shows it: four groups of four base32 characters. */
export const FINGERPRINT = /\b[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}\b/;

/**
 * Fills the page's localStorage until it refuses more (halving the entry each time): what a full
 * browser storage looks like to the app. freeStorage() takes the filler out again.
 */
export async function fillStorage(page) {
  await page.evaluate(() => {
    let size = 1 << 20;
    let i = 0;
    while (size >= 8) {
      try {
        localStorage.setItem(`filler-${i}`, 'x'.repeat(size));
        i += 1;
      } catch {
        size = Math.floor(size / 2);
      }
    }
  });
}

/** Takes out what fillStorage() put in. */
export async function freeStorage(page) {
  await page.evaluate(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('filler-')) localStorage.removeItem(key);
  });
}

/** Polls `probe` until `accept(value)` holds or the time is up; returns the last value. */
export async function eventually(probe, accept, { timeout = DEFAULT_TIMEOUT, interval = 100 } = {}) {
  const end = Date.now() + timeout;
  let value = await probe();
  while (!accept(value) && Date.now() < end) {
    await new Promise((ok) => setTimeout(ok, interval));
    value = await probe();
  }
  return value;
}

export class BogenApp {
  /** @param {import('playwright-core').Page} page  @param {string} baseUrl e.g. http://127.0.0.1:PORT */
  constructor(page, baseUrl) {
    this.page = page;
    this.baseUrl = baseUrl;
    page.setDefaultTimeout(DEFAULT_TIMEOUT);
  }

  /** Opens the app, optionally with query parameters ({ questionnaire: url }). */
  async open(query = {}) {
    const url = new URL('/', this.baseUrl);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
    await this.page.goto(url.href, { waitUntil: 'load' });
    return this;
  }

  async reload() {
    await this.page.reload({ waitUntil: 'load' });
    return this;
  }

  /**
   * The form field whose label starts with `label` as a whole phrase: "Name der Kommune" also finds
   * "Name der Kommune *" or "Name der Kommune (Pflichtangabe)", not "Name der Kommunen".
   */
  field(label) {
    return this.page.getByLabel(new RegExp(`^\\s*${escapeRegExp(label)}(?![\\p{L}\\p{N}])`, 'u'));
  }

  button(name) {
    return this.page.getByRole('button', { name, exact: true });
  }

  heading(name) {
    return this.page.getByRole('heading', { name, exact: true });
  }

  /** A control that switches language, opens a section, etc.: a link or a button with that name. */
  control(name) {
    return this.page
      .getByRole('link', { name, exact: true })
      .or(this.page.getByRole('button', { name, exact: true }))
      .or(this.page.getByRole('radio', { name, exact: true }))
      .first();
  }

  /**
   * Makes the question labelled `label` visible: if the app opened on its task list instead,
   * follows the task list's link to `section` first. Returns the field's locator.
   */
  async showField(label, section) {
    const field = this.field(label);
    const sectionLink = this.control(section);
    await field.or(sectionLink).first().waitFor({ state: 'visible' });
    if (!(await field.isVisible())) {
      await sectionLink.click();
      await field.waitFor({ state: 'visible' });
    }
    return field;
  }

  /** Waits until some localStorage entry holds `text`: the debounced autosave has happened. */
  async waitForStoredText(text, { timeout = DEFAULT_TIMEOUT } = {}) {
    await this.page.waitForFunction(
      (needle) => {
        for (let i = 0; i < localStorage.length; i++) {
          if ((localStorage.getItem(localStorage.key(i)) ?? '').includes(needle)) return true;
        }
        return false;
      },
      text,
      { timeout, polling: 100 },
    );
  }

  /** Asserts that the field eventually holds `expected` (a restored draft may be filled in after the first render). */
  async assertValue(locator, expected, message) {
    const actual = await eventually(() => locator.inputValue(), (v) => v === expected);
    assert.equal(actual, expected, message);
  }

  /** The page's visible text. */
  async text() {
    return this.page.locator('body').innerText();
  }

  /** Asserts that the page threw no uncaught error (a Rust panic shows up as one). */
  assertNoPageErrors() {
    assert.deepEqual(this.page.errors, [], `uncaught errors in the page:\n${this.page.errors.join('\n')}`);
  }

  // ---------------------------------------------------------------------------------------------
  // Added for the filling, conditions, errors, review and accessibility tests (issues 5 and 6).
  // Still only labels, roles and accessible names; where the browser's own accessibility tree is
  // the thing under test (names, descriptions), it is read through Chromium's DevTools protocol.

  /** A form control whose label is exactly `label` (several questions may share a prefix). */
  input(label, scope = this.page) {
    return scope.getByLabel(label, { exact: true });
  }

  /**
   * Types a date (`YYYY-MM-DD`) into the day, month and year fields of the date `group`, as a
   * person writes it: "1", not "01".
   */
  async fillDate(group, iso, lang = 'de') {
    const [year, month, day] = iso.split('-');
    const names = lang === 'de' ? ['Tag', 'Monat', 'Jahr'] : ['Day', 'Month', 'Year'];
    for (const [name, part] of [[names[0], String(Number(day))], [names[1], String(Number(month))], [names[2], year]]) {
      await this.input(name, group).fill(part);
    }
  }

  /** A group (fieldset) named exactly `label`: radios, checkboxes, a matrix, a repeat group or a record, a date. */
  group(label, scope = this.page) {
    return scope.getByRole('group', { name: label, exact: true });
  }

  /** Chooses the radio `option` in the group `label` (a single choice or Ja/Nein). */
  async choose(label, option, scope = this.page) {
    await this.group(label, scope).getByRole('radio', { name: option, exact: true }).check();
  }

  /** Ticks (or with `on = false` unticks) the checkbox `option` in the group `label`. */
  async tick(label, option, on = true, scope = this.page) {
    await this.group(label, scope).getByRole('checkbox', { name: option, exact: true }).setChecked(on);
  }

  /** Answers one row of a matrix: the row is a radiogroup named by its label, the radios by the scale. */
  async matrixAnswer(rowLabel, option, scope = this.page) {
    await scope.getByRole('radiogroup', { name: rowLabel, exact: true }).getByRole('radio', { name: option, exact: true }).check();
  }

  /** The level-1 heading of the page, whatever it says. */
  h1() {
    return this.page.getByRole('main').getByRole('heading', { level: 1 });
  }

  /** Waits until the page's level-1 heading is exactly `title`. */
  async waitForPage(title) {
    await this.page.getByRole('main').getByRole('heading', { level: 1, name: title, exact: true }).waitFor({ state: 'visible' });
    await this.pageReached(title);
  }

  /**
   * Waits until every question of the page is built: a page draws its first screenful at once
   * and the rest while the browser is idle (pages.rs, chunks), each part still to come an empty
   * block marked aria-busy. On a busy machine the rest can take half a second.
   */
  async pageWhole() {
    await this.page.waitForFunction(() => !document.querySelector('main [aria-busy="true"]'));
  }

  /** Goes to the start page through the header's title link (any language) and waits for the task list. */
  async startPage() {
    const sections = this.page.getByRole('main').getByRole('heading', { level: 2, name: /^(Abschnitte|Sections)$/ });
    if (!(await sections.isVisible())) {
      await this.page.getByRole('banner').getByRole('link').first().click();
    }
    await sections.waitFor({ state: 'visible' });
    await this.pageReached('start');
  }

  /**
   * From now on, every page reached through startPage(), openSection() or waitForPage() is saved
   * as a screenshot (lib/screenshot.mjs): screenshots/<test>-NN-<page>.png, NN counting the visits.
   */
  recordPages(testName) {
    this.recording = { testName, n: 0 };
  }

  /** Saves the screenshot of a page reached, when recordPages() asked for it. */
  async pageReached(name) {
    if (!this.recording) return;
    const { screenshot } = await import('./screenshot.mjs');
    this.recording.n += 1;
    await screenshot(this.page, this.recording.testName, `${String(this.recording.n).padStart(2, '0')}-${name}`);
  }

  /** Opens the page `title` from the task list on the start page. */
  async openSection(title) {
    await this.startPage();
    await this.page.getByRole('main').getByRole('link', { name: title, exact: true }).click();
    await this.waitForPage(title);
  }

  /**
   * The task list on the start page: every page with its status tag, and whether it is a link.
   * Chapters are skipped (their pages are listed), and so are the "finish" links without a status.
   */
  async taskList() {
    const status =
      /\s+(Nicht begonnen|In Bearbeitung|Erledigt|Fehlerhaft|Nicht erforderlich|Not started|In progress|Completed|Has errors|Not needed)$/;
    const out = [];
    for (const item of await this.page.getByRole('main').getByRole('listitem').all()) {
      if ((await item.getByRole('listitem').count()) > 0) continue;
      const text = (await item.innerText()).replace(/\s+/g, ' ').trim();
      const m = text.match(status);
      if (!m) continue;
      const links = await item.getByRole('link').allInnerTexts();
      out.push({ title: text.slice(0, m.index).trim(), status: m[1], link: links.length > 0 });
    }
    return out;
  }

  /** The progress line on the start page, e.g. "3 von 16 Abschnitten erledigt". */
  progress() {
    return this.page.getByRole('main').getByText(/^\d+ (von|of) \d+ (Abschnitten erledigt|sections completed)$/);
  }

  /**
   * The questions shown on the current page, in order, as their accessible names: the top-level
   * form controls and groups of <main> (a radio, checkbox, matrix or repeat question is a group
   * named by its legend; a text, number or date a textbox; a dropdown a combobox; a calculated
   * value an output, role status). Controls inside a group (records, "Bitte angeben") are not listed.
   */
  async questionLabels(scope = this.page.getByRole('main')) {
    await this.pageWhole();
    const snapshot = await scope.ariaSnapshot();
    const lines = snapshot.split('\n');
    // The children of the scope's own node are one level deeper than its first line.
    const base = (lines[0].match(/^(\s*)-/)?.[1].length ?? 0) + 2;
    const roles = new Set(['group', 'textbox', 'combobox', 'status', 'checkbox', 'radiogroup', 'spinbutton', 'listbox']);
    const labels = [];
    for (const line of lines) {
      const m = line.match(/^(\s*)- (\w+) ("(?:[^"\\]|\\.)*"|[^:"]+?)(?::|$| \[)/);
      if (!m || m[1].length !== base || !roles.has(m[2])) continue;
      labels.push(m[3].startsWith('"') ? JSON.parse(m[3]) : m[3].trim());
    }
    return labels;
  }

  /** The error summary (role alert, headed "Es gibt ein Problem" / "There is a problem"). */
  errorSummary() {
    return this.page
      .getByRole('alert')
      .filter({ has: this.page.getByRole('heading', { name: /^(Es gibt ein Problem|There is a problem)$/ }) });
  }

  /** The texts of the error summary's links, in order. */
  async errorSummaryLinks() {
    return (await this.errorSummary().getByRole('link').allInnerTexts()).map((s) => s.replace(/\s+/g, ' ').trim());
  }

  /** Whether the element is the focused element (document.activeElement). */
  async isFocused(locator) {
    return locator.evaluate((el) => el === document.activeElement);
  }

  /** Whether focus is on the element or inside it. */
  async hasFocusWithin(locator) {
    return locator.evaluate((el) => el.contains(document.activeElement));
  }

  /** Waits until the element has the focus. */
  async waitForFocus(locator, { timeout = DEFAULT_TIMEOUT } = {}) {
    const handle = await locator.elementHandle({ timeout });
    await this.page.waitForFunction((el) => el === document.activeElement, handle, { timeout, polling: 50 });
  }

  /**
   * The element's role, accessible name and accessible description as Chromium computes them
   * (the accessibility tree a screen reader gets), through the DevTools protocol.
   */
  async accessibility(locator) {
    const cdp = await this.page.context().newCDPSession(this.page);
    try {
      const handle = await locator.elementHandle();
      await handle.evaluate((el) => { window.__bogenAxTarget = el; });
      const { result } = await cdp.send('Runtime.evaluate', { expression: 'window.__bogenAxTarget' });
      const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { objectId: result.objectId, fetchRelatives: false });
      await handle.evaluate(() => { delete window.__bogenAxTarget; });
      const node = nodes.find((n) => !n.ignored) ?? nodes[0];
      const prop = (name) => node.properties?.find((p) => p.name === name)?.value?.value;
      return {
        role: node.role?.value ?? '',
        name: node.name?.value ?? '',
        description: node.description?.value ?? '',
        invalid: prop('invalid') ?? 'false',
        focused: Boolean(prop('focused')),
      };
    } finally {
      await cdp.detach();
    }
  }

  /** The accessible description of an element (the texts its aria-describedby points at). */
  async description(locator) {
    return (await this.accessibility(locator)).description;
  }

  /** The answers on the review or print page: [question, answer as read] per row, in order. */
  async summaryRows(scope = this.page.getByRole('main')) {
    return scope.getByRole('term').evaluateAll((terms) =>
      terms.map((dt) => [dt.innerText.trim(), (dt.nextElementSibling?.innerText ?? '').replace(/\s+/g, ' ').trim()]),
    );
  }

  /** Serves a file of this machine at `urlPath` of the app's origin, for ?questionnaire= (see openFile). */
  async serveFile(urlPath, filePath) {
    const { readFile } = await import('node:fs/promises');
    const body = await readFile(filePath);
    await this.page.route(new URL(urlPath, this.baseUrl).href, (route) =>
      route.fulfill({ status: 200, contentType: 'application/json; charset=utf-8', body }),
    );
    return new URL(urlPath, this.baseUrl).href;
  }

  // ---------------------------------------------------------------------------------------------
  // Signing (issue 10): the review page's "Signatur" part, the signed export and the page after it.

  /** The review page's "Signatur" part (a region named by its heading). */
  signingPart() {
    return this.page.getByRole('region', { name: /^(Signatur|Digital signature)$/ });
  }

  /** The fingerprint shown in the "Signatur" part, or null when no key is kept yet. */
  async shownFingerprint() {
    const text = await this.signingPart().innerText();
    return text.match(FINGERPRINT)?.[0] ?? null;
  }

  /**
   * Presses the export button and returns the downloaded file: { fileName, text, path }.
   * `name` is the button's name (German by default).
   */
  async signAndDownload(name = 'Bewerbung signieren und herunterladen') {
    return this.download(() => this.button(name).click());
  }

  /** Runs `action` (which starts a download) and returns the file: { fileName, text, path }. */
  async download(action) {
    const { readFile } = await import('node:fs/promises');
    const [download] = await Promise.all([this.page.waitForEvent('download'), action()]);
    const path = await download.path();
    return { fileName: download.suggestedFilename(), text: await readFile(path, 'utf8'), path };
  }

  /** The heading of the panel shown after an export. */
  exportDoneHeading() {
    return this.page.getByRole('heading', { name: /^(Bewerbung signiert und heruntergeladen|Application signed and downloaded)$/ });
  }

  /** Waits until the focused element holds `locator` (a panel that took the focus, with its heading). */
  async waitForFocusAround(locator, { timeout = DEFAULT_TIMEOUT } = {}) {
    const handle = await locator.elementHandle({ timeout });
    await this.page.waitForFunction((el) => document.activeElement !== document.body && document.activeElement.contains(el), handle, { timeout, polling: 50 });
  }

  /** Opens the app with a questionnaire file from this repository (e.g. questionnaire/examples/…). */
  async openFile(filePath) {
    const name = filePath.split('/').pop();
    const url = await this.serveFile(`/e2e-served/${name}`, filePath);
    await this.open({ questionnaire: url });
    await this.page
      .getByRole('main')
      .getByRole('heading', { level: 1 })
      .filter({ hasNotText: /wird geladen|Loading the questionnaire/ })
      .waitFor();
    return this;
  }

  /**
   * Answers a question the way a person does (typing, clicking radios and checkboxes, picking from
   * a dropdown, adding records), given its entry in the questionnaire file and a value in the
   * file's JSON form (docs/FORMAT.md, section 12). Numbers are typed in the page's language
   * ("9,8" in German). `nth` picks among questions with the same label on one page.
   */
  async answer(question, value, { scope = this.page, lang = 'de', nth = 0 } = {}) {
    const tr = (t) => (typeof t === 'string' ? t : t[lang] ?? Object.values(t)[0]);
    const label = tr(question.label);
    const optionLabel = (v, list = question.options) => tr(list.find((o) => o.value === v).label);
    const group = () => this.group(label, scope).nth(nth);
    switch (question.type) {
      case 'text':
      case 'longText':
      case 'email':
      case 'url':
      case 'phone':
        await this.input(label, scope).nth(nth).fill(value);
        break;
      case 'date':
        await this.fillDate(group(), value, lang);
        break;
      case 'integer':
      case 'decimal':
        await this.input(label, scope).nth(nth).fill(lang === 'de' ? String(value).replace('.', ',') : String(value));
        break;
      case 'singleChoice':
        if (question.display === 'dropdown') {
          await this.input(label, scope).nth(nth).selectOption({ label: optionLabel(value) });
        } else {
          await group().getByRole('radio', { name: optionLabel(value), exact: true }).check();
        }
        break;
      case 'yesNo': {
        const yesNo = lang === 'de' ? ['Ja', 'Nein'] : ['Yes', 'No'];
        await group().getByRole('radio', { name: value ? yesNo[0] : yesNo[1], exact: true }).check();
        break;
      }
      case 'multipleChoice': {
        const { selected = [], other = null } = Array.isArray(value) ? { selected: value } : value;
        for (const v of selected) await group().getByRole('checkbox', { name: optionLabel(v), exact: true }).check();
        if (other != null) {
          await group().getByRole('checkbox', { name: lang === 'de' ? 'Sonstiges, bitte angeben' : 'Other, please specify', exact: true }).check();
          await this.input(lang === 'de' ? 'Bitte angeben' : 'Please specify', group()).fill(other);
        }
        break;
      }
      case 'matrix':
        for (const [row, v] of Object.entries(value)) {
          await this.matrixAnswer(optionLabel(row, question.rows), optionLabel(v), group());
        }
        break;
      case 'repeat': {
        const name = question.recordLabel ? tr(question.recordLabel) : lang === 'de' ? 'Eintrag' : 'Entry';
        const add = lang === 'de' ? `${name} hinzufügen` : `Add ${name.charAt(0).toLowerCase()}${name.slice(1)}`;
        const before = await group().getByRole('group', { name: new RegExp(`^${name} \\d+$`) }).count();
        for (const [i, record] of value.entries()) {
          await group().getByRole('button', { name: add, exact: true }).click();
          const recordGroup = this.group(`${name} ${before + i + 1}`, group());
          await recordGroup.waitFor();
          for (const field of question.fields) {
            if (field.id in record) await this.answer(field, record[field.id], { scope: recordGroup, lang });
          }
        }
        break;
      }
      default:
        throw new Error(`cannot answer a question of type ${question.type}`);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Drafts (issue 11): the list of drafts on the start page, the drafts pages, draft files, and
// what the browser keeps. Still only labels, roles and accessible names; localStorage is read
// where it is the thing under test (what is kept, under which keys).

/** The file field of the start page, for questionnaires and draft files. */
export const FILE_PICKER = 'Datei auswählen (Fragebogen oder Entwurf)';

/** The table "Entwürfe zu diesem Fragebogen" (its caption names it). */
BogenApp.prototype.draftsTable = function draftsTable() {
  return this.page.getByRole('table', { name: /^(Entwürfe zu diesem Fragebogen|Drafts of this questionnaire)$/ });
};

/**
 * The rows of the list of drafts: { name, open, progress, saved } each, in order. `open` is
 * whether the row is marked "Geöffnet".
 */
BogenApp.prototype.drafts = async function drafts() {
  const table = this.draftsTable();
  await table.waitFor();
  const rows = await table.getByRole('row').all();
  const out = [];
  for (const row of rows.slice(1)) {
    const name = (await row.getByRole('rowheader').innerText()).replace(/\s+/g, ' ').trim();
    const cells = (await row.getByRole('cell').allInnerTexts()).map((c) => c.replace(/\s+/g, ' ').trim());
    const open = / (Geöffnet|Open)$/.test(name);
    out.push({ name: name.replace(/ (Geöffnet|Open)$/, ''), open, progress: cells[0], saved: cells[1] });
  }
  return out;
};

/** An action of the list of drafts: "Umbenennen" for the draft named `name`, etc. */
BogenApp.prototype.draftAction = function draftAction(action, name) {
  return this.page.getByRole('button', { name: `${action} Entwurf „${name}“`, exact: true });
};

/** The name of the open draft, as the list marks it. */
BogenApp.prototype.openDraftName = async function openDraftName() {
  return (await this.drafts()).find((d) => d.open)?.name ?? null;
};

/** Chooses a file (a path, or { name, mimeType, buffer }) in the start page's file field. */
BogenApp.prototype.chooseFile = async function chooseFile(file) {
  await this.startPage();
  await this.page.getByLabel(FILE_PICKER).setInputFiles(file);
};

/** A draft file from its JSON, as setInputFiles takes it. */
export function draftFile(json, name = 'entwurf.json') {
  return { name, mimeType: 'application/json', buffer: Buffer.from(typeof json === 'string' ? json : JSON.stringify(json)) };
}

/** Downloads the open draft with the start page's "Entwurf als Datei speichern" and returns it parsed. */
BogenApp.prototype.downloadDraft = async function downloadDraft() {
  await this.startPage();
  const file = await this.download(() => this.draftsSection().getByRole('button', { name: 'Entwurf als Datei speichern', exact: true }).click());
  return { ...file, json: JSON.parse(file.text) };
};

/** Opens "Antworten prüfen" from the start page. */
BogenApp.prototype.openReviewPage = async function openReviewPage() {
  await this.startPage();
  await this.page.getByRole('main').getByRole('link', { name: 'Antworten prüfen', exact: true }).click();
  await this.waitForPage('Antworten prüfen');
};

/** The start page's part "Ihre Entwürfe". */
BogenApp.prototype.draftsSection = function draftsSection() {
  return this.page.getByRole('region', { name: /^(Ihre Entwürfe|Your drafts)$/ });
};

/** The start page's notice that starts with `text` (a string or RegExp), as a region. */
BogenApp.prototype.notice = function notice(text) {
  return this.page.getByRole('main').getByRole('region').filter({ hasText: text });
};

/** Every localStorage entry whose key starts with `prefix`, as { key: value }. */
BogenApp.prototype.stored = async function stored(prefix = 'bogen:') {
  return this.page.evaluate((prefix) => {
    const out = {};
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key.startsWith(prefix)) out[key] = localStorage.getItem(key);
    }
    return out;
  }, prefix);
};

/** The stored drafts of a questionnaire, parsed: [{ key, draft }] in no particular order. */
BogenApp.prototype.storedDrafts = async function storedDrafts(questionnaireId) {
  const entries = await this.stored(`bogen:draft:${questionnaireId}:`);
  return Object.entries(entries).map(([key, text]) => ({ key, draft: JSON.parse(text) }));
};

/** Waits until the open draft's stored entry holds `text` (the autosave has written it). */
BogenApp.prototype.waitForDraftSaved = async function waitForDraftSaved(questionnaireId, text, { timeout = DEFAULT_TIMEOUT } = {}) {
  await this.page.waitForFunction(
    ([prefix, needle]) => {
      for (let i = 0; i < localStorage.length; i++) {
        const key = localStorage.key(i);
        if (key.startsWith(prefix) && (localStorage.getItem(key) ?? '').includes(needle)) return true;
      }
      return false;
    },
    [`bogen:draft:${questionnaireId}:`, text],
    { timeout, polling: 100 },
  );
};

/**
 * Answers whole pages the way a person does: `pages` maps a page's section id to its answers
 * (ids to values in the JSON form), in order; each page is opened from the start page.
 * `expectation` is a lib/questionnaire.mjs Expectation of the questionnaire.
 */
BogenApp.prototype.fillPages = async function fillPages(expectation, pages) {
  for (const [id, answers] of Object.entries(pages)) {
    await this.openSection(expectation.sectionTitle(id));
    for (const [q, value] of Object.entries(answers)) await this.answer(expectation.question(q), value);
  }
  await this.startPage();
};
