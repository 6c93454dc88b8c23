import { addPoints, createMap, type MapOptions, type MapPoint } from './map';

/**
 * A detail page's interactive map, in place of its static one (LocationMap.astro): the point on the tiles, its
 * marker focused, so a keyboard user who pressed the button is on it and opens its popup with Enter.
 */
export function showLocationMap(box: HTMLElement): void {
  const { label, points, options } = JSON.parse(box.dataset.locationMap ?? '{}') as {
    label: string;
    points: MapPoint[];
    options: MapOptions;
  };
  const container = document.createElement('div');
  container.setAttribute('role', 'region');
  container.setAttribute('aria-label', label);
  box.replaceChildren(container);
  const [marker] = addPoints(createMap(container, options), points, options);
  marker?.getElement()?.focus();
}
