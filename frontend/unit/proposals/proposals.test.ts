import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FIELD_IDS, PLACE_FIELDS, PRACTICE_FIELDS, PROPOSER_FIELDS, proposalRequest, readProposal, TEXT_FIELDS } from '../../src/proposals/form.ts';
import { PROPOSAL_PATHS } from '../../src/proposals/paths.ts';

function body(entries: [string, string][]): FormData {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

test('the form shows every text field of the API once, and the summary can link to all of them', () => {
  const shown = [...PRACTICE_FIELDS, ...PLACE_FIELDS, ...PROPOSER_FIELDS].map((field) => field.name);
  assert.deepEqual([...shown].sort(), [...TEXT_FIELDS].sort());
  assert.ok(FIELD_IDS.includes('topics') && FIELD_IDS.includes('consent_to_processing'));
  assert.equal(PRACTICE_FIELDS.find((field) => field.name === 'title')?.max, 100);
});

test('what the visitor sent is read, trimmed, with every chosen topic and the consent', () => {
  const values = readProposal(
    body([
      ['title', '  Kola  '],
      ['topics', 'mobility'],
      ['topics', 'energy'],
      ['consent_to_processing', 'yes'],
      ['token', 't'],
    ]),
  );
  assert.equal(values.title, 'Kola');
  assert.deepEqual(values.topics, ['mobility', 'energy']);
  assert.equal(values.consent, true);
  assert.equal(values.summary, '');
  assert.equal(readProposal(body([])).consent, false);
});

test('empty coordinates are left out of the request; one given sends both, for the API to name the missing one', () => {
  const values = readProposal(body([['title', 'Kola']]));
  const request = proposalRequest(values, 'cs');
  assert.equal('latitude' in request, false);
  assert.equal(request.language, 'cs');
  assert.equal(request.consent_to_processing, false);
  const half = proposalRequest({ ...values, latitude: '49.5' }, 'cs') as Record<string, unknown>;
  assert.equal(half.latitude, '49.5');
  assert.equal(half.longitude, null);
});

test('the form has a page in each language', () => {
  assert.deepEqual(PROPOSAL_PATHS, { pl: '/zaproponuj-praktyke/', cs: '/cs/navrhnout-praxi/' });
});

test('a chosen partner is sent as its id; "another institution" sends none; a forged one is sent for the API to refuse', () => {
  const chosen = readProposal(body([['partner', ' 42 '], ['institution', '']]));
  assert.equal(chosen.partner, '42');
  assert.equal(proposalRequest(chosen, 'pl').partner, 42);
  const other = readProposal(body([['partner', ''], ['institution', 'Gmina Dobrzeń Wielki']]));
  assert.equal('partner' in proposalRequest(other, 'pl'), false);
  assert.equal(proposalRequest(other, 'pl').institution, 'Gmina Dobrzeń Wielki');
  assert.equal(proposalRequest({ ...other, partner: 'x1' }, 'pl').partner, 0);
  assert.ok(FIELD_IDS.includes('partner'));
});
