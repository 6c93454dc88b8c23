// As URLs, not as CSS imports: Astro would link a script's stylesheets from every page that can load the
// script, render-blocking, even the detail pages whose map button never gets pressed.
import leafletStyles from 'leaflet/dist/leaflet.css?url';
import clusterStyles from 'leaflet.markercluster/dist/MarkerCluster.css?url';
import mapStyles from '../styles/map.css?url';

let loaded: Promise<void> | undefined;

/**
 * Leaflet's styles, the clustering's and the portal's own for what the maps draw (src/styles/map.css, last so it
 * wins), added to the page when a map is about to be made, fetched beside Leaflet's script. Resolves when they have
 * loaded (or failed: a map without them still shows its points), once however many maps ask.
 */
export function loadMapStyles(): Promise<void> {
  loaded ??= Promise.all(
    [leafletStyles, clusterStyles, mapStyles].map(
      (href) =>
        new Promise<void>((done) => {
          const link = document.createElement('link');
          link.rel = 'stylesheet';
          link.href = href;
          link.onload = link.onerror = () => done();
          document.head.append(link);
        }),
    ),
  ).then(() => undefined);
  return loaded;
}
