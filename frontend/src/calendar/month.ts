/**
 * A month of the events calendar as weeks of days, Monday first, with each event on every day
 * it covers: plain dates (YYYY-MM-DD) and arithmetic on them in UTC, so no day is lost or
 * doubled where the clocks change; instants become days only through the portal's time zone
 * (Europe/Warsaw, where every event of the project takes place).
 */

export const TIME_ZONE = 'Europe/Warsaw';

/** The months a calendar can show (the years the lists' year filters accept too). */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2100;

/** A calendar day, 'YYYY-MM-DD'. */
export type IsoDate = string;

export interface YearMonth {
  year: number;
  /** 1–12. */
  month: number;
}

/** What the calendar needs of an event: when it starts and ends (ISO 8601 instants) and whether it is all-day. */
export interface Dated {
  start: string;
  end: string;
  is_all_day: boolean;
}

/** One event on one of its days. */
export interface DayEntry<Event> {
  event: Event;
  /** Which of the event's days this is (1 on its first day) and how many it has. */
  day: number;
  days: number;
}

export interface CalendarDay<Event> {
  date: IsoDate;
  /** Day of the month, 1–31. */
  dayOfMonth: number;
  /** False for the days of the previous and next months that fill the first and last week. */
  inMonth: boolean;
  isToday: boolean;
  /** The events on this day (none outside the month): those that began earlier first, then by start. */
  entries: DayEntry<Event>[];
}

const pad = (value: number, length = 2) => String(value).padStart(length, '0');

/** 'YYYY-MM' with a real month and a year the calendar shows, or undefined. */
export function parseMonth(value: string): YearMonth | undefined {
  const match = /^(\d{4})-(\d{2})$/.exec(value);
  if (!match) return undefined;
  const [year, month] = [Number(match[1]), Number(match[2])];
  if (month < 1 || month > 12 || year < FIRST_YEAR || year > LAST_YEAR) return undefined;
  return { year, month };
}

export function formatMonth({ year, month }: YearMonth): string {
  return `${pad(year, 4)}-${pad(month)}`;
}

/** The month `count` months later (earlier when negative); undefined outside the years the calendar shows. */
export function addMonths(month: YearMonth, count: number): YearMonth | undefined {
  const next = addMonthsUnbounded(month, count);
  return next.year < FIRST_YEAR || next.year > LAST_YEAR ? undefined : next;
}

function addMonthsUnbounded({ year, month }: YearMonth, count: number): YearMonth {
  const index = year * 12 + (month - 1) + count;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

export function monthOf(date: IsoDate): YearMonth {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)) };
}

function utc(date: IsoDate): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

function isoOf(milliseconds: number): IsoDate {
  const date = new Date(milliseconds);
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

const DAY_MS = 86_400_000;

export function addDays(date: IsoDate, count: number): IsoDate {
  return isoOf(utc(date) + count * DAY_MS);
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((utc(to) - utc(from)) / DAY_MS);
}

/** 0 for Monday … 6 for Sunday. */
export function weekdayIndex(date: IsoDate): number {
  return (new Date(utc(date)).getUTCDay() + 6) % 7;
}

const clocks = new Map<string, Intl.DateTimeFormat>();

function clockIn(timeZone: string): Intl.DateTimeFormat {
  let clock = clocks.get(timeZone);
  if (!clock) {
    clock = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    clocks.set(timeZone, clock);
  }
  return clock;
}

/** The wall clock in `timeZone` at an instant: its date and 'HH:MM:SS'. */
export function wallClock(instant: string | Date, timeZone = TIME_ZONE): { date: IsoDate; time: string } {
  const parts = Object.fromEntries(
    clockIn(timeZone)
      .formatToParts(typeof instant === 'string' ? new Date(instant) : instant)
      .map((part) => [part.type, part.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}:${parts.second}` };
}

/** The day an instant falls on in `timeZone` (today: `localDate(new Date())`). */
export function localDate(instant: string | Date, timeZone = TIME_ZONE): IsoDate {
  return wallClock(instant, timeZone).date;
}

/** The instant a day begins in `timeZone` (midnight is never skipped there: clocks change at 2 or 3 a.m.). */
export function startOfDay(date: IsoDate, timeZone = TIME_ZONE): Date {
  const offsetAt = (instant: number) => {
    const { date: day, time } = wallClock(new Date(instant), timeZone);
    const [hours, minutes, seconds] = time.split(':').map(Number) as [number, number, number];
    return utc(day) + ((hours * 60 + minutes) * 60 + seconds) * 1000 - instant;
  };
  const guess = utc(date) - offsetAt(utc(date));
  return new Date(utc(date) - offsetAt(guess));
}

/** From the first to the last day of a month's calendar, as instants: what to ask the API for. */
export function monthWindow(month: YearMonth, timeZone = TIME_ZONE): { from: Date; to: Date } {
  const first = `${formatMonth(month)}-01`;
  return { from: startOfDay(first, timeZone), to: startOfDay(`${formatMonth(addMonthsUnbounded(month, 1))}-01`, timeZone) };
}

/**
 * The days an event covers in `timeZone`, first and last included. An end at midnight is the
 * end of the day before (how calendars write "until the end of the 17th"), unless the event
 * is that instant only.
 */
export function eventDays(event: Dated, timeZone = TIME_ZONE): { first: IsoDate; last: IsoDate } {
  const first = localDate(event.start, timeZone);
  const end = wallClock(event.end, timeZone);
  let last = end.date;
  if (end.time === '00:00:00' && Date.parse(event.end) > Date.parse(event.start)) last = addDays(last, -1);
  return { first, last: last < first ? first : last };
}

/**
 * The weeks (Monday to Sunday) that show `month`, each day with the events on it. `today` is
 * the visitor's day in the portal's time zone, marked wherever it falls in the month.
 */
export function monthGrid<Event extends Dated>(
  month: YearMonth,
  events: Event[],
  today: IsoDate,
  timeZone = TIME_ZONE,
): CalendarDay<Event>[][] {
  const first = `${formatMonth(month)}-01`;
  const last = addDays(`${formatMonth(addMonthsUnbounded(month, 1))}-01`, -1);
  const spans = events
    .map((event) => ({ event, ...eventDays(event, timeZone) }))
    .filter((span) => span.first <= last && span.last >= first)
    .sort((a, b) => Date.parse(a.event.start) - Date.parse(b.event.start));
  const weeks: CalendarDay<Event>[][] = [];
  for (let monday = addDays(first, -weekdayIndex(first)); monday <= last; monday = addDays(monday, 7)) {
    weeks.push(
      Array.from({ length: 7 }, (_, index) => {
        const date = addDays(monday, index);
        const inMonth = date >= first && date <= last;
        const entries = inMonth
          ? spans
              .filter((span) => span.first <= date && span.last >= date)
              .map((span) => ({ event: span.event, day: daysBetween(span.first, date) + 1, days: daysBetween(span.first, span.last) + 1 }))
              // Events already under way first, so a multi-day event keeps its place from day to day.
              .sort((a, b) => Number(b.day > 1) - Number(a.day > 1))
          : [];
        return { date, dayOfMonth: Number(date.slice(8, 10)), inMonth, isToday: date === today, entries };
      }),
    );
  }
  return weeks;
}
