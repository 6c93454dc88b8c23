import type { FilterProblem } from '../loaders/list-filters';
import { formatMonth, monthOf, parseMonth, type IsoDate, type YearMonth } from './month.ts';

/**
 * How the events section is shown, from its URL: the list (the default) or a month
 * (`?view=month&month=2026-12`; `month` alone means the month view too, `view=month` alone this
 * month). A value not understood is a problem the page answers 400 for, like a list's filters.
 */

export type EventsLayout = 'list' | 'month';

export interface CalendarChoice {
  layout: EventsLayout;
  /** The month shown (this month in Europe/Warsaw when none or a bad one was asked for). */
  month: YearMonth;
  problems: FilterProblem[];
}

const SHOWN_LENGTH = 40;
const shown = (value: string) => (value.length > SHOWN_LENGTH ? `${value.slice(0, SHOWN_LENGTH)}…` : value);

export function readCalendarChoice(params: URLSearchParams, today: IsoDate): CalendarChoice {
  const problems: FilterProblem[] = [];
  const [views, months] = [params.getAll('view'), params.getAll('month')].map((values) => values.filter(Boolean)) as [
    string[],
    string[],
  ];
  let layout: EventsLayout = months.length ? 'month' : 'list';
  if (views.length > 1) problems.push({ name: 'view', value: shown(views.join(',')), reason: 'one-value' });
  else if (views[0] === 'list' || views[0] === 'month') layout = views[0];
  else if (views[0] !== undefined) problems.push({ name: 'view', value: shown(views[0]), reason: 'view' });
  let month = monthOf(today);
  if (layout === 'month' && months.length > 1) {
    problems.push({ name: 'month', value: shown(months.join(',')), reason: 'one-value' });
  } else if (layout === 'month' && months[0] !== undefined) {
    const asked = parseMonth(months[0]);
    if (asked) month = asked;
    else problems.push({ name: 'month', value: shown(months[0]), reason: 'month' });
  }
  return { layout, month, problems };
}

/** The month view of `month` with the list's chosen filters (`filterQuery`: '' or '?type=…'). */
export function monthHref(path: string, filterQuery: string, month?: YearMonth): string {
  const params = new URLSearchParams(filterQuery);
  params.set('view', 'month');
  if (month) params.set('month', formatMonth(month));
  return `${path}?${params}`;
}

/** The list view with the same filters. */
export function listHref(path: string, filterQuery: string): string {
  return `${path}${filterQuery}`;
}
