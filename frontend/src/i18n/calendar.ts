import type { YearMonth } from '../calendar/month';
import type { Locale } from './locales';
import { defineStrings } from './strings.ts';

/** The events section's month view: switching views, moving between months, the days. */
export const calendarText = defineStrings({
  pl: {
    views: 'Sposób wyświetlania',
    listView: 'Lista',
    monthView: 'Kalendarz miesięczny',
    months: 'Inne miesiące',
    previousMonth: 'Poprzedni miesiąc',
    nextMonth: 'Następny miesiąc',
    thisMonth: 'Bieżący miesiąc',
    backToList: 'Wróć do listy wydarzeń',
    today: 'dziś',
    noEventsToday: 'Brak wydarzeń.',
    noEventsInMonth: 'W tym miesiącu nie ma wydarzeń spełniających wybrane warunki.',
    /** Which of a multi-day event's days a cell shows. */
    dayOf: (day: number, days: number) => `dzień ${day}/${days}`,
    monthField: 'Miesiąc',
    monthHint: 'RRRR-MM, np. 2026-12',
    /** The page's title: "Wydarzenia: grudzień 2026". */
    title: (section: string, month: string) => `${section}: ${month}`,
    description: (month: string) => `Wydarzenia projektu Agglomerations4Borderlands w kalendarzu: ${month}.`,
  },
  cs: {
    views: 'Způsob zobrazení',
    listView: 'Seznam',
    monthView: 'Měsíční kalendář',
    months: 'Další měsíce',
    previousMonth: 'Předchozí měsíc',
    nextMonth: 'Následující měsíc',
    thisMonth: 'Aktuální měsíc',
    backToList: 'Zpět na seznam akcí',
    today: 'dnes',
    noEventsToday: 'Žádné akce.',
    noEventsInMonth: 'V tomto měsíci nejsou žádné akce odpovídající zvoleným podmínkám.',
    dayOf: (day: number, days: number) => `den ${day}/${days}`,
    monthField: 'Měsíc',
    monthHint: 'RRRR-MM, např. 2026-12',
    title: (section: string, month: string) => `${section}: ${month}`,
    description: (month: string) => `Akce projektu Agglomerations4Borderlands v kalendáři: ${month}.`,
  },
});

const TAGS: Record<Locale, string> = { pl: 'pl-PL', cs: 'cs-CZ' };

/**
 * "grudzień 2026", "prosinec 2026": a month in the nominative, lower case as both languages write it
 * within a sentence; `capital` for one that stands alone (a link, a caption).
 */
export function monthName(locale: Locale, { year, month }: YearMonth, capital = false): string {
  const name = new Intl.DateTimeFormat(TAGS[locale], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, 15)),
  );
  return capital ? name.charAt(0).toUpperCase() + name.slice(1) : name;
}

/** The weekdays Monday to Sunday, each as a column shows it ("pon.") and in full ("poniedziałek"). */
export function weekdays(locale: Locale): { short: string; long: string }[] {
  const format = (weekday: 'short' | 'long') => new Intl.DateTimeFormat(TAGS[locale], { weekday, timeZone: 'UTC' });
  // 5 January 2026 was a Monday.
  return Array.from({ length: 7 }, (_, index) => {
    const day = new Date(Date.UTC(2026, 0, 5 + index));
    return { short: format('short').format(day), long: format('long').format(day) };
  });
}

/** "czwartek, 24 grudnia", "čtvrtek 24. prosince": a day as the phone's list of days heads it. */
export function dayName(locale: Locale, date: string): string {
  return new Intl.DateTimeFormat(TAGS[locale], { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    new Date(`${date}T12:00:00Z`),
  );
}

/** The time an event starts, in Warsaw: "10:00". */
export function startTime(locale: Locale, iso: string): string {
  return new Intl.DateTimeFormat(TAGS[locale], { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Warsaw' }).format(
    new Date(iso),
  );
}
