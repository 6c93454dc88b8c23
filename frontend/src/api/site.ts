import { apiClient } from './client';
import type { Locale } from '../i18n/locales';

export type SectionKind = 'practices' | 'events' | 'partners';
export type Sections = Partial<Record<SectionKind, string>>;

const KINDS: SectionKind[] = ['practices', 'events', 'partners'];
const TTL_MS = 60_000;
const cache = new Map<Locale, { at: number; sections: Sections }>();

function parentPath(path: string): string {
  return path.replace(/[^/]+\/$/, '');
}

/**
 * The paths of a locale's section indexes (practices, events, partners). The API has no
 * navigation endpoint, so each is the parent of the section's first item; kept a minute,
 * since sections move far less often than content changes.
 */
export async function loadSections(locale: Locale): Promise<Sections> {
  const hit = cache.get(locale);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.sections;
  const api = apiClient();
  const query = { params: { query: { locale, limit: 1 } } };
  const answers = await Promise.all([
    api.GET('/api/v2/practices/', query),
    api.GET('/api/v2/events/', query),
    api.GET('/api/v2/partners/', query),
  ]);
  const sections: Sections = {};
  answers.forEach((answer, index) => {
    const first = answer.data?.results[0];
    if (first) sections[KINDS[index]!] = parentPath(first.path);
  });
  cache.set(locale, { at: Date.now(), sections });
  return sections;
}

export function sectionOf(sections: Sections, path: string): SectionKind | undefined {
  return KINDS.find((kind) => sections[kind] === path);
}
