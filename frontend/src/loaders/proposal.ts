import { loadProposalPartners, loadProposalTerms, sendProposal } from '../api/proposals';
import { visitorHeaders, type FormOutcome } from '../api/publicForms';
import { ApiUnavailable, type Schemas } from '../api/client';
import { loadNavigation, NO_NAVIGATION, type Navigation } from '../api/site';
import { EMPTY_PROPOSAL, proposalRequest, readProposal, type ProposalValues } from '../proposals/form';
import { PROPOSAL_PATHS } from '../proposals/paths';
import { t } from '../i18n/dictionaries';
import { proposalText } from '../i18n/proposal';
import { otherLocale, type Locale } from '../i18n/locales';
import { tokenToShow } from '../forms/fields';

/** What the form page shows, and the status it answers with. */
export interface ProposalPage {
  /** 200 form or confirmation; 400 form with errors; 429 limited; 503 the API away. */
  status: 200 | 400 | 429 | 503;
  locale: Locale;
  title: string;
  path: string;
  alternatePath: string;
  navigation: Navigation;
  terms?: Schemas['ProposalTerms'];
  /** The locale's partner institutions to choose from ("other" is typed in). */
  partners: Schemas['PartnerSummary'][];
  values: ProposalValues;
  errors: Record<string, string[]>;
  outcome?: FormOutcome;
}

/**
 * GET: the form with the terms, the topics and a fresh token. POST: the form sent to the API with the
 * visitor's signed address; refused, it comes back with its errors and the visitor's text; sent, as a
 * confirmation. Nothing is kept here and no cookie is set: the token in the form is the whole state.
 */
export async function loadProposal(request: Request, peer: string, locale: Locale): Promise<ProposalPage> {
  const text = proposalText(locale);
  const page: ProposalPage = {
    status: 200,
    locale,
    title: text.title,
    path: PROPOSAL_PATHS[locale],
    alternatePath: PROPOSAL_PATHS[otherLocale(locale)],
    navigation: NO_NAVIGATION,
    values: EMPTY_PROPOSAL,
    errors: {},
    partners: [],
  };
  try {
    page.navigation = await loadNavigation(locale);
    [page.terms, page.partners] = await Promise.all([loadProposalTerms(locale), loadProposalPartners(locale)]);
    page.values = { ...EMPTY_PROPOSAL, token: page.terms.token };
    if (request.method !== 'POST') return page;
    const values = readProposal(await request.formData().catch(() => new FormData()));
    const outcome = await sendProposal(proposalRequest(values, locale), visitorHeaders(request, peer));
    // A refused token is replaced by the terms' fresh one; an accepted one is kept (it is old enough by now).
    page.values = { ...values, token: tokenToShow(outcome, values.token, page.terms.token) };
    if (outcome.kind === 'invalid') return { ...page, status: 400, errors: outcome.errors, outcome };
    if (outcome.kind === 'limited') return { ...page, status: 429, title: text.limitedTitle, outcome };
    return { ...page, title: text.sentTitle, outcome };
  } catch (error) {
    if (!(error instanceof ApiUnavailable)) throw error;
    return { ...page, status: 503, title: t(locale).unavailableTitle };
  }
}
