import type { Locale } from '../i18n/locales';

/**
 * The search page of each language. Not a CMS page: its own route files (src/pages/szukaj.astro,
 * src/pages/cs/hledat.astro) render it, so the header's search box can point at it on every page.
 */
export const SEARCH_PATHS: Record<Locale, string> = { pl: '/szukaj/', cs: '/cs/hledat/' };

export function searchPath(locale: Locale): string {
  return SEARCH_PATHS[locale];
}

/** A path on this site (`/…`, never `//host` or `/\host`), or undefined: what links and navigation may follow. */
export function sitePath(path: unknown): string | undefined {
  return typeof path === 'string' && /^\/(?![/\\])/.test(path) ? path : undefined;
}
