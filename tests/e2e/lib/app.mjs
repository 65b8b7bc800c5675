// Page object of the Bogen app. It finds everything the way a person does: by visible labels,
// roles and accessible names; never by ids, classes or test ids.
import assert from 'node:assert/strict';

export const DEFAULT_TIMEOUT = 15_000;

const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

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
}
