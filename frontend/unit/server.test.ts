import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { PageCache, publishPageHits } from '../src/api/page-cache.ts';
import { portalListener } from '../server.mjs';

// The bundle's side (src/api/page-cache.ts, as src/middleware.ts uses it) and the server's (server.mjs), each from
// its own module: they meet only through the symbol on globalThis, as in production.
const cache = new PageCache(10, 1_000_000);
let epoch = 0;
const astroSaw: string[] = [];
let origin = '';
let client = '';
let server: ReturnType<typeof createServer>;
const page = '<!doctype html><title>Dobre praktyki</title><p>Żółć</p>';

before(async () => {
  client = mkdtempSync(join(tmpdir(), 'a4b-server-test-'));
  mkdirSync(join(client, '_astro'));
  writeFileSync(join(client, '_astro/site.abc123.css'), 'body{color:#000}');
  publishPageHits(cache, () => epoch);
  const astro = (req: IncomingMessage, res: ServerResponse) => {
    astroSaw.push(`${req.method} ${req.url}`);
    res.writeHead(200, { 'Content-Type': 'text/plain' }).end('Astro');
  };
  server = createServer(portalListener({ astro, client }));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => {
  server.close();
  rmSync(client, { recursive: true, force: true });
});

const keep = (key: string) =>
  cache.set(
    key,
    { status: 200, headers: [['content-type', 'text/html'], ['x-robots-tag', 'noindex']], body: new TextEncoder().encode(page) },
    { epoch, ttlMs: 60_000 },
  );

test('a kept page is answered by the server, headers and bytes as kept, Astro not asked', async () => {
  keep('/dobre-praktyki/?strona=2');
  astroSaw.length = 0;
  const response = await fetch(`${origin}/dobre-praktyki/?strona=2`);
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-type'), 'text/html');
  assert.equal(response.headers.get('x-robots-tag'), 'noindex');
  assert.equal(response.headers.get('x-portal-cache'), 'hit');
  assert.equal(response.headers.get('content-length'), String(new TextEncoder().encode(page).byteLength));
  assert.equal(await response.text(), page);
  assert.deepEqual(astroSaw, []);
});

test('everything the cache does not answer goes to Astro: other queries, other methods, a drop', async () => {
  keep('/partnerzy/');
  astroSaw.length = 0;
  await fetch(`${origin}/partnerzy/?inna=1`);
  await fetch(`${origin}/partnerzy/`, { method: 'HEAD' });
  await fetch(`${origin}/partnerzy/`, { method: 'POST', body: 'x' });
  epoch += 1; // a publish webhook dropped API answers
  const response = await fetch(`${origin}/partnerzy/`);
  assert.equal(await response.text(), 'Astro');
  assert.deepEqual(astroSaw, ['GET /partnerzy/?inna=1', 'HEAD /partnerzy/', 'POST /partnerzy/', 'GET /partnerzy/']);
});

test('the build client files are served by the server, immutable under /_astro/; other paths go to Astro', async () => {
  astroSaw.length = 0;
  const css = await fetch(`${origin}/_astro/site.abc123.css`);
  assert.equal(css.status, 200);
  assert.match(css.headers.get('content-type') ?? '', /^text\/css/);
  assert.equal(css.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  assert.equal(await css.text(), 'body{color:#000}');
  await fetch(`${origin}/_astro/`);
  await fetch(`${origin}/_astro/missing.css`);
  assert.equal(astroSaw.length, 2);
});

test('a request-target that is not a URI answers 400, as the adapter standalone server did', async () => {
  astroSaw.length = 0;
  const response = await fetch(`${origin}/%E0%A4%A`);
  assert.equal(response.status, 400);
  assert.deepEqual(astroSaw, []);
});
