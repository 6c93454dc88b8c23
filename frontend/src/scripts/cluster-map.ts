import L from 'leaflet';
// The plugin extends the `L` that Leaflet puts on `window` (it has no module exports of its own).
import 'leaflet.markercluster';
import { addOutline, createMap, drawAreas, framePoints, markerFor, reducedMotion, type MapOptions, type MapPoint } from './map';

/**
 * The map page's map: many points as clusters (leaflet.markercluster). A cluster is a button
 * named by its count that zooms in on click or Enter, or spreads its points out when they share
 * one place; a keyboard user who opens one lands on what it held, not back at the top of the map.
 * Loaded by points-map.ts after the page's first paint.
 */

/** How close (px) points may be before they join a cluster. */
const CLUSTER_RADIUS = 44;

function clusterIcon(count: number, label: string): L.DivIcon {
  const size = count < 10 ? 36 : 44;
  const box = document.createElement('span');
  box.className = 'map-cluster-count';
  const shown = document.createElement('span');
  shown.setAttribute('aria-hidden', 'true');
  shown.textContent = String(count);
  const name = document.createElement('span');
  name.className = 'map-visually-hidden';
  name.textContent = label.replace('{count}', String(count));
  box.append(shown, name);
  return L.divIcon({ html: box, className: 'map-cluster', iconSize: [size, size] });
}

/** After a cluster opened by keyboard: focus the marker (or smaller cluster) now showing its first point. */
function followKeyboard(map: L.Map, group: L.MarkerClusterGroup): void {
  group.on('clusterkeypress', (event) => {
    const { layer, originalEvent } = event as L.LeafletEvent & { layer: L.MarkerCluster; originalEvent?: KeyboardEvent };
    if (originalEvent && originalEvent.key !== 'Enter') return;
    const [first] = layer.getAllChildMarkers();
    if (!first) return;
    let done = false;
    const focus = () => {
      if (done) return;
      done = true;
      // After the plugin's own handler, which ends by focusing the map's box (at once when nothing animates).
      setTimeout(() => {
        const shown = group.getVisibleParent(first) as L.Marker | null;
        (shown?.getElement() ?? map.getContainer()).focus();
      });
    };
    group.once('spiderfied', focus);
    group.once('animationend', focus);
  });
}

export function addClusteredPoints(map: L.Map, points: MapPoint[], options: MapOptions): L.MarkerClusterGroup {
  const label = options.strings.cluster ?? '{count}';
  const group = L.markerClusterGroup({
    maxClusterRadius: CLUSTER_RADIUS,
    showCoverageOnHover: false,
    spiderfyOnMaxZoom: true,
    animate: !reducedMotion(),
    // Markers join the clusters in slices of a few milliseconds, each its own task, not all in one.
    chunkedLoading: true,
    chunkInterval: 10,
    chunkDelay: 0,
    iconCreateFunction: (cluster) => clusterIcon(cluster.getChildCount(), label),
  });
  // Before the group joins the map, whose own handler it adds then: without animations (reduced motion) the
  // plugin announces the new markers while that handler runs, and ours must already be listening.
  followKeyboard(map, group);
  group.addLayers(points.map(markerFor));
  map.addLayer(group);
  return group;
}

/** Lets the browser paint and answer input between two steps of building a map. */
const nextTask = () => new Promise<void>((done) => setTimeout(done, 0));
/** After the browser's next rendering (the map's stylesheets, just loaded, applied to the page there). */
const nextFrame = () => new Promise<void>((done) => requestAnimationFrame(() => setTimeout(done, 0)));

/**
 * The map in its server-rendered box, built in steps, each its own task: the map with its controls, its view, the
 * outline, the areas, the clusters (added in slices). Done in one task, after Leaflet's evaluation, it was what held
 * the map page's main thread (Lighthouse's Total Blocking Time).
 */
export async function startClusteredMap(element: HTMLElement): Promise<void> {
  const { points, options } = JSON.parse(element.dataset.pointsMap ?? '{}') as { points: MapPoint[]; options: MapOptions };
  const outline = element.querySelector<HTMLTemplateElement>('template[data-map-outline]')?.content.querySelector('svg');
  await nextFrame();
  const map = createMap(element, options);
  await nextTask();
  framePoints(map, points, options);
  if (outline) {
    await nextTask();
    addOutline(map, outline);
  }
  if (options.areas) {
    await nextTask();
    drawAreas(map, options.areas);
  }
  await nextTask();
  addClusteredPoints(map, points, options);
}
