import { loadEnquiryTerms, sendEnquiry, visitorHeaders, type EnquiryOutcome } from '../api/enquiries';
import { ApiUnavailable, type Schemas } from '../api/client';
import { loadNavigation, NO_NAVIGATION, type Navigation } from '../api/site';
import { enquiryPath, practiceIdOf } from '../enquiries/paths';
import { EMPTY_VALUES, enquiryRequest, readEnquiry, type EnquiryValues } from '../enquiries/form';
import { tokenToShow } from '../forms/fields';
import { t } from '../i18n/dictionaries';
import { enquiryText } from '../i18n/enquiry';
import { otherLocale, type Locale } from '../i18n/locales';

/** What the form page shows, and the status it answers with. */
export interface EnquiryPage {
  /** 200 form or confirmation; 400 form with errors; 404 no such practice; 429 limited; 503 the API away. */
  status: 200 | 400 | 404 | 429 | 503;
  locale: Locale;
  title: string;
  path: string;
  alternatePath: string;
  navigation: Navigation;
  practiceId?: number;
  terms?: Schemas['EnquiryTerms'];
  values: EnquiryValues;
  errors: Record<string, string[]>;
  outcome?: EnquiryOutcome;
}

/**
 * GET: the form with the terms and a fresh token. POST: the visitor's form sent to the API with their
 * signed address; a refused form comes back with its errors and the visitor's text, a sent one as a
 * confirmation. Nothing is kept here and no cookie is set: the token in the form is the whole state.
 */
export async function loadEnquiry(request: Request, url: URL, peer: string, locale: Locale): Promise<EnquiryPage> {
  const practiceId = practiceIdOf(url.searchParams);
  const text = enquiryText(locale);
  const page: EnquiryPage = {
    status: 200,
    locale,
    title: text.title,
    path: enquiryPath(locale, practiceId),
    alternatePath: enquiryPath(otherLocale(locale), practiceId),
    navigation: NO_NAVIGATION,
    practiceId,
    values: EMPTY_VALUES,
    errors: {},
  };
  try {
    page.navigation = await loadNavigation(locale);
    if (practiceId === undefined || !(page.terms = await loadEnquiryTerms(locale, practiceId))) {
      return { ...page, status: 404, title: text.notFoundTitle };
    }
    if (request.method !== 'POST') return page;
    const values = readEnquiry(await request.formData().catch(() => new FormData()));
    const outcome = await sendEnquiry(enquiryRequest(values, practiceId, locale), visitorHeaders(request, peer));
    page.values = { ...values, token: tokenToShow(outcome, values.token, page.terms.token) };
    if (outcome.kind === 'invalid') {
      return { ...page, status: 400, errors: outcome.errors, outcome };
    }
    if (outcome.kind === 'limited') return { ...page, status: 429, title: text.limitedTitle, outcome };
    return { ...page, title: outcome.kind === 'sent' ? text.sentTitle : text.keptTitle, outcome };
  } catch (error) {
    if (!(error instanceof ApiUnavailable)) throw error;
    return { ...page, status: 503, title: t(locale).unavailableTitle };
  }
}
