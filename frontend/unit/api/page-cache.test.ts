import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cacheableRequest, cacheableResponse, keptHeaders, PageCache, type CachedPage } from '../../src/api/page-cache.ts';

const page = (body = '<!doctype html><p>Strona</p>'): CachedPage => ({
  status: 200,
  headers: [['content-type', 'text/html']],
  body: new TextEncoder().encode(body),
});

test('a page is served while the API cache is in the epoch it was rendered in, and for its TTL', () => {
  let now = 1_000;
  const cache = new PageCache(10, 1_000_000, () => now);
  assert.equal(cache.set('/a/', page(), { epoch: 3, ttlMs: 60_000 }), true);
  assert.deepEqual(cache.get('/a/', 3), page());
  // A publish webhook dropped answers: the epoch moved on, the page is gone for good.
  assert.equal(cache.get('/a/', 4), undefined);
  assert.equal(cache.get('/a/', 3), undefined);
  cache.set('/b/', page(), { epoch: 4, ttlMs: 60_000 });
  now += 60_000;
  assert.equal(cache.get('/b/', 4), undefined);
  assert.equal(cache.size, 0);
});

test('a page rendered across a drop is never served: it carries the epoch of its start', () => {
  const cache = new PageCache(10, 1_000_000);
  const started = 7; // the epoch when the rendering began; a webhook then moved it to 8
  cache.set('/a/', page(), { epoch: started, ttlMs: 60_000 });
  assert.equal(cache.get('/a/', 8), undefined);
});

test('no TTL, no keeping (API_CACHE_SECONDS=0)', () => {
  const cache = new PageCache(10, 1_000_000);
  assert.equal(cache.set('/a/', page(), { epoch: 0, ttlMs: 0 }), false);
  assert.equal(cache.get('/a/', 0), undefined);
});

test('bounded by count and by bytes, least recently used out first', () => {
  const cache = new PageCache(2, 1_000_000);
  cache.set('/a/', page(), { epoch: 0, ttlMs: 60_000 });
  cache.set('/b/', page(), { epoch: 0, ttlMs: 60_000 });
  cache.get('/a/', 0);
  cache.set('/c/', page(), { epoch: 0, ttlMs: 60_000 });
  assert.equal(cache.get('/b/', 0), undefined);
  assert.ok(cache.get('/a/', 0));
  assert.ok(cache.get('/c/', 0));

  const small = new PageCache(100, 100);
  small.set('/x/', page('x'.repeat(60)), { epoch: 0, ttlMs: 60_000 });
  small.set('/y/', page('y'.repeat(60)), { epoch: 0, ttlMs: 60_000 });
  assert.equal(small.get('/x/', 0), undefined);
  assert.ok(small.get('/y/', 0));
  assert.equal(small.set('/z/', page('z'.repeat(101)), { epoch: 0, ttlMs: 60_000 }), false);
  // Replacing a page counts its bytes once.
  small.set('/y/', page('w'.repeat(60)), { epoch: 0, ttlMs: 60_000 });
  small.set('/v/', page('v'.repeat(20)), { epoch: 0, ttlMs: 60_000 });
  assert.ok(small.get('/y/', 0));
  assert.ok(small.get('/v/', 0));
});

test('only pages for everyone: GET outside /api/, 200 HTML, no cookie, nothing private', () => {
  assert.equal(cacheableRequest('GET', '/dobre-praktyki/'), true);
  assert.equal(cacheableRequest('HEAD', '/dobre-praktyki/'), false);
  assert.equal(cacheableRequest('POST', '/api/webhooks/cms'), false);
  assert.equal(cacheableRequest('GET', '/api/preview'), false);
  const html = { 'Content-Type': 'text/html; charset=utf-8' };
  assert.equal(cacheableResponse(200, new Headers(html)), true);
  for (const status of [400, 404, 503, 301]) assert.equal(cacheableResponse(status, new Headers(html)), false, String(status));
  assert.equal(cacheableResponse(200, new Headers({ 'Content-Type': 'application/xml' })), false);
  assert.equal(cacheableResponse(200, new Headers({ ...html, 'Set-Cookie': 'a=b' })), false);
  assert.equal(cacheableResponse(200, new Headers({ ...html, 'Cache-Control': 'no-store' })), false);
  assert.equal(cacheableResponse(200, new Headers({ ...html, 'Cache-Control': 'private, max-age=60' })), false);
});

test("a cached page keeps its answer's headers but those of one response", () => {
  const headers = new Headers({ 'Content-Type': 'text/html', 'X-Robots-Tag': 'noindex', Date: 'x', 'Content-Length': '5' });
  assert.deepEqual(keptHeaders(headers), [
    ['content-type', 'text/html'],
    ['x-robots-tag', 'noindex'],
  ]);
});
