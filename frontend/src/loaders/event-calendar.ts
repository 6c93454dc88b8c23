import { rejectedParameters, type Schemas } from '../api/client';
import { localDate, monthGrid, monthWindow, type YearMonth } from '../calendar/month';
import { calendarText, monthName } from '../i18n/calendar';
import { apiProblems, chosen, withProblems, type ListFilters } from './list-filters';
import type { Loaded, LoaderContext } from './types';

/** The API's page size, and how many pages a month may take (a month of 1,000 events is not a calendar). */
const LIMIT = 100;
const MAX_PAGES = 10;

/**
 * The events section as a month: the events overlapping it (`starts_before` its end and
 * `ends_after` its start, so a visit that began the month before is on its days too), with the
 * list's filters, on Monday-first weeks. `today` is the day in Europe/Warsaw.
 */
export async function loadMonth(
  { api, locale, url, page }: LoaderContext,
  month: YearMonth,
  filters: ListFilters,
  portalNames: Record<string, string>,
): Promise<Loaded> {
  const today = localDate(new Date());
  const view = { kind: 'event-calendar' as const, month, today, weeks: [], filters };
  if (filters.problems.length) return { view, status: 400 };
  const window = monthWindow(month);
  const [organiser] = chosen(filters, 'organiser');
  const query = {
    locale,
    limit: LIMIT,
    ordering: ['start' as const],
    type: chosen(filters, 'type') as Schemas['EventTypeEnum'][],
    ends_after: window.from.toISOString(),
    starts_before: window.to.toISOString(),
    ...(organiser && { organiser: Number(organiser) }),
  };
  const events: Schemas['EventSummary'][] = [];
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer = await api.GET('/api/v2/events/', { params: { query: { ...query, offset: page * LIMIT } } });
    const errors = rejectedParameters(answer);
    if (errors) {
      const named = apiProblems(errors, portalNames, url.searchParams);
      return { view: { ...view, filters: withProblems(filters, named) }, status: 400 };
    }
    events.push(...(answer.data?.results ?? []));
    if (!answer.data?.next) break;
  }
  const text = calendarText(locale);
  const name = monthName(locale, month);
  return {
    view: { ...view, weeks: monthGrid(month, events, today) },
    title: text.title(page.title, name),
    description: text.description(name),
    publicUrl: events[0]?.url,
  };
}
