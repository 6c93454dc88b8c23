import L from 'leaflet';
import { pinSvg, POINT_KINDS, type PointKind } from '../map/pins';

export type { PointKind };

/**
 * The portal's Leaflet maps, for any number of points: the map page's many items (clustered by
 * `cluster-map.ts`), a detail page's one location when a tile server is configured and the
 * visitor asks for the interactive map (`location-map.ts`). Always loaded by a dynamic import,
 * its styles beside it (`map-styles.ts`), so no page's first paint waits for either.
 *
 * Nothing leaves the machine unless an operator configures a tile server: without one the
 * map draws the bundled outline of Poland and Czechia (Natural Earth) under the markers.
 */

export interface MapPoint {
  latitude: number;
  longitude: number;
  /** The marker's accessible name (its `title`) and the popup's heading. */
  title: string;
  /** A line under the title in the popup, e.g. the address. */
  detail?: string;
  /** Makes the popup's heading a link (list maps; a detail page is already there). */
  path?: string;
  /** What the point is: its marker's shape and colour (the map page's legend names them). */
  kind?: PointKind;
  /** A paragraph under the detail in the popup: the item's summary. */
  summary?: string;
}

/** An area drawn on the map, named: an agglomeration's approximate extent. */
export interface MapArea {
  name: string;
  latitude: number;
  longitude: number;
  radiusKm: number;
  /** A class for its outline, so it can be told apart (and tested) without colours. */
  code: string;
}

/** The words a map shows, in the page's language. */
export interface MapStrings {
  zoomIn: string;
  zoomOut: string;
  closePopup: string;
  /** Attribution of the outline when no tile server is configured. */
  outline: string;
  /** A cluster's accessible name, `{count}` the number of points in it (clustered maps only). */
  cluster?: string;
}

export interface MapOptions {
  /** A tile URL template ({z}/{x}/{y}); empty means the offline outline. */
  tileUrl: string;
  /** HTML the tile provider requires (their licence); shown in the corner. */
  attribution: string;
  strings: MapStrings;
  /** Areas drawn under the points (the map page's agglomerations). */
  areas?: MapArea[];
}

/** Zoom for a single point: a town with tiles; with the outline only, enough of the region to place it. */
const SINGLE_POINT_ZOOM = { tiles: 14, outline: 7 };
/** Several points on the outline alone: no closer than the agglomerations' scale, where the outline still says something. */
const FIT_MAX_ZOOM_OUTLINE = 9;
/** Between Opole and Olomouc: where a map with nothing to show looks. */
const REGION_CENTRE: L.LatLngTuple = [50.1, 17.6];
/** Kilometres in a degree of latitude. */
const KM_PER_DEGREE = 111.2;
/** The closest zoom: what tile servers serve; clusters of one place open as a spider there. */
const MAX_ZOOM = 18;

const pinIcons = Object.fromEntries(
  POINT_KINDS.map((kind) => [
    kind,
    L.divIcon({
      className: `map-marker map-marker-${kind}`,
      html: pinSvg(kind),
      iconSize: [28, 40],
      iconAnchor: [14, 40],
      popupAnchor: [0, -36],
    }),
  ]),
) as Record<PointKind, L.DivIcon>;

/** A popup's content as DOM nodes (titles come from the CMS: text, never HTML). */
function popupContent(point: MapPoint): HTMLElement {
  const box = document.createElement('div');
  const heading = document.createElement('p');
  heading.className = 'map-popup-title';
  if (point.path) {
    const link = document.createElement('a');
    link.href = point.path;
    link.textContent = point.title;
    heading.append(link);
  } else {
    heading.textContent = point.title;
  }
  box.append(heading);
  for (const [text, className] of [
    [point.detail, 'map-popup-detail'],
    [point.summary, 'map-popup-summary'],
  ] as const) {
    if (!text) continue;
    const paragraph = document.createElement('p');
    paragraph.className = className;
    paragraph.textContent = text;
    box.append(paragraph);
  }
  return box;
}

/**
 * One point's marker: focusable (Leaflet gives keyboard markers tabindex 0 and role button),
 * named by its title, opening its popup on click or Enter.
 */
export function markerFor(point: MapPoint): L.Marker {
  return L.marker([point.latitude, point.longitude], {
    icon: pinIcons[point.kind ?? 'practice'],
    title: point.title,
    keyboard: true,
    riseOnHover: true,
  }).bindPopup(() => popupContent(point));
}

/**
 * The outline of Poland and Czechia, drawn by the server (MapOutline.astro: an SVG whose viewBox is in the world's
 * pixels at its `data-zoom`), laid on the map as one SVG that Leaflet only moves and scales: nothing to fetch,
 * parse or project here. Drawing it from GeoJSON with L.geoJSON was the longest single step of the map page's start.
 */
export function addOutline(map: L.Map, outline: SVGSVGElement): void {
  const zoom = Number(outline.dataset.zoom);
  const { x, y, width, height } = outline.viewBox.baseVal;
  const bounds = L.latLngBounds(map.unproject([x, y + height], zoom), map.unproject([x + width, y], zoom));
  // In the tiles' pane: under the areas and the markers, as tiles would be.
  L.svgOverlay(outline, bounds, { interactive: false, pane: 'tilePane' }).addTo(map);
}

