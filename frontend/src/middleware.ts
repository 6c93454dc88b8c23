import { defineMiddleware } from 'astro:middleware';
import { API_CACHE_SECONDS } from 'astro:env/server';
import { apiCache } from './api/cache';
import { cacheableRequest, cacheableResponse, keptHeaders, pageCache } from './api/page-cache';

/**
 * Serves a page rendered a moment ago from memory (src/api/page-cache.ts): valid as long as the API answers it was
 * made of, so a publish webhook makes the next request render afresh. `X-Portal-Cache: hit` or `miss` says which.
 */
export const onRequest = defineMiddleware(async ({ request, url }, next) => {
  if (!cacheableRequest(request.method, url.pathname)) return next();
  const key = url.pathname + url.search;
  const epoch = apiCache.epoch;
  const hit = pageCache.get(key, epoch);
  if (hit) {
    const headers = new Headers(hit.headers);
    headers.set('X-Portal-Cache', 'hit');
    return new Response(hit.body, { status: hit.status, headers });
  }
  const response = await next();
  if (!cacheableResponse(response.status, response.headers)) return response;
  const body = new Uint8Array(await response.arrayBuffer());
  pageCache.set(key, { status: response.status, headers: keptHeaders(response.headers), body }, { epoch, ttlMs: API_CACHE_SECONDS * 1000 });
  const headers = new Headers(response.headers);
  headers.set('X-Portal-Cache', 'miss');
  return new Response(body, { status: response.status, headers });
});
