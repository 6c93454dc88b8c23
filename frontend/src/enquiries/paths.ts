import type { Locale } from '../i18n/locales';

/**
 * The "Ask about this practice" form of each language: not a CMS page, its own route files
 * (src/pages/zapytanie.astro, src/pages/cs/dotaz.astro), with the practice's id in `?practice=`.
 */
export const ENQUIRY_PATHS: Record<Locale, string> = { pl: '/zapytanie/', cs: '/cs/dotaz/' };

export function enquiryPath(locale: Locale, practiceId?: number): string {
  return practiceId === undefined ? ENQUIRY_PATHS[locale] : `${ENQUIRY_PATHS[locale]}?practice=${practiceId}`;
}

/** The practice id a visitor's URL names: a positive 32-bit integer, or undefined. */
export function practiceIdOf(params: URLSearchParams): number | undefined {
  const raw = params.get('practice') ?? '';
  if (!/^[1-9]\d{0,9}$/.test(raw)) return undefined;
  const id = Number(raw);
  return id <= 2 ** 31 - 1 ? id : undefined;
}
