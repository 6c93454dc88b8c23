import { showPoints, type MapOptions, type MapPoint } from './map';

/** Turns every server-rendered map placeholder on the page into a Leaflet map (see PointsMap.astro). */
for (const element of document.querySelectorAll<HTMLElement>('[data-points-map]')) {
  const { points, options } = JSON.parse(element.dataset.pointsMap ?? '{}') as { points: MapPoint[]; options: MapOptions };
  // Shown only now: without JavaScript the page has the text beside it and no empty box.
  element.hidden = false;
  showPoints(element, points, options);
}
