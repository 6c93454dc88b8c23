import { loadMapStyles } from './map-styles';

/**
 * A detail page's "interactive map" button (only when a tile server is configured): shown now that it can work,
 * it fetches Leaflet (location-map.ts) and its styles when pressed, not before.
 */
for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-show-map]')) {
  const box = document.getElementById(button.getAttribute('aria-controls') ?? '');
  if (!box) continue;
  button.hidden = false;
  button.addEventListener('click', async () => {
    if (button.getAttribute('aria-disabled') === 'true') return;
    button.setAttribute('aria-disabled', 'true');
    try {
      const [{ showLocationMap }] = await Promise.all([import('./location-map'), loadMapStyles()]);
      showLocationMap(box);
      button.remove();
    } catch {
      // Leaflet could not be fetched: the static map stays, and the button can be pressed again.
      button.removeAttribute('aria-disabled');
    }
  });
}
