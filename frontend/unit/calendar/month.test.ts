import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  addDays,
  addMonths,
  eventDays,
  localDate,
  monthGrid,
  monthWindow,
  parseMonth,
  startOfDay,
  weekdayIndex,
  type CalendarDay,
  type Dated,
} from '../../src/calendar/month.ts';
import { listHref, monthHref, readCalendarChoice } from '../../src/calendar/params.ts';

type Event = Dated & { title: string };
const event = (title: string, start: string, end: string, allDay = false): Event => ({ title, start, end, is_all_day: allDay });
const titlesOn = (weeks: CalendarDay<Event>[][], date: string) =>
  weeks.flat().find((day) => day.date === date)!.entries.map((entry) => `${entry.event.title} ${entry.day}/${entry.days}`);

test('months are YYYY-MM with a real month, from 1900 to 2100', () => {
  assert.deepEqual(parseMonth('2026-12'), { year: 2026, month: 12 });
  for (const bad of ['2026-13', '2026-00', 'abc', '9999-01', '1899-12', '2101-01', '2026-1', '2026-12-01', ' 2026-12', '２０２６-12']) {
    assert.equal(parseMonth(bad), undefined, bad);
  }
  assert.deepEqual(addMonths({ year: 2026, month: 12 }, 1), { year: 2027, month: 1 });
  assert.deepEqual(addMonths({ year: 2026, month: 1 }, -1), { year: 2025, month: 12 });
  assert.equal(addMonths({ year: 2100, month: 12 }, 1), undefined);
  assert.equal(addMonths({ year: 1900, month: 1 }, -1), undefined);
});

test('day arithmetic on plain dates crosses month ends, leap days and clock changes', () => {
  assert.equal(addDays('2026-03-28', 2), '2026-03-30');
  assert.equal(addDays('2026-10-24', 2), '2026-10-26');
  assert.equal(addDays('2028-02-28', 1), '2028-02-29');
  assert.equal(addDays('2026-12-31', 1), '2027-01-01');
  assert.equal(weekdayIndex('2026-12-07'), 0); // a Monday
  assert.equal(weekdayIndex('2026-12-06'), 6); // a Sunday
});

test('an instant is on the day the clocks in Warsaw show, whatever zone the server runs in', () => {
  // 23:34 UTC on 3 December is 00:34 on the 4th in Warsaw (winter, +01:00).
  assert.equal(localDate('2026-12-03T23:34:00Z'), '2026-12-04');
  // Summer time (+02:00): 22:30 UTC is already the next day.
  assert.equal(localDate('2026-07-01T22:30:00Z'), '2026-07-02');
  assert.equal(localDate('2026-07-01T21:30:00Z'), '2026-07-01');
  // The night the clocks go back (25 October 2026, 03:00 → 02:00): both 02:30s are the 25th.
  assert.equal(localDate('2026-10-25T00:30:00Z'), '2026-10-25');
  assert.equal(localDate('2026-10-25T01:30:00Z'), '2026-10-25');
  assert.equal(localDate('2026-10-24T21:59:00Z'), '2026-10-24');
});

test('a day begins at local midnight, an hour earlier in UTC in winter than in summer', () => {
  assert.equal(startOfDay('2026-12-01').toISOString(), '2026-11-30T23:00:00.000Z');
  assert.equal(startOfDay('2026-07-01').toISOString(), '2026-06-30T22:00:00.000Z');
  // The days the clocks change: midnight is still there (they change at 2 and 3 a.m.).
  assert.equal(startOfDay('2026-03-29').toISOString(), '2026-03-28T23:00:00.000Z');
  assert.equal(startOfDay('2026-03-30').toISOString(), '2026-03-29T22:00:00.000Z');
  assert.equal(startOfDay('2026-10-25').toISOString(), '2026-10-24T22:00:00.000Z');
  assert.equal(startOfDay('2026-10-26').toISOString(), '2026-10-25T23:00:00.000Z');
  // October's window opens in summer time and closes in winter time.
  const october = monthWindow({ year: 2026, month: 10 });
  assert.equal(october.from.toISOString(), '2026-09-30T22:00:00.000Z');
  assert.equal(october.to.toISOString(), '2026-10-31T23:00:00.000Z');
});

test('an event covers the days from its start to its end; ending at midnight ends the day before', () => {
  assert.deepEqual(eventDays(event('a', '2018-06-19T09:00:00+02:00', '2018-06-20T15:00:00+02:00')), {
    first: '2018-06-19',
    last: '2018-06-20',
  });
  // An all-day week as the CMS writes it, and as an exclusive end at midnight.
  assert.deepEqual(eventDays(event('b', '2019-05-13T00:00:00+02:00', '2019-05-17T23:59:00+02:00', true)), {
    first: '2019-05-13',
    last: '2019-05-17',
  });
  assert.deepEqual(eventDays(event('c', '2019-05-13T00:00:00+02:00', '2019-05-18T00:00:00+02:00', true)), {
    first: '2019-05-13',
    last: '2019-05-17',
  });
  // An instant at midnight is on its own day; an end before the start does not make it shorter.
  assert.deepEqual(eventDays(event('d', '2026-12-24T00:00:00+01:00', '2026-12-24T00:00:00+01:00')), {
    first: '2026-12-24',
    last: '2026-12-24',
  });
  assert.deepEqual(eventDays(event('e', '2026-12-24T10:00:00+01:00', '2026-12-23T10:00:00+01:00')), {
    first: '2026-12-24',
    last: '2026-12-24',
  });
  // Across the October clock change: a night event from Saturday 22:00 to Sunday 02:30 (after the change).
  assert.deepEqual(eventDays(event('f', '2026-10-24T22:00:00+02:00', '2026-10-25T02:30:00+01:00')), {
    first: '2026-10-24',
    last: '2026-10-25',
  });
  // Given in UTC, read in Warsaw: 23:30 UTC on the 28th of March is already the 29th there.
  assert.deepEqual(eventDays(event('g', '2026-03-28T23:30:00Z', '2026-03-29T08:00:00Z')), {
    first: '2026-03-29',
    last: '2026-03-29',
  });
});

