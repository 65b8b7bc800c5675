// A tiny static file server for the release build in dist/, for the end-to-end tests.
//
//   node tests/e2e/lib/server.mjs [DIST] [PORT]   serves DIST (default: dist/) on 127.0.0.1
//
// Besides dist/ it serves tests/e2e/fixtures/ under /e2e-fixtures/, so a test can point the app
// at a questionnaire of its own (`?questionnaire=/e2e-fixtures/broken.json`), and takes uploads
// of submission files with POST under /e2e-upload/ (see UPLOAD_PREFIX below). It listens on
// 127.0.0.1 only, on a free port unless one is given, answers every file with its proper MIME
// type (application/wasm for .wasm, which WebAssembly.instantiateStreaming insists on), never
// caches, and falls back to index.html for paths without a file extension (as `trunk serve` does).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
export const REPO_ROOT = resolve(here, '..', '..', '..');
export const DEFAULT_DIST = process.env.BOGEN_DIST ? resolve(process.env.BOGEN_DIST) : join(REPO_ROOT, 'dist');
export const FIXTURES = resolve(here, '..', 'fixtures');
export const FIXTURE_PREFIX = '/e2e-fixtures/';

// Uploads (the app's "Datei hochladen"): POST multipart/form-data, as docs/SUBMISSION.md says.
//   /e2e-upload/ok       stores the request in `uploads` and answers 201 Created
//   /e2e-upload/fail     answers 500 Internal Server Error
//   /e2e-upload/flaky    answers 500 while `uploadFailuresLeft` > 0 (counting down), then as /ok
//   /e2e-upload/no-cors  answers 201 but without the CORS header, so the browser hides the answer
// Every answer but no-cors carries `Access-Control-Allow-Origin: *`: the tests post from the app's
// origin (127.0.0.1) to `localhost`, another origin, as an office's upload server would be.
export const UPLOAD_PREFIX = '/e2e-upload/';

export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

/** Resolves a URL path inside `root`, or null when it would leave it. */
export function inside(root, urlPath) {
  const file = normalize(join(root, decodeURIComponent(urlPath)));
  return file === root || file.startsWith(root + sep) ? file : null;
}

async function fileOrNull(path) {
  try {
    const s = await stat(path);
    if (s.isDirectory()) return fileOrNull(join(path, 'index.html'));
    return { path, body: await readFile(path) };
  } catch {
    return null;
  }
}

/**
 * Starts the server. Resolves to { url, port, requests, uploads, control, close() }; `requests`
 * lists every path asked for, in order; `uploads` every stored upload ({ path, contentType,
 * origin, body }); `control.uploadFailuresLeft` how often /e2e-upload/flaky still fails.
 */
export async function startServer({ dist = DEFAULT_DIST, port = 0, quiet = true } = {}) {
  const root = resolve(dist);
  if (!(await fileOrNull(join(root, 'index.html')))) {
    throw new Error(`${root}/index.html not found: build the app first (scripts/build.sh, or trunk build --release)`);
  }
  const requests = [];
  const uploads = [];
  const control = { uploadFailuresLeft: 1 };
  const server = createServer(async (req, res) => {
    const path = new URL(req.url, 'http://127.0.0.1').pathname;
    requests.push(path);
    if (path.startsWith(UPLOAD_PREFIX) && req.method === 'POST') {
      const chunks = [];
      for await (const chunk of req) chunks.push(chunk);
      const body = Buffer.concat(chunks);
      const kind = path.slice(UPLOAD_PREFIX.length);
      const cors = { 'access-control-allow-origin': '*' };
      let status = 201;
      if (kind === 'fail' || (kind === 'flaky' && control.uploadFailuresLeft-- > 0)) status = 500;
      if (status === 201) uploads.push({ path, contentType: req.headers['content-type'] ?? '', origin: req.headers.origin, body });
      if (!quiet) console.log(`${status} ${req.method} ${req.url}`);
      res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...(kind === 'no-cors' ? {} : cors) });
      res.end(status === 201 ? 'stored\n' : 'failed on purpose\n');
      return;
    }
    let found = null;
    if (req.method === 'GET' || req.method === 'HEAD') {
      if (path.startsWith(FIXTURE_PREFIX)) {
        const file = inside(FIXTURES, path.slice(FIXTURE_PREFIX.length - 1));
        found = file && (await fileOrNull(file));
      } else {
        const file = inside(root, path);
        found = file && (await fileOrNull(file));
        if (!found && extname(path) === '') found = await fileOrNull(join(root, 'index.html'));
      }
    }
    const status = found ? 200 : req.method === 'GET' || req.method === 'HEAD' ? 404 : 405;
    if (!quiet) console.log(`${status} ${req.method} ${req.url}`);
    if (!found) {
      res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`${status} ${path}\n`);
      return;
    }
    res.writeHead(200, {
      'content-type': MIME[extname(found.path).toLowerCase()] ?? 'application/octet-stream',
      'content-length': found.body.length,
      'cache-control': 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : found.body);
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', ok);
  });
  const actualPort = server.address().port;
  return {
    url: `http://127.0.0.1:${actualPort}`,
    port: actualPort,
    requests,
    uploads,
    control,
    close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(() => ok()); }),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [dist, port] = process.argv.slice(2);
  const s = await startServer({ dist: dist ?? DEFAULT_DIST, port: Number(port ?? 0), quiet: false });
  console.log(`serving ${resolve(dist ?? DEFAULT_DIST)} at ${s.url}/ (fixtures under ${s.url}${FIXTURE_PREFIX}); Ctrl-C stops`);
}
