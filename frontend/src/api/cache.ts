/**
 * A small in-memory cache of the API's answers, so a page view does not ask the CMS again what it
 * asked a moment ago. Bounded (least recently used out first), each answer kept for a TTL, and
 * emptied per language by the CMS's publish webhooks (src/pages/api/webhooks/cms.ts).
 *
 * Plain TypeScript without Astro imports, so `npm test` runs it under Node directly.
 */

/** Answers without a language (none in the query or the body) are dropped by every event. */
export const ANY_LOCALE = '*';

export interface CachedAnswer {
  status: number;
  contentType: string;
  body: string;
}

interface Entry {
  answer: CachedAnswer;
  locale: string;
  expires: number;
}

export class ResponseCache {
  private readonly entries = new Map<string, Entry>();
  /** Bumped by every drop: an answer fetched before a drop is not stored after it. */
  private generation = 0;

  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(maxEntries: number, now: () => number = Date.now) {
    this.maxEntries = maxEntries;
    this.now = now;
  }

  get size(): number {
    return this.entries.size;
  }

  /** What a request should remember to hand back to `set`. */
  get epoch(): number {
    return this.generation;
  }

  get(key: string): CachedAnswer | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.expires <= this.now()) return undefined;
    this.entries.set(key, entry); // most recently used last
    return entry.answer;
  }

  /**
   * Keeps an answer for `ttlMs`, unless something was dropped since the request began (`epoch`):
   * its answer may predate the publish that the drop was for.
   */
  set(key: string, answer: CachedAnswer, { locale, ttlMs, epoch }: { locale: string; ttlMs: number; epoch: number }): boolean {
    if (ttlMs <= 0 || epoch !== this.generation) return false;
    this.entries.delete(key);
    this.entries.set(key, { answer, locale, expires: this.now() + ttlMs });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return true;
  }

  /** Forgets every answer in these languages and every answer without one; returns how many. */
  dropLocales(locales: Iterable<string>): number {
    const dropped = new Set([...locales, ANY_LOCALE]);
    this.generation += 1;
    let count = 0;
    for (const [key, entry] of this.entries) {
      if (dropped.has(entry.locale)) {
        this.entries.delete(key);
        count += 1;
      }
    }
    return count;
  }

  clear(): number {
    this.generation += 1;
    const count = this.entries.size;
    this.entries.clear();
    return count;
  }
}

/** The language an API answer is about: the `locale` it was asked for, else the one its body names. */
export function localeOfAnswer(url: URL, body: string): string {
  const asked = url.searchParams.get('locale');
  if (asked) return asked;
  try {
    const parsed: unknown = JSON.parse(body);
    if (parsed && typeof parsed === 'object' && 'locale' in parsed && typeof parsed.locale === 'string') {
      return parsed.locale;
    }
  } catch {
    // not JSON: no language to tell
  }
  return ANY_LOCALE;
}

/** The one cache of this server process, shared by every request and the webhook receiver. */
export const apiCache = new ResponseCache(500);
