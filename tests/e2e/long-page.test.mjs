// Issue 13, a very long page: the app draws a page's questions in chunks that the browser lays
// out and paints only near the viewport (content-visibility). Every question must still be there
// for the person: an error link of the summary, a change link of "Antworten prüfen" and the Tab
// key reach a question far down the page (focus draws its chunk and brings it into view), what is
// typed there is taken, and a question shown by a choice at the top appears at once.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eventually } from './lib/app.mjs';
import { harness } from './lib/harness.mjs';
import { screenshot } from './lib/screenshot.mjs';

const h = harness();
const N = 300;
const TITLE = 'Alle Fragen';

/** One page of 300 questions: text fields, every tenth required, and a choice that shows one. */
function longQuestionnaire() {
  const questions = [
    {
      id: 'q1',
      type: 'singleChoice',
      label: 'Frage 1',
      options: [
        { value: 'a', label: 'A' },
        { value: 'b', label: 'B' },
      ],
    },
    { id: 'q2', type: 'text', label: 'Frage 2 (nur bei B)', visibleIf: "q1 = 'b'" },
  ];
  for (let i = 3; i <= N; i++) questions.push({ id: `q${i}`, type: 'text', label: `Frage ${i}`, required: i % 10 === 0 });
  return {
    formatVersion: 1,
    id: 'e2e-long-page',
    version: '1.0.0',
    title: 'Ein langer Fragebogen',
    sections: [{ id: 'alle', title: TITLE, questions }],
  };
}

async function openLongPage(app) {
  const url = new URL('/e2e-served/long-page.json', app.baseUrl).href;
  const body = JSON.stringify(longQuestionnaire());
  await app.page.route(url, (route) => route.fulfill({ status: 200, contentType: 'application/json; charset=utf-8', body }));
  await app.open({ questionnaire: url });
  await app.openSection(TITLE);
}

/** Whether the element is inside the viewport (at least its top edge). */
const inViewport = (locator) =>
  locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.bottom > 0 && r.top < window.innerHeight;
  });

test('on a page of 300 questions the error link of the last one focuses it at the bottom and shows it', async (t) => {
  const { app, page } = await h.page(t);
  await openLongPage(app);
  await app.button('Weiter').click();
  const summary = app.errorSummary();
  await summary.waitFor({ state: 'visible' });
  const links = await app.errorSummaryLinks();
  assert.equal(links.length, N / 10, 'every required question of the page is listed');
  assert.equal(links.at(-1), `Bitte beantworten Sie: Frage ${N}`);

  const last = app.input(`Frage ${N}`);
  assert.ok(!(await inViewport(last)), 'the last question starts far below the viewport');
  await summary.getByRole('link').last().click();
  await app.waitForFocus(last);
  assert.ok(await inViewport(last), 'the field is scrolled into view');
  assert.ok(await inViewport(page.getByText(`Frage ${N}`, { exact: true })), 'with its label');
  await screenshot(page, t.name, 'last-question');

  // What is typed there is taken: its error leaves the summary at once.
  await last.pressSequentially('Ende');
  await eventually(() => app.errorSummaryLinks(), (l) => !l.includes(`Bitte beantworten Sie: Frage ${N}`));
  assert.equal((await app.errorSummaryLinks()).length, N / 10 - 1);
  app.assertNoPageErrors();
});

test('the Tab key moves from the last field of one chunk of questions to the first of the next', async (t) => {
  const { app } = await h.page(t);
  await openLongPage(app);
  // The first chunk holds 6 questions, the others 20: the page's 26th and 27th questions lie
  // in different ones.
  await app.input('Frage 26').focus();
  await app.page.keyboard.press('Tab');
  const next = app.input('Frage 27');
  await app.waitForFocus(next);
  assert.ok(await inViewport(next));
  await app.page.keyboard.type('x');
  await app.assertValue(next, 'x', 'typed into the field that has the focus');
  app.assertNoPageErrors();
});

test('a change link of "Antworten prüfen" lands on a question far down the long page', async (t) => {
  const { app, page } = await h.page(t);
  await openLongPage(app);
  await app.choose('Frage 1', 'B');
  await app.input('Frage 2 (nur bei B)').waitFor({ state: 'visible' });
  await app.input(`Frage ${N - 1}`).fill('vorletzte');
  await app.waitForStoredText('vorletzte');
  await page.goto(new URL('#/pruefen', page.url()).href);
  await app.waitForPage('Antworten prüfen');
  await page.getByRole('link', { name: `Ändern Frage ${N - 1}`, exact: true }).click();
  await app.waitForPage(TITLE);
  const field = app.input(`Frage ${N - 1}`);
  await app.waitForFocus(field);
  assert.ok(await inViewport(field), 'the field is scrolled into view');
  await app.assertValue(field, 'vorletzte', 'with its answer');
  app.assertNoPageErrors();
});
