/**
 * The pure parts of the search box's suggestions (src/scripts/search-box.ts): which option the
 * arrow keys move to, the request for a query, and the API's answer read defensively.
 * Plain TypeScript without DOM or Astro imports, so `npm test` runs it under Node directly.
 */
import { sitePath } from './paths.ts';

export const MIN_QUERY_LENGTH = 2;
export const SUGGESTION_LIMIT = 8;

export interface Suggestion {
  title: string;
  type: string;
  path: string;
}

/** The option the arrow keys land on: down from none is the first, up from none the last; both wrap. */
export function moveActive(current: number, count: number, direction: 'next' | 'previous'): number {
  if (count <= 0) return -1;
  if (direction === 'next') return current < 0 || current >= count - 1 ? 0 : current + 1;
  return current <= 0 ? count - 1 : current - 1;
}

/** Whether a typed text is worth asking about: two characters or more, spaces aside. */
export function suggestible(text: string): boolean {
  return text.trim().length >= MIN_QUERY_LENGTH;
}

/** The autocomplete request for a text (the API's limit on q is 100 characters). */
export function suggestUrl(endpoint: string, text: string, locale: string): string {
  const url = new URL(endpoint);
  url.search = new URLSearchParams({ q: text.trim().slice(0, 100), locale, limit: String(SUGGESTION_LIMIT) }).toString();
  return url.href;
}

/** The suggestions in an API answer: only those with a title and a path on this site, at most the limit. */
export function readSuggestions(body: unknown): Suggestion[] {
  const results = (body as { results?: unknown } | null)?.results;
  if (!Array.isArray(results)) return [];
  const suggestions: Suggestion[] = [];
  for (const item of results as Record<string, unknown>[]) {
    const path = sitePath(item?.path);
    if (path && typeof item.title === 'string' && item.title) {
      suggestions.push({ title: item.title, type: typeof item.type === 'string' ? item.type : '', path });
    }
    if (suggestions.length === SUGGESTION_LIMIT) break;
  }
  return suggestions;
}
