import { rejectedParameters, type Schemas } from '../api/client';
import { loadSections, sectionOf } from '../api/site';
import { localDate } from '../calendar/month';
import { listHref, monthHref, readCalendarChoice, type CalendarChoice } from '../calendar/params';
import { label } from '../i18n/dictionaries';
import { listText } from '../i18n/lists';
import { otherLocale, type Locale } from '../i18n/locales';
import {
  apiProblems,
  chosen,
  enumOptions,
  pageProblems,
  readFilters,
  readPage,
  withProblems,
  type FilterOption,
  type FilterSpec,
  type ListFilters,
} from './list-filters';
import { loadMonth } from './event-calendar';
import type { Loaded, Loader, LoaderContext, View } from './types';

const PAGE_SIZE = 9;
const MAX_ITEMS = 100;

/** The portal's filter names → the API's, where they differ (for reading the API's 400s back). */
const PRACTICE_API_NAMES: Record<string, string> = { active_from: 'year_from', active_to: 'year_to', offset: 'page' };
const EVENT_API_NAMES: Record<string, string> = { ends_after: 'month', starts_before: 'month' };

function portalNames(specs: FilterSpec[], renamed: Record<string, string>): Record<string, string> {
  return { ...Object.fromEntries(specs.map((spec) => [spec.name, spec.name])), ...renamed };
}

/** A list the visitor's filters could not choose: no results, the problems named, status 400. */
function rejected(view: View & { filters: ListFilters }): Loaded {
  return { view, status: 400 };
}

function practiceSpecs(
  locale: Locale,
  topics: Schemas['Topic'][],
  partners: Schemas['PartnerSummary'][],
): FilterSpec[] {
  const code = (value: string) => label(locale, value);
  return [
    { name: 'topic', kind: 'checkboxes', options: topics.map((topic) => ({ value: topic.slug, label: topic.name })) },
    {
      name: 'agglomeration',
      kind: 'checkboxes',
      options: enumOptions<Schemas['AgglomerationEnum']>({ opole: true, olomouc: true, cross_border: true }, code),
    },
    { name: 'country', kind: 'select', options: enumOptions<Schemas['CountryEnum']>({ PL: true, CZ: true }, code) },
    {
      name: 'funding_source',
      kind: 'checkboxes',
      options: enumOptions<Schemas['FundingSourceEnum']>(
        { zit_iti: true, interreg: true, national: true, own: true, other: true },
        code,
      ),
    },
    { name: 'year_from', kind: 'year' },
    { name: 'year_to', kind: 'year' },
    { name: 'partner', kind: 'select', options: partnerOptions(partners) },
    { name: 'validated', kind: 'checkboxes', options: [{ value: 'true', label: listText(locale).validatedOnly }] },
  ];
}

function partnerOptions(partners: Schemas['PartnerSummary'][]): FilterOption[] {
  return partners.map((partner) => ({ value: String(partner.id), label: partner.title }));
}

/** The API query for understood practice filters (years become the dates a year spans). */
function practiceQuery(filters: ListFilters) {
  const [from] = chosen(filters, 'year_from');
  const [to] = chosen(filters, 'year_to');
  const [country] = chosen(filters, 'country') as Schemas['CountryEnum'][];
  const [partner] = chosen(filters, 'partner');
  const [validated] = chosen(filters, 'validated');
  return {
    topic: chosen(filters, 'topic'),
    agglomeration: chosen(filters, 'agglomeration') as Schemas['AgglomerationEnum'][],
    funding_source: chosen(filters, 'funding_source') as Schemas['FundingSourceEnum'][],
    ...(country && { country }),
    ...(partner && { partner: Number(partner) }),
    ...(validated && { validated: true }),
    ...(from && { active_from: `${from}-01-01` }),
    ...(to && { active_to: `${to}-12-31` }),
  };
}

async function practices(context: LoaderContext): Promise<Loaded | undefined> {
  const { api, locale, url } = context;
  const [topics, partners] = await Promise.all([
    api.GET('/api/v2/topics/', { params: { query: { locale } } }),
    api.GET('/api/v2/partners/', { params: { query: { locale, limit: MAX_ITEMS } } }),
  ]);
  const specs = practiceSpecs(locale, topics.data ?? [], partners.data?.results ?? []);
  const { page, problems } = readPage(url.searchParams);
  const filters = withProblems(readFilters(url.searchParams, specs), problems);
  const view = { kind: 'practices' as const, list: { count: 0, results: [] }, page, pageSize: PAGE_SIZE, filters };
  if (filters.problems.length) return rejected(view);
  const answer = await api.GET('/api/v2/practices/', {
    params: { query: { ...practiceQuery(filters), locale, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE } },
  });
  const errors = rejectedParameters(answer);
  if (errors) {
    const named = apiProblems(errors, portalNames(specs, PRACTICE_API_NAMES), url.searchParams);
    return rejected({ ...view, filters: withProblems(filters, named) });
  }
  if (!answer.data) return undefined;
  const beyond = pageProblems(page, Math.ceil(answer.data.count / PAGE_SIZE));
  if (beyond.length) return rejected({ ...view, filters: withProblems(filters, beyond) });
  return {
    view: { ...view, list: answer.data },
    publicUrl: answer.data.results[0]?.url,
    switchQuery: await practicesSwitchQuery(context, filters, partners.data?.results ?? []),
  };
}

