import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, expectAccessible, screenshot, test } from './fixtures';

const ARTIFACTS = resolve(import.meta.dirname, '../../test-artifacts/frontend');
const WORDS = {
  pl: { location: 'Lokalizacja', map: 'Mapa', close: 'Zamknij opis', zoomIn: 'Przybliż', coordinates: 'Współrzędne' },
  cs: { location: 'Poloha', map: 'Mapa', close: 'Zavřít popis', zoomIn: 'Přiblížit', coordinates: 'Souřadnice' },
} as const;
const AGGLOMERATION_COUNTRY: Record<string, string> = { opole: 'PL', olomouc: 'CZ' };

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

/** Which countries' outlines lie under the marker's tip (its icon anchor, bottom centre). */
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
    test(`a ${kind} detail in ${locale} shows its place on a map, reachable by keyboard`, async ({
      page,
      api,
      foreignRequests,
    }) => {
      const words = WORDS[locale];
      const item = await itemWithCoordinates(api, kind, locale);
      expect((await page.goto(item.path))?.status()).toBe(200);

      // The text equivalent: the place in coordinates, in the page's language.
      const section = page.getByRole('region', { name: words.location, exact: true });
      const decimals = (value: number) => value.toFixed(4).replace('.', ',');
      await expect(section).toContainText(`${words.coordinates}: ${decimals(item.latitude)}°`);
      await expect(section).toContainText(decimals(item.longitude));

      const map = page.getByRole('region', { name: `${words.map}: ${item.title}` });
      await expect(map).toBeVisible();
      const marker = map.locator('.map-marker');
      await expect(marker).toHaveCount(1);
      await expect(marker).toHaveAttribute('title', item.title);
      await expect(map.locator('path.map-country-pl')).toHaveCount(1);
      await expect(map.locator('path.map-country-cz')).toHaveCount(1);
      // At the right place: the pin's tip is on its own country's outline and not on the other's.
      expect(await countriesUnder(page, marker)).toEqual([item.country]);
      await expect(map.getByRole('button', { name: words.zoomIn })).toBeVisible();

      // Keyboard only: Tab reaches the marker, Enter opens its popup with the title.
      await page.locator('body').focus();
      for (let presses = 0; presses < 80 && !(await marker.evaluate((element) => element === document.activeElement)); presses++) {
        await page.keyboard.press('Tab');
      }
      await expect(marker).toBeFocused();
      await page.keyboard.press('Enter');
      const popup = map.locator('.leaflet-popup');
      await expect(popup).toBeVisible();
      await expect(popup).toContainText(item.title);
      await expect(popup.getByRole('button', { name: words.close })).toBeVisible();

      await expectAccessible(page);
      await screenshot(page, `map-${kind}-${locale}`);
      // The resizes above came while the popup's pan ran: the map still frames its point, phone or desktop.
      for (const width of [360, 1280]) {
        await page.setViewportSize({ width, height: 800 });
        await expect.poll(() => markerOffCentre(map, marker), `marker centred at ${width} px`).toBeLessThan(40);
        expect(await countriesUnder(page, marker)).toEqual([item.country]);
      }
      expect(foreignRequests).toEqual([]);
    });
  }
}

test('pages without a map load no map script or styles; detail pages load them once', async ({ page, api }) => {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  const practice = await itemWithCoordinates(api, 'practices', 'pl');
  const practiceIndex = practice.path.replace(/[^/]+\/$/, '');
  for (const path of [practiceIndex, '/']) {
    requested.length = 0;
    expect((await page.goto(path))?.status()).toBe(200);
    await page.waitForLoadState('networkidle');
    expect(await page.locator('[data-points-map]').count()).toBe(0);
    expect(requested.filter((url) => /leaflet|PointsMap|map-outline/i.test(url)), path).toEqual([]);
  }
  requested.length = 0;
  await page.goto(practice.path);
  await page.waitForLoadState('networkidle');
  expect(requested.filter((url) => /PointsMap.*\.js$/.test(url))).toHaveLength(1);
  expect(requested.filter((url) => /leaflet.*\.css$/.test(url))).toHaveLength(1);
  expect(requested).toContain('/map-outline.json');
});

