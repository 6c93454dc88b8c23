import { ApiUnavailable, apiClient, rejectedParameters, type Schemas } from '../api/client';
import { loadNavigation } from '../api/site';
import { label, t } from '../i18n/dictionaries';
import { otherLocale, type Locale } from '../i18n/locales';
import { mapPageText } from '../i18n/map';
import { apiProblems, chosen, enumOptions, readFilters, withProblems, type FilterSpec, type ListFilters } from './list-filters';
import { portalPage, type PortalPage } from './portal-page';
import type { View } from './types';

/** The map page's path in each language: a portal page of its own, not one of the CMS's. */
export const MAP_PATHS: Record<Locale, string> = { pl: '/mapa/', cs: '/cs/mapa/' };

export type MapKind = 'practices' | 'events' | 'partners';
export const MAP_KINDS: MapKind[] = ['practices', 'events', 'partners'];

/** What the map shows, by kind; a kind the visitor did not choose is absent. */
export interface MapFeatures {
  practices?: Schemas['PracticeFeature'][];
  events?: Schemas['EventFeature'][];
  partners?: Schemas['PartnerFeature'][];
}

/** What the map route renders: the view, its status and what the layout needs. */
export interface MapPage extends PortalPage {
  status: 200 | 400 | 503;
  view: Extract<View, { kind: 'map' }> | { kind: 'unavailable' };
  /** The language switch (PortalPage.switchPath) keeps the filters (the topics the other language has too). */
  origin: string;
}

function mapSpecs(locale: Locale, topics: Schemas['Topic'][]): FilterSpec[] {
  const text = mapPageText(locale);
  const code = (value: string) => label(locale, value);
  return [
    { name: 'show', kind: 'checkboxes', options: MAP_KINDS.map((kind) => ({ value: kind, label: text[kind] })) },
    { name: 'country', kind: 'select', options: enumOptions<Schemas['CountryEnum']>({ PL: true, CZ: true }, code) },
    { name: 'topic', kind: 'checkboxes', options: topics.map((topic) => ({ value: topic.slug, label: topic.name })) },
    {
      name: 'agglomeration',
      kind: 'checkboxes',
      options: enumOptions<Schemas['AgglomerationEnum']>({ opole: true, olomouc: true, cross_border: true }, code),
    },
    { name: 'upcoming', kind: 'checkboxes', options: [{ value: 'true', label: text.upcomingOnly }] },
  ];
}

/** The other language's map with the same filters: all are codes both languages share, but a topic may exist in one only. */
function switchPath(other: Locale, filters: ListFilters, otherTopics: Schemas['Topic'][]): string {
  const known = new Set(otherTopics.map((topic) => topic.slug));
  const query = new URLSearchParams(filters.query);
  const topics = query.getAll('topic').filter((slug) => known.has(slug));
  query.delete('topic');
  for (const slug of topics) query.append('topic', slug);
  return query.size ? `${MAP_PATHS[other]}?${query}` : MAP_PATHS[other];
}

/** The kinds to show: those chosen, or all of them when none is. */
export function shownKinds(filters: ListFilters): MapKind[] {
  const chosenKinds = chosen(filters, 'show') as MapKind[];
  return chosenKinds.length ? MAP_KINDS.filter((kind) => chosenKinds.includes(kind)) : MAP_KINDS;
}

/**
 * The map page: the CMS's map data (`/api/v2/geo/...`, every item with coordinates, unpaginated)
 * for the kinds chosen, with the filters that apply to each: country to all, topic and
 * agglomeration to practices, "upcoming only" to events. Filters are read against the options the
 * API offers first; a value not understood answers 400 in the visitor's language, as the lists do.
 */
export async function resolveMapPage(url: URL, locale: Locale): Promise<MapPage> {
  const text = mapPageText(locale);
  const page: MapPage = {
    status: 200,
    view: { kind: 'unavailable' },
    origin: url.origin,
    ...portalPage(locale, MAP_PATHS, text.title, text.description),
  };
  try {
    const api = apiClient();
    const [navigation, topics, otherTopics] = await Promise.all([
      loadNavigation(locale),
      api.GET('/api/v2/topics/', { params: { query: { locale } } }),
      api.GET('/api/v2/topics/', { params: { query: { locale: otherLocale(locale) } } }),
    ]);
    page.navigation = navigation;
    const specs = mapSpecs(locale, topics.data ?? []);
    const filters = readFilters(url.searchParams, specs);
    if (filters.problems.length) return { ...page, status: 400, view: { kind: 'map', features: {}, filters } };
    page.switchPath = switchPath(otherLocale(locale), filters, otherTopics.data ?? []);
    const kinds = shownKinds(filters);
    const [country] = chosen(filters, 'country') as Schemas['CountryEnum'][];
    const common = { locale, format: 'json' as const, ...(country && { country }) };
    const [practices, events, partners] = await Promise.all([
      kinds.includes('practices')
        ? api.GET('/api/v2/geo/practices/', {
            params: {
              query: {
                ...common,
                topic: chosen(filters, 'topic'),
                agglomeration: chosen(filters, 'agglomeration') as Schemas['AgglomerationEnum'][],
              },
            },
          })
        : undefined,
      kinds.includes('events')
        ? api.GET('/api/v2/geo/events/', {
            params: { query: { ...common, ...(chosen(filters, 'upcoming').length && { upcoming: true }) } },
          })
        : undefined,
      kinds.includes('partners') ? api.GET('/api/v2/geo/partners/', { params: { query: common } }) : undefined,
    ]);
    const answers = [practices, events, partners].filter((answer) => answer !== undefined);
    for (const answer of answers) {
      const errors = rejectedParameters(answer);
      if (!errors) continue;
      const names = Object.fromEntries(specs.map((spec) => [spec.name, spec.name]));
      const problems = apiProblems(errors, names, url.searchParams);
      return { ...page, status: 400, view: { kind: 'map', features: {}, filters: withProblems(filters, problems) } };
    }
    const features: MapFeatures = {
      ...(practices && { practices: practices.data?.features ?? [] }),
      ...(events && { events: events.data?.features ?? [] }),
      ...(partners && { partners: partners.data?.features ?? [] }),
    };
    const first = [features.practices, features.events, features.partners].find((list) => list?.length)?.[0];
    return {
      ...page,
      view: { kind: 'map', features, filters },
      origin: first ? new URL(first.properties.url).origin : url.origin,
    };
  } catch (error) {
    if (!(error instanceof ApiUnavailable)) throw error;
    return { ...page, status: 503, title: t(locale).unavailableTitle };
  }
}
