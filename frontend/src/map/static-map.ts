import type { MapArea } from '../scripts/map';

/**
 * A map of one point drawn on the server as SVG: the bundled outline of Poland and Czechia and the
 * agglomerations' areas, in Leaflet's projection (Web Mercator, 256 px tiles) at the zoom Leaflet showed a
 * detail page's point at, so it looks like the map it replaced and costs the page no JavaScript.
 *
 * The outline's paths are in the world's pixels at that zoom and the same for every page (worked out once);
 * a page moves them so its point is in the middle of the map, whatever the map's width.
 */

/** Leaflet's zoom for one point on the outline alone: enough of the region to place it. */
export const STATIC_MAP_ZOOM = 7;

const TILE_SIZE = 256;
/** Leaflet's Earth radius (L.CRS.Earth.R), for areas given in kilometres. */
const EARTH_RADIUS_M = 6371000;
/** Kilometres in a degree of latitude: where an area's name goes, under its southern edge (as on the map page). */
const KM_PER_DEGREE = 111.2;
const DEGREE = Math.PI / 180;

export interface Pixel {
  x: number;
  y: number;
}

/** A point's place in the world's pixels at `zoom` (Leaflet's L.CRS.EPSG3857). */
export function project(latitude: number, longitude: number, zoom: number): Pixel {
  const scale = TILE_SIZE * 2 ** zoom;
  const sin = Math.sin(Math.max(-85.0511287798, Math.min(85.0511287798, latitude)) * DEGREE);
  return { x: (scale * (longitude + 180)) / 360, y: scale * (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) };
}

type Ring = number[][];

function polygonsOf(geometry: GeoJSON.Geometry): Ring[][] {
  if (geometry.type === 'Polygon') return [geometry.coordinates];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates;
  return [];
}

/** A box in the world's pixels. */
export interface PixelBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface CountryPath {
  /** ISO 3166-1 alpha-2, from the outline's `code` property. */
  code: string;
  d: string;
}

export interface OutlinePaths {
  countries: CountryPath[];
  /** The box around every country: the SVG's viewBox when the map page lays the outline over Leaflet's map. */
  box: PixelBox;
}

const pathsMade = new WeakMap<GeoJSON.FeatureCollection, Map<number, OutlinePaths>>();

/**
 * Each country of the outline as one path at `zoom`, in the world's pixels: whole pixels (what Leaflet draws too), a
 * point that rounds onto the one before left out, every step after a ring's first relative (short numbers: the
 * paths ride in every detail page's HTML). Made once per outline and zoom.
 */
export function outlinePaths(outline: GeoJSON.FeatureCollection, zoom: number): OutlinePaths {
  const byZoom = pathsMade.get(outline) ?? new Map<number, OutlinePaths>();
  pathsMade.set(outline, byZoom);
  const made = byZoom.get(zoom);
  if (made) return made;
  const edges = { left: Infinity, top: Infinity, right: -Infinity, bottom: -Infinity };
  const ringPath = (ring: Ring) => {
    let path = '';
    let previous: Pixel | undefined;
    for (const [longitude, latitude] of ring) {
      const pixel = project(latitude!, longitude!, zoom);
      const here = { x: Math.round(pixel.x), y: Math.round(pixel.y) };
      if (!previous) path = `M${here.x} ${here.y}l`;
      else if (here.x !== previous.x || here.y !== previous.y) path += `${here.x - previous.x} ${here.y - previous.y} `;
      else continue;
      previous = here;
      edges.left = Math.min(edges.left, here.x);
      edges.right = Math.max(edges.right, here.x);
      edges.top = Math.min(edges.top, here.y);
      edges.bottom = Math.max(edges.bottom, here.y);
    }
    return `${path.trimEnd()}z`;
  };
  const countries = outline.features.map((feature) => ({
    code: String(feature.properties?.code ?? ''),
    d: polygonsOf(feature.geometry)
      .flatMap((polygon) => polygon.map(ringPath))
      .join(''),
  }));
  const paths = {
    countries,
    box: { x: edges.left, y: edges.top, width: edges.right - edges.left, height: edges.bottom - edges.top },
  };
  byZoom.set(zoom, paths);
  return paths;
}

/** Whether a point lies inside a polygon's rings (even–odd: a hole's point is outside). */
function insidePolygon(latitude: number, longitude: number, polygon: Ring[]): boolean {
  let inside = false;
  for (const ring of polygon) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i] as [number, number];
      const [xj, yj] = ring[j] as [number, number];
      if (yi > latitude !== yj > latitude && longitude < ((xj - xi) * (latitude - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/** The outline's country a point lies in (its `code`), if any. */
export function countryAt(outline: GeoJSON.FeatureCollection, latitude: number, longitude: number): string | undefined {
  const feature = outline.features.find((candidate) =>
    polygonsOf(candidate.geometry).some((polygon) => insidePolygon(latitude, longitude, polygon)),
  );
  return feature ? String(feature.properties?.code ?? '') : undefined;
}

/** Great-circle distance in km. */
function distanceKm(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const sinLatitude = Math.sin(((b.latitude - a.latitude) * DEGREE) / 2);
  const sinLongitude = Math.sin(((b.longitude - a.longitude) * DEGREE) / 2);
  const h = sinLatitude ** 2 + Math.cos(a.latitude * DEGREE) * Math.cos(b.latitude * DEGREE) * sinLongitude ** 2;
  return (2 * EARTH_RADIUS_M * Math.asin(Math.sqrt(h))) / 1000;
}

export interface AreaShape {
  code: string;
  name: string;
  /** The circle in the world's pixels: Leaflet's L.circle of the same radius in metres. */
  cx: number;
  cy: number;
  r: number;
  /** Where its name goes: the top of the text, under the circle's southern edge. */
  labelY: number;
}

/** An area as Leaflet draws it (L.Circle's projection: the radius in metres north and south of the centre). */
function areaShape(area: MapArea, zoom: number): AreaShape {
  const radiusDegrees = (area.radiusKm * 1000) / EARTH_RADIUS_M / DEGREE;
  const top = project(area.latitude + radiusDegrees, area.longitude, zoom);
  const bottom = project(area.latitude - radiusDegrees, area.longitude, zoom);
  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    code: area.code,
    name: area.name,
    cx: round(top.x),
    cy: round((top.y + bottom.y) / 2),
    r: round((bottom.y - top.y) / 2),
    labelY: round(project(area.latitude - area.radiusKm / KM_PER_DEGREE, area.longitude, zoom).y + 2),
  };
}

export interface StaticMap {
  /** The marked point in the world's pixels at the map's zoom: what the map's middle shows. */
  centre: Pixel;
  countries: CountryPath[];
  areas: AreaShape[];
  /** Where the point is, for the map's text alternative: its country's code and the area it lies in. */
  country?: string;
  area?: string;
}

/** Everything a static map of one point draws, and where the point lies. */
export function staticMap(
  point: { latitude: number; longitude: number },
  outline: GeoJSON.FeatureCollection,
  areas: MapArea[],
  zoom = STATIC_MAP_ZOOM,
): StaticMap {
  const centre = project(point.latitude, point.longitude, zoom);
  return {
    centre: { x: Math.round(centre.x * 10) / 10, y: Math.round(centre.y * 10) / 10 },
    countries: outlinePaths(outline, zoom).countries,
    areas: areas.map((area) => areaShape(area, zoom)),
    country: countryAt(outline, point.latitude, point.longitude),
    area: areas.find((area) => distanceKm(area, point) <= area.radiusKm)?.name,
  };
}
