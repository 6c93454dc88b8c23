import { loadMapStyles } from './map-styles';

/**
 * The map page's script, small on purpose: it shows the map's box and legend (hidden without JavaScript, when the
 * list under them is the page), and once the page has painted fetches Leaflet, the clustering (cluster-map.ts) and
 * their styles, which build the map in short steps. Nothing of Leaflet runs or blocks before the first paint.
 */
const boxes = [...document.querySelectorAll<HTMLElement>('[data-points-map]')];
for (const element of [...boxes, ...document.querySelectorAll<HTMLElement>('[data-map-only]')]) element.hidden = false;

/** Resolves after the browser has painted the next frame. */
const afterPaint = () => new Promise<void>((done) => requestAnimationFrame(() => setTimeout(done, 0)));

/**
 * Leaflet (with the portal's map code), then the clustering plugin: each module's evaluation its own task, where
 * importing cluster-map.ts at once would evaluate both in one.
 */
async function startMaps(): Promise<void> {
  await afterPaint();
  const styles = loadMapStyles();
  await import('./map');
  await afterPaint();
  const { startClusteredMap } = await import('./cluster-map');
  await styles;
  for (const box of boxes) await startClusteredMap(box);
}

if (boxes.length) void startMaps();
