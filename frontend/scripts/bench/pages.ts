import { SEARCH_PATHS } from '../../src/search/paths.ts';

export type Locale = 'pl' | 'cs';
export const LOCALES: Locale[] = ['pl', 'cs'];

/** The page types the speed budget names, in the order the report lists them. */
export const PAGE_TYPES = [
  'home',
  'practice',
  'practice-list',
  'event',
  'event-list',
  'event-month',
  'partner',
  'partner-list',
  'standard',
  'search',
  'search-results',
  'map',
] as const;
export type PageType = (typeof PAGE_TYPES)[number];

export interface PageRef {
  type: PageType;
  locale: Locale;
  /** Path and query on the frontend. */
  path: string;
}

/** The map page's path per language (src/loaders/map.ts's MAP_PATHS, which imports Astro's modules and cannot load here). */
const MAP_PATHS: Record<Locale, string> = { pl: '/mapa/', cs: '/cs/mapa/' };
/** A query that finds practices, events and partners in each language (inflected, without diacritics in Czech). */
export const SEARCH_QUERIES: Record<Locale, string> = { pl: 'współpracy', cs: 'spoluprace' };

type Json = Record<string, any>;

/**
 * One page of each type in each language, found through the CMS's public API as the frontend finds them:
 * the homes, the sections' index pages from the navigation, the first practice, event and partner of the
 * Polish lists and their Czech translations (the same item in both languages), the first footer page, and the
 * portal's own pages (search, map).
 */
export async function pagesToMeasure(apiUrl: string): Promise<PageRef[]> {
  const api = async (path: string): Promise<Json> => {
    const response = await fetch(new URL(path, apiUrl));
    if (!response.ok) throw new Error(`${path} answered ${response.status}`);
    return response.json() as Promise<Json>;
  };
  const first = async (list: string): Promise<Record<Locale, string>> => {
    const item = (await api(`/api/v2/${list}/?locale=pl&limit=1`)).results[0];
    const czech = item.translations.find((translation: Json) => translation.locale === 'cs');
    if (!czech) throw new Error(`The first of /api/v2/${list}/ has no Czech translation: ${item.path}`);
    return { pl: item.path, cs: czech.path };
  };
  const [practice, event, partner] = [await first('practices'), await first('events'), await first('partners')];
  const pages: PageRef[] = [];
  for (const locale of LOCALES) {
    const navigation = await api(`/api/v2/navigation/?locale=${locale}`);
    const sections = navigation.sections as Record<'practices' | 'events' | 'partners', string>;
    const paths: Record<PageType, string> = {
      home: navigation.home.path,
      practice: practice[locale],
      'practice-list': sections.practices,
      event: event[locale],
      'event-list': sections.events,
      'event-month': `${sections.events}?view=month`,
      partner: partner[locale],
      'partner-list': sections.partners,
      standard: navigation.footer[0].path,
      search: SEARCH_PATHS[locale],
      'search-results': `${SEARCH_PATHS[locale]}?q=${encodeURIComponent(SEARCH_QUERIES[locale])}`,
      map: MAP_PATHS[locale],
    };
    for (const type of PAGE_TYPES) pages.push({ type, locale, path: paths[type] });
  }
  return pages;
}
