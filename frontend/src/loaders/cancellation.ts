import { cancelRegistration, loadCancellation } from '../api/registrations';
import { ApiUnavailable, type Schemas } from '../api/client';
import { loadNavigation, NO_NAVIGATION, type Navigation } from '../api/site';
import { cancelPath, tokenOf } from '../registrations/paths';
import { t } from '../i18n/dictionaries';
import { registrationText } from '../i18n/registration';
import { otherLocale, type Locale } from '../i18n/locales';

export interface CancellationPage {
  /** 200 the question or the outcome; 404 a link that is not valid; 503 the API away. */
  status: 200 | 404 | 503;
  locale: Locale;
  title: string;
  path: string;
  alternatePath: string;
  navigation: Navigation;
  token?: string;
  state?: Schemas['CancelState'];
  cancelled: boolean;
}

/**
 * The personal cancellation link. GET asks "cancel?" and changes nothing (mail scanners and link
 * previews open links); only the form's POST cancels. The token travels in the URL and the form, no cookie.
 */
export async function loadCancellationPage(request: Request, url: URL, locale: Locale): Promise<CancellationPage> {
  const token = tokenOf(url.searchParams);
  const text = registrationText(locale);
  const page: CancellationPage = {
    status: 200,
    locale,
    title: text.cancelTitle,
    path: cancelPath(locale, token),
    alternatePath: cancelPath(otherLocale(locale), token),
    navigation: NO_NAVIGATION,
    token,
    cancelled: false,
  };
  try {
    page.navigation = await loadNavigation(locale);
    const post = request.method === 'POST';
    const state = token === undefined ? undefined : post ? await cancelRegistration(locale, token) : await loadCancellation(locale, token);
    if (!state) return { ...page, status: 404, title: text.badLinkTitle };
    return { ...page, state, cancelled: post, title: post ? text.cancelledTitle : text.cancelTitle };
  } catch (error) {
    if (!(error instanceof ApiUnavailable)) throw error;
    return { ...page, status: 503, title: t(locale).unavailableTitle };
  }
}
