// The app works offline: it asks nothing of any host but the one that served it (127.0.0.1).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { harness } from './lib/harness.mjs';

const h = harness();

test('the app makes no request outside 127.0.0.1', async (t) => {
  const { app, context, page } = await h.page(t);
  const origin = new URL(h.server.url).origin;
  const outside = [];
  const seen = [];
  // Record every request of the context (pages, workers, prefetches), and refuse those that leave
  // the machine so that a stray one cannot hang the test.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    seen.push(url);
    const u = new URL(url);
    const local = u.origin === origin || u.protocol === 'data:' || u.protocol === 'blob:';
    if (local) return route.continue();
    outside.push(url);
    return route.abort('blockedbyclient');
  });
  context.on('request', (request) => {
    const u = new URL(request.url());
    if (!['data:', 'blob:'].includes(u.protocol) && u.hostname !== '127.0.0.1') outside.push(request.url());
  });
  // WebSockets bypass routing: watch them separately (a build left by `trunk serve` opens one).
  page.on('websocket', (ws) => {
    let host;
    try { host = new URL(ws.url()).hostname; } catch { host = ws.url(); }
    if (host !== '127.0.0.1') outside.push(ws.url());
  });

  await app.open();
  const name = await app.showField('Name der Kommune', 'Angaben zur Kommune');
  await name.fill('Musterstadt');
  await app.waitForStoredText('Musterstadt');
  await app.reload();
  await app.showField('Name der Kommune', 'Angaben zur Kommune');
  await page.waitForLoadState('networkidle');

  assert.ok(seen.some((u) => u.endsWith('.wasm')), `the app's .wasm was never requested; requests: ${seen.join(', ')}`);
  assert.deepEqual([...new Set(outside)], [], 'requests outside 127.0.0.1');
  app.assertNoPageErrors();
});
