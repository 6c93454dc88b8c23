import { apiClient } from './client';
import type { Locale } from '../i18n/locales';

export type SectionKind = 'practices' | 'events' | 'partners';
export type Sections = Partial<Record<SectionKind, string>>;

/** A link the header or footer shows: the page's title in the visitor's language and its path. */
export type NavigationLink = { title: string; path: string };

/** What every page's header and footer show, read from the CMS's page tree (`/api/v2/navigation/`). */
export interface Navigation {
  /** The main sections: what editors put in menus under the home, in the tree's order. */
  main: NavigationLink[];
  /** The standard pages under the home: about, contact, the accessibility statement. */
  footer: NavigationLink[];
  /** Which index page heads each list, menu or not. */
  sections: Sections;
}

export const NO_NAVIGATION: Navigation = { main: [], footer: [], sections: {} };

/**
 * A locale's navigation. The API client's cache keeps the answer (src/api/cache.ts) and a publish
 * webhook drops it, so a section moved or renamed in the admin shows on the next page view.
 */
export async function loadNavigation(locale: Locale): Promise<Navigation> {
  const { data } = await apiClient().GET('/api/v2/navigation/', { params: { query: { locale } } });
  if (!data) return NO_NAVIGATION;
  const link = ({ title, path }: NavigationLink) => ({ title, path });
  const sections: Sections = {};
  for (const [kind, path] of Object.entries(data.sections) as [SectionKind, string | null][]) {
    if (path) sections[kind] = path;
  }
  return { main: data.main.map(link), footer: data.footer.map(link), sections };
}

/** The paths of a locale's section indexes (practices, events, partners). */
export async function loadSections(locale: Locale): Promise<Sections> {
  return (await loadNavigation(locale)).sections;
}

export function sectionOf(sections: Sections, path: string): SectionKind | undefined {
  return (Object.keys(sections) as SectionKind[]).find((kind) => sections[kind] === path);
}