test('without JavaScript the place is still given in words, and no empty map box shows', async ({ browser, api }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL: process.env.A4B_FRONTEND_URL });
  const page = await context.newPage();
  const partner = await itemWithCoordinates(api, 'partners', 'cs');
  await page.goto(partner.path);
  const section = page.getByRole('region', { name: WORDS.cs.location, exact: true });
  await expect(section).toContainText(partner.latitude.toFixed(4).replace('.', ','));
  await expect(section.locator('[data-points-map]')).toBeHidden();
  await context.close();
});

test('the outline is small, bundled and names both countries', async ({ request }) => {
  const response = await request.get(`${process.env.A4B_FRONTEND_URL}/map-outline.json`);
  expect(response.status()).toBe(200);
  const body = await response.body();
  expect(body.length, 'under 12 kB before compression').toBeLessThan(12_000);
  const outline = JSON.parse(body.toString());
  expect(outline.features.map((feature: any) => feature.properties.code).sort()).toEqual(['CZ', 'PL']);
});

function freePort(): Promise<number> {
  return new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

test('with a tile server configured, the map shows its tiles and attribution instead of the outline', async ({ browser, api }) => {
  // A second server from the same build, with MAP_TILE_URL set at start: read at request time.
  const port = await freePort();
  const tileUrl = 'https://tiles.example.test/{z}/{x}/{y}.png';
  const server = spawn(process.execPath, ['dist/server/entry.mjs'], {
    cwd: resolve(import.meta.dirname, '..'),
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      API_URL: process.env.A4B_API_URL,
      PUBLIC_API_URL: process.env.A4B_API_URL,
      MAP_TILE_URL: tileUrl,
      MAP_ATTRIBUTION: '© Example Tiles',
    },
    stdio: 'ignore',
  });
  try {
    const origin = `http://127.0.0.1:${port}`;
    await expect.poll(() => fetch(`${origin}/`).then((r) => r.status, () => 0), { timeout: 20_000 }).toBe(200);
    const context = await browser.newContext({ baseURL: origin });
    const page = await context.newPage();
    const tiles: string[] = [];
    // The "tile server" never leaves the machine: the browser gets a blank PNG for each tile.
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==', 'base64');
    await page.route('https://tiles.example.test/**', (route) => {
      tiles.push(route.request().url());
      return route.fulfill({ status: 200, contentType: 'image/png', body: png });
    });
    const event = await itemWithCoordinates(api, 'events', 'pl');
    await page.goto(event.path);
    const map = page.getByRole('region', { name: `${WORDS.pl.map}: ${event.title}` });
    await expect(map.locator('img.leaflet-tile').first()).toBeAttached();
    await expect.poll(() => tiles.length).toBeGreaterThan(0);
    expect(tiles.every((url) => /^https:\/\/tiles\.example\.test\/14\/\d+\/\d+\.png$/.test(url))).toBe(true);
    await expect(map.locator('.leaflet-control-attribution')).toContainText('© Example Tiles');
    await expect(map.locator('path.map-country')).toHaveCount(0);
    await context.close();
  } finally {
    server.kill();
  }
});

test('a practice prints black on white with its address, without navigation or map controls', async ({ page, api }) => {
  const practice = await itemWithCoordinates(api, 'practices', 'pl');
  await page.goto(practice.path);
  const navigation = page.getByRole('navigation', { name: 'Menu główne' });
  const title = page.getByRole('heading', { level: 1 });
  const zoom = page.locator('.leaflet-control-zoom');
  const projectLine = page.getByRole('contentinfo').locator('p').first();
  await expect(navigation).toBeVisible();
  await expect(zoom).toBeVisible();
  await expect(projectLine).toBeVisible();
  expect(await title.evaluate((element) => getComputedStyle(element).color)).not.toBe('rgb(0, 0, 0)');

  await page.emulateMedia({ media: 'print' });
  await expect(navigation).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Wersja językowa' })).toBeHidden();
  await expect(page.locator('.skip-link')).toBeHidden();
  await expect(zoom).toBeHidden();
  await expect(projectLine).toBeHidden();
  await expect(page.getByRole('contentinfo').locator('.co-financing')).toBeVisible();
  await expect(title).toHaveText(practice.title);
  await expect(page.locator('main')).toBeVisible();
  await expect(page.getByText(`Adres strony: ${practice.url}`)).toBeVisible();
  expect(await title.evaluate((element) => getComputedStyle(element).color)).toBe('rgb(0, 0, 0)');
  const institution = page.locator('main a[href^="/"]:not(.leaflet-container a)').first();
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
