// Screenshots for people to look at: tests/e2e/screenshots/<test>-<page>.png (gitignored).
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SCREENSHOTS = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', 'screenshots');

const slug = (s) =>
  String(s)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** Saves a full-page screenshot as screenshots/<test>-<page>.png and returns its path. */
export async function screenshot(page, testName, pageName) {
  await mkdir(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${slug(testName)}-${slug(pageName)}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
