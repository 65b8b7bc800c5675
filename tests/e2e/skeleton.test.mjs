// Issue 3, the walking skeleton: an answer typed into the default questionnaire survives a
// reload, because the app saves the draft in the browser by itself.
import { test } from 'node:test';
import { assertAccessible } from './lib/axe.mjs';
import { harness } from './lib/harness.mjs';
import { screenshot } from './lib/screenshot.mjs';

const h = harness();

test('an answer survives a reload', async (t) => {
  const { app, page } = await h.page(t);
  await app.open();
  await screenshot(page, t.name, 'start');
  await assertAccessible(page, 'the start page');

  const name = await app.showField('Name der Kommune', 'Angaben zur Kommune');
  await app.heading('Angaben zur Kommune').waitFor({ state: 'visible' });
  await name.click();
  await name.pressSequentially('Musterstadt');
  // The app saves ~400 ms after the last keystroke; localStorage is the browser API it saves to.
  await app.waitForStoredText('Musterstadt');
  await screenshot(page, t.name, 'angaben-zur-kommune');
  await assertAccessible(page, 'the section "Angaben zur Kommune"');

  await app.reload();
  const again = await app.showField('Name der Kommune', 'Angaben zur Kommune');
  await app.assertValue(again, 'Musterstadt', 'the field "Name der Kommune" lost its answer on reload');
  await screenshot(page, t.name, 'after-reload');
  app.assertNoPageErrors();
});

test('the language switch changes the labels and keeps the answers', async (t) => {
  const { app, page } = await h.page(t);
  await app.open();
  const name = await app.showField('Name der Kommune', 'Angaben zur Kommune');
  await name.fill('Musterstadt');

  await app.control('English').click();
  const english = app.field('Name of the municipality');
  await english.waitFor({ state: 'visible' });
  await app.assertValue(english, 'Musterstadt', 'switching to English lost the answer');
  await screenshot(page, t.name, 'english');
  await assertAccessible(page, 'the section in English');

  await app.control('Deutsch').click();
  await app.assertValue(app.field('Name der Kommune'), 'Musterstadt', 'switching back to German lost the answer');
  app.assertNoPageErrors();
});
