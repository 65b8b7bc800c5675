// The last check of scripts/try-readme.sh (not a test file: `node --test` does not run it): a running
// server, whatever it is, serves the app's page and its .wasm, and the start page in headless
// Chromium shows the questionnaire's title as its heading.
//
//   node tests/e2e/readme/start-page.mjs URL TITLE
//
// Exits 0 when it does, 1 with what it saw otherwise.
import { launchBrowser, newPage } from '../lib/browser.mjs';

const [url, title] = process.argv.slice(2);
if (!url || !title) {
  console.error('usage: node tests/e2e/readme/start-page.mjs URL TITLE');
  process.exit(2);
}
const failed = (message) => {
  console.error(`start-page: ${message}`);
  process.exit(1);
};

// The page and the .wasm it loads, as plain HTTP.
const get = (address) => fetch(address, { signal: AbortSignal.timeout(30_000) });
const html = await get(url);
if (html.status !== 200) failed(`${url} answered HTTP ${html.status}`);
const wasmPath = (await html.text()).match(/["']([^"']+\.wasm)["']/)?.[1];
if (!wasmPath) failed(`the page at ${url} names no .wasm file`);
const wasmUrl = new URL(wasmPath, url).href;
const wasm = await get(wasmUrl);
const bytes = (await wasm.arrayBuffer()).byteLength;
if (wasm.status !== 200) failed(`${wasmUrl} answered HTTP ${wasm.status}`);
const type = wasm.headers.get('content-type');
console.log(`start-page: ${url} 200, ${wasmUrl} 200 (${type}, ${Math.round(bytes / 1024)} KiB)`);

// The start page in the browser: its <h1> is the questionnaire's title.
const browser = await launchBrowser();
let problem = null;
try {
  const { page } = await newPage(browser);
  await page.goto(url);
  const heading = page.getByRole('heading', { level: 1 });
  try {
    await page.getByRole('heading', { level: 1, name: title, exact: true }).waitFor({ timeout: 60_000 });
    console.log(`start-page: Chromium shows the heading "${title}"`);
    if (page.errors.length) problem = `the page threw:\n${page.errors.join('\n')}`;
  } catch {
    const seen = await heading.allInnerTexts().catch(() => []);
    problem =
      `the start page shows no <h1> "${title}" after 60 s; its <h1>: ${JSON.stringify(seen)}` +
      (page.errors.length ? `\npage errors:\n${page.errors.join('\n')}` : '') +
      (page.consoleErrors.length ? `\nconsole errors:\n${page.consoleErrors.join('\n')}` : '');
  }
} finally {
  await browser.close();
}
if (problem) failed(problem);