test('a month is whole weeks, Monday first, with the other months\' days empty', () => {
  const weeks = monthGrid<Event>({ year: 2026, month: 12 }, [], '2026-12-04');
  assert.equal(weeks.length, 5);
  assert.ok(weeks.every((week) => week.length === 7));
  assert.equal(weeks[0]![0]!.date, '2026-11-30');
  assert.equal(weeks[0]![0]!.inMonth, false);
  assert.equal(weeks[0]![1]!.date, '2026-12-01');
  assert.equal(weeks[4]![6]!.date, '2027-01-03');
  assert.deepEqual(
    weeks.flat().filter((day) => day.isToday).map((day) => day.date),
    ['2026-12-04'],
  );
  assert.equal(weeks.flat().filter((day) => day.inMonth).length, 31);
  // February 2027 starts on a Monday: four whole weeks. March 2026 starts on a Sunday: six weeks.
  assert.equal(monthGrid({ year: 2027, month: 2 }, [], '2026-12-04').length, 4);
  assert.equal(monthGrid({ year: 2026, month: 3 }, [], '2026-12-04').length, 6);
  // The month with the spring clock change still has 31 days, each once.
  const march = monthGrid({ year: 2026, month: 3 }, [], '2026-12-04').flat().filter((day) => day.inMonth);
  assert.deepEqual(
    march.map((day) => day.dayOfMonth),
    Array.from({ length: 31 }, (_, index) => index + 1),
  );
});

test('multi-day events are on each of their days, those under way first, and only within the month', () => {
  const events = [
    event('Konferencja', '2026-12-09T10:00:00+01:00', '2026-12-09T14:00:00+01:00'),
    event('Staż', '2026-11-30T00:00:00+01:00', '2026-12-02T23:59:00+01:00', true),
    event('Wizyta', '2026-12-08T09:00:00+01:00', '2026-12-10T16:00:00+01:00'),
    event('Sylwester', '2026-12-31T20:00:00+01:00', '2027-01-01T02:00:00+01:00'),
    event('Listopad', '2026-11-20T09:00:00+01:00', '2026-11-21T09:00:00+01:00'),
  ];
  const weeks = monthGrid({ year: 2026, month: 12 }, events, '2026-12-04');
  assert.deepEqual(titlesOn(weeks, '2026-11-30'), [], 'the previous month\'s days are left empty');
  assert.deepEqual(titlesOn(weeks, '2026-12-01'), ['Staż 2/3']);
  assert.deepEqual(titlesOn(weeks, '2026-12-02'), ['Staż 3/3']);
  assert.deepEqual(titlesOn(weeks, '2026-12-03'), []);
  assert.deepEqual(titlesOn(weeks, '2026-12-08'), ['Wizyta 1/3']);
  assert.deepEqual(titlesOn(weeks, '2026-12-09'), ['Wizyta 2/3', 'Konferencja 1/1']);
  assert.deepEqual(titlesOn(weeks, '2026-12-10'), ['Wizyta 3/3']);
  assert.deepEqual(titlesOn(weeks, '2026-12-31'), ['Sylwester 1/2']);
  assert.deepEqual(titlesOn(weeks, '2027-01-01'), []);
  assert.ok(!weeks.flat().some((day) => day.entries.some((entry) => entry.event.title === 'Listopad')));
});

test('the URL chooses the list or a month; values not understood are problems to name', () => {
  const read = (query: string) => readCalendarChoice(new URLSearchParams(query), '2026-12-04');
  assert.deepEqual(read(''), { layout: 'list', month: { year: 2026, month: 12 }, problems: [] });
  assert.deepEqual(read('view=month'), { layout: 'month', month: { year: 2026, month: 12 }, problems: [] });
  assert.deepEqual(read('view=month&month=2019-05'), { layout: 'month', month: { year: 2019, month: 5 }, problems: [] });
  assert.deepEqual(read('month=2019-05'), { layout: 'month', month: { year: 2019, month: 5 }, problems: [] });
  assert.deepEqual(read('view=list&month=2019-05').layout, 'list');
  assert.deepEqual(read('view=month&month=').problems, []);
  for (const month of ['2026-13', 'abc', '9999-01']) {
    assert.deepEqual(read(`view=month&month=${month}`).problems, [{ name: 'month', value: month, reason: 'month' }]);
  }
  assert.deepEqual(read('month=2026-01&month=2026-02').problems, [{ name: 'month', value: '2026-01,2026-02', reason: 'one-value' }]);
  assert.deepEqual(read('view=year').problems, [{ name: 'view', value: 'year', reason: 'view' }]);
  assert.deepEqual(read(`view=${'x'.repeat(10_000)}`).problems[0]!.value.length, 41);
});

test('links to a month and back to the list keep the chosen filters', () => {
  assert.equal(monthHref('/wydarzenia/', '', { year: 2027, month: 1 }), '/wydarzenia/?view=month&month=2027-01');
  assert.equal(
    monthHref('/cs/akce/', '?type=study_visit&type=workshop', { year: 2026, month: 3 }),
    '/cs/akce/?type=study_visit&type=workshop&view=month&month=2026-03',
  );
  assert.equal(monthHref('/wydarzenia/', '?organiser=4'), '/wydarzenia/?organiser=4&view=month');
  assert.equal(listHref('/wydarzenia/', '?organiser=4'), '/wydarzenia/?organiser=4');
});
