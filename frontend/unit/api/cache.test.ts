import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ANY_LOCALE, ResponseCache, localeOfAnswer } from '../../src/api/cache.ts';

const answer = (body: string) => ({ status: 200, contentType: 'application/json', body });

function clock() {
  let now = 1_000;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

test('an answer is kept for its TTL, then fetched again', () => {
  const time = clock();
  const cache = new ResponseCache(10, time.now);
  cache.set('a', answer('1'), { locale: 'pl', ttlMs: 5_000, epoch: cache.epoch });
  time.advance(4_999);
  assert.equal(cache.get('a')?.body, '1');
  time.advance(1);
  assert.equal(cache.get('a'), undefined);
  assert.equal(cache.size, 0);
});

test('bounded: the least recently used answer goes first', () => {
  const cache = new ResponseCache(2);
  const keep = { locale: 'pl', ttlMs: 60_000 };
  cache.set('a', answer('a'), { ...keep, epoch: cache.epoch });
  cache.set('b', answer('b'), { ...keep, epoch: cache.epoch });
  cache.get('a');
  cache.set('c', answer('c'), { ...keep, epoch: cache.epoch });
  assert.equal(cache.size, 2);
  assert.equal(cache.get('b'), undefined);
  assert.equal(cache.get('a')?.body, 'a');
  assert.equal(cache.get('c')?.body, 'c');
});

test('dropping a language forgets its answers and those without a language, and keeps the others', () => {
  const cache = new ResponseCache(10);
  for (const [key, locale] of [['pl-1', 'pl'], ['pl-2', 'pl'], ['cs-1', 'cs'], ['locales', ANY_LOCALE]]) {
    cache.set(key!, answer(key!), { locale: locale!, ttlMs: 60_000, epoch: cache.epoch });
  }
  assert.equal(cache.dropLocales(['pl']), 3);
  assert.deepEqual(['pl-1', 'pl-2', 'cs-1', 'locales'].map((key) => cache.get(key)?.body), [undefined, undefined, 'cs-1', undefined]);
});

test('an answer fetched before a drop is not stored after it (it may predate the publish)', () => {
  const cache = new ResponseCache(10);
  const started = cache.epoch;
  cache.dropLocales(['cs']);
  assert.equal(cache.set('late', answer('old'), { locale: 'pl', ttlMs: 60_000, epoch: started }), false);
  assert.equal(cache.get('late'), undefined);
  assert.equal(cache.set('late', answer('new'), { locale: 'pl', ttlMs: 60_000, epoch: cache.epoch }), true);
});

test('a TTL of 0 keeps nothing', () => {
  const cache = new ResponseCache(10);
  assert.equal(cache.set('a', answer('a'), { locale: 'pl', ttlMs: 0, epoch: cache.epoch }), false);
  assert.equal(cache.size, 0);
});

test("an answer's language: the locale asked for, else the one its body names", () => {
  assert.equal(localeOfAnswer(new URL('http://cms/api/v2/practices/?locale=cs&limit=1'), '{}'), 'cs');
  assert.equal(localeOfAnswer(new URL('http://cms/api/v2/practices/7/'), '{"id":7,"locale":"pl"}'), 'pl');
  assert.equal(localeOfAnswer(new URL('http://cms/api/v2/locales/'), '[{"code":"pl"}]'), ANY_LOCALE);
  assert.equal(localeOfAnswer(new URL('http://cms/api/v2/locales/'), 'not json'), ANY_LOCALE);
});
