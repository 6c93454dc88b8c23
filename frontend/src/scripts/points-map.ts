import { createMap, framePoints, showPoints, type MapOptions, type MapPoint } from './map';

/** Turns every server-rendered map placeholder on the page into a Leaflet map (see PointsMap.astro). */
for (const element of document.querySelectorAll<HTMLElement>('[data-points-map]')) {
  const { points, options } = JSON.parse(element.dataset.pointsMap ?? '{}') as { points: MapPoint[]; options: MapOptions };
  // Shown only now: without JavaScript the page has the text beside it and no empty box.
  element.hidden = false;
  if (options.clustered) {
    // Only the map page has many points: the clustering plugin is its own chunk, fetched there alone.
    const map = createMap(element, options);
    framePoints(map, points, options);
    void import('./cluster-map').then(({ addClusteredPoints }) => addClusteredPoints(map, points, options));
  } else {
    showPoints(element, points, options);
  }
}

// What explains a map (its legend) shows with the map.
for (const element of document.querySelectorAll<HTMLElement>('[data-map-only]')) element.hidden = false;
