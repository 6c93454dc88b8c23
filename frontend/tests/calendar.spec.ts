import type { Page } from '@playwright/test';
import { expect, expectAccessible, screenshot, test } from './fixtures';

// The events section's month view, checked against what the API answers for the same month.

const API = () => process.env.A4B_API_URL!;
const WORDS = {
  pl: {
    month: 'Kalendarz miesięczny',
    list: 'Lista',
    back: 'Wróć do listy wydarzeń',
    previous: 'Poprzedni miesiąc',
    next: 'Następny miesiąc',
    today: 'dziś',
    day: 'dzień',
    apply: 'Pokaż wyniki',
    monthLabel: 'Miesiąc',
    problem: 'Nie rozpoznaliśmy części adresu tej strony',
    monthHint: 'podaj miesiąc jako rok i miesiąc, RRRR-MM',
    subscribe: 'Subskrybuj kalendarz wybranych wydarzeń',
    subscribeAll: 'Subskrybuj kalendarz wszystkich wydarzeń',
    webcal: 'otwórz w aplikacji kalendarza',
    weekdays: ['poniedziałek', 'wtorek', 'środa', 'czwartek', 'piątek', 'sobota', 'niedziela'],
  },
  cs: {
    month: 'Měsíční kalendář',
    list: 'Seznam',
    back: 'Zpět na seznam akcí',
    previous: 'Předchozí měsíc',
    next: 'Následující měsíc',
    today: 'dnes',
    day: 'den',
    apply: 'Zobrazit výsledky',
    monthLabel: 'Měsíc',
    problem: 'Části adresy této stránky nerozumíme',
    monthHint: 'zadejte měsíc jako rok a měsíc, RRRR-MM',
    subscribe: 'Odebírat kalendář vybraných akcí',
    subscribeAll: 'Odebírat kalendář všech akcí',
    webcal: 'otevřít v kalendářové aplikaci',
    weekdays: ['pondělí', 'úterý', 'středa', 'čtvrtek', 'pátek', 'sobota', 'neděle'],
  },
} as const;

type Event = { id: number; title: string; path: string; start: string; end: string; event_type: string };

