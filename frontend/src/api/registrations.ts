import { ApiUnavailable, apiClient, type Schemas } from './client';
import { postPublicForm, refusal, type FormOutcome } from './publicForms';
import type { Locale } from '../i18n/locales';

export { visitorHeaders } from './publicForms';

/** What became of a registration the portal passed on. */
export type RegistrationOutcome =
  | { kind: 'registered'; status: Schemas['Registered']['status']; detail: string; mailed: boolean }
  /** 409: closed, or this address is registered already; `detail` says which, in the visitor's language. */
  | { kind: 'refused'; detail: string }
  /** 404: the event takes no registrations (any more). */
  | { kind: 'gone' }
  | Extract<FormOutcome, { kind: 'invalid' | 'limited' }>;

/** The form's terms and live places in `locale`, with a fresh token; undefined when the event takes none. */
export async function loadRegistrationTerms(locale: Locale, event: number): Promise<Schemas['RegistrationTerms'] | undefined> {
  const answer = await apiClient().GET('/api/v2/registrations/terms/', { params: { query: { locale, event } } });
  if (answer.data) return answer.data;
  if (answer.response.status === 404 || answer.response.status === 400) return undefined;
  throw new ApiUnavailable(`API answered ${answer.response.status} to the registration terms`);
}

/** POSTs the registration to the API on the visitor's behalf. */
export async function sendRegistration(body: Schemas['RegistrationRequest'], headers: Record<string, string>): Promise<RegistrationOutcome> {
  const response = await postPublicForm('/api/v2/registrations/', body, headers);
  if (response.status === 201 || response.status === 503) {
    const answer = (await response.json()) as Schemas['Registered'];
    return { kind: 'registered', status: answer.status, detail: answer.detail, mailed: response.status === 201 };
  }
  if (response.status === 409) {
    const answer = (await response.json().catch(() => ({ detail: '' }))) as Schemas['Error'];
    return { kind: 'refused', detail: answer.detail };
  }
  if (response.status === 404) return { kind: 'gone' };
  const refused = await refusal(response);
  if (refused?.kind === 'invalid' || refused?.kind === 'limited') return refused;
  throw new ApiUnavailable(`API answered ${response.status} to the registration`);
}

/** What a cancellation link would cancel (GET: never cancels); undefined for a link that is not valid. */
export async function loadCancellation(locale: Locale, token: string): Promise<Schemas['CancelState'] | undefined> {
  const answer = await apiClient().GET('/api/v2/registrations/cancel/', { params: { query: { locale, token } } });
  if (answer.data) return answer.data;
  if (answer.response.status === 404 || answer.response.status === 400) return undefined;
  throw new ApiUnavailable(`API answered ${answer.response.status} to the cancellation link`);
}

/** Cancels the registration a link names; undefined when the link is not valid. */
export async function cancelRegistration(locale: Locale, token: string): Promise<Schemas['CancelState'] | undefined> {
  const answer = await apiClient().POST('/api/v2/registrations/cancel/', { body: { token, language: locale } });
  if (answer.data) return answer.data;
  if (answer.response.status === 404 || answer.response.status === 400) return undefined;
  throw new ApiUnavailable(`API answered ${answer.response.status} to the cancellation`);
}
