import AxeBuilder from '@axe-core/playwright';
import { gzipSync } from 'node:zlib';
import type { Locator, Page } from '@playwright/test';
import { expect, expectAccessible, screenshot, test } from './fixtures';

// The map page: practices, events and partners from the CMS's map data, clustered, with the same items listed.

const PATHS = { pl: '/mapa/', cs: '/cs/mapa/' } as const;
const WORDS = {
  pl: {
    map: 'Mapa dobrych praktyk, wydarzeń i partnerów',
    list: 'Miejsca na mapie',
    kinds: { practices: 'Dobre praktyki', events: 'Wydarzenia', partners: 'Partnerzy' },
    apply: 'Pokaż wyniki',
    upcoming: 'Tylko nadchodzące',
    close: 'Zamknij opis',
    problem: 'Nie rozpoznaliśmy części adresu tej strony',
    areas: ['Aglomeracja Opolska', 'Aglomeracja Ołomuniecka'],
    home: 'Mapa',
  },
  cs: {
    map: 'Mapa dobré praxe, akcí a partnerů',
    list: 'Místa na mapě',
    kinds: { practices: 'Dobrá praxe', events: 'Akce', partners: 'Partneři' },
    apply: 'Zobrazit výsledky',
    upcoming: 'Jen nadcházející',
    close: 'Zavřít popis',
    problem: 'Části adresy této stránky nerozumíme',
    areas: ['Opolská aglomerace', 'Olomoucká aglomerace'],
    home: 'Mapa',
  },
} as const;
const KINDS = ['practices', 'events', 'partners'] as const;
type Kind = (typeof KINDS)[number];
type Feature = { properties: { title: string; path: string; summary?: string } };

