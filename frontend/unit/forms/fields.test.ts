import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formText, tokenToShow } from '../../src/forms/fields.ts';

test('a field is read as text, cut at its cap; a missing field or a file is empty', () => {
  const body = new FormData();
  body.set('name', 'Anna Kowalska');
  body.set('file', new Blob(['x']), 'x.txt');
  assert.equal(formText(body, 'name', 4), 'Anna');
  assert.equal(formText(body, 'missing', 10), '');
  assert.equal(formText(body, 'file', 10), '');
});

test('a form shown again keeps its token unless the API refused that token', () => {
  assert.equal(tokenToShow({ kind: 'invalid', errors: { name: ['required'] } }, 'sent', 'fresh'), 'sent');
  assert.equal(tokenToShow({ kind: 'invalid', errors: { token: ['expired'] } }, 'sent', 'fresh'), 'fresh');
  assert.equal(tokenToShow({ kind: 'limited' }, 'sent', 'fresh'), 'fresh');
});
