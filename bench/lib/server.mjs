// The benchmark's static servers on 127.0.0.1: one origin per system, so the two never share
// storage or cache.
//
// - Bogen: the release build (a snapshot of dist/) at /, as `scripts/serve.sh` serves it.
// - SurveyJS: bench/pages/surveyjs.html at /, its script, and the pinned npm bundles under /lib/.
// - Both: the generated questionnaires under /q/.
//
// Every response is sent uncompressed with Content-Length, `Cache-Control: no-store`, and the two
// headers that make the page cross-origin isolated (COOP same-origin, COEP require-corp):
// `performance.measureUserAgentSpecificMemory()` (the memory figure) needs that, and it gives
// `performance.now()` its fine resolution. Neither app requests anything from another origin.
//
// The server counts what it sends: for each request the body's bytes and the bytes of the same
// body compressed with zlib's gzip at level 9 (cached per file), which is what a server that
// compresses would send.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
// The end-to-end tests' content types and path check.
import { MIME, inside } from '../../tests/e2e/lib/server.mjs';

const gzipCache = new Map();
function gzipSize(path, body) {
  const key = `${path}:${body.length}`;
  if (!gzipCache.has(key)) gzipCache.set(key, gzipSync(body, { level: 9 }).length);
  return gzipCache.get(key);
}

/**
 * Starts a server. `mounts` maps a URL prefix ('/', '/q/', '/lib/') to a folder, or to an object
 * { 'name': absolute file path } for single files. `index` is the file for '/' and for paths
 * without an extension (the app's routes).
 * Resolves to { url, served, reset(), close() }; `served` lists { path, bytes, gzip } per request.
 */
export async function startServer({ mounts, index }) {
  const prefixes = Object.keys(mounts).sort((a, b) => b.length - a.length);
  let served = [];
  const find = async (path) => {
    for (const prefix of prefixes) {
      if (!path.startsWith(prefix)) continue;
      const rest = path.slice(prefix.length);
      const target = mounts[prefix];
      const file = typeof target === 'string' ? inside(resolve(target), '/' + rest) : target[rest];
      if (!file) continue;
      try {
        const s = await stat(file);
        if (s.isFile()) return file;
      } catch {
        // not here: try the next mount
      }
    }
    if (path === '/' || extname(path) === '') return index;
    return null;
  };
  const server = createServer(async (req, res) => {
    const path = new URL(req.url, 'http://127.0.0.1').pathname;
    const file = req.method === 'GET' || req.method === 'HEAD' ? await find(path) : null;
    const headers = {
      'cache-control': 'no-store',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-embedder-policy': 'require-corp',
      'cross-origin-resource-policy': 'same-origin',
    };
    if (!file) {
      res.writeHead(404, { ...headers, 'content-type': 'text/plain; charset=utf-8' });
      res.end(`404 ${path}\n`);
      served.push({ path, status: 404, bytes: 0, gzip: 0 });
      return;
    }
    const body = await readFile(file);
    res.writeHead(200, {
      ...headers,
      'content-type': MIME[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'content-length': body.length,
    });
    res.end(req.method === 'HEAD' ? undefined : body);
    served.push({ path, status: 200, bytes: body.length, gzip: gzipSize(file, body) });
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok);
  });
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    get served() {
      return served;
    },
    reset() {
      served = [];
    },
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections?.();
        server.close(() => ok());
      }),
  };
}

const benchDir = fileURLToPath(new URL('..', import.meta.url));

/**
 * The two servers of a run: `bogen` serves the app folder `app` (a snapshot of dist/), `surveyjs`
 * the SurveyJS page with the pinned bundles from bench/node_modules; both serve the generated
 * questionnaires of `questionnaires` under /q/.
 */
export async function startBenchServers({ app, questionnaires }) {
  const nm = join(benchDir, 'node_modules');
  return {
    bogen: await startServer({ mounts: { '/': app, '/q/': questionnaires }, index: join(app, 'index.html') }),
    surveyjs: await startServer({
      mounts: {
        '/': join(benchDir, 'pages'),
        '/q/': questionnaires,
        '/lib/': {
          'survey.core.min.js': join(nm, 'survey-core', 'survey.core.min.js'),
          'survey-js-ui.min.js': join(nm, 'survey-js-ui', 'survey-js-ui.min.js'),
          'survey-core.fontless.min.css': join(nm, 'survey-core', 'survey-core.fontless.min.css'),
        },
      },
      index: join(benchDir, 'pages', 'surveyjs.html'),
    }),
  };
}

/** The URL of a questionnaire (`meta` from generate.mjs) in one system: Bogen opens its first page. */
export function pageUrl(servers, system, meta) {
  const base = `${meta.questions}-${meta.mode}`;
  if (system === 'bogen') return `${servers.bogen.url}/?questionnaire=/q/bogen-${base}.json#/abschnitt/${meta.bogenSection}`;
  return `${servers.surveyjs.url}/?questionnaire=/q/surveyjs-${base}.json`;
}
