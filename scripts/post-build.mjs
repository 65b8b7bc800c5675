// Trunk post-build hook (Trunk.toml [[hooks]]): puts the questionnaire beside the page and makes
// the build an installable, offline web app.
//
// In Trunk's staging folder ($TRUNK_STAGING_DIR), after index.html is written:
// - index.html's <meta name="bogen-questionnaire" data-src="FILE"> names a questionnaire FILE
//   (relative to the repository): it is copied beside the page as `<name>-<hash>.json` (its content
//   hash, so a changed questionnaire is a new file that no cache confuses with the old one), and
//   the meta gets that name as `content` and the file's own name as `data-file-name`. The page's
//   first script fetches it (or ?questionnaire=<url> instead) while the app's code loads; the
//   app's module carries no questionnaire, and a page opened with ?questionnaire= never
//   downloads this one (`bogen bundle` puts its questionnaire into the page itself instead);
// - sw.js (copied from pwa/sw.js by index.html's copy-file link) gets the build's version and the
//   list of its files, the questionnaire's included, in its BUILD line, so that each build is a
//   new service worker whose cache holds exactly that build;
// - index.html gets <meta name="bogen-build" content="VERSION">: the app compares it with the
//   version it saw last and tells the user that it was updated;
// - Trunk's preloads of the module and the .wasm (which it writes at the end of <head>) move up
//   to just after <meta charset>, so the browser asks for the app's code first;
// - the app's JS glue (wasm-bindgen's bogen-app-*.js, 56 KB as written) is minified with terser
//   (tests/e2e's node_modules, installed by scripts/setup.sh) and its preload's `integrity`
//   follows: 9.2 -> 7.2 KiB gzip for every page load and for the single file of `bogen bundle`.
// The version is the first 16 hex digits of a SHA-256 over every file's name and content.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join, relative, sep } from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('post-build: TRUNK_STAGING_DIR is not set; this script runs as a Trunk post-build hook');
  process.exit(1);
}

function filesUnder(folder) {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const SERVICE_WORKER = 'sw.js';
for (const needed of [SERVICE_WORKER, 'index.html']) {
  try {
    statSync(join(staging, needed));
  } catch {
    console.error(`post-build: ${needed} is missing from the build; index.html must copy pwa/${needed} (data-trunk rel="copy-file")`);
    process.exit(1);
  }
}

const indexFile = join(staging, 'index.html');

// The JS glue, minified before the build's files are listed and hashed. Exported names stay
// (module: true): index.html imports `init` and the bindings by name.
{
  const sourceDir = process.env.TRUNK_SOURCE_DIR ?? process.cwd();
  let minify;
  try {
    ({ minify } = createRequire(join(sourceDir, 'tests', 'e2e', 'package.json'))('terser'));
  } catch {
    console.error('post-build: terser is not installed in tests/e2e/node_modules; run scripts/setup.sh (it runs npm ci there)');
    process.exit(1);
  }
  let index = readFileSync(indexFile, 'utf8');
  for (const file of readdirSync(staging).filter((name) => /^bogen-app-[0-9a-f]+\.js$/.test(name))) {
    const path = join(staging, file);
    const { code } = await minify(readFileSync(path, 'utf8'), { module: true, compress: { passes: 2 }, format: { comments: false } });
    writeFileSync(path, code);
    const integrity = `sha384-${createHash('sha384').update(code).digest('base64')}`;
    const preload = new RegExp(`(href="[^"]*${file.replace('.', '\\.')}"[^>]*integrity=")[^"]*"`);
    if (!preload.test(index)) {
      console.error(`post-build: index.html has no preload of ${file} with an integrity attribute to update`);
      process.exit(1);
    }
    index = index.replace(preload, (_, head) => `${head}${integrity}"`);
  }
  writeFileSync(indexFile, index);
}

// The questionnaire beside the page, before the build's files are listed (the service worker
// caches it with them).
{
  const index = readFileSync(indexFile, 'utf8');
  const element = /<meta name="bogen-questionnaire" data-src="([^"]+)">/;
  const match = index.match(element);
  if (!match) {
    console.error('post-build: index.html has no <meta name="bogen-questionnaire" data-src="…">');
    process.exit(1);
  }
  const source = join(process.env.TRUNK_SOURCE_DIR ?? process.cwd(), match[1]);
  let text;
  try {
    text = readFileSync(source, 'utf8');
    JSON.parse(text);
  } catch (error) {
    console.error(`post-build: the questionnaire ${source} cannot be put beside the page: ${error.message}`);
    process.exit(1);
  }
  const fileName = basename(source);
  const hashed = `${fileName.replace(/\.json$/, '')}-${createHash('sha256').update(text).digest('hex').slice(0, 16)}.json`;
  writeFileSync(join(staging, hashed), text);
  const filled = `<meta name="bogen-questionnaire" content="${hashed}" data-file-name="${fileName}">`;
  writeFileSync(indexFile, index.replace(element, () => filled));
}

const files = filesUnder(staging)
  .map((path) => relative(staging, path).split(sep).join('/'))
  .filter((file) => file !== SERVICE_WORKER)
  .sort();

// Trunk's preloads first: the module and the .wasm are fetched while the rest is parsed.
{
  const index = readFileSync(indexFile, 'utf8');
  const preloads = index.match(/<link rel="(?:modulepreload|preload)"[^>]*>/g) ?? [];
  if (!preloads.some((link) => link.includes('.wasm'))) {
    console.error('post-build: index.html has no <link rel="preload"> of the .wasm (Trunk writes one for a rust link)');
    process.exit(1);
  }
  const charset = '<meta charset="utf-8">';
  if (!index.includes(charset)) {
    console.error(`post-build: index.html has no ${charset}`);
    process.exit(1);
  }
  let moved = index;
  for (const link of preloads) moved = moved.replace(link, '');
  writeFileSync(indexFile, moved.replace(charset, () => `${charset}\n  ${preloads.join('\n  ')}`));
}

// The version covers index.html as it is before the meta line goes in (the line holds the version).
const hash = createHash('sha256');
for (const file of files) hash.update(file).update('\0').update(readFileSync(join(staging, file))).update('\0');
const version = hash.digest('hex').slice(0, 16);

const index = readFileSync(indexFile, 'utf8');
const meta = `<meta name="bogen-build" content="${version}">`;
if (!index.includes('</head>')) {
  console.error('post-build: index.html has no </head>');
  process.exit(1);
}
writeFileSync(indexFile, index.replace('</head>', `${meta}</head>`));

// index.html is fetched as the folder itself ("./"), the way a person opens the app.
const cached = files.map((file) => (file === 'index.html' ? './' : file));
const swPath = join(staging, SERVICE_WORKER);
const sw = readFileSync(swPath, 'utf8');
const line = /^const BUILD = .*\/\/ BOGEN-BUILD:.*$/m;
if (!line.test(sw)) {
  console.error('post-build: pwa/sw.js has no "const BUILD = … // BOGEN-BUILD" line');
  process.exit(1);
}
writeFileSync(swPath, sw.replace(line, `const BUILD = ${JSON.stringify({ version, files: cached })};`));
console.log(`post-build: build ${version}, ${cached.length} files for the service worker`);
