import createClient from 'openapi-fetch';
import { API_CACHE_SECONDS, API_URL } from 'astro:env/server';
import { apiCache, localeOfAnswer } from './cache';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];

/** The API could not answer (down, too slow, 5xx, rate-limited): pages answer 503, never a stack trace. */
export class ApiUnavailable extends Error {}

const TIMEOUT_MS = 8000;

/** Public answers may be kept (src/api/cache.ts); a draft preview never is. */
function cacheable(request: Request): boolean {
  const { pathname } = new URL(request.url);
  return request.method === 'GET' && pathname.startsWith('/api/v2/') && !pathname.startsWith('/api/v2/preview/');
}

function noStore(response: Response): boolean {
  return /(^|,)\s*no-store\s*(,|$)/i.test(response.headers.get('Cache-Control') ?? '');
}

async function guardedFetch(request: Request): Promise<Response> {
  const keep = cacheable(request) && API_CACHE_SECONDS > 0;
  const hit = keep ? apiCache.get(request.url) : undefined;
  if (hit) return new Response(hit.body, { status: hit.status, headers: { 'Content-Type': hit.contentType } });
  const epoch = apiCache.epoch;
  let response: Response;
  try {
    response = await fetch(request, { signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (error) {
    throw new ApiUnavailable(`API unreachable: ${request.url}`, { cause: error });
  }
  if (response.status >= 500 || response.status === 429) {
    throw new ApiUnavailable(`API answered ${response.status}: ${request.url}`);
  }
  // An answer the API marks no-store (a form's terms with live places and a fresh token, a cancellation link's
  // state) concerns this moment or this visitor: never kept.
  if (!keep || response.status !== 200 || noStore(response)) return response;
  let body: string;
  try {
    body = await response.text();
  } catch (error) {
    throw new ApiUnavailable(`API answer cut off: ${request.url}`, { cause: error });
  }
  const answer = { status: 200, contentType: response.headers.get('Content-Type') ?? 'application/json', body };
  const locale = localeOfAnswer(new URL(request.url), body);
  apiCache.set(request.url, answer, { locale, ttlMs: API_CACHE_SECONDS * 1000, epoch });
  return new Response(body, { status: 200, headers: { 'Content-Type': answer.contentType } });
}

/** The typed client; made per request so API_URL is read from the environment at run time. */
export function apiClient() {
  return createClient<paths>({ baseUrl: API_URL, fetch: guardedFetch });
}

/**
 * The parameters a 400 answer named, each with the API's messages (`Error.errors`); `undefined`
 * for any other answer. Loaders that pass visitors' input on (list filters) use it to tell a
 * rejected filter from missing content, which every other 4xx still means.
 */
export function rejectedParameters(answer: { error?: unknown; response: Response }): Record<string, string[]> | undefined {
  if (answer.response.status !== 400) return undefined;
  const body = answer.error as Schemas['Error'] | undefined;
  return body?.errors ?? {};
}
