import { loadSections, sectionOf } from '../api/site';
import { otherLocale } from '../i18n/locales';
import type { Loaded, Loader, LoaderContext } from './types';

const PAGE_SIZE = 12;

/** The page number asked for; anything else than a sensible positive number is the first page. */
function pageNumber(url: URL): number {
  const requested = Number.parseInt(url.searchParams.get('page') ?? '1', 10);
  return Number.isFinite(requested) && requested > 0 && requested < 10_000 ? requested : 1;
}

async function practices({ api, locale, url }: LoaderContext): Promise<Loaded | undefined> {
  const page = pageNumber(url);
  const { data } = await api.GET('/api/v2/practices/', {
    params: { query: { locale, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE } },
  });
  if (!data) return undefined;
  return { view: { kind: 'practices', list: data, page, pageSize: PAGE_SIZE }, publicUrl: data.results[0]?.url };
}

async function events({ api, locale }: LoaderContext): Promise<Loaded> {
  const [upcoming, past] = await Promise.all([
    api.GET('/api/v2/events/', { params: { query: { locale, upcoming: true, limit: 100 } } }),
    api.GET('/api/v2/events/', { params: { query: { locale, past: true, ordering: ['-start'], limit: 100 } } }),
  ]);
  const first = upcoming.data?.results[0] ?? past.data?.results[0];
  return {
    view: { kind: 'events', upcoming: upcoming.data?.results ?? [], past: past.data?.results ?? [] },
    publicUrl: first?.url,
  };
}

async function partners({ api, locale }: LoaderContext): Promise<Loaded> {
  const { data } = await api.GET('/api/v2/partners/', { params: { query: { locale, limit: 100 } } });
  return { view: { kind: 'partners', partners: data?.results ?? [] }, publicUrl: data?.results[0]?.url };
}

const SECTION_LOADERS = { practices, events, partners };

/** An index page: the section it heads (practices, events, partners) lists its items. */
export const loadIndex: Loader = async (context) => {
  const { locale, page, sections } = context;
  const section = sectionOf(sections, page.path);
  if (!section) return { view: { kind: 'page' } };
  const other = await loadSections(otherLocale(locale));
  const loaded = await SECTION_LOADERS[section](context);
  const otherPath = other[section];
  return loaded && { ...loaded, translations: otherPath ? [{ locale: otherLocale(locale), path: otherPath }] : [] };
};
