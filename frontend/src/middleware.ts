import { defineMiddleware } from 'astro:middleware';
import { API_CACHE_SECONDS } from 'astro:env/server';
import { apiCache } from './api/cache';
import { cacheableRequest, cacheableResponse, keptHeaders, keptPage, pageCache, pageKey, publishPageHits } from './api/page-cache';

// frontend/server.mjs answers hits itself, before Astro's handler: from this cache, at this API cache's epoch.
publishPageHits(pageCache, () => apiCache.epoch);

/**
 * Keeps a page rendered a moment ago in memory (src/api/page-cache.ts): valid as long as the API answers it was
 * made of, so a publish webhook makes the next request render afresh. `X-Portal-Cache: hit` or `miss` says which.
 * A hit reaches this middleware only where server.mjs does not run (`astro dev`), or when the page was kept while
 * the request was on its way here.
 */
export const onRequest = defineMiddleware(async ({ request, url }, next) => {
  if (!cacheableRequest(request.method, url.pathname)) return next();
  const epoch = apiCache.epoch;
  const hit = keptPage(pageCache, request.method, url, epoch);
  if (hit) {
    const headers = new Headers(hit.headers);
    headers.set('X-Portal-Cache', 'hit');
    return new Response(hit.body, { status: hit.status, headers });
  }
  const response = await next();
  if (!cacheableResponse(response.status, response.headers)) return response;
  const body = new Uint8Array(await response.arrayBuffer());
  const page = { status: response.status, headers: keptHeaders(response.headers), body };
  pageCache.set(pageKey(url), page, { epoch, ttlMs: API_CACHE_SECONDS * 1000 });
  const headers = new Headers(response.headers);
  headers.set('X-Portal-Cache', 'miss');
  return new Response(body, { status: response.status, headers });
});
