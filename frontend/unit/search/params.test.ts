import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  apiProblems,
  facetValues,
  MAX_QUERY_LENGTH,
  NO_FACETS,
  pageProblems,
  readSearch,
  searchInOtherLanguage,
  searchQuery,
  toggled,
  withProblems,
} from '../../src/search/params.ts';

const TOPICS = facetValues(['mobility', 'smart-city', 'governance']);
const read = (query: string) => readSearch(new URLSearchParams(query), TOPICS);

test('a query, facets (repeated or comma-separated) and a page are read; unknown parameters ignored', () => {
  const request = read('q=+Ołomuniec+&type=practice,event&type=practice&topic=mobility&agglomeration=olomouc&page=2&utm_source=x');
  assert.deepEqual(request, {
    q: 'Ołomuniec',
    page: 2,
    facets: { type: ['practice', 'event'], topic: ['mobility'], agglomeration: ['olomouc'] },
    problems: [],
  });
});

test('no query is not a problem: the page shows the form', () => {
  assert.deepEqual(read(''), { q: '', page: 1, facets: NO_FACETS, problems: [] });
  assert.deepEqual(read('q=+++').problems, []);
});

test('bad parameters are named, each with its reason, values shortened for display', () => {
  assert.deepEqual(read('q=transport&page=-1').problems, [{ name: 'page', value: '-1', reason: 'page' }]);
  assert.deepEqual(read('q=transport&page=0').problems, [{ name: 'page', value: '0', reason: 'page' }]);
  assert.deepEqual(read('q=transport&page=1&page=2').problems, [{ name: 'page', value: '1,2', reason: 'one-value' }]);
  assert.deepEqual(read('q=transport&type=spaceship').problems, [{ name: 'type', value: 'spaceship', reason: 'unknown' }]);
  assert.deepEqual(read('q=transport&topic=no-such-topic').problems, [{ name: 'topic', value: 'no-such-topic', reason: 'unknown' }]);
  assert.deepEqual(read('q=transport&agglomeration=praha').problems, [{ name: 'agglomeration', value: 'praha', reason: 'unknown' }]);
  assert.deepEqual(read('q=%3C%3E').problems, [{ name: 'q', value: '<>', reason: 'no-letters' }]);
  assert.deepEqual(read('q=a&q=b').problems, [{ name: 'q', value: 'a, b', reason: 'one-value' }]);
  assert.deepEqual(read('q=a&q=a').problems, []);
  const long = read(`q=${'a'.repeat(10_240)}`);
  assert.equal(long.q, '');
  assert.deepEqual(long.problems, [{ name: 'q', value: `${'a'.repeat(40)}…`, reason: 'too-long' }]);
  assert.deepEqual(read(`q=${'a'.repeat(MAX_QUERY_LENGTH)}`).problems, []);
});

test('a facet with a problem is dropped; at most three unknown values are reported; six values are too many', () => {
  const request = read(`q=x&type=${Array.from({ length: 50 }, (_, index) => `t${index}`).join(',')}`);
  assert.equal(request.problems.length, 3);
  assert.deepEqual(request.facets.type, []);
  const six = read('q=x&topic=mobility&agglomeration=opole,olomouc,cross_border&type=practice,event,partner');
  assert.deepEqual(six.problems, []);
  const tooMany = readSearch(
    new URLSearchParams('q=x&topic=a,b,c,d,e,f'),
    facetValues(['a', 'b', 'c', 'd', 'e', 'f']),
  );
  assert.deepEqual(tooMany.problems, [{ name: 'topic', value: 'a,b,c,d,e,f', reason: 'too-many' }]);
});

test('links keep the query and the facets in one order; toggling adds or removes a value and starts at page 1', () => {
  const request = read('q=współpraca&topic=mobility&page=3');
  assert.equal(searchQuery(request), '?q=wsp%C3%B3%C5%82praca&topic=mobility&page=3');
  const facets = toggled(request.facets, 'type', 'event');
  assert.deepEqual(facets, { type: ['event'], topic: ['mobility'], agglomeration: [] });
  assert.equal(searchQuery({ q: request.q, facets }), '?q=wsp%C3%B3%C5%82praca&type=event&topic=mobility');
  assert.deepEqual(toggled(facets, 'topic', 'mobility').topic, []);
  assert.equal(searchQuery({ q: '', facets: NO_FACETS }), '');
});

test("the other language's search keeps the query, types, agglomerations and the topics it has too", () => {
  const request = read('q=Olomouc&type=practice&topic=mobility&topic=governance&agglomeration=olomouc&page=2');
  assert.equal(
    searchInOtherLanguage(request, ['mobility']),
    '?q=Olomouc&type=practice&topic=mobility&agglomeration=olomouc',
  );
});

test("an API 400 is read back by the portal's names; a page past the last is a problem", () => {
  const params = new URLSearchParams('q=x&offset=5&type=a');
  assert.deepEqual(apiProblems({ type: ['Unknown'], offset: ['bad'] }, params), [
    { name: 'type', value: 'a', reason: 'unknown' },
    { name: 'page', value: '', reason: 'unknown' },
  ]);
  assert.deepEqual(apiProblems({}, params), [{ name: '', value: '', reason: 'unknown' }]);
  assert.deepEqual(pageProblems(1, 0), []);
  assert.deepEqual(pageProblems(2, 10), [{ name: 'page', value: '2', reason: 'page' }]);
  assert.deepEqual(pageProblems(2, 11), []);
  const request = withProblems(read('q=x&type=event&page=4'), pageProblems(4, 11));
  assert.equal(request.page, 1);
  assert.deepEqual(request.facets.type, ['event']);
});
