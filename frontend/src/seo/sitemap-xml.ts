/**
 * sitemap.xml from the API's page items: one <url> per page and language, each listing the page
 * in every language it exists in (xhtml:link hreflang, plus x-default on the Polish original),
 * as search engines want alternates declared on every member of the group.
 */

/** What the API says of a live page, in a list or on its own (home). */
export interface ListedPage {
  url: string;
  locale: string;
  last_published_at?: string | null;
  first_published_at?: string | null;
  translations: { locale: string; path: string }[];
}

export interface SitemapEntry {
  loc: string;
  lastmod?: string;
  alternates: { hreflang: string; href: string }[];
}

const DEFAULT_LOCALE = 'pl';

/** W3C datetime to the second: the API's microseconds say nothing to a crawler. */
function lastmod(page: ListedPage): string | undefined {
  const iso = page.last_published_at ?? page.first_published_at;
  return iso ? iso.replace(/\.\d+(?=Z|[+-]\d\d:?\d\d$)/, '') : undefined;
}

export function sitemapEntry(page: ListedPage): SitemapEntry {
  const origin = new URL(page.url).origin;
  const versions = [{ hreflang: page.locale, href: page.url }];
  for (const translation of page.translations) versions.push({ hreflang: translation.locale, href: `${origin}${translation.path}` });
  versions.sort((a, b) => a.hreflang.localeCompare(b.hreflang));
  const fallback = versions.find((version) => version.hreflang === DEFAULT_LOCALE);
  const alternates = fallback ? [...versions, { hreflang: 'x-default', href: fallback.href }] : versions;
  return { loc: page.url, lastmod: lastmod(page), alternates };
}

function xml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** The document; a page listed twice (a home is also a section, say) appears once. */
export function renderSitemap(entries: SitemapEntry[]): string {
  const seen = new Set<string>();
  const urls = entries.flatMap((entry) => {
    if (seen.has(entry.loc)) return [];
    seen.add(entry.loc);
    const lines = [`    <loc>${xml(entry.loc)}</loc>`];
    if (entry.lastmod) lines.push(`    <lastmod>${xml(entry.lastmod)}</lastmod>`);
    for (const alternate of entry.alternates) {
      lines.push(`    <xhtml:link rel="alternate" hreflang="${xml(alternate.hreflang)}" href="${xml(alternate.href)}"/>`);
    }
    return [`  <url>\n${lines.join('\n')}\n  </url>`];
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ...urls,
    '</urlset>',
    '',
  ].join('\n');
}

/** robots.txt: everything may be crawled but the editors' preview (and the portal's other endpoints under /api/). */
export function renderRobots(origin: string): string {
  return ['User-agent: *', 'Disallow: /api/', '', `Sitemap: ${origin}/sitemap.xml`, ''].join('\n');
}