/** The API's map data of each kind for a query (the portal's filter names are the API's). */
async function features(api: (path: string) => Promise<any>, locale: string, query: Partial<Record<Kind, string>> = {}) {
  const entries = await Promise.all(
    KINDS.map(async (kind) => {
      const answer = await api(`/api/v2/geo/${kind}/?locale=${locale}&format=json${query[kind] ?? ''}`);
      return [kind, answer.features as Feature[]] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<Kind, Feature[]>;
}

const titles = (list: Feature[]) => list.map((feature) => feature.properties.title);

/** What the map holds once drawn: single markers plus the points inside each cluster (their counts). */
async function pointsOnMap(map: Locator): Promise<number> {
  await expect(map.locator('.map-marker, .map-cluster').first()).toBeVisible();
  const markers = await map.locator('.map-marker').count();
  const clustered = (await map.locator('.map-cluster [aria-hidden="true"]').allTextContents()).reduce((sum, count) => sum + Number(count), 0);
  return markers + clustered;
}

/** The list under the map: each kind's heading and its items' titles. */
async function listed(page: Page, locale: 'pl' | 'cs') {
  const result: Partial<Record<Kind, string[]>> = {};
  for (const kind of KINDS) {
    const section = page.locator(`section[data-kind="${kind}"]`);
    if (await section.count()) {
      await expect(section.getByRole('heading', { level: 3 })).toContainText(WORDS[locale].kinds[kind]);
      result[kind] = await section.locator('li > a').allInnerTexts();
    }
  }
  return result;
}

/**
 * `expectAccessible` for a page whose map moves: after each resize, let the map's pans and the clusters'
 * fades finish first, so axe judges the map at rest, not a marker caught half-transparent.
 */
async function expectMapAccessible(page: Page) {
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== 'running'));
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const violations = results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(' ')}`);
    expect(violations, `axe at ${width} px`).toEqual([]);
  }
}

const focusedIn = (map: Locator) =>
  map.evaluate((element) => {
    const active = document.activeElement as HTMLElement | null;
    if (!active || !element.contains(active)) return '';
    if (active.classList.contains('map-cluster')) return 'cluster';
    if (active.classList.contains('map-marker')) return 'marker';
    return 'other';
  });

for (const locale of ['pl', 'cs'] as const) {
  test(`the map in ${locale} has a marker for every item with coordinates, the same items listed, reachable by keyboard`, async ({
    page,
    api,
    foreignRequests,
  }) => {
    // Axe and screenshots at two widths, and a keyboard walk through the form to the map: room on a busy machine.
    test.setTimeout(60_000);
    const words = WORDS[locale];
    const data = await features(api, locale);
    const total = KINDS.reduce((sum, kind) => sum + data[kind].length, 0);
    expect(total).toBeGreaterThan(0);

    // Czech visitors here ask for less motion: clusters then open without animation, and the focus must follow too.
    if (locale === 'cs') await page.emulateMedia({ reducedMotion: 'reduce' });
    // From the home page's ways in.
    await page.goto(locale === 'pl' ? '/' : '/cs/');
    await page.getByRole('navigation', { name: locale === 'pl' ? 'Na skróty' : 'Rozcestník' }).getByRole('link', { name: words.home, exact: true }).click();
    await expect(page).toHaveURL((url) => url.pathname === PATHS[locale]);

    const map = page.getByRole('region', { name: words.map });
    await expect(map).toBeVisible();
    expect(await pointsOnMap(map)).toBe(total);
    // The outline of both countries and the two agglomerations, named.
    await expect(map.locator('path.map-country-pl')).toHaveCount(1);
    await expect(map.locator('path.map-country-cz')).toHaveCount(1);
    await expect(map.locator('path.map-area-opole')).toHaveCount(1);
    await expect(map.locator('path.map-area-olomouc')).toHaveCount(1);
    await expect(map.locator('.map-area-name')).toHaveText([...words.areas]);

    // The list: every item of every kind, in the API's order, each linking to its page.
    const list = page.getByRole('region', { name: words.list });
    await expect(list).toBeVisible();
    expect(await listed(page, locale)).toEqual(Object.fromEntries(KINDS.map((kind) => [kind, titles(data[kind])])));
    const practice = data.practices[0]!.properties;
    await expect(list.getByRole('link', { name: practice.title, exact: true })).toHaveAttribute('href', practice.path);

    // Keyboard only: Tab reaches the map's first cluster or marker; Enter opens clusters until a marker has the focus.
    await page.locator('body').focus();
    for (let presses = 0; presses < 80 && !['cluster', 'marker'].includes(await focusedIn(map)); presses++) {
      await page.keyboard.press('Tab');
    }
    for (let opened = 0; opened < 10 && (await focusedIn(map)) === 'cluster'; opened++) {
      const before = await page.evaluate(() => document.activeElement?.outerHTML);
      await page.keyboard.press('Enter');
      await expect.poll(() => page.evaluate(() => document.activeElement?.outerHTML)).not.toBe(before);
      await expect.poll(() => focusedIn(map)).toMatch(/cluster|marker/);
    }
    expect(await focusedIn(map)).toBe('marker');
    const name = await page.evaluate(() => document.activeElement!.getAttribute('title'));
    const item = KINDS.flatMap((kind) => data[kind]).find((feature) => feature.properties.title === name)!;
    expect(item, `the focused marker (${name}) is an item of the API`).toBeTruthy();
    await page.keyboard.press('Enter');
    const popup = map.locator('.leaflet-popup');
    await expect(popup).toBeVisible();
    await expect(popup.getByRole('link', { name: item.properties.title, exact: true })).toHaveAttribute('href', item.properties.path);
    if (item.properties.summary) await expect(popup).toContainText(item.properties.summary);
    await expect(popup.getByRole('button', { name: words.close })).toBeVisible();

    await expectMapAccessible(page);
    await screenshot(page, `map-page-${locale}`);
    expect(foreignRequests).toEqual([]);
  });
}

test('the filters change the markers and the list alike', async ({ page, api, foreignRequests }) => {
  const words = WORDS.pl;
  await page.goto(PATHS.pl);
  const map = page.getByRole('region', { name: words.map });

  // Upcoming events only: one kind, one filter.
  await page.locator('input[name="show"][value="events"]').check();
  await page.getByRole('checkbox', { name: words.upcoming }).check();
  await page.getByRole('button', { name: words.apply }).click();
  let params = new URL(page.url()).searchParams;
  expect([params.getAll('show'), params.get('upcoming')]).toEqual([['events'], 'true']);
  const upcoming = (await api('/api/v2/geo/events/?locale=pl&format=json&upcoming=true')).features as Feature[];
  const allEvents = (await api('/api/v2/geo/events/?locale=pl&format=json')).features as Feature[];
  expect(upcoming.length).toBeLessThan(allEvents.length);
  expect(await listed(page, 'pl')).toEqual({ events: titles(upcoming) });
  expect(await pointsOnMap(map)).toBe(upcoming.length);

  // Practices of one agglomeration in one country, and partners there.
  await page.getByRole('link', { name: 'Wyczyść filtry' }).click();
  await page.locator('input[name="show"][value="practices"]').check();
  await page.locator('input[name="show"][value="partners"]').check();
  await page.getByLabel('Kraj').selectOption('CZ');
  await page.getByRole('checkbox', { name: 'Aglomeracja Ołomuniecka' }).check();
  await page.getByRole('button', { name: words.apply }).click();
  params = new URL(page.url()).searchParams;
  expect([params.getAll('show'), params.get('country'), params.getAll('agglomeration')]).toEqual([
    ['practices', 'partners'],
    'CZ',
    ['olomouc'],
  ]);
  const data = await features(api, 'pl', { practices: '&country=CZ&agglomeration=olomouc', partners: '&country=CZ' });
  expect(await listed(page, 'pl')).toEqual({ practices: titles(data.practices), partners: titles(data.partners) });
  expect(await pointsOnMap(map)).toBe(data.practices.length + data.partners.length);
  await expect(page.getByLabel('Kraj')).toHaveValue('CZ');

  // A topic: the practices that have it.
  const topics = await api('/api/v2/topics/?locale=pl');
  const all = await features(api, 'pl');
  let topic: any;
  let byTopic: Feature[] = [];
  for (const candidate of topics) {
    byTopic = (await api(`/api/v2/geo/practices/?locale=pl&format=json&topic=${candidate.slug}`)).features;
    topic = candidate;
    if (byTopic.length > 0 && byTopic.length < all.practices.length) break;
  }
  await page.goto(`${PATHS.pl}?show=practices&topic=${topic.slug}`);
  expect(await listed(page, 'pl')).toEqual({ practices: titles(byTopic) });
  expect(await pointsOnMap(map)).toBe(byTopic.length);
  await expect(page.getByRole('checkbox', { name: topic.name, exact: true })).toBeChecked();
  // The language switch keeps the filters (topic slugs are the same in both languages).
  await expect(page.getByRole('navigation', { name: 'Wersja językowa' }).getByRole('link')).toHaveAttribute(
    'href',
    `${PATHS.cs}?show=practices&topic=${topic.slug}`,
  );
  await expectMapAccessible(page);
  await screenshot(page, 'map-page-filtered-pl');
  expect(foreignRequests).toEqual([]);
});

test('the sitemap lists the map in both languages, each with the other as its alternate', async ({ page }) => {
  const origin = process.env.A4B_FRONTEND_URL;
  const response = await page.request.get(`${origin}/sitemap.xml`);
  expect(response.status()).toBe(200);
  const xml = await response.text();
  for (const [locale, path] of Object.entries(PATHS)) {
    const entry = xml.split('<url>').find((block) => block.includes(`<loc>${origin}${path}</loc>`));
    expect(entry, `${path} in the sitemap`).toBeTruthy();
    for (const [other, otherPath] of Object.entries(PATHS)) {
      expect(entry).toContain(`hreflang="${other}" href="${origin}${otherPath}"`);
    }
    expect(entry, locale).toContain(`hreflang="x-default" href="${origin}${PATHS.pl}"`);
  }
});

test('without JavaScript the map page is its list and its form, and no empty map box shows', async ({ browser, api }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL: process.env.A4B_FRONTEND_URL });
  const page = await context.newPage();
  try {
    await page.goto(PATHS.cs);
    await expect(page.locator('[data-points-map]')).toBeHidden();
    await expect(page.locator('[data-map-only]')).toBeHidden();
    await page.locator('input[name="show"][value="partners"]').check();
    await page.getByRole('button', { name: WORDS.cs.apply }).click();
    const partners = (await api('/api/v2/geo/partners/?locale=cs&format=json')).features as Feature[];
    expect(await listed(page, 'cs')).toEqual({ partners: titles(partners) });
  } finally {
    await context.close();
  }
});

for (const [locale, query, named] of [
  ['pl', '?topic=nie-ma-takiego', 'Temat: „nie-ma-takiego”'],
  ['pl', '?show=things&upcoming=yes', 'Pokaż: „things”'],
  ['cs', '?country=DE', 'Země: „DE“'],
  ['cs', '?agglomeration=praha', 'Aglomerace: „praha“'],
] as const) {
  test(`filters not understood (${locale}: ${query}) answer 400 in the visitor's language`, async ({ page }) => {
    const response = await page.goto(`${PATHS[locale]}${query}`);
    expect(response?.status()).toBe(400);
    expect(response?.headers()['x-robots-tag']).toBe('noindex');
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    const problems = page.getByRole('region', { name: WORDS[locale].problem });
    await expect(problems.getByRole('link', { name: named })).toBeVisible();
    await expect(page.locator('[data-points-map]')).toHaveCount(0);
    if (query.includes('things')) {
      await expect(problems.getByRole('link', { name: 'Tylko nadchodzące wydarzenia: „yes”' })).toHaveAttribute('href', '#filter-upcoming');
      await expectAccessible(page);
      await screenshot(page, `map-page-400-${locale}`);
    }
  });
}

