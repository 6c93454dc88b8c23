import type { Locale } from './locales';

const TIME_ZONE = 'Europe/Warsaw';
const tag = (locale: Locale) => (locale === 'pl' ? 'pl-PL' : 'cs-CZ');

export function formatDate(locale: Locale, iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
  return new Intl.DateTimeFormat(tag(locale), { dateStyle: 'long', timeZone: TIME_ZONE }).format(date);
}

export function formatDateTime(locale: Locale, iso: string): string {
  return new Intl.DateTimeFormat(tag(locale), { dateStyle: 'long', timeStyle: 'short', timeZone: TIME_ZONE }).format(
    new Date(iso),
  );
}

export function formatRange(locale: Locale, start: string, end: string | null | undefined, allDay: boolean): string {
  const format = allDay ? formatDate : formatDateTime;
  if (!end) return format(locale, start);
  const options: Intl.DateTimeFormatOptions = allDay
    ? { dateStyle: 'long', timeZone: TIME_ZONE }
    : { dateStyle: 'long', timeStyle: 'short', timeZone: TIME_ZONE };
  return new Intl.DateTimeFormat(tag(locale), options).formatRange(new Date(start), new Date(end));
}

export function formatMoney(locale: Locale, amount: string, currency: string): string {
  return new Intl.NumberFormat(tag(locale), { style: 'currency', currency, maximumFractionDigits: 0 }).format(
    Number(amount),
  );
}

/** `text` in the language's quotation marks: „…” in Polish, „…“ in Czech. */
export function quoted(locale: Locale, text: string): string {
  return locale === 'pl' ? `„${text}”` : `„${text}“`;
}

/** A count as the visitor's language writes it (a space between thousands in both). */
export function formatCount(locale: Locale, value: number): string {
  return new Intl.NumberFormat(tag(locale), { maximumFractionDigits: 0 }).format(value);
}
