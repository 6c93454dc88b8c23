import { API_URL, NUM_PROXIES, PUBLIC_FORM_VISITOR_SECRET } from 'astro:env/server';
import { ApiUnavailable, apiClient, type Schemas } from './client';
import { signVisitor, VISITOR_HEADER, visitorAddress } from '../enquiries/visitor';
import type { Locale } from '../i18n/locales';

/** What became of a question the portal passed on. */
export type EnquiryOutcome =
  | { kind: 'sent' }
  /** Kept by the CMS, to be mailed when its mail server answers (the API's 503). */
  | { kind: 'kept' }
  | { kind: 'invalid'; errors: Record<string, string[]> }
  | { kind: 'limited'; retryAfter: number };

/** The form's terms in `locale`, with a fresh token; undefined when the practice cannot be asked about (404/400). */
export async function loadEnquiryTerms(locale: Locale, practice: number): Promise<Schemas['EnquiryTerms'] | undefined> {
  const answer = await apiClient().GET('/api/v2/enquiries/terms/', { params: { query: { locale, practice } } });
  if (answer.data) return answer.data;
  if (answer.response.status === 404 || answer.response.status === 400) return undefined;
  throw new ApiUnavailable(`API answered ${answer.response.status} to the enquiry terms`);
}

/** The address the API should count this question against, signed when the portal has the shared secret. */
export function visitorHeaders(request: Request, peer: string): Record<string, string> {
  if (!PUBLIC_FORM_VISITOR_SECRET) return {};
  const address = visitorAddress(request.headers.get('X-Forwarded-For'), peer, NUM_PROXIES);
  return { [VISITOR_HEADER]: signVisitor(address, PUBLIC_FORM_VISITOR_SECRET) };
}

/**
 * POSTs the question to the API on the visitor's behalf. Not through the typed client's guard, which
 * turns a 429 or 503 into "the API is away": here both are answers the visitor must read.
 */
export async function sendEnquiry(body: Schemas['EnquiryRequest'], headers: Record<string, string>): Promise<EnquiryOutcome> {
  let response: Response;
  try {
    response = await fetch(new URL('/api/v2/enquiries/', API_URL), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(20_000),
    });
  } catch (error) {
    throw new ApiUnavailable('API unreachable: enquiries', { cause: error });
  }
  if (response.status === 202) return { kind: 'sent' };
  if (response.status === 503) return { kind: 'kept' };
  if (response.status === 429) return { kind: 'limited', retryAfter: Number(response.headers.get('Retry-After')) || 60 };
  if (response.status === 400) {
    const answer = (await response.json().catch(() => ({}))) as Schemas['Error'];
    return { kind: 'invalid', errors: answer.errors ?? {} };
  }
  throw new ApiUnavailable(`API answered ${response.status} to an enquiry`);
}