/** The day (YYYY-MM-DD) and time an instant shows on a clock in Warsaw, computed here independently of the portal. */
const warsaw = (iso: string) => {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Warsaw',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(iso))
      .map((part) => [part.type, part.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
};
const nextDay = (date: string, days = 1) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Every day an event covers in Warsaw, an end at midnight closing the day before. */
function daysOf(event: Event): string[] {
  const first = warsaw(event.start).date;
  const end = warsaw(event.end);
  const last = end.time === '00:00' && event.end > event.start ? nextDay(end.date, -1) : end.date;
  const days = [first];
  while (days.at(-1)! < last) days.push(nextDay(days.at(-1)!));
  return days;
}

const monthAfter = (month: string, count: number) => {
  const [year, number] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + number - 1 + count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
};

/** The API's events overlapping a month (whole days in Warsaw), by the portal's own filters. */
async function eventsOfMonth(api: (path: string) => Promise<any>, locale: string, month: string, query = '') {
  const all: Event[] = (await api(`/api/v2/events/?locale=${locale}&limit=100${query}`)).results;
  return all.filter((event) => daysOf(event).some((day) => day.startsWith(month)));
}

async function eventsIndex(api: (path: string) => Promise<any>, locale: string): Promise<string> {
  return (await api(`/api/v2/navigation/?locale=${locale}`)).sections.events;
}

/** The cells of the month table on a wide screen: date → the event titles shown on it. */
async function cells(page: Page): Promise<Record<string, [title: string, href: string][]>> {
  await page.setViewportSize({ width: 1280, height: 900 });
  return page.locator('table.grid td[data-date]').evaluateAll((tds) =>
    Object.fromEntries(
      tds.map((td) => [
        (td as HTMLElement).dataset.date,
        [...td.querySelectorAll('li a')].map((link) => [link.textContent!.trim(), link.getAttribute('href')]),
      ]),
    ),
  );
}

for (const locale of ['pl', 'cs'] as const) {
  test(`the month view in ${locale} puts each event on its days, multi-day ones on every day, with links between months`, async ({
    page,
    api,
    foreignRequests,
  }) => {
    const words = WORDS[locale];
    const index = await eventsIndex(api, locale);
    const all: Event[] = (await api(`/api/v2/events/?locale=${locale}&limit=100`)).results;
    // A month with a multi-day event in it (the demo's week-long staff exchange, a two-day study visit).
    const long = all.find((event) => daysOf(event).length > 2) ?? all.find((event) => daysOf(event).length > 1)!;
    expect(long, 'a multi-day event in the demo').toBeTruthy();
    const month = daysOf(long)[0]!.slice(0, 7);

    expect((await page.goto(index))?.status()).toBe(200);
    await page.getByRole('navigation', { name: locale === 'pl' ? 'Sposób wyświetlania' : 'Způsob zobrazení' })
      .getByRole('link', { name: words.month })
      .click();
    expect(new URL(page.url()).searchParams.get('view')).toBe('month');

    const response = await page.goto(`${index}?view=month&month=${month}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('link', { name: words.month })).toHaveAttribute('aria-current', 'page');

    // Weekday headers Monday first, in the page's language (their full names for screen readers).
    const headers = page.locator('table.grid thead th');
    await expect(headers).toHaveCount(7);
    expect((await headers.locator('.visually-hidden').allTextContents()).map((name) => name.trim())).toEqual([...words.weekdays]);

    // Each event of the month on each of its days, as the API has them, and nothing else.
    const expected: Record<string, [string, string][]> = {};
    for (const event of await eventsOfMonth(api, locale, month)) {
      for (const day of daysOf(event).filter((date) => date.startsWith(month))) {
        (expected[day] ??= []).push([event.title, event.path]);
      }
    }
    const shown = await cells(page);
    expect(Object.keys(shown)).toHaveLength(new Date(Date.UTC(+month.slice(0, 4), +month.slice(5, 7), 0)).getUTCDate());
    for (const [day, entries] of Object.entries(shown)) {
      expect(entries.slice().sort(), day).toEqual((expected[day] ?? []).slice().sort());
    }

    // The multi-day event says which of its days each cell is.
    const longDays = daysOf(long);
    for (const [position, day] of longDays.entries()) {
      const entry = page.locator(`table.grid td[data-date="${day}"] li`, { hasText: long.title });
      await expect(entry).toContainText(`${words.day} ${position + 1}/${longDays.length}`);
    }

    // Months around it by plain links that keep the view; back to the list.
    const months = page.getByRole('navigation', { name: locale === 'pl' ? 'Inne miesiące' : 'Další měsíce' });
    const previous = months.getByRole('link', { name: new RegExp(`^${words.previous}`) });
    const next = months.getByRole('link', { name: new RegExp(`^${words.next}`) });
    await expect(previous).toHaveAttribute('href', `${index}?view=month&month=${monthAfter(month, -1)}`);
    await expect(next).toHaveAttribute('href', `${index}?view=month&month=${monthAfter(month, 1)}`);
    await expect(months.getByRole('link', { name: words.back })).toHaveAttribute('href', index);
    await expectAccessible(page);
    await screenshot(page, `calendar-month-${locale}`);

    // On a phone: the days with events, one under the other, with the same links.
    await page.setViewportSize({ width: 360, height: 800 });
    await expect(page.locator('table.grid')).toBeHidden();
    for (const day of Object.keys(expected)) {
      const item = page.locator(`ol.agenda > li[data-date="${day}"]`);
      await expect(item).toBeVisible();
      for (const [title] of expected[day]!) await expect(item.getByRole('link', { name: title, exact: true })).toBeVisible();
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    await page.setViewportSize({ width: 1280, height: 900 });
    await next.click();
    expect(new URL(page.url()).searchParams.get('month')).toBe(monthAfter(month, 1));
    await months.getByRole('link', { name: words.back }).click();
    await expect(page).toHaveURL((url) => url.pathname === index && url.search === '');
    expect(foreignRequests).toEqual([]);
  });

  test(`this month in ${locale} marks today (Europe/Warsaw) and the list links to it`, async ({ page, api }) => {
    const words = WORDS[locale];
    const index = await eventsIndex(api, locale);
    const today = warsaw(new Date().toISOString()).date;
    await page.goto(index);
    await page.getByRole('link', { name: words.month, exact: true }).click();
    await expect(page).toHaveURL((url) => url.pathname === index && url.search === '?view=month');
    const marked = page.locator('table.grid [aria-current="date"]');
    await expect(marked).toHaveCount(1);
    await expect(marked).toHaveAttribute('data-date', today);
    await expect(marked).toContainText(words.today);
    await expect(page.getByLabel(words.monthLabel, { exact: true })).toHaveValue(today.slice(0, 7));
    // The current month's events from the API are on their days here too.
    const month = today.slice(0, 7);
    const shown = await cells(page);
    for (const event of await eventsOfMonth(api, locale, month)) {
      for (const day of daysOf(event).filter((date) => date.startsWith(month))) {
        expect(shown[day]!.map(([title]) => title), day).toContain(event.title);
      }
    }
    await page.setViewportSize({ width: 360, height: 800 });
    await expect(page.locator('ol.agenda [aria-current="date"]')).toContainText(words.today);
    await screenshot(page, `calendar-today-${locale}`);
  });
}

test('the month view filters by event type like the list, and its subscription answers text/calendar', async ({
  page,
  api,
  request,
  foreignRequests,
}) => {
  const words = WORDS.pl;
  const index = await eventsIndex(api, 'pl');
  const all: Event[] = (await api('/api/v2/events/?locale=pl&limit=100')).results;
  // The month of an event, filtered by its type and then by another type it does not have.
  const sample = all[0]!;
  const month = warsaw(sample.start).date.slice(0, 7);
  const type = sample.event_type;
  const otherType = all.find((event) => event.event_type !== type)!.event_type;

  await page.goto(`${index}?view=month&month=${month}`);
  await page.locator(`input[name="type"][value="${type}"]`).check();
  await page.getByRole('button', { name: words.apply }).click();
  const params = new URL(page.url()).searchParams;
  expect([params.getAll('type'), params.get('view'), params.get('month')]).toEqual([[type], 'month', month]);
  await expect(page.locator(`input[name="type"][value="${type}"]`)).toBeChecked();

  const expected = await eventsOfMonth(api, 'pl', month, `&type=${type}`);
  const shownTitles = new Set(Object.values(await cells(page)).flatMap((entries) => entries.map(([title]) => title)));
  expect([...shownTitles].sort()).toEqual(expected.map((event) => event.title).sort());
  expect(shownTitles.has(sample.title)).toBe(true);
  expect(all.filter((event) => event.event_type !== type).some((event) => shownTitles.has(event.title))).toBe(false);

  // Links to other months keep the type; "clear filters" keeps the month.
  await expect(page.getByRole('link', { name: new RegExp(`^${words.next}`) })).toHaveAttribute(
    'href',
    `${index}?type=${type}&view=month&month=${monthAfter(month, 1)}`,
  );
  await expect(page.getByRole('link', { name: 'Wyczyść filtry' })).toHaveAttribute('href', `${index}?view=month&month=${month}`);
  await expect(page.getByRole('link', { name: words.list, exact: true })).toHaveAttribute('href', `${index}?type=${type}`);

  // The subscription: the feed of the chosen type, as https and as webcal, both also written out to copy.
  const feed = `${API()}/feeds/pl/events.ics?type=${type}`;
  const webcal = feed.replace(/^https?:/, 'webcal:');
  await expect(page.getByRole('link', { name: words.subscribe })).toHaveAttribute('href', feed);
  await expect(page.getByRole('link', { name: words.webcal })).toHaveAttribute('href', webcal);
  await expect(page.locator('.calendar code')).toHaveText([feed, webcal]);
  const answer = await request.get(feed);
  expect(answer.status()).toBe(200);
  expect(answer.headers()['content-type']).toMatch(/^text\/calendar/);
  expect(await answer.text()).toMatch(/^BEGIN:VCALENDAR/);
  await expectAccessible(page);
  await screenshot(page, 'calendar-filtered-pl');

  // Another type: the sample leaves the month, which shows what the API has of that type (or says there is nothing).
  await page.goto(`${index}?type=${otherType}&view=month&month=${month}`);
  const others = await eventsOfMonth(api, 'pl', month, `&type=${otherType}`);
  const otherTitles = Object.values(await cells(page)).flatMap((entries) => entries.map(([title]) => title));
  expect([...new Set(otherTitles)].sort()).toEqual(others.map((event) => event.title).sort());
  expect(otherTitles).not.toContain(sample.title);
  if (others.length === 0) await expect(page.getByText('W tym miesiącu nie ma wydarzeń spełniających wybrane warunki.')).toBeVisible();

  // The list offers the same subscription, for all events when no filter is chosen.
  await page.goto(index);
  await expect(page.getByRole('link', { name: words.subscribeAll })).toHaveAttribute('href', `${API()}/feeds/pl/events.ics`);
  expect(foreignRequests).toEqual([]);
});

for (const [locale, query] of [
  ['pl', 'view=month&month=2026-13'],
  ['pl', 'month=abc'],
  ['cs', 'view=month&month=9999-01'],
  ['cs', 'view=month&month=2026-13&type=party'],
] as const) {
  test(`a month not understood (${locale}: ${query}) answers 400 saying how to write one`, async ({ page, api }) => {
    const words = WORDS[locale];
    const index = await eventsIndex(api, locale);
    const response = await page.goto(`${index}?${query}`);
    expect(response?.status()).toBe(400);
    expect(response?.headers()['x-robots-tag']).toBe('noindex');
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    const problems = page.getByRole('region', { name: words.problem });
    await expect(problems).toBeVisible();
    const value = new URLSearchParams(query).get('month')!;
    const link = problems.getByRole('link', { name: new RegExp(`^${words.monthLabel}: „${value}`) });
    await expect(link).toHaveAttribute('href', '#filter-month');
    await expect(problems).toContainText(words.monthHint);
    await expect(page.locator('#filter-month')).toBeVisible();
    await expect(page.locator('table.grid')).toHaveCount(0);
    if (query.includes('type=party')) {
      await expectAccessible(page);
      await screenshot(page, `calendar-400-${locale}`);
    }
  });
}

test('a view that does not exist answers 400 too', async ({ page, api }) => {
  const index = await eventsIndex(api, 'pl');
  const response = await page.goto(`${index}?view=year`);
  expect(response?.status()).toBe(400);
  await expect(page.getByRole('region', { name: WORDS.pl.problem })).toContainText('Widok: „year”');
});

test('the language switch keeps the month and the filters, both ways, the organiser as its translation', async ({
  page,
  api,
  foreignRequests,
}) => {
  const [indexPl, indexCs] = [await eventsIndex(api, 'pl'), await eventsIndex(api, 'cs')];
  const all: (Event & { organiser: { id: number } | null; translations: { locale: string; id: number }[] })[] = (
    await api('/api/v2/events/?locale=pl&limit=100')
  ).results;
  // An event with an organiser and a Czech version, in its own month, chosen by its type and organiser.
  const event = all.find((candidate) => candidate.organiser && candidate.translations.some((link) => link.locale === 'cs'))!;
  expect(event, 'a translated event with an organiser in the demo').toBeTruthy();
  const organiser = await api(`/api/v2/partners/${event.organiser!.id}/`);
  const organiserCs = organiser.translations.find((link: { locale: string }) => link.locale === 'cs').id;
  const eventCs = await api(`/api/v2/events/${event.translations.find((link) => link.locale === 'cs')!.id}/`);
  const month = warsaw(event.start).date.slice(0, 7);
  const choices = (organiserId: number) => [['type', event.event_type], ['organiser', String(organiserId)], ['view', 'month'], ['month', month]];
  const shownTitles = async () => Object.values(await cells(page)).flatMap((entries) => entries.map(([title]) => title));

  await page.goto(`${indexPl}?type=${event.event_type}&organiser=${event.organiser!.id}&view=month&month=${month}`);
  expect(await shownTitles()).toContain(event.title);
  await page.getByRole('navigation', { name: 'Wersja językowa' }).getByRole('link').click();
  await expect(page).toHaveURL((url) => url.pathname === indexCs);
  expect([...new URL(page.url()).searchParams].sort()).toEqual(choices(organiserCs).sort());
  await expect(page.locator('html')).toHaveAttribute('lang', 'cs');
  await expect(page.getByRole('link', { name: WORDS.cs.month })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByLabel(WORDS.cs.monthLabel, { exact: true })).toHaveValue(month);
  await expect(page.locator(`input[name="type"][value="${event.event_type}"]`)).toBeChecked();
  await expect(page.locator('select[name="organiser"]')).toHaveValue(String(organiserCs));
  expect(await shownTitles()).toContain(eventCs.title);
  await expectAccessible(page);

  await page.getByRole('navigation', { name: 'Jazyková verze' }).getByRole('link').click();
  await expect(page).toHaveURL((url) => url.pathname === indexPl);
  expect([...new URL(page.url()).searchParams].sort()).toEqual(choices(event.organiser!.id).sort());
  await expect(page.locator('html')).toHaveAttribute('lang', 'pl');
  expect(await shownTitles()).toContain(event.title);

  // The list view keeps its filters across the switch too, and without any the switch is the bare section.
  await page.goto(`${indexCs}?type=${event.event_type}`);
  await expect(page.getByRole('navigation', { name: 'Jazyková verze' }).getByRole('link')).toHaveAttribute(
    'href',
    `${indexPl}?type=${event.event_type}`,
  );
  await page.goto(indexCs);
  await expect(page.getByRole('navigation', { name: 'Jazyková verze' }).getByRole('link')).toHaveAttribute('href', indexPl);
  expect(foreignRequests).toEqual([]);
});