test('the map page ships at most 60 kB of JavaScript (gzipped), Leaflet after the first paint; detail pages load none of it', async ({ page, api }) => {
  const scripts = new Map<string, Buffer>();
  page.on('response', async (response) => {
    if (response.request().resourceType() === 'script') scripts.set(new URL(response.url()).pathname, await response.body());
  });
  await page.goto(PATHS.pl);
  await expect(page.locator('.map-cluster, .map-marker').first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  const sizes = [...scripts].map(([path, body]) => ({ path, gzip: gzipSync(body, { level: 9 }).length }));
  const total = sizes.reduce((sum, script) => sum + script.gzip, 0);
  console.log(`map page JavaScript, gzipped: ${(total / 1024).toFixed(1)} kB`, sizes.map((script) => `${script.path} ${(script.gzip / 1024).toFixed(1)} kB`));
  expect(sizes.some((script) => /cluster-map/.test(script.path))).toBe(true);
  expect(total).toBeLessThanOrEqual(60 * 1024);
  // The page's own script is the small loader; Leaflet and its styles are not in the HTML, so nothing of them
  // holds the first paint.
  const html = await (await page.request.get(PATHS.pl)).text();
  expect(html).not.toMatch(/leaflet|MarkerCluster|cluster-map|\/_astro\/map\./i);
  expect(html).toMatch(/<script type="module" src="\/_astro\/PointsMap\.[^"]+\.js">/);

  scripts.clear();
  const practice = (await api('/api/v2/geo/practices/?locale=pl&format=json')).features[0].properties;
  await page.goto(practice.path);
  await expect(page.locator('.static-map .map-marker')).toHaveCount(1);
  await page.waitForLoadState('networkidle');
  expect([...scripts.keys()].filter((path) => !/SearchBox/.test(path))).toEqual([]);
});
