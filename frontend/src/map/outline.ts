import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries from 'world-atlas/countries-50m.json';

/** ISO 3166-1 numeric ids (world-atlas's feature ids) of the two countries the project covers. */
const COUNTRIES = { '616': 'PL', '203': 'CZ' } as const;

/** Four decimals of a degree are about 10 m: far finer than the 1:50m outline, and a third smaller as JSON. */
function rounded(coordinates: unknown): unknown {
  if (Array.isArray(coordinates) && typeof coordinates[0] === 'number') {
    return coordinates.map((value: number) => Math.round(value * 1e4) / 1e4);
  }
  return (coordinates as unknown[]).map(rounded);
}

let made: GeoJSON.FeatureCollection | undefined;

/**
 * Poland and Czechia from Natural Earth 1:50m (public domain, via the world-atlas package),
 * as GeoJSON with `code` (PL, CZ) and `name` properties: the base map when no tile server is
 * configured (the map page's, and every detail page's static map). About 3 kB gzipped. Made
 * once: the server draws it into every detail page.
 */
export function outlineOfPolandAndCzechia(): GeoJSON.FeatureCollection {
  made ??= outlineFromAtlas();
  return made;
}

function outlineFromAtlas(): GeoJSON.FeatureCollection {
  const topology = countries as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const geometries = topology.objects.countries.geometries.filter((geometry) => String(geometry.id) in COUNTRIES);
  const collection = feature(topology, { type: 'GeometryCollection', geometries });
  return {
    type: 'FeatureCollection',
    features: collection.features.map((item) => ({
      type: 'Feature',
      properties: { code: COUNTRIES[String(item.id) as keyof typeof COUNTRIES], name: item.properties?.name },
      geometry: { ...item.geometry, coordinates: rounded((item.geometry as GeoJSON.Polygon).coordinates) } as GeoJSON.Geometry,
    })),
  };
}
