import assert from 'node:assert/strict';
import { test } from 'node:test';
import { serializeJsonLd } from '../../src/seo/json-ld.ts';

const hostile = {
  name: 'Konferencja </script><script>alert(1)</script>',
  description: '<!-- a comment opener, & an ampersand, > and <SCRIPT> in capitals',
  separators: 'line\u2028paragraph\u2029end',
  nested: [{ title: '</ScRiPt >' }],
};

test('an editor\'s text cannot close the script element or open a comment in it', () => {
  const text = serializeJsonLd(hostile);
  assert.doesNotMatch(text, /</);
  assert.doesNotMatch(text, />/);
  assert.doesNotMatch(text, /&/);
  assert.doesNotMatch(text, /[\u2028\u2029]/);
  assert.ok(text.includes('\\u003c/script\\u003e'), text);
});

test('what is escaped reads back as the same data', () => {
  assert.deepEqual(JSON.parse(serializeJsonLd(hostile)), hostile);
});

test('plain data is plain JSON', () => {
  const node = { '@context': 'https://schema.org', '@type': 'Event', name: 'Wizyta studyjna w Ołomuńcu', capacity: 20 };
  assert.equal(serializeJsonLd(node), JSON.stringify(node));
});
