import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Schemas } from '../../src/api/client';
import type { View } from '../../src/loaders/types';
import { describe, socialTags, type SeoContext } from '../../src/seo/meta.ts';
import { structuredData } from '../../src/seo/structured-data.ts';

const ORIGIN = 'https://portal.example.org';

function image(): Schemas['Image'] {
  const rendition = (width: number, height: number) => ({ url: `/media/images/fountain.${width}.jpg`, width, height });
  return {
    id: 7,
    title: 'Fountain',
    alt: 'Fontanna na rynku',
    width: 3200,
    height: 1800,
    renditions: { thumbnail: rendition(400, 300), medium: rendition(800, 450), large: rendition(1600, 900) },
  };
}

function practice(fields: Partial<Schemas['PracticeDetail']> = {}): Schemas['PracticeDetail'] {
  const path = '/dobre-praktyki/rynek/';
  return {
    id: 1,
    type: 'practice',
    locale: 'pl',
    title: 'Rynek dla pieszych',
    slug: 'rynek',
    path,
    url: `${ORIGIN}${path}`,
    api_url: 'https://cms.example.org/api/v2/practices/1/',
    translations: [{ locale: 'cs', id: 2, path: '/cs/dobra-praxe/namesti/', api_url: 'https://cms.example.org/api/v2/practices/2/' }],
    translation: { source_locale: 'pl', is_source: true, complete: true, up_to_date: true },
    first_published_at: '2026-01-02T10:00:00+01:00',
    last_published_at: '2026-02-03T11:00:00+01:00',
    summary: 'Summary.',
    main_image: image(),
    topics: [
      { id: 1, slug: 'transport', name: 'Transport' },
      { id: 2, slug: 'space', name: 'Przestrzeń publiczna' },
    ],
    agglomeration: 'opole',
    funding_source: 'zit_iti',
    municipality: 'Opole',
    start_date: '2019-01-01',
    end_date: null,
    is_ongoing: true,
    latitude: 50.67,
    longitude: 17.92,
    institutions: [],
    is_sample_record: false,
    validated: false,
    body: [],
    challenge: '',
    what_was_done: '',
    resources_needed: '',
    budget: null,
    results: '',
    difficulties: '',
    transferability: '',
    nuts3_code: '',
    documents: [],
    external_links: [],
    contact: null,
    events: [],
    validation: { status: 'not_validated', validated_at: null, opinions: [] },
    ...fields,
  };
}

function context(view: View, fields: Partial<SeoContext> = {}): SeoContext {
  return {
    view,
    locale: 'pl',
    title: 'Rynek dla pieszych',
    url: `${ORIGIN}/dobre-praktyki/rynek/`,
    origin: ORIGIN,
    siteName: 'Razem dla rozwoju aglomeracji',
    alternates: [
      { locale: 'pl', path: '/dobre-praktyki/rynek/' },
      { locale: 'cs', path: '/cs/dobra-praxe/namesti/' },
    ],
    apiBase: 'https://cms.example.org',
    ...fields,
  };
}

test('a practice is an Article about its topics, covering its place, with no empty fields', () => {
  const [article] = structuredData(context({ kind: 'practice', practice: practice() }));
  assert.ok(article);
  assert.equal(article['@context'], 'https://schema.org');
  assert.equal(article['@type'], 'Article');
  assert.equal(article.keywords, 'Transport, Przestrzeń publiczna');
  assert.deepEqual(article.about, [
    { '@type': 'Thing', name: 'Transport' },
    { '@type': 'Thing', name: 'Przestrzeń publiczna' },
  ]);
  assert.deepEqual(article.spatialCoverage, {
    '@type': 'Place',
    name: 'Opole',
    address: { '@type': 'PostalAddress', addressLocality: 'Opole', addressCountry: 'PL' },
    geo: { '@type': 'GeoCoordinates', latitude: 50.67, longitude: 17.92 },
  });
  assert.equal(article.temporalCoverage, '2019-01-01/..');
  // Relative rendition URLs resolve on the API's origin: crawlers fetch them from anywhere.
  assert.deepEqual(article.image, {
    '@type': 'ImageObject',
    url: 'https://cms.example.org/media/images/fountain.1600.jpg',
    width: 1600,
    height: 900,
    caption: 'Fontanna na rynku',
  });
  // Without institutions the project is the author; the publisher is referenced by its @id.
  assert.deepEqual(article.author, article.publisher);
  assert.equal((article.publisher as { '@id': string })['@id'], `${ORIGIN}/#project`);
});

test('a practice without a place or an image leaves those fields out instead of blank', () => {
  const bare = practice({ municipality: '', latitude: null, longitude: null, agglomeration: 'cross_border', main_image: null, topics: [] });
  const [article] = structuredData(context({ kind: 'practice', practice: bare }));
  assert.ok(article);
  for (const key of ['spatialCoverage', 'image', 'about', 'keywords']) assert.equal(key in article, false, key);
});

test('breadcrumbs become a BreadcrumbList with absolute items in order', () => {
  const breadcrumbs = [
    { title: 'Strona główna', path: '/' },
    { title: 'Dobre praktyki', path: '/dobre-praktyki/' },
    { title: 'Rynek dla pieszych', path: '/dobre-praktyki/rynek/' },
  ];
  const nodes = structuredData(context({ kind: 'practice', practice: practice() }, { breadcrumbs }));
  const trail = nodes.find((node) => node['@type'] === 'BreadcrumbList');
  assert.deepEqual(trail?.itemListElement, [
    { '@type': 'ListItem', position: 1, name: 'Strona główna', item: `${ORIGIN}/` },
    { '@type': 'ListItem', position: 2, name: 'Dobre praktyki', item: `${ORIGIN}/dobre-praktyki/` },
    { '@type': 'ListItem', position: 3, name: 'Rynek dla pieszych', item: `${ORIGIN}/dobre-praktyki/rynek/` },
  ]);
});

test('error pages have no structured data', () => {
  assert.deepEqual(structuredData(context({ kind: 'not-found' }, { url: undefined })), []);
});

test('Open Graph names the languages and the image with its size, absolute', () => {
  const tags = socialTags(context({ kind: 'practice', practice: practice() }));
  const value = (property: string) => tags.filter((tag) => 'property' in tag && tag.property === property).map((tag) => tag.content);
  assert.deepEqual(value('og:locale'), ['pl_PL']);
  assert.deepEqual(value('og:locale:alternate'), ['cs_CZ']);
  assert.deepEqual(value('og:type'), ['article']);
  assert.deepEqual(value('og:image'), ['https://cms.example.org/media/images/fountain.1600.jpg']);
  assert.deepEqual([...value('og:image:width'), ...value('og:image:height')], ['1600', '900']);
  assert.ok(tags.some((tag) => 'name' in tag && tag.name === 'twitter:card' && tag.content === 'summary_large_image'));
});

test('a description is the summary, or the HTML intro as text, cut at a word', () => {
  assert.equal(describe({ kind: 'practice', practice: practice({ summary: 'Krótko.' }) }, 'pl'), 'Krótko.');
  const long = `<p>${'Słowo '.repeat(80)}</p><p>Koniec &amp; kropka.</p>`;
  const partner = { kind: 'partner', partner: { description: long } } as unknown as View;
  const text = describe(partner, 'cs');
  assert.ok(text.length <= 300, String(text.length));
  assert.match(text, /^Słowo Słowo .*Słowo…$/);
  assert.doesNotMatch(text, /</);
  assert.equal(describe({ kind: 'not-found' }, 'cs').startsWith('Polsko-český portál'), true);
});
