/**
 * Rendered pages kept in memory, so a page asked for again is sent without rendering it again (src/middleware.ts).
 *
 * A page is made of the API's answers, so it lives exactly as long as they do: each is stored with the API
 * cache's epoch at the start of its rendering (src/api/cache.ts) and served only while that epoch is current.
 * Any drop by a publish webhook moves the epoch on, so every page rendered before it, or while it happened, is
 * never served again; and a page is kept no longer than the answers (API_CACHE_SECONDS). Bounded by count and
 * by bytes, least recently used out first.
 *
 * Plain TypeScript without Astro imports, so `npm test` runs it under Node directly.
 */

export interface CachedPage {
  status: number;
  headers: [string, string][];
  /** Encoded once, so a hit sends bytes without encoding the text again. */
  body: Uint8Array<ArrayBuffer>;
}

interface Entry {
  page: CachedPage;
  epoch: number;
  expires: number;
  bytes: number;
}

export class PageCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  private readonly maxEntries: number;
  private readonly maxBytes: number;
  private readonly now: () => number;

  constructor(maxEntries: number, maxBytes: number, now: () => number = Date.now) {
    this.maxEntries = maxEntries;
    this.maxBytes = maxBytes;
    this.now = now;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The page stored under `key` while `epoch` (the API cache's, now) is the one it was rendered in. */
  get(key: string, epoch: number): CachedPage | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.remove(key, entry);
    if (entry.epoch !== epoch || entry.expires <= this.now()) return undefined;
    this.entries.set(key, entry); // most recently used last
    this.bytes += entry.bytes;
    return entry.page;
  }

  set(key: string, page: CachedPage, { epoch, ttlMs }: { epoch: number; ttlMs: number }): boolean {
    const bytes = page.body.byteLength;
    if (ttlMs <= 0 || bytes > this.maxBytes) return false;
    const previous = this.entries.get(key);
    if (previous) this.remove(key, previous);
    this.entries.set(key, { page, epoch, expires: this.now() + ttlMs, bytes });
    this.bytes += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.remove(oldest, entry);
    }
    return true;
  }

  private remove(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }
}

/** Pages for everyone: GET, and not under /api/ (the editors' preview, the webhook receiver). */
export function cacheableRequest(method: string, pathname: string): boolean {
  return method === 'GET' && !pathname.startsWith('/api/');
}

/**
 * Answers worth keeping: a 200 HTML page meant for everyone. Error pages (404, 400, 503) are rendered each
 * time, so a CMS that comes back or a page published meanwhile shows at once.
 */
export function cacheableResponse(status: number, headers: Headers): boolean {
  if (status !== 200 || headers.has('Set-Cookie')) return false;
  if (/\b(no-store|private|no-cache)\b/i.test(headers.get('Cache-Control') ?? '')) return false;
  return /^text\/html\b/i.test(headers.get('Content-Type') ?? '');
}

/** What a cached page keeps of its answer's headers: all but those that belong to one response. */
export function keptHeaders(headers: Headers): [string, string][] {
  const perResponse = new Set(['date', 'content-length', 'transfer-encoding', 'connection', 'keep-alive']);
  return [...headers].filter(([name]) => !perResponse.has(name.toLowerCase()));
}

/** The one page cache of this server process: 500 pages, 32 MB at most. */
export const pageCache = new PageCache(500, 32 * 1024 * 1024);

/** The key a page is kept under: the path and query it was asked for. */
export function pageKey(url: URL): string {
  return url.pathname + url.search;
}

/** The page kept for a request, if any, while the API cache is in `epoch` (its epoch now). */
export function keptPage(cache: PageCache, method: string, url: URL, epoch: number): CachedPage | undefined {
  return cacheableRequest(method, url.pathname) ? cache.get(pageKey(url), epoch) : undefined;
}

/**
 * How the portal's server around Astro's handler (frontend/server.mjs) finds the pages this bundle keeps, so it
 * answers a hit before Astro builds a Request for it. A symbol of the global registry, on `globalThis`: the server
 * is not part of the bundle, and a copy of this module imported there would have a cache of its own, always empty.
 */
export const PAGE_HITS = Symbol.for('a4b.portal.page-hits');

/** A kept page for a request's method and request-target (Node's `req.url`), or nothing: Astro answers it. */
export type PageHits = (method: string, target: string) => CachedPage | undefined;

/**
 * Publishes this cache's lookup for the server. The middleware does it when Astro first loads it, which is before
 * any page can be kept: until then the server finds no lookup and hands every request to Astro.
 */
export function publishPageHits(cache: PageCache, epoch: () => number): void {
  const hits: PageHits = (method, target) => {
    // The URL as Astro's adapter builds it from the request-target (any origin: only the path and query count).
    const url = target.startsWith('/') ? URL.parse(`http://portal${target}`) : null;
    return url ? keptPage(cache, method, url, epoch()) : undefined;
  };
  Object.assign(globalThis, { [PAGE_HITS]: hits });
}
