import { ApiUnavailable, apiClient, type Schemas } from './client';
import { sendPublicForm, type FormOutcome } from './publicForms';
import type { Locale } from '../i18n/locales';

/** The proposal form's terms and topic choices in `locale`, with a fresh token. */
export async function loadProposalTerms(locale: Locale): Promise<Schemas['ProposalTerms']> {
  const answer = await apiClient().GET('/api/v2/proposals/terms/', { params: { query: { locale } } });
  if (answer.data) return answer.data;
  throw new ApiUnavailable(`API answered ${answer.response.status} to the proposal terms`);
}

/** The locale's partner institutions, for the form's "institution" choice (the API's answer is cached like any list's). */
export async function loadProposalPartners(locale: Locale): Promise<Schemas['PartnerSummary'][]> {
  const answer = await apiClient().GET('/api/v2/partners/', { params: { query: { locale, limit: 100 } } });
  if (answer.data) return answer.data.results;
  throw new ApiUnavailable(`API answered ${answer.response.status} to the partners`);
}

/** POSTs the proposal to the API on the visitor's behalf. */
export function sendProposal(body: Schemas['ProposalRequest'], headers: Record<string, string>): Promise<FormOutcome> {
  return sendPublicForm('/api/v2/proposals/', body, headers);
}
