import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatName, readCatalog } from '../../src/opendata/catalog.ts';

const INTERNAL = 'http://cms.internal:8000/api/v2/opendata';

function texts(pl: string, cs: string, en: string) {
  return [
    { '@language': 'pl', '@value': pl },
    { '@language': 'cs', '@value': cs },
    { '@language': 'en', '@value': en },
  ];
}

const CATALOG = {
  '@id': `${INTERNAL}/catalog.jsonld`,
  '@type': 'dcat:Catalog',
  'dct:title': texts('Dane otwarte', 'Otevřená data', 'Open data'),
  'dct:description': texts('Opis', 'Popis', 'Description'),
  'dct:license': { '@id': 'https://creativecommons.org/licenses/by/4.0/' },
  'dcat:dataset': [
    {
      '@id': `${INTERNAL}/catalog.jsonld#practices`,
      'dct:title': texts('Dobre praktyki', 'Dobrá praxe', 'Good practices'),
      'dct:description': texts('Praktyki', 'Praxe', 'Practices'),
      'dct:accrualPeriodicity': { '@id': 'http://publications.europa.eu/resource/authority/frequency/MONTHLY' },
      'dct:modified': { '@type': 'xsd:dateTime', '@value': '2026-12-01T10:00:00+00:00' },
      'dcat:distribution': [
        { 'dcat:downloadURL': { '@id': `${INTERNAL}/practices/pl.csv` } },
        { 'dcat:downloadURL': { '@id': `${INTERNAL}/practices/cs.geojson` } },
        { 'dcat:downloadURL': { '@id': 'http://elsewhere.example/file.zip' } },
      ],
    },
    { '@id': `${INTERNAL}/catalog.jsonld#topics`, 'dct:title': [{ '@language': 'en', '@value': 'Topics' }] },
  ],
};

test('texts come in the visitor language, English when the language has none', () => {
  const catalog = readCatalog(CATALOG, 'cs', 'https://api.example.eu/');
  assert.equal(catalog.title, 'Otevřená data');
  assert.deepEqual(
    catalog.datasets.map((dataset) => [dataset.key, dataset.title]),
    [
      ['practices', 'Dobrá praxe'],
      ['topics', 'Topics'],
    ],
  );
  assert.equal(catalog.datasets[0].frequency, 'MONTHLY');
  assert.equal(catalog.datasets[0].modified, '2026-12-01T10:00:00+00:00');
});

test('downloads point where browsers reach the API, and unknown files are left out', () => {
  const catalog = readCatalog(CATALOG, 'pl', 'https://api.example.eu/');
  assert.equal(catalog.catalogUrl, 'https://api.example.eu/api/v2/opendata/catalog.jsonld');
  assert.deepEqual(catalog.datasets[0].downloads, [
    { locale: 'pl', format: 'csv', href: 'https://api.example.eu/api/v2/opendata/practices/pl.csv' },
    { locale: 'cs', format: 'geojson', href: 'https://api.example.eu/api/v2/opendata/practices/cs.geojson' },
  ]);
  assert.deepEqual(catalog.datasets[1].downloads, []);
});

test('an answer that is not a catalogue gives an empty page, not an error', () => {
  assert.deepEqual(readCatalog(null, 'pl', 'https://api.example.eu/').datasets, []);
  assert.deepEqual(readCatalog({ 'dcat:dataset': 'nonsense' }, 'pl', 'https://api.example.eu/').datasets, []);
});

test('formats are named as people write them', () => {
  assert.deepEqual(['csv', 'json', 'geojson', 'xml'].map(formatName), ['CSV', 'JSON', 'GeoJSON', 'XML']);
});
