import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

// What search engines, link previews and feed readers get: description, Open Graph, JSON-LD,
// feed discovery, sitemap.xml and robots.txt, checked against what the API says.

const LOCALES = ['pl', 'cs'] as const;
const OG_LOCALE = { pl: 'pl_PL', cs: 'cs_CZ' } as const;
const frontend = () => process.env.A4B_FRONTEND_URL!;

type Node = Record<string, any>;

/** Every JSON-LD document in the page, parsed (a syntax error fails the test). */
async function structuredData(page: Page): Promise<Node[]> {
  const texts = await page.locator('script[type="application/ld+json"]').allTextContents();
  return texts.map((text) => JSON.parse(text));
}

function ofType(nodes: Node[], type: string): Node {
  const found = nodes.filter((node) => node['@type'] === type);
  expect(found, `one ${type} node`).toHaveLength(1);
  expect(found[0]!['@context']).toBe('https://schema.org');
  return found[0]!;
}

async function meta(page: Page, key: string): Promise<string[]> {
  return page.locator(`meta[property="${key}"], meta[name="${key}"]`).evaluateAll((tags) => tags.map((tag) => tag.getAttribute('content') ?? ''));
}

/** Open Graph for a page found in the API: title, description, canonical URL, languages, card. */
async function expectOpenGraph(page: Page, item: Node, description: string, type: string) {
  const locale = item.locale as 'pl' | 'cs';
  expect(await meta(page, 'description')).toEqual([description]);
  expect(await meta(page, 'og:title')).toEqual([item.title ?? item.project_name]);
  expect(await meta(page, 'og:description')).toEqual([description]);
  expect(await meta(page, 'og:url')).toEqual([item.url]);
  expect(await meta(page, 'og:type')).toEqual([type]);
  expect(await meta(page, 'og:locale')).toEqual([OG_LOCALE[locale]]);
  expect(await meta(page, 'og:locale:alternate')).toEqual(item.translations.map((link: Node) => OG_LOCALE[link.locale as 'pl' | 'cs']));
  expect((await meta(page, 'twitter:card'))[0]).toMatch(/^summary(_large_image)?$/);
}

