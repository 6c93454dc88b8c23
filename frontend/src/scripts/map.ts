import L from 'leaflet';

/**
 * The portal's maps, for any number of points: a detail page's one location now, the map
 * page's many items later (issue 18 can pass its GeoJSON features as points and put
 * `markerFor` results into a cluster group instead of `addPoints`).
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
}

/** The words a map shows, in the page's language. */
export interface MapStrings {
  zoomIn: string;
  zoomOut: string;
  closePopup: string;
  /** Attribution of the outline when no tile server is configured. */
  outline: string;
}

export interface MapOptions {
  /** A tile URL template ({z}/{x}/{y}); empty means the offline outline. */
  tileUrl: string;
  /** HTML the tile provider requires (their licence); shown in the corner. */
  attribution: string;
  /** Where the bundled outline GeoJSON is served (same origin). */
  outlineUrl: string;
  strings: MapStrings;
}

/** Zoom for a single point: a town with tiles; with the outline only, enough of the region to place it. */
const SINGLE_POINT_ZOOM = { tiles: 14, outline: 7 };

const PIN = `<svg viewBox="0 0 28 40" width="28" height="40" aria-hidden="true" focusable="false">
<path d="M14 1C6.8 1 1 6.8 1 14c0 9.6 13 25 13 25s13-15.4 13-25C27 6.8 21.2 1 14 1z" fill="#b3261e" stroke="#ffffff" stroke-width="2"/>
<circle cx="14" cy="14" r="5" fill="#ffffff"/></svg>`;

const pinIcon = L.divIcon({
  className: 'map-marker',
  html: PIN,
  iconSize: [28, 40],
  iconAnchor: [14, 40],
  popupAnchor: [0, -36],
});

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
  if (point.detail) {
    const detail = document.createElement('p');
    detail.textContent = point.detail;
    box.append(detail);
  }
  return box;
}

/**
 * One point's marker: focusable (Leaflet gives keyboard markers tabindex 0 and role button),
 * named by its title, opening its popup on click or Enter.
 */
export function markerFor(point: MapPoint): L.Marker {
  return L.marker([point.latitude, point.longitude], {
    icon: pinIcon,
    title: point.title,
    keyboard: true,
    riseOnHover: true,
  }).bindPopup(() => popupContent(point));
}

async function drawOutline(map: L.Map, url: string): Promise<void> {
  try {
    const response = await fetch(url);
    if (!response.ok) return;
    const outline = (await response.json()) as GeoJSON.FeatureCollection;
    L.geoJSON(outline, {
      interactive: false,
      // A class per country, so the outline can be told apart (and tested) without colours.
      style: (feature) => ({
        className: `map-country map-country-${String(feature?.properties?.code ?? '').toLowerCase()}`,
        color: '#0b4f8a',
        weight: 1.5,
        fillColor: '#ffffff',
        fillOpacity: 1,
      }),
    }).addTo(map);
  } catch {
    // The markers and the text under the map still say where the place is.
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
  if (points.length === 1) {
    const [point] = points;
    map.setView([point!.latitude, point!.longitude], options.tileUrl ? SINGLE_POINT_ZOOM.tiles : SINGLE_POINT_ZOOM.outline);
  } else if (points.length > 1) {
    map.fitBounds(L.latLngBounds(points.map((point) => [point.latitude, point.longitude])), { padding: [24, 24] });
  }
  return markers;
}

/** A map in `container` with its base layer (tiles or outline) and controls, not yet showing points. */
export function createMap(container: HTMLElement, options: MapOptions): L.Map {
  const map = L.map(container, {
    zoomControl: false,
    attributionControl: false,
    scrollWheelZoom: false,
    trackResize: false,
  });
  L.control.zoom({ zoomInTitle: options.strings.zoomIn, zoomOutTitle: options.strings.zoomOut }).addTo(map);
  L.control.attribution({ prefix: '<a href="https://leafletjs.com/">Leaflet</a>' }).addTo(map);
  if (options.tileUrl) {
    L.tileLayer(options.tileUrl, { attribution: options.attribution, maxZoom: 19 }).addTo(map);
  } else {
    map.attributionControl.addAttribution(options.strings.outline);
    void drawOutline(map, options.outlineUrl);
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

/** The whole job for a page: a map in `container` showing `points`. */
export function showPoints(container: HTMLElement, points: MapPoint[], options: MapOptions): L.Map {
  const map = createMap(container, options);
  addPoints(map, points, options);
  return map;
}
