import { API_URL, NUM_PROXIES, PUBLIC_FORM_VISITOR_SECRET } from 'astro:env/server';
import { ApiUnavailable, type Schemas } from './client';
import { signVisitor, VISITOR_HEADER, visitorAddress } from '../enquiries/visitor';

/** What became of a public form (a question, a proposal) the portal passed on to the API. */
export type FormOutcome =
  | { kind: 'sent' }
  /** Kept by the CMS, to be mailed when its mail server answers (the API's 503). */
  | { kind: 'kept' }
  | { kind: 'invalid'; errors: Record<string, string[]> }
  | { kind: 'limited'; retryAfter: number };

/** The address the API should count this form against, signed when the portal has the shared secret. */
export function visitorHeaders(request: Request, peer: string): Record<string, string> {
  if (!PUBLIC_FORM_VISITOR_SECRET) return {};
  const address = visitorAddress(request.headers.get('X-Forwarded-For'), peer, NUM_PROXIES);
  return { [VISITOR_HEADER]: signVisitor(address, PUBLIC_FORM_VISITOR_SECRET) };
}

/**
 * POSTs a form to the API on the visitor's behalf. Not through the typed client's guard, which turns
 * a 429 or 503 into "the API is away": here both are answers the visitor must read.
 */
export async function postPublicForm(path: string, body: object, headers: Record<string, string>): Promise<Response> {
  try {
    return await fetch(new URL(path, API_URL), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(20_000),
    });
  } catch (error) {
    throw new ApiUnavailable(`API unreachable: ${path}`, { cause: error });
  }
}

/** The answers every public form shares: 429 (limited) and 400 (the fields' errors); undefined for others. */
export async function refusal(response: Response): Promise<FormOutcome | undefined> {
  if (response.status === 429) return { kind: 'limited', retryAfter: Number(response.headers.get('Retry-After')) || 60 };
  if (response.status === 400) {
    const answer = (await response.json().catch(() => ({}))) as Schemas['Error'];
    return { kind: 'invalid', errors: answer.errors ?? {} };
  }
  return undefined;
}

/** POSTs a form whose acceptance is a 202 (sent) or a 503 (kept, to be mailed later). */
export async function sendPublicForm(path: string, body: object, headers: Record<string, string>): Promise<FormOutcome> {
  const response = await postPublicForm(path, body, headers);
  if (response.status === 202) return { kind: 'sent' };
  if (response.status === 503) return { kind: 'kept' };
  const refused = await refusal(response);
  if (refused) return refused;
  throw new ApiUnavailable(`API answered ${response.status} to ${path}`);
}

/** A form page's answer is for one visitor (a fresh token, their text): never kept, never indexed. */
export function publicFormHeaders(page: { status: number; outcome?: { kind: string; retryAfter?: number } }): [string, string][] {
  const headers: [string, string][] = [
    ['Cache-Control', 'no-store'],
    ['X-Robots-Tag', 'noindex'],
  ];
  if (page.status === 503) headers.push(['Retry-After', '60']);
  if (page.outcome?.retryAfter !== undefined) headers.push(['Retry-After', String(page.outcome.retryAfter)]);
  return headers;
}
