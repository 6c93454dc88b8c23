import assert from 'node:assert/strict';
import { test } from 'node:test';
import { searchBoxStrings } from '../../src/i18n/search-box.ts';
import { moveActive, readSuggestions, suggestible, suggestUrl, SUGGESTION_LIMIT } from '../../src/search/combobox.ts';
import { sitePath } from '../../src/search/paths.ts';

test('arrow keys: down from none is the first, up from none the last, and both wrap', () => {
  assert.equal(moveActive(-1, 3, 'next'), 0);
  assert.equal(moveActive(0, 3, 'next'), 1);
  assert.equal(moveActive(2, 3, 'next'), 0);
  assert.equal(moveActive(-1, 3, 'previous'), 2);
  assert.equal(moveActive(1, 3, 'previous'), 0);
  assert.equal(moveActive(0, 3, 'previous'), 2);
  assert.equal(moveActive(-1, 0, 'next'), -1);
});

test('suggestions are asked for from two characters on, spaces aside', () => {
  assert.equal(suggestible('o'), false);
  assert.equal(suggestible(' o '), false);
  assert.equal(suggestible('ol'), true);
  assert.equal(
    suggestUrl('http://cms.example/api/v2/search/autocomplete/', ' Ołom ', 'pl'),
    `http://cms.example/api/v2/search/autocomplete/?q=O%C5%82om&locale=pl&limit=${SUGGESTION_LIMIT}`,
  );
  assert.equal(new URL(suggestUrl('http://cms.example/a/', 'x'.repeat(500), 'cs')).searchParams.get('q')?.length, 100);
});

test("the API's answer is read defensively: only titles with a path on this site, at most the limit", () => {
  const body = {
    results: [
      { id: 1, type: 'practice', title: 'Olomouc', path: '/cs/dobra-praxe/x/' },
      { id: 2, type: 'event', title: 'Evil', path: 'javascript:alert(1)' },
      { id: 3, type: 'event', title: 'Elsewhere', path: '//evil.example/' },
      { id: 4, type: 'event', title: 'Backslash', path: '/\\evil.example/' },
      { id: 5, title: '', path: '/x/' },
      { id: 6, title: 'No type', path: '/y/' },
      null,
    ],
  };
  assert.deepEqual(readSuggestions(body), [
    { title: 'Olomouc', type: 'practice', path: '/cs/dobra-praxe/x/' },
    { title: 'No type', type: '', path: '/y/' },
  ]);
  assert.deepEqual(readSuggestions(null), []);
  assert.deepEqual(readSuggestions({ results: 'x' }), []);
  const many = { results: Array.from({ length: 20 }, (_, index) => ({ title: `t${index}`, path: `/p${index}/` })) };
  assert.equal(readSuggestions(many).length, SUGGESTION_LIMIT);
  assert.equal(sitePath('https://evil.example/'), undefined);
  assert.equal(sitePath('/ok/'), '/ok/');
});

test('the live region counts suggestions in each language, Czech with its three plural forms', () => {
  const pl = searchBoxStrings('pl');
  const cs = searchBoxStrings('cs');
  assert.deepEqual([0, 1, 2, 5, 8].map(pl.count), ['Brak podpowiedzi', '1 podpowiedź', '2 podpowiedzi', '5 podpowiedzi', '8 podpowiedzi']);
  assert.deepEqual([0, 1, 2, 4, 5, 8].map(cs.count), ['Žádné návrhy', '1 návrh', '2 návrhy', '4 návrhy', '5 návrhů', '8 návrhů']);
});
