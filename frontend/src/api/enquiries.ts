import { ApiUnavailable, apiClient, type Schemas } from './client';
import { sendPublicForm, type FormOutcome } from './publicForms';
import type { Locale } from '../i18n/locales';

export { visitorHeaders } from './publicForms';
/** What became of a question the portal passed on. */
export type EnquiryOutcome = FormOutcome;

/** The form's terms in `locale`, with a fresh token; undefined when the practice cannot be asked about (404/400). */
export async function loadEnquiryTerms(locale: Locale, practice: number): Promise<Schemas['EnquiryTerms'] | undefined> {
  const answer = await apiClient().GET('/api/v2/enquiries/terms/', { params: { query: { locale, practice } } });
  if (answer.data) return answer.data;
  if (answer.response.status === 404 || answer.response.status === 400) return undefined;
  throw new ApiUnavailable(`API answered ${answer.response.status} to the enquiry terms`);
}

/** POSTs the question to the API on the visitor's behalf. */
export function sendEnquiry(body: Schemas['EnquiryRequest'], headers: Record<string, string>): Promise<EnquiryOutcome> {
  return sendPublicForm('/api/v2/enquiries/', body, headers);
}
