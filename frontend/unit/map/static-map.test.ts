import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countryAt, outlinePaths, project, staticMap, STATIC_MAP_ZOOM } from '../../src/map/static-map.ts';

/** A square "country" from 17° to 18° E and 50° to 51° N, with a square hole in its middle. */
function squareOutline(): GeoJSON.FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { code: 'PL' },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [[17, 50], [18, 50], [18, 51], [17, 51], [17, 50]],
            [[17.4, 50.4], [17.6, 50.4], [17.6, 50.6], [17.4, 50.6], [17.4, 50.4]],
          ],
        },
      },
    ],
  };
}

test("project: Leaflet's Web Mercator in 256 px tiles", () => {
  assert.deepEqual(project(0, 0, 0), { x: 128, y: 128 });
  assert.equal(project(0, 180, 1).x, 512);
  // The map's edge: Leaflet's maximum latitude is the top of the world.
  assert.ok(Math.abs(project(85.0511287798, -180, 0).y) < 1e-6);
  // North is up: a point further north has a smaller y; each zoom doubles the pixels.
  assert.ok(project(51, 17, 7).y < project(50, 17, 7).y);
  const [near, far] = [project(50.5, 17.5, 7), project(50.5, 17.5, 8)];
  assert.ok(Math.abs(far.x - 2 * near.x) < 1e-9 && Math.abs(far.y - 2 * near.y) < 1e-9);
});

test('outlinePaths: one path a country, whole pixels, relative steps, repeated points left out, its box; made once', () => {
  const outline = squareOutline();
  const paths = outlinePaths(outline, 7);
  assert.equal(paths.countries.length, 1);
  const { code, d } = paths.countries[0]!;
  assert.equal(code, 'PL');
  const topLeft = project(51, 17, 7);
  const bottomRight = project(50, 18, 7);
  assert.ok(d.startsWith(`M${Math.round(topLeft.x)} ${Math.round(project(50, 17, 7).y)}l`), d);
  // Two rings, each closed; every number a whole pixel.
  assert.equal(d.match(/z/g)!.length, 2);
  assert.ok(!/\d\.\d/.test(d), d);
  assert.deepEqual(paths.box, {
    x: Math.round(topLeft.x),
    y: Math.round(topLeft.y),
    width: Math.round(bottomRight.x) - Math.round(topLeft.x),
    height: Math.round(bottomRight.y) - Math.round(topLeft.y),
  });
  // At zoom 0 the hole's corners round onto one another: the repeats are left out.
  const tiny = outlinePaths(outline, 0).countries[0]!.d;
  for (const ring of tiny.split('z').filter(Boolean)) {
    const steps = ring.replace(/^M\d+ \d+l/, '').trim().split(' ').map(Number);
    for (let i = 0; i < steps.length; i += 2) assert.ok(steps[i] !== 0 || steps[i + 1] !== 0, tiny);
  }
  assert.equal(outlinePaths(outline, 7), paths);
});

test('countryAt: inside the rings, not in a hole, not outside', () => {
  const outline = squareOutline();
  assert.equal(countryAt(outline, 50.2, 17.2), 'PL');
  assert.equal(countryAt(outline, 50.5, 17.5), undefined);
  assert.equal(countryAt(outline, 49.5, 17.5), undefined);
});

test('staticMap: the point in the middle, the areas as Leaflet draws them, and where the point lies', () => {
  const areas = [
    { code: 'opole', name: 'Aglomeracja Opolska', latitude: 50.2, longitude: 17.2, radiusKm: 28 },
    { code: 'olomouc', name: 'Aglomeracja Ołomuniecka', latitude: 49.52, longitude: 17.27, radiusKm: 36 },
  ];
  // 20 km north of the first area's centre: inside its 28 km.
  const map = staticMap({ latitude: 50.38, longitude: 17.2 }, squareOutline(), areas);
  const centre = project(50.38, 17.2, STATIC_MAP_ZOOM);
  assert.ok(Math.abs(map.centre.x - centre.x) <= 0.05 && Math.abs(map.centre.y - centre.y) <= 0.05);
  assert.equal(map.country, 'PL');
  assert.equal(map.area, 'Aglomeracja Opolska');
  // A circle of 28 km at 50° N, zoom 7: Leaflet's metres per pixel there are 156543 × cos(50.2°) / 2^7.
  const metresPerPixel = (156543.03 * Math.cos((50.2 * Math.PI) / 180)) / 2 ** STATIC_MAP_ZOOM;
  assert.ok(Math.abs(map.areas[0]!.r - 28000 / metresPerPixel) < 0.5, String(map.areas[0]!.r));
  // Its name just under its southern edge.
  assert.ok(map.areas[0]!.labelY > map.areas[0]!.cy + map.areas[0]!.r);
  assert.ok(map.areas[0]!.labelY < map.areas[0]!.cy + map.areas[0]!.r + 6);
  // Far from both areas and outside the outline.
  const elsewhere = staticMap({ latitude: 52.2, longitude: 21 }, squareOutline(), areas);
  assert.equal(elsewhere.country, undefined);
  assert.equal(elsewhere.area, undefined);
});
