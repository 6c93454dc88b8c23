import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fieldsFor, readRegistration, registrationRequest } from '../../src/registrations/form.ts';
import { cancelPath, eventIdOf, registrationPath, tokenOf } from '../../src/registrations/paths.ts';

test('the form asks what the event asks, after the four questions always asked', () => {
  const always = ['name', 'email', 'country', 'institution_kind'];
  assert.deepEqual(fieldsFor([]).map((field) => field.name), always);
  assert.deepEqual(
    fieldsFor(['internship', 'institution']).map((field) => field.name),
    [...always, 'institution', 'internship_period', 'internship_host'],
  );
  assert.equal(fieldsFor(['position']).find((field) => field.name === 'position')?.required, false);
});

test('the event id and the cancellation token in the URL are checked before the API is asked', () => {
  assert.equal(eventIdOf(new URLSearchParams('event=61')), 61);
  for (const raw of ['', '0', '-1', 'abc', '061', String(2 ** 31)]) assert.equal(eventIdOf(new URLSearchParams({ event: raw })), undefined, raw);
  assert.equal(tokenOf(new URLSearchParams('token=12-abcdefghij:XyZ_-')), '12-abcdefghij:XyZ_-');
  for (const raw of ['', 'short', '<script>alert(1)</script>', 'x'.repeat(301)]) assert.equal(tokenOf(new URLSearchParams({ token: raw })), undefined, raw);
  assert.equal(registrationPath('cs', 62), '/cs/registrace/?event=62');
  assert.equal(cancelPath('pl', 'a:b'), '/rejestracja/anuluj/?token=a%3Ab');
});

test('the posted form is read defensively and sent as the API expects it', () => {
  const body = new FormData();
  body.set('name', '  Jana  ');
  body.set('email', 'jana@example.cz');
  body.set('country', 'CZ');
  body.set('needs', 'x'.repeat(30_000));
  body.set('consent_to_processing', 'yes');
  body.set('token', 't');
  const values = readRegistration(body);
  assert.equal(values.name, 'Jana');
  assert.equal(values.needs.length, 5000);
  const request = registrationRequest(values, 62, 'cs') as unknown as Record<string, unknown>;
  assert.equal(request.event, 62);
  assert.equal(request.consent_to_processing, true);
  assert.equal(request.language, 'cs');
  assert.equal(request.country, 'CZ');
  assert.equal('consent' in request, false);
});
