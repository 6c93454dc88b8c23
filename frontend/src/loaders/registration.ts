import { loadRegistrationTerms, sendRegistration, visitorHeaders, type RegistrationOutcome } from '../api/registrations';
import { ApiUnavailable, type Schemas } from '../api/client';
import { loadNavigation, NO_NAVIGATION, type Navigation } from '../api/site';
import { EMPTY_REGISTRATION, readRegistration, registrationRequest, type RegistrationValues } from '../registrations/form';
import { eventIdOf, registrationPath } from '../registrations/paths';
import { t } from '../i18n/dictionaries';
import { registrationText } from '../i18n/registration';
import { otherLocale, type Locale } from '../i18n/locales';
import { tokenToShow } from '../forms/fields';

/** What the form page shows, and the status it answers with. */
export interface RegistrationPage {
  /** 200 form or outcome; 400 form with errors; 404 no such event; 409 refused; 429 limited; 503 the API away. */
  status: 200 | 400 | 404 | 409 | 429 | 503;
  locale: Locale;
  title: string;
  path: string;
  alternatePath: string;
  navigation: Navigation;
  terms?: Schemas['RegistrationTerms'];
  values: RegistrationValues;
  errors: Record<string, string[]>;
  outcome?: RegistrationOutcome;
}

/**
 * GET: the event's form (only the questions it asks), its places left, terms and a fresh token. POST: the
 * form sent to the API with the visitor's signed address; refused, it comes back with its errors and the
 * visitor's answers; taken, as a confirmation (or the waiting list). No cookie: the token is the whole state.
 */
export async function loadRegistration(request: Request, url: URL, peer: string, locale: Locale): Promise<RegistrationPage> {
  const eventId = eventIdOf(url.searchParams);
  const text = registrationText(locale);
  const page: RegistrationPage = {
    status: 200,
    locale,
    title: text.title,
    path: registrationPath(locale, eventId),
    alternatePath: registrationPath(otherLocale(locale), eventId),
    navigation: NO_NAVIGATION,
    values: EMPTY_REGISTRATION,
    errors: {},
  };
  try {
    page.navigation = await loadNavigation(locale);
    if (eventId === undefined || !(page.terms = await loadRegistrationTerms(locale, eventId))) {
      return { ...page, status: 404, title: text.notFoundTitle };
    }
    // The language switch leads to the form of the event's page in the other language, when it has one.
    page.alternatePath = registrationPath(otherLocale(locale), page.terms.event.translations[otherLocale(locale)] ?? eventId);
    page.values = { ...EMPTY_REGISTRATION, token: page.terms.token };
    if (request.method !== 'POST') return page;
    const values = readRegistration(await request.formData().catch(() => new FormData()));
    const outcome = await sendRegistration(registrationRequest(values, eventId, locale), visitorHeaders(request, peer));
    page.values = { ...values, token: tokenToShow(outcome, values.token, page.terms.token) };
    if (outcome.kind === 'invalid') return { ...page, status: 400, errors: outcome.errors, outcome };
    if (outcome.kind === 'limited') return { ...page, status: 429, title: text.limitedTitle, outcome };
    if (outcome.kind === 'gone') return { ...page, status: 404, title: text.notFoundTitle, terms: undefined };
    if (outcome.kind === 'refused') return { ...page, status: 409, title: text.refusedTitle, outcome };
    return { ...page, title: outcome.status === 'waiting' ? text.waitingTitle : text.registeredTitle, outcome };
  } catch (error) {
    if (!(error instanceof ApiUnavailable)) throw error;
    return { ...page, status: 503, title: t(locale).unavailableTitle };
  }
}
