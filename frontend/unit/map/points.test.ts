import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MapFeatures } from '../../src/loaders/map';
import { mapItems, mapPoints } from '../../src/map/points.ts';

const base = (id: number, title: string, coordinates: [number, number]) => ({
  type: 'Feature' as const,
  id,
  geometry: { type: 'Point' as const, coordinates },
  properties: { id, type: '', locale: 'pl', title, path: `/x/${id}/`, url: `https://portal.example.org/x/${id}/`, api_url: '' },
});

const features: MapFeatures = {
  practices: [
    {
      ...base(1, 'Wspólny bilet', [17.25, 49.59]),
      properties: { ...base(1, 'Wspólny bilet', [17.25, 49.59]).properties, summary: 'Jeden bilet.', agglomeration: 'olomouc', municipality: 'Ołomuniec', is_sample_record: true },
    },
  ],
  events: [
    {
      ...base(2, 'Wizyta', [17.92, 50.67]),
      properties: {
        ...base(2, 'Wizyta', [17.92, 50.67]).properties,
        event_type: 'study_visit',
        status: 'cancelled',
        start: '2026-03-28T22:00:00+01:00',
        end: '2026-03-29T10:00:00+02:00',
        is_all_day: false,
        city: 'Opole',
        country: 'PL',
      },
    },
  ],
};

test('features become items whose marker and list entry say the same, in the page language', () => {
  const items = mapItems(features, 'pl');
  assert.deepEqual(Object.keys(items), ['practices', 'events'], 'a kind not asked for stays absent');
  const [practice] = items.practices!;
  assert.deepEqual(practice, {
    id: 1,
    kind: 'practice',
    title: 'Wspólny bilet',
    path: '/x/1/',
    longitude: 17.25,
    latitude: 49.59,
    detail: 'Aglomeracja Ołomuniecka · Ołomuniec',
    summary: 'Jeden bilet.',
  });
  // GeoJSON is [longitude, latitude]; the date is Warsaw's, across the spring clock change.
  const [event] = items.events!;
  assert.equal(event!.latitude, 50.67);
  assert.match(event!.detail.replace(/\s/g, ' '), /^28 marca 2026 22:00 – 29 marca 2026 10:00 · Opole · Wizyta studyjna · Odwołane$/);
  assert.equal(mapItems(features, 'cs').events![0]!.detail.endsWith('Opole · Studijní návštěva · Zrušeno'), true);

  const points = mapPoints(items);
  assert.deepEqual(
    points.map((point) => [point.kind, point.title, point.path]),
    [
      ['practice', 'Wspólny bilet', '/x/1/'],
      ['event', 'Wizyta', '/x/2/'],
    ],
  );
  assert.equal('summary' in points[1]!, false);
});
