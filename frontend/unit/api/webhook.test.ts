import assert from 'node:assert/strict';
import { test } from 'node:test';
import { localesTouched, sign, verify } from '../../src/api/webhook.ts';

const secret = 's3cret';
const body = new TextEncoder().encode('{"event":"publish","title":"Wspólny bilet"}');
const sentAt = 1_700_000_000;
/** What the CMS's Python `sign()` (webhooks/delivery.py) computes for these bytes. */
const PYTHON_SIGNATURE = 'sha256=9e07f21e127b7208a11447feb7df3c402e6e078d73ce830658fef1db15cf9dd1';

const signed = (overrides: Partial<Parameters<typeof verify>[0]> = {}) => ({
  secret,
  body,
  signature: PYTHON_SIGNATURE,
  timestamp: String(sentAt),
  ...overrides,
});

test('signs like the CMS: HMAC-SHA256 of the timestamp, a dot and the raw UTF-8 body', () => {
  assert.equal(sign(secret, String(sentAt), body), PYTHON_SIGNATURE);
});

test('accepts the CMS signature within five minutes either way, and not a second later', () => {
  assert.equal(verify(signed(), 300, sentAt), true);
  assert.equal(verify(signed(), 300, sentAt + 300), true);
  assert.equal(verify(signed(), 300, sentAt - 300), true);
  assert.equal(verify(signed(), 300, sentAt + 301), false);
  assert.equal(verify(signed(), 300, sentAt - 301), false);
});

test('refuses a changed body, another secret, a forged or missing signature', () => {
  const changed = new TextEncoder().encode('{"event":"publish","title":"Wspólny bilet!"}');
  assert.equal(verify(signed({ body: changed }), 300, sentAt), false);
  assert.equal(verify(signed({ secret: 'other' }), 300, sentAt), false);
  assert.equal(verify(signed({ signature: PYTHON_SIGNATURE.replace(/.$/, '0') }), 300, sentAt), false);
  assert.equal(verify(signed({ signature: PYTHON_SIGNATURE.slice(7) }), 300, sentAt), false);
  assert.equal(verify(signed({ signature: null }), 300, sentAt), false);
  assert.equal(verify(signed({ secret: '', signature: sign('', String(sentAt), body) }), 300, sentAt), false);
});

test('a replayed body under a fresh timestamp fails: the timestamp is signed with it', () => {
  assert.equal(verify(signed({ timestamp: String(sentAt + 600) }), 300, sentAt + 600), false);
});

test("the timestamp is read as Python's int() reads it, and signed as received", () => {
  for (const timestamp of [' +1_700_000_000 ', '1700000000 ', '+1700000000']) {
    assert.equal(verify(signed({ timestamp, signature: sign(secret, timestamp, body) }), 300, sentAt), true, timestamp);
  }
  // The same number spelled otherwise is not what was signed.
  assert.equal(verify(signed({ timestamp: '+1700000000' }), 300, sentAt), false);
  for (const timestamp of ['', '1.7e9', '0x6553f100', '1__700', 'abc', null]) {
    const signature = sign(secret, timestamp ?? '', body);
    assert.equal(verify(signed({ timestamp, signature }), 300, sentAt), false, String(timestamp));
  }
});

test('an event touches its language and its translations’; a test delivery nothing; no language: everything', () => {
  const payload = { event: 'publish', locale: 'cs', translations: [{ locale: 'pl', id: 41 }] };
  assert.deepEqual(localesTouched(payload), ['cs', 'pl']);
  assert.deepEqual(localesTouched({ event: 'unpublish', locale: 'pl', translations: [] }), ['pl']);
  assert.deepEqual(localesTouched({ event: 'test' }), []);
  assert.equal(localesTouched({ event: 'publish' }), undefined);
  assert.equal(localesTouched([]), undefined);
  assert.equal(localesTouched(null), undefined);
});