function eventSpecs(locale: Locale, partners: Schemas['PartnerSummary'][]): FilterSpec[] {
  const types = enumOptions<Schemas['EventTypeEnum']>(
    { study_visit: true, staff_exchange: true, network_meeting: true, conference: true, workshop: true, other: true },
    (code) => label(locale, code),
  );
  return [
    { name: 'type', kind: 'checkboxes', options: types },
    { name: 'organiser', kind: 'select', options: partnerOptions(partners) },
  ];
}

/**
 * The visitor's filters for the same list in the other language. A partner's id differs by language, so the
 * partner named by `name` becomes its translation there (left out when it has none); every other filter is a
 * code both languages share.
 */
function switchedFilters(other: Locale, filters: ListFilters, name: string, partners: Schemas['PartnerSummary'][]) {
  const query = new URLSearchParams(filters.query);
  const [chosenId] = query.getAll(name);
  query.delete(name);
  const partner = partners.find((candidate) => String(candidate.id) === chosenId);
  const translated = partner?.translations.find((translation) => translation.locale === other);
  if (translated) query.set(name, String(translated.id));
  return query;
}

/** The same practices in the other language, from its first page: the topics it also has, the same codes and years. */
async function practicesSwitchQuery(
  { api, locale }: LoaderContext,
  filters: ListFilters,
  partners: Schemas['PartnerSummary'][],
): Promise<string> {
  const other = otherLocale(locale);
  const query = switchedFilters(other, filters, 'partner', partners);
  query.delete('page');
  const topics = query.getAll('topic');
  if (topics.length) {
    const { data } = await api.GET('/api/v2/topics/', { params: { query: { locale: other } } });
    const known = new Set((data ?? []).map((topic) => topic.slug));
    query.delete('topic');
    for (const slug of topics.filter((candidate) => known.has(candidate))) query.append('topic', slug);
  }
  return query.size ? `?${query}` : '';
}

/** The same view of the events in the other language: the list or the same month, the same types and organiser. */
function eventsSwitchQuery(other: Locale, calendar: CalendarChoice, filters: ListFilters, partners: Schemas['PartnerSummary'][]) {
  const query = switchedFilters(other, filters, 'organiser', partners);
  const choices = query.size ? `?${query}` : '';
  return calendar.layout === 'month' ? monthHref('', choices, calendar.month) : listHref('', choices);
}

/** Upcoming events first (soonest first), then the past ones (latest first), both filtered alike. */
async function eventList({ api, locale, url }: LoaderContext, specs: FilterSpec[], filters: ListFilters): Promise<Loaded> {
  const view = { kind: 'events' as const, upcoming: [], past: [], filters };
  if (filters.problems.length) return rejected(view);
  const [organiser] = chosen(filters, 'organiser');
  const query = {
    locale,
    limit: MAX_ITEMS,
    type: chosen(filters, 'type') as Schemas['EventTypeEnum'][],
    ...(organiser && { organiser: Number(organiser) }),
  };
  const [upcoming, past] = await Promise.all([
    api.GET('/api/v2/events/', { params: { query: { ...query, upcoming: true } } }),
    api.GET('/api/v2/events/', { params: { query: { ...query, past: true, ordering: ['-start'] } } }),
  ]);
  const errors = rejectedParameters(upcoming) ?? rejectedParameters(past);
  if (errors) {
    const named = apiProblems(errors, portalNames(specs, EVENT_API_NAMES), url.searchParams);
    return rejected({ ...view, filters: withProblems(filters, named) });
  }
  const first = upcoming.data?.results[0] ?? past.data?.results[0];
  return {
    view: { ...view, upcoming: upcoming.data?.results ?? [], past: past.data?.results ?? [] },
    publicUrl: first?.url,
  };
}

/** The events section as a list or, with `view=month` (and `month=YYYY-MM`), the events of a month on its days. */
async function events(context: LoaderContext): Promise<Loaded> {
  const { api, locale, url } = context;
  const partners = (await api.GET('/api/v2/partners/', { params: { query: { locale, limit: MAX_ITEMS } } })).data?.results ?? [];
  const specs = eventSpecs(locale, partners);
  const calendar = readCalendarChoice(url.searchParams, localDate(new Date()));
  const filters = withProblems(readFilters(url.searchParams, specs), calendar.problems);
  const loaded =
    calendar.layout === 'month'
      ? await loadMonth(context, calendar.month, filters, portalNames(specs, EVENT_API_NAMES))
      : await eventList(context, specs, filters);
  return { ...loaded, switchQuery: eventsSwitchQuery(otherLocale(locale), calendar, filters, partners) };
}

async function partners({ api, locale }: LoaderContext): Promise<Loaded> {
  const { data } = await api.GET('/api/v2/partners/', { params: { query: { locale, limit: MAX_ITEMS } } });
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
