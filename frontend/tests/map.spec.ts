import { createServer } from 'node:net';
import { resolve } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, expectAccessible, expectOnlySearchBoxScript, screenshot, test } from './fixtures';
import { spawnPortal } from './portal-server';

// A detail page's small map: drawn by the server as SVG (no JavaScript), Leaflet only when a tile server is
// configured and the visitor asks for it.

const ARTIFACTS = resolve(import.meta.dirname, '../../test-artifacts/frontend');
const WORDS = {
  pl: {
    location: 'Lokalizacja',
    map: 'Mapa',
    close: 'Zamknij opis',
    zoomIn: 'Przybliż',
    coordinates: 'Współrzędne',
    showMap: 'Pokaż mapę interaktywną',
    country: { PL: 'znacznik w Polsce', CZ: 'znacznik w Czechach' } as Record<string, string>,
  },
  cs: {
    location: 'Poloha',
    map: 'Mapa',
    close: 'Zavřít popis',
    zoomIn: 'Přiblížit',
    coordinates: 'Souřadnice',
    showMap: 'Zobrazit interaktivní mapu',
    country: { PL: 'značka v Polsku', CZ: 'značka v Česku' } as Record<string, string>,
  },
} as const;
const AGGLOMERATION_COUNTRY: Record<string, string> = { opole: 'PL', olomouc: 'CZ' };
/** Scripts and styles of the Leaflet maps: only the map page, or a pressed map button, may load them. */
const MAP_FILES = /leaflet|MarkerCluster|PointsMap|InteractiveMapButton|cluster-map|location-map|\/_astro\/map\.|map-outline/i;

type Kind = 'practices' | 'events' | 'partners';

/** The first item of a kind in a locale that has coordinates and a country we can tell. */
async function itemWithCoordinates(api: (path: string) => Promise<any>, kind: Kind, locale: string) {
  const list = await api(`/api/v2/${kind}/?locale=${locale}&limit=100`);
  const item = list.results.find(
    (entry: any) => entry.latitude !== null && (entry.country ?? AGGLOMERATION_COUNTRY[entry.agglomeration]),
  );
  expect(item, `a ${kind} item with coordinates in ${locale}`).toBeTruthy();
  return { ...item, country: (item.country ?? AGGLOMERATION_COUNTRY[item.agglomeration]) as string };
}

/** Which countries' outlines lie under the marker's tip (its bottom centre). */
async function countriesUnder(page: Page, marker: Locator): Promise<string[]> {
  const box = (await marker.boundingBox())!;
  const tip = { x: box.x + box.width / 2, y: box.y + box.height - 1 };
  return page.locator('path.map-country').evaluateAll((paths, point) => {
    return (paths as SVGPathElement[])
      .filter((path) => path.isPointInFill(new DOMPoint(point.x, point.y).matrixTransform(path.getScreenCTM()!.inverse())))
      .map((path) => [...path.classList].find((name) => name.startsWith('map-country-'))!.slice(-2).toUpperCase());
  }, tip);
}

/** How far (px) the marker's tip is from the map's centre: a single point's map is centred on it. */
async function markerOffCentre(map: Locator, marker: Locator): Promise<number> {
  const [area, pin] = [(await map.boundingBox())!, (await marker.boundingBox())!];
  const dx = pin.x + pin.width / 2 - (area.x + area.width / 2);
  const dy = pin.y + pin.height - (area.y + area.height / 2);
  return Math.hypot(dx, dy);
}

for (const kind of ['practices', 'events', 'partners'] as const) {
  for (const locale of ['pl', 'cs'] as const) {
    test(`a ${kind} detail in ${locale} shows its place on a static map, described, with no script`, async ({
      page,
      api,
      foreignRequests,
    }) => {
      const words = WORDS[locale];
      const item = await itemWithCoordinates(api, kind, locale);
      const requested: string[] = [];
      page.on('request', (request) => requested.push(new URL(request.url()).pathname));
      expect((await page.goto(item.path))?.status()).toBe(200);

      // The text equivalent: the place in coordinates, in the page's language.
      const section = page.getByRole('region', { name: words.location, exact: true });
      const decimals = (value: number) => value.toFixed(4).replace('.', ',');
      await expect(section).toContainText(`${words.coordinates}: ${decimals(item.latitude)}°`);
      await expect(section).toContainText(decimals(item.longitude));

      // The map: an image named after the item, described (in which country its marker is), the outline of both
      // countries under it and the marker's tip on its own country.
      const map = section.getByRole('img', { name: `${words.map}: ${item.title}` });
      await expect(map).toBeVisible();
      await expect(map).toHaveAccessibleDescription(new RegExp(words.country[item.country]!));
      const marker = map.locator('.map-marker');
      await expect(marker).toHaveCount(1);
      await expect(map.locator('path.map-country-pl')).toHaveCount(1);
      await expect(map.locator('path.map-country-cz')).toHaveCount(1);
      await expect(map.locator('circle.map-area-opole')).toHaveCount(1);
      await expect(map.locator('circle.map-area-olomouc')).toHaveCount(1);
      expect(await countriesUnder(page, marker)).toEqual([item.country]);

      // Nothing on it to reach by keyboard, no script of its own, nothing fetched for it.
      expect(await section.locator('a, button, input, [tabindex]').count()).toBe(0);
      await expectOnlySearchBoxScript(page);
      await page.waitForLoadState('networkidle');
      expect(requested.filter((path) => MAP_FILES.test(path))).toEqual([]);

      await expectAccessible(page);
      await screenshot(page, `map-${kind}-${locale}`);
      // The point is the map's middle, phone or desktop: a wider map shows more around it.
      for (const width of [360, 1280]) {
        await page.setViewportSize({ width, height: 800 });
        // Within the pin's white edge: the box measured includes its stroke.
        expect(await markerOffCentre(map, marker), `marker centred at ${width} px`).toBeLessThan(4);
        expect(await countriesUnder(page, marker)).toEqual([item.country]);
      }
      expect(foreignRequests).toEqual([]);
    });
  }
}

