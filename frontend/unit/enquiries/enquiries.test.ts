import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { test } from 'node:test';
import { EMPTY_VALUES, enquiryRequest, readEnquiry } from '../../src/enquiries/form.ts';
import { tokenToShow } from '../../src/forms/fields.ts';
import { enquiryPath, practiceIdOf } from '../../src/enquiries/paths.ts';
import { signVisitor, visitorAddress } from '../../src/enquiries/visitor.ts';

test('the visitor header is signed as the CMS checks it: HMAC-SHA256 of "address;time"', () => {
  const header = signVisitor('203.0.113.5', 'secret', 1_800_000_000_123);
  const [address, stamp, signature] = header.split(';');
  assert.equal(address, '203.0.113.5');
  assert.equal(stamp, '1800000000');
  assert.equal(signature, createHmac('sha256', 'secret').update('203.0.113.5;1800000000').digest('hex'));
  assert.notEqual(signVisitor('203.0.113.5', 'other', 1_800_000_000_123), header);
});

test("the visitor is the trusted proxy's entry of X-Forwarded-For, never one the visitor wrote", () => {
  assert.equal(visitorAddress('198.51.100.1, 203.0.113.7', '10.0.0.2', 1), '203.0.113.7');
  assert.equal(visitorAddress('198.51.100.1, 203.0.113.7', '10.0.0.2', 2), '198.51.100.1');
  assert.equal(visitorAddress('198.51.100.1', '10.0.0.2', 0), '10.0.0.2');
  assert.equal(visitorAddress(null, '::ffff:10.0.0.2', 1), '10.0.0.2');
  assert.equal(visitorAddress('203.0.113.7', '10.0.0.2', 2), '10.0.0.2');
});

test('the practice id in the URL is a positive 32-bit integer or nothing', () => {
  assert.equal(practiceIdOf(new URLSearchParams('practice=42')), 42);
  for (const raw of ['', '0', '-1', '1.5', 'abc', '042', '99999999999', String(2 ** 31)]) {
    assert.equal(practiceIdOf(new URLSearchParams({ practice: raw })), undefined, raw);
  }
  assert.equal(enquiryPath('pl', 42), '/zapytanie/?practice=42');
  assert.equal(enquiryPath('cs'), '/cs/dotaz/');
});

test('the posted form is read defensively and sent as the API expects it', () => {
  const body = new FormData();
  body.set('name', '  Jana  ');
  body.set('email', 'jana@example.cz');
  body.set('message', 'x'.repeat(30_000));
  body.set('consent_to_processing', 'yes');
  body.set('token', 't');
  const values = readEnquiry(body);
  assert.equal(values.name, 'Jana');
  assert.equal(values.message.length, 20_000);
  assert.equal(values.shareAddress, false);
  assert.equal(values.consent, true);
  assert.equal(values.website, '');
  assert.deepEqual(readEnquiry(new FormData()), EMPTY_VALUES);
  const request = enquiryRequest(values, 7, 'cs');
  assert.equal(request.practice, 7);
  assert.equal(request.consent_to_share_address, false);
  assert.equal(request.language, 'cs');
  assert.equal(tokenToShow({ kind: 'invalid', errors: { token: ['expired'] } }, 'sent', 'fresh'), 'fresh');
  assert.equal(tokenToShow({ kind: 'invalid', errors: { name: ['required'] } }, 'sent', 'fresh'), 'sent');
});
