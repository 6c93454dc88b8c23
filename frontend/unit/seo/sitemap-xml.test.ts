import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderRobots, renderSitemap, sitemapEntry } from '../../src/seo/sitemap-xml.ts';

const ORIGIN = 'https://portal.example.org';

test('each language version lists every version and x-default on the Polish one', () => {
  const entry = sitemapEntry({
    url: `${ORIGIN}/cs/akce/setkani/`,
    locale: 'cs',
    last_published_at: '2026-03-04T05:06:07.123456+01:00',
    translations: [{ locale: 'pl', path: '/wydarzenia/spotkanie/' }],
  });
  assert.deepEqual(entry, {
    loc: `${ORIGIN}/cs/akce/setkani/`,
    lastmod: '2026-03-04T05:06:07+01:00',
    alternates: [
      { hreflang: 'cs', href: `${ORIGIN}/cs/akce/setkani/` },
      { hreflang: 'pl', href: `${ORIGIN}/wydarzenia/spotkanie/` },
      { hreflang: 'x-default', href: `${ORIGIN}/wydarzenia/spotkanie/` },
    ],
  });
});

test('a page only in Czech has no x-default and no lastmod without a date', () => {
  const entry = sitemapEntry({ url: `${ORIGIN}/cs/jen-cesky/`, locale: 'cs', translations: [] });
  assert.deepEqual(entry, { loc: `${ORIGIN}/cs/jen-cesky/`, lastmod: undefined, alternates: [{ hreflang: 'cs', href: `${ORIGIN}/cs/jen-cesky/` }] });
});

test('the document escapes URLs and lists a page once', () => {
  const entry = sitemapEntry({ url: `${ORIGIN}/a/?x=1&y=<2>`, locale: 'pl', translations: [] });
  const xml = renderSitemap([entry, entry]);
  assert.equal(xml.split('<url>').length - 1, 1);
  assert.ok(xml.includes('<loc>https://portal.example.org/a/?x=1&#38;y=&#60;2&#62;</loc>'), xml);
  assert.ok(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'));
});

test('robots.txt keeps crawlers out of the preview and points at the sitemap', () => {
  const robots = renderRobots(ORIGIN);
  assert.match(robots, /^Disallow: \/api\/$/m);
  assert.match(robots, /^Sitemap: https:\/\/portal\.example\.org\/sitemap\.xml$/m);
});
