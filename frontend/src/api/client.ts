import createClient from 'openapi-fetch';
import { API_URL } from 'astro:env/server';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];

/** The API could not answer (down, too slow, 5xx, rate-limited): pages answer 503, never a stack trace. */
export class ApiUnavailable extends Error {}

const TIMEOUT_MS = 8000;

async function guardedFetch(request: Request): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(request, { signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (error) {
    throw new ApiUnavailable(`API unreachable: ${request.url}`, { cause: error });
  }
  if (response.status >= 500 || response.status === 429) {
    throw new ApiUnavailable(`API answered ${response.status}: ${request.url}`);
  }
  return response;
}

/** The typed client; made per request so API_URL is read from the environment at run time. */
export function apiClient() {
  return createClient<paths>({ baseUrl: API_URL, fetch: guardedFetch });
}