test('only the map page loads Leaflet: not the home, a list or a detail page', async ({ page, api }) => {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  const practice = await itemWithCoordinates(api, 'practices', 'pl');
  const practiceIndex = practice.path.replace(/[^/]+\/$/, '');
  for (const path of [practiceIndex, '/', practice.path]) {
    requested.length = 0;
    expect((await page.goto(path))?.status()).toBe(200);
    await page.waitForLoadState('networkidle');
    expect(await page.locator('[data-points-map]').count()).toBe(0);
    expect(requested.filter((url) => MAP_FILES.test(url)), path).toEqual([]);
  }
  requested.length = 0;
  await page.goto('/mapa/');
  await expect(page.locator('.map-cluster, .map-marker').first()).toBeVisible();
  expect(requested.filter((url) => /leaflet.*\.css$/.test(url))).toHaveLength(1);
  expect(requested.filter((url) => /\/_astro\/map\.[^/]+\.js$/.test(url))).toHaveLength(1);
});

test('without JavaScript the place is given in words and on the static map', async ({ browser, api }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL: process.env.A4B_FRONTEND_URL });
  const page = await context.newPage();
  const partner = await itemWithCoordinates(api, 'partners', 'cs');
  await page.goto(partner.path);
  const section = page.getByRole('region', { name: WORDS.cs.location, exact: true });
  await expect(section).toContainText(partner.latitude.toFixed(4).replace('.', ','));
  const map = section.getByRole('img', { name: `${WORDS.cs.map}: ${partner.title}` });
  await expect(map).toBeVisible();
  expect(await countriesUnder(page, map.locator('.map-marker'))).toEqual([partner.country]);
  await context.close();
});

test('the static map is small: the outline adds a few kB to a detail page', async ({ page, api }) => {
  const practice = await itemWithCoordinates(api, 'practices', 'pl');
  await page.goto(practice.path);
  const markup = await page.locator('.static-map').evaluate((element) => element.outerHTML);
  expect(markup.length, 'under 8 kB before compression').toBeLessThan(8_000);
});