/** og:image is the large rendition, absolute, with its size, and answers as an image. */
async function expectSharedImage(page: Page, image: Node) {
  const { large } = image.renditions;
  const [url] = await meta(page, 'og:image');
  expect(url).toMatch(/^https?:\/\//);
  expect(url).toBe(new URL(large.url, process.env.A4B_API_URL).href);
  expect(await meta(page, 'og:image:width')).toEqual([String(large.width)]);
  expect(await meta(page, 'og:image:height')).toEqual([String(large.height)]);
  expect(await meta(page, 'twitter:card')).toEqual(['summary_large_image']);
  const response = await fetch(url!);
  expect(response.status, url).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^image\//);
}

/** Home → section → item, absolute, the page itself last. */
function expectBreadcrumbs(nodes: Node[], locale: 'pl' | 'cs', item: Node) {
  const trail = ofType(nodes, 'BreadcrumbList').itemListElement as Node[];
  expect(trail.map((step) => step.position)).toEqual(trail.map((_, index) => index + 1));
  expect(trail[0]!.item).toBe(`${frontend()}${locale === 'pl' ? '/' : '/cs/'}`);
  expect(trail.at(-1)).toMatchObject({ name: item.title, item: item.url });
}

async function firstWith(api: (path: string) => Promise<any>, list: string, locale: string, test: (item: Node) => boolean) {
  const { results } = await api(`/api/v2/${list}/?locale=${locale}&limit=100`);
  const item = results.find(test);
  expect(item, `a ${list} item in ${locale} for this test`).toBeTruthy();
  return api(`/api/v2/${list}/${item.id}/`);
}

for (const locale of LOCALES) {
  test(`a practice in ${locale} is an Article with topics, place and an Open Graph image`, async ({ page, api }) => {
    const practice = await firstWith(api, 'practices', locale, (item) => item.main_image && item.topics.length && item.latitude !== null);
    expect((await page.goto(practice.path))?.status()).toBe(200);
    await expectOpenGraph(page, practice, practice.summary, 'article');
    await expectSharedImage(page, practice.main_image);
    const nodes = await structuredData(page);
    const article = ofType(nodes, 'Article');
    expect(article).toMatchObject({
      headline: practice.title,
      description: practice.summary,
      url: practice.url,
      inLanguage: locale,
      datePublished: practice.first_published_at,
      keywords: practice.topics.map((topic: Node) => topic.name).join(', '),
      spatialCoverage: {
        '@type': 'Place',
        name: practice.municipality,
        geo: { '@type': 'GeoCoordinates', latitude: practice.latitude, longitude: practice.longitude },
      },
    });
    expect(article.about.map((topic: Node) => topic.name)).toEqual(practice.topics.map((topic: Node) => topic.name));
    expect(article.image.url).toBe((await meta(page, 'og:image'))[0]);
    expectBreadcrumbs(nodes, locale, practice);
  });

  test(`an event in ${locale} is an Event with zoned times, place, organiser and language`, async ({ page, api }) => {
    const event = await firstWith(api, 'events', locale, (item) => item.organiser && !item.is_all_day && item.latitude !== null);
    expect((await page.goto(event.path))?.status()).toBe(200);
    await expectOpenGraph(page, event, event.summary, 'website');
    const nodes = await structuredData(page);
    const node = ofType(nodes, 'Event');
    expect(node).toMatchObject({
      name: event.title,
      url: event.url,
      startDate: event.start,
      endDate: event.end,
      inLanguage: locale,
      eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
      eventStatus: expect.stringMatching(/^https:\/\/schema\.org\/Event(Scheduled|Cancelled|Postponed)$/),
      organizer: { '@type': 'Organization', name: event.organiser.title, url: event.organiser.url },
      location: {
        '@type': 'Place',
        address: { '@type': 'PostalAddress', addressLocality: event.city, addressCountry: event.country },
        geo: { latitude: event.latitude, longitude: event.longitude },
      },
    });
    for (const date of [node.startDate, node.endDate]) expect(date).toMatch(/T\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
    expectBreadcrumbs(nodes, locale, event);
  });

  test(`a partner in ${locale} is an Organization with its logo`, async ({ page, api }) => {
    const partner = await firstWith(api, 'partners', locale, (item) => item.logo);
    expect((await page.goto(partner.path))?.status()).toBe(200);
    const description = await page.locator('meta[name="description"]').getAttribute('content');
    expect(description?.length).toBeGreaterThan(20);
    await expectOpenGraph(page, partner, description!, 'website');
    await expectSharedImage(page, partner.logo);
    const nodes = await structuredData(page);
    expect(ofType(nodes, 'Organization')).toMatchObject({
      name: partner.title,
      alternateName: partner.short_name,
      url: partner.website || partner.url,
      mainEntityOfPage: partner.url,
      logo: { '@type': 'ImageObject', url: (await meta(page, 'og:image'))[0] },
      address: { '@type': 'PostalAddress', addressCountry: partner.country },
    });
    expectBreadcrumbs(nodes, locale, partner);
  });

  test(`the home in ${locale} describes the project's aim and is the project's Organization and WebSite`, async ({ page, api }) => {
    const home = await api(`/api/v2/home/?locale=${locale}`);
    expect((await page.goto(home.path))?.status()).toBe(200);
    await expectOpenGraph(page, home, home.objectives[0], 'website');
    const nodes = await structuredData(page);
    const project = ofType(nodes, 'Organization');
    expect(project).toMatchObject({
      '@id': `${home.url}#project`,
      name: home.project_name,
      alternateName: home.project_acronym,
      url: home.url,
      foundingDate: home.period_start,
    });
    expect(project.member.map((member: Node) => member.url)).toEqual(home.partners.map((partner: Node) => partner.url));
    expect(ofType(nodes, 'WebSite')).toMatchObject({ url: home.url, inLanguage: locale, publisher: { '@id': project['@id'] } });
  });

  test(`a standard page in ${locale} is a WebPage in its trail`, async ({ page, api }) => {
    const standard = await firstWith(api, 'standard-pages', locale, () => true);
    expect((await page.goto(standard.path))?.status()).toBe(200);
    const description = standard.search_description || standard.intro;
    expect(description).toBeTruthy();
    await expectOpenGraph(page, standard, description, 'website');
    const nodes = await structuredData(page);
    expect(ofType(nodes, 'WebPage')).toMatchObject({ name: standard.title, url: standard.url, inLanguage: locale, description });
    expectBreadcrumbs(nodes, locale, standard);
  });

  test(`every page in ${locale} announces the CMS's feeds, and they answer with their type`, async ({ page, api }) => {
    const home = await api(`/api/v2/home/?locale=${locale}`);
    for (const path of [home.path, `${home.path}no-such-page/`]) {
      await page.goto(path);
      const links = await page
        .locator('head link[rel="alternate"][type]')
        .evaluateAll((tags) => tags.map((tag) => ({ href: tag.getAttribute('href')!, type: tag.getAttribute('type')!, title: tag.getAttribute('title') })));
      const feeds = Object.fromEntries(links.map((link) => [new URL(link.href).pathname, link]));
      const api_ = new URL(process.env.A4B_API_URL!);
      expect(Object.keys(feeds).sort()).toEqual(
        ['events.atom', 'events.ics', 'events.rss', 'practices.atom', 'practices.rss'].map((name) => `/feeds/${locale}/${name}`),
      );
      for (const link of links) {
        expect(new URL(link.href).origin).toBe(api_.origin);
        expect(link.title).toBeTruthy();
        const response = await fetch(link.href);
        expect(response.status, link.href).toBe(200);
        expect(response.headers.get('content-type'), link.href).toContain(link.type);
      }
    }
  });
}

test('sitemap.xml lists every live page in both languages with its alternates, and each answers 200', async ({ page, api }) => {
  const response = await fetch(`${frontend()}/sitemap.xml`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^application\/xml/);
  const xml = await response.text();
  const entries: { loc: string; lastmod: string | null; alternates: Record<string, string> }[] = await page.evaluate((text) => {
    const document = new DOMParser().parseFromString(text, 'application/xml');
    if (document.getElementsByTagName('parsererror').length) throw new Error('sitemap.xml is not well-formed XML');
    const root = document.documentElement;
    if (root.namespaceURI !== 'http://www.sitemaps.org/schemas/sitemap/0.9' || root.localName !== 'urlset') throw new Error('not a urlset');
    return [...root.getElementsByTagNameNS(root.namespaceURI, 'url')].map((url) => ({
      loc: url.getElementsByTagNameNS(root.namespaceURI, 'loc')[0]!.textContent!,
      lastmod: url.getElementsByTagNameNS(root.namespaceURI, 'lastmod')[0]?.textContent ?? null,
      alternates: Object.fromEntries(
        [...url.getElementsByTagNameNS('http://www.w3.org/1999/xhtml', 'link')].map((link) => [link.getAttribute('hreflang'), link.getAttribute('href')]),
      ),
    }));
  }, xml);
  const byLoc = new Map(entries.map((entry) => [entry.loc, entry]));
  expect(byLoc.size, 'each URL once').toBe(entries.length);

  for (const locale of LOCALES) {
    const home = await api(`/api/v2/home/?locale=${locale}`);
    expect(byLoc.get(home.url)?.alternates[locale]).toBe(home.url);
    for (const list of ['practices', 'events', 'partners', 'standard-pages']) {
      const { count, results } = await api(`/api/v2/${list}/?locale=${locale}&limit=100`);
      expect(results).toHaveLength(count);
      for (const item of results) {
        const entry = byLoc.get(item.url);
        expect(entry, `${item.url} in the sitemap`).toBeTruthy();
        expect(entry!.lastmod).toBe(item.last_published_at.replace(/\.\d+/, ''));
        expect(entry!.alternates[locale]).toBe(item.url);
        for (const translation of item.translations) expect(entry!.alternates[translation.locale]).toBe(`${frontend()}${translation.path}`);
        const polish = locale === 'pl' ? item.url : item.translations.find((link: Node) => link.locale === 'pl');
        if (polish) expect(entry!.alternates['x-default']).toBe(typeof polish === 'string' ? polish : `${frontend()}${polish.path}`);
      }
    }
  }
  expect(entries.some((entry) => entry.loc.startsWith(`${frontend()}/cs/`))).toBe(true);
  expect(entries.some((entry) => !entry.loc.startsWith(`${frontend()}/cs/`))).toBe(true);
  const listed = new Set(entries.flatMap((entry) => [entry.loc, ...Object.values(entry.alternates)]));
  for (const url of listed) {
    expect(url.startsWith(`${frontend()}/`), url).toBe(true);
    const answer = await fetch(url, { redirect: 'manual' });
    expect(answer.status, url).toBe(200);
  }
});

test('robots.txt points at the sitemap and keeps crawlers out of the preview', async () => {
  const response = await fetch(`${frontend()}/robots.txt`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
  const lines = (await response.text()).split('\n');
  expect(lines).toContain(`Sitemap: ${frontend()}/sitemap.xml`);
  const disallowed = lines.filter((line) => line.startsWith('Disallow: ')).map((line) => line.slice('Disallow: '.length));
  expect(disallowed.some((prefix) => prefix && '/api/preview?token=x'.startsWith(prefix))).toBe(true);
  expect(disallowed.some((prefix) => prefix && '/dobre-praktyki/'.startsWith(prefix))).toBe(false);
});

test('pages that answer an error are not indexed; content pages are', async () => {
  for (const [path, status] of [
    ['/no-such-page/', 404],
    ['/dobre-praktyki/?topic=no-such-topic', 400],
    ['/', 200],
  ] as const) {
    const response = await fetch(`${frontend()}${path}`);
    expect(response.status, path).toBe(status);
    expect(response.headers.get('x-robots-tag'), path).toBe(status === 200 ? null : 'noindex');
  }
});
