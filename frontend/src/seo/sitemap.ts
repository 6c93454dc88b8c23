import { apiCache } from '../api/cache';
import { apiClient } from '../api/client';
import { loadSections, type SectionKind } from '../api/site';
import { LOCALES, type Locale } from '../i18n/locales';
import { MAP_PATHS } from '../loaders/map';
import { OPEN_DATA_PATHS } from '../opendata/catalog';
import { RESULTS_PATHS } from '../loaders/results';
import { everyItem } from './every-item';
import { renderSitemap, sitemapEntry, type ListedPage, type SitemapEntry } from './sitemap-xml';

/** The API's largest page of results (core/api/pagination.py): fewer requests, and no assumption that one page holds all. */
const LIMIT = 100;
/**
 * Kept briefly, so a crawler's burst costs one walk through the API; and only while the API cache
 * has dropped nothing since (a publish webhook bumps its epoch), so a publish shows at once.
 */
const TTL_MS = 60_000;

type Api = ReturnType<typeof apiClient>;

let cached: { at: number; epoch: number; sitemap: Promise<Sitemap> } | undefined;

export interface Sitemap {
  origin: string;
  xml: string;
}

function listsOf(api: Api, locale: Locale): Promise<ListedPage[]>[] {
  const query = (offset: number) => ({ params: { query: { locale, limit: LIMIT, offset } } });
  return [
    everyItem<ListedPage>((offset) => api.GET('/api/v2/practices/', query(offset))),
    everyItem<ListedPage>((offset) => api.GET('/api/v2/events/', query(offset))),
    everyItem<ListedPage>((offset) => api.GET('/api/v2/partners/', query(offset))),
    everyItem<ListedPage>((offset) => api.GET('/api/v2/standard-pages/', query(offset))),
  ];
}

async function home(api: Api, locale: Locale): Promise<ListedPage | undefined> {
  const { data } = await api.GET('/api/v2/home/', { params: { query: { locale } } });
  return data;
}

/** Section index pages (practices, events, partners) in each language, paired by the section they head. */
async function sectionEntries(origin: string): Promise<SitemapEntry[]> {
  const byLocale = await Promise.all(LOCALES.map(async (locale) => ({ locale, sections: await loadSections(locale) })));
  const kinds: SectionKind[] = ['practices', 'events', 'partners'];
  return kinds.flatMap((kind) => {
    const versions = byLocale.flatMap(({ locale, sections }) => (sections[kind] ? [{ locale, path: sections[kind] }] : []));
    return versions.map(({ locale, path }) =>
      sitemapEntry({
        url: `${origin}${path}`,
        locale,
        translations: versions.filter((version) => version.locale !== locale),
      }),
    );
  });
}

/** The portal's own pages (the map, the results, open data), which the CMS does not know: one per language, each the other's alternate. */
function portalPageEntries(origin: string): SitemapEntry[] {
  return [MAP_PATHS, RESULTS_PATHS, OPEN_DATA_PATHS].flatMap((paths) => {
    const versions = LOCALES.map((locale) => ({ locale, path: paths[locale] }));
    return versions.map(({ locale, path }) =>
      sitemapEntry({ url: `${origin}${path}`, locale, translations: versions.filter((version) => version.locale !== locale) }),
    );
  });
}

async function build(): Promise<Sitemap> {
  const api = apiClient();
  const homes = (await Promise.all(LOCALES.map((locale) => home(api, locale)))).filter((page) => page !== undefined);
  const first = homes[0];
  if (!first) throw new Error('The API has no published home page.');
  const origin = new URL(first.url).origin;
  const [lists, sections] = await Promise.all([
    Promise.all(LOCALES.flatMap((locale) => listsOf(api, locale))),
    sectionEntries(origin),
  ]);
  const entries = [...homes.map(sitemapEntry), ...sections, ...portalPageEntries(origin), ...lists.flat().map(sitemapEntry)];
  return { origin, xml: renderSitemap(entries) };
}

/** The sitemap of every live page in every language, from the API; rebuilt after a minute or a publish. */
export function sitemap(): Promise<Sitemap> {
  if (cached && cached.epoch === apiCache.epoch && Date.now() - cached.at < TTL_MS) return cached.sitemap;
  const building = build();
  cached = { at: Date.now(), epoch: apiCache.epoch, sitemap: building };
  building.catch(() => {
    if (cached?.sitemap === building) cached = undefined;
  });
  return building;
}