function freePort(): Promise<number> {
  return new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

test('with a tile server configured, a button turns the static map into Leaflet with tiles, fetched only then', async ({ browser, api }) => {
  // A second server from the same build, with MAP_TILE_URL set at start: read at request time.
  const port = await freePort();
  const tileUrl = 'https://tiles.example.test/{z}/{x}/{y}.png';
  const server = spawnPortal({
    HOST: '127.0.0.1',
    PORT: String(port),
    API_URL: process.env.A4B_API_URL,
    PUBLIC_API_URL: process.env.A4B_API_URL,
    MAP_TILE_URL: tileUrl,
    MAP_ATTRIBUTION: '© Example Tiles',
  });
  try {
    const origin = `http://127.0.0.1:${port}`;
    await expect.poll(() => fetch(`${origin}/`).then((r) => r.status, () => 0), { timeout: 20_000 }).toBe(200);
    const context = await browser.newContext({ baseURL: origin });
    const page = await context.newPage();
    const tiles: string[] = [];
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    // The "tile server" never leaves the machine: the browser gets a blank PNG for each tile.
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==', 'base64');
    await page.route('https://tiles.example.test/**', (route) => {
      tiles.push(route.request().url());
      return route.fulfill({ status: 200, contentType: 'image/png', body: png });
    });
    const event = await itemWithCoordinates(api, 'events', 'pl');
    await page.goto(event.path);
    await page.waitForLoadState('networkidle');

    // At first: the static map and the button; the page's scripts are the search box and the button's, no Leaflet.
    const section = page.getByRole('region', { name: WORDS.pl.location, exact: true });
    await expect(section.getByRole('img', { name: `${WORDS.pl.map}: ${event.title}` })).toBeVisible();
    const scripts = await page.locator('script[src]').evaluateAll((nodes) => nodes.map((node) => new URL((node as HTMLScriptElement).src).pathname));
    expect(scripts.map((path) => path.replace(/^\/_astro\/([A-Za-z]+).*$/, '$1')).sort()).toEqual(['InteractiveMapButton', 'SearchBox']);
    expect(requested.filter((path) => /leaflet|\/_astro\/map\.|location-map/.test(path))).toEqual([]);
    expect(tiles).toEqual([]);
    await expectAccessible(page);

    // Keyboard only: Tab reaches the button, Enter brings Leaflet and the tiles and puts the focus on the marker.
    const button = section.getByRole('button', { name: WORDS.pl.showMap });
    await page.locator('body').focus();
    for (let presses = 0; presses < 80 && !(await button.evaluate((element) => element === document.activeElement)); presses++) {
      await page.keyboard.press('Tab');
    }
    await expect(button).toBeFocused();
    await page.keyboard.press('Enter');
    const map = section.getByRole('region', { name: `${WORDS.pl.map}: ${event.title}` });
    const marker = map.locator('.map-marker');
    await expect(marker).toBeFocused();
    await expect(marker).toHaveAttribute('title', event.title);
    await expect(button).toHaveCount(0);
    expect(requested.filter((path) => /leaflet.*\.css$/.test(path))).toHaveLength(1);
    await expect(map.locator('img.leaflet-tile').first()).toBeAttached();
    await expect.poll(() => tiles.length).toBeGreaterThan(0);
    expect(tiles.every((url) => /^https:\/\/tiles\.example\.test\/14\/\d+\/\d+\.png$/.test(url))).toBe(true);
    await expect(map.locator('.leaflet-control-attribution')).toContainText('© Example Tiles');
    await expect(map.getByRole('button', { name: WORDS.pl.zoomIn })).toBeVisible();
    await page.keyboard.press('Enter');
    const popup = map.locator('.leaflet-popup');
    await expect(popup).toBeVisible();
    await expect(popup).toContainText(event.title);
    await expect(popup.getByRole('button', { name: WORDS.pl.close })).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, 'map-interactive-tiles-pl');
    await context.close();
  } finally {
    server.kill();
  }
});

test('a practice prints black on white with its address and its map, without navigation', async ({ page, api }) => {
  const practice = await itemWithCoordinates(api, 'practices', 'pl');
  await page.goto(practice.path);
  const navigation = page.getByRole('navigation', { name: 'Menu główne' });
  const title = page.getByRole('heading', { level: 1 });
  const map = page.getByRole('img', { name: `Mapa: ${practice.title}` });
  const projectLine = page.getByRole('contentinfo').locator('p').first();
  await expect(navigation).toBeVisible();
  await expect(map).toBeVisible();
  await expect(projectLine).toBeVisible();
  expect(await title.evaluate((element) => getComputedStyle(element).color)).not.toBe('rgb(0, 0, 0)');

  await page.emulateMedia({ media: 'print' });
  await expect(navigation).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Wersja językowa' })).toBeHidden();
  await expect(page.locator('.skip-link')).toBeHidden();
  // The static map prints, whole on its page, its country lines black.
  await expect(map).toBeVisible();
  expect(await page.locator('.static-map').evaluate((element) => getComputedStyle(element).breakInside)).toBe('avoid');
  expect(await map.locator('path.map-country-pl').evaluate((element) => getComputedStyle(element).stroke)).toBe('rgb(0, 0, 0)');
  await expect(projectLine).toBeHidden();
  await expect(page.getByRole('contentinfo').locator('.co-financing')).toBeVisible();
  await expect(title).toHaveText(practice.title);
  await expect(page.locator('main')).toBeVisible();
  await expect(page.getByText(`Adres strony: ${practice.url}`)).toBeVisible();
  expect(await title.evaluate((element) => getComputedStyle(element).color)).toBe('rgb(0, 0, 0)');
  const institution = page.locator('main a[href^="/"]').first();
  const printedUrl = await institution.evaluate((element) => getComputedStyle(element, '::after').content);
  expect(printedUrl).toContain(await institution.getAttribute('href'));
  const headingBreak = await page
    .getByRole('heading', { level: 2 })
    .first()
    .evaluate((element) => getComputedStyle(element).breakAfter);
  expect(headingBreak).toBe('avoid');

  const pdf = await page.pdf({ path: `${ARTIFACTS}/practice-print-pl.pdf`, format: 'A4', printBackground: false });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  await page.screenshot({ path: `${ARTIFACTS}/practice-print-pl.png`, fullPage: true });
});
