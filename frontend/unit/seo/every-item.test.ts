import assert from 'node:assert/strict';
import { test } from 'node:test';
import { everyItem } from '../../src/seo/every-item.ts';

/** A list endpoint of `count` items served 100 at a time, recording the offsets asked for. */
function endpoint(count: number) {
  const offsets: number[] = [];
  const fetchPage = async (offset: number) => {
    offsets.push(offset);
    const results = Array.from({ length: Math.max(0, Math.min(100, count - offset)) }, (_, index) => offset + index);
    return { data: { count, next: offset + results.length < count ? `?offset=${offset + 100}` : null, results } };
  };
  return { offsets, fetchPage };
}

test('a list longer than one page is read to its end', async () => {
  const { offsets, fetchPage } = endpoint(250);
  const items = await everyItem(fetchPage);
  assert.deepEqual(offsets, [0, 100, 200]);
  assert.deepEqual(items, Array.from({ length: 250 }, (_, index) => index));
});

test('an empty list takes one request', async () => {
  const { offsets, fetchPage } = endpoint(0);
  assert.deepEqual(await everyItem(fetchPage), []);
  assert.deepEqual(offsets, [0]);
});

test('a refused request fails rather than giving a partial list', async () => {
  await assert.rejects(everyItem(async () => ({})), /refused/);
});
