import type { Schemas } from '../api/client';
import type { Locale } from '../i18n/locales';
import { mapPageText } from '../i18n/map';
import { MAP_PATHS } from './map';
import type { Loader, LoaderContext } from './types';

/** A prominent link on the home page: a section of the portal or a standard page, with a line saying what is there. */
export interface EntryPoint {
  title: string;
  path: string;
  /** The section's kind (practices, events, partners), whose line the home's strings hold; none for a standard page. */
  section?: 'practices' | 'events' | 'partners';
  /** A standard page's intro. */
  description?: string;
}

/** How many upcoming events the home shows. */
const EVENTS = 3;

/**
 * The home: the project's facts, and what makes it a way in: the editors' featured practices as
 * full summaries (cards with their agglomeration and place), the next events with their dates
 * (the featured ones first if they are still to come), and the menu's sections as entry points.
 */
export const loadHome: Loader = async ({ api, locale }) => {
  const { data: home } = await api.GET('/api/v2/home/', { params: { query: { locale } } });
  if (!home) return undefined;
  const [practices, events, entryPoints] = await Promise.all([
    featuredPractices({ api }, home),
    upcomingEvents({ api }, locale, home),
    loadEntryPoints({ api }, locale),
  ]);
  return {
    view: { kind: 'home', home, practices, events, entryPoints },
    title: home.project_name,
    translations: home.translations,
    publicUrl: home.url,
  };
};

type Api = Pick<LoaderContext, 'api'>;

/** The featured practices in the editors' order; one the API no longer has is left out. */
async function featuredPractices({ api }: Api, home: Schemas['Home']): Promise<Schemas['PracticeSummary'][]> {
  const answers = await Promise.all(
    home.featured_practices.map((item) => api.GET('/api/v2/practices/{id}/', { params: { path: { id: item.id } } })),
  );
  return answers.flatMap(({ data }) => (data ? [data] : []));
}

/** The next events by date: those the editors featured first, then the soonest others. */
async function upcomingEvents({ api }: Api, locale: Locale, home: Schemas['Home']): Promise<Schemas['EventSummary'][]> {
  const { data } = await api.GET('/api/v2/events/', {
    params: { query: { locale, upcoming: true, ordering: ['start'], limit: 20 } },
  });
  const upcoming = data?.results ?? [];
  const featured = new Set(home.featured_events.map((item) => item.id));
  const chosen = [...upcoming.filter((event) => featured.has(event.id)), ...upcoming.filter((event) => !featured.has(event.id))];
  return chosen.slice(0, EVENTS).sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
}

/**
 * The menu's links under the home (the same answer the header reads); a standard page says what it is with its intro.
 * Then the map of everything, the portal's own page.
 */
async function loadEntryPoints({ api }: Api, locale: Locale): Promise<EntryPoint[]> {
  const { data } = await api.GET('/api/v2/navigation/', { params: { query: { locale } } });
  if (!data) return [];
  const map: EntryPoint = { title: mapPageText(locale).title, path: MAP_PATHS[locale], description: mapPageText(locale).lead };
  const fromMenu = await Promise.all(
    data.main.map(async (link): Promise<EntryPoint> => {
      const point: EntryPoint = { title: link.title, path: link.path };
      if (link.section === 'practices' || link.section === 'events' || link.section === 'partners') return { ...point, section: link.section };
      if (link.type !== 'page') return point;
      const { data: page } = await api.GET('/api/v2/standard-pages/{id}/', { params: { path: { id: link.id } } });
      return page?.intro ? { ...point, description: page.intro } : point;
    }),
  );
  return [...fromMenu, map];
}