/**
 * Areas as dashed circles, each named under its southern edge (its middle is where the markers
 * are): where an agglomeration lies, roughly, even without tiles.
 */
export function drawAreas(map: L.Map, areas: MapArea[]): void {
  for (const area of areas) {
    L.circle([area.latitude, area.longitude], {
      radius: area.radiusKm * 1000,
      interactive: false,
      className: `map-area map-area-${area.code}`,
      color: '#4a5664',
      weight: 2,
      dashArray: '6 6',
      fillColor: '#ffbf47',
      fillOpacity: 0.18,
    }).addTo(map);
    L.tooltip({ permanent: true, direction: 'bottom', className: 'map-area-name', interactive: false, offset: [0, 2] })
      .setLatLng([area.latitude - area.radiusKm / KM_PER_DEGREE, area.longitude])
      .setContent(area.name)
      .addTo(map);
  }
}

/** Leaflet's own control labels are English: the page's language instead. */
function translateControls(map: L.Map, strings: MapStrings): void {
  map.on('popupopen', (event) => {
    const close = event.popup.getElement()?.querySelector('.leaflet-popup-close-button');
    close?.setAttribute('aria-label', strings.closePopup);
    close?.setAttribute('title', strings.closePopup);
  });
}

/** Puts the points on the map and frames them: one point centred, several fitted. */
export function addPoints(map: L.Map, points: MapPoint[], options: Pick<MapOptions, 'tileUrl'>): L.Marker[] {
  const markers = points.map((point) => markerFor(point).addTo(map));
  framePoints(map, points, options);
  return markers;
}

/** A circle's box in degrees (a degree of longitude shrinks towards the pole). */
function areaBounds(area: MapArea): L.LatLngBounds {
  const latitude = area.radiusKm / KM_PER_DEGREE;
  const longitude = latitude / Math.cos((area.latitude * Math.PI) / 180);
  return L.latLngBounds(
    [area.latitude - latitude, area.longitude - longitude],
    [area.latitude + latitude, area.longitude + longitude],
  );
}

/**
 * Frames the points: one centred, several fitted; none shows the whole region. A map with areas
 * shows them whole too, with room for the names under them, whatever the filters left.
 */
export function framePoints(map: L.Map, points: MapPoint[], options: Pick<MapOptions, 'tileUrl' | 'areas'>): void {
  if (options.areas?.length) {
    const bounds = L.latLngBounds(points.map((point) => [point.latitude, point.longitude]));
    for (const area of options.areas) bounds.extend(areaBounds(area));
    map.fitBounds(bounds, { paddingTopLeft: [16, 16], paddingBottomRight: [16, 36] });
  } else if (points.length === 0) {
    map.setView(REGION_CENTRE, SINGLE_POINT_ZOOM.outline);
  } else if (points.length === 1) {
    const [point] = points;
    map.setView([point!.latitude, point!.longitude], options.tileUrl ? SINGLE_POINT_ZOOM.tiles : SINGLE_POINT_ZOOM.outline);
  } else if (points.length > 1) {
    map.fitBounds(L.latLngBounds(points.map((point) => [point.latitude, point.longitude])), {
      padding: [32, 32],
      maxZoom: options.tileUrl ? SINGLE_POINT_ZOOM.tiles : FIT_MAX_ZOOM_OUTLINE,
    });
  }
}

/** Whether the visitor asked for less motion: then maps jump where they would glide. */
export function reducedMotion(): boolean {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** A map in `container` with its tiles (if configured) and controls, not yet showing an outline, areas or points. */
export function createMap(container: HTMLElement, options: MapOptions): L.Map {
  const still = reducedMotion();
  const map = L.map(container, {
    zoomAnimation: !still,
    fadeAnimation: !still,
    markerZoomAnimation: !still,
    zoomControl: false,
    attributionControl: false,
    scrollWheelZoom: false,
    trackResize: false,
    maxZoom: MAX_ZOOM,
  });
  L.control.zoom({ zoomInTitle: options.strings.zoomIn, zoomOutTitle: options.strings.zoomOut }).addTo(map);
  L.control.attribution({ prefix: '<a href="https://leafletjs.com/">Leaflet</a>' }).addTo(map);
  if (options.tileUrl) {
    L.tileLayer(options.tileUrl, { attribution: options.attribution, maxZoom: MAX_ZOOM }).addTo(map);
  } else {
    map.attributionControl.addAttribution(options.strings.outline);
  }
  translateControls(map, options.strings);
  // Leaflet watches the window only, so a container resized by the layout (a phone turned, a
  // column reflowed) would keep a stale size; and a resize during a pan (a popup opening pans
  // the map into view) would be undone by the pan's next frame. So: finish the pan, then resize.
  map.whenReady(() => {
    new ResizeObserver(() => {
      map.stop();
      map.invalidateSize();
    }).observe(container);
  });
  return map;
}
