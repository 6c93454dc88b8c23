import { ApiUnavailable, apiClient, type Schemas } from '../api/client';
import { loadNavigation, NO_NAVIGATION, type Navigation } from '../api/site';
import { t } from '../i18n/dictionaries';
import { homePath, otherLocale, type Locale } from '../i18n/locales';
import { resultsText } from '../i18n/results';
import type { Breadcrumb, TranslationLink } from './types';

/** The Results page's path in each language: a portal page of its own, not one of the CMS's. */
export const RESULTS_PATHS: Record<Locale, string> = { pl: '/wyniki/', cs: '/cs/vysledky/' };

/** What the Results route renders: the API's figures (absent when it is away), the status and what the layout needs. */
export interface ResultsPage {
  status: 200 | 503;
  locale: Locale;
  path: string;
  title: string;
  description: string;
  alternates: TranslationLink[];
  switchPath: string;
  navigation: Navigation;
  breadcrumbs: Breadcrumb[];
  statistics?: Schemas['Statistics'];
}

/** The Results page of `locale`: one `/api/v2/stats/` (every figure, in that language) and the menus. */
export async function loadResults(locale: Locale): Promise<ResultsPage> {
  const text = resultsText(locale);
  const path = RESULTS_PATHS[locale];
  const other = otherLocale(locale);
  const page: ResultsPage = {
    status: 200,
    locale,
    path,
    title: text.title,
    description: text.description,
    alternates: [
      { locale, path },
      { locale: other, path: RESULTS_PATHS[other] },
    ],
    switchPath: RESULTS_PATHS[other],
    navigation: NO_NAVIGATION,
    breadcrumbs: [
      { title: t(locale).home, path: homePath(locale) },
      { title: text.title, path },
    ],
  };
  try {
    const [navigation, answer] = await Promise.all([
      loadNavigation(locale),
      apiClient().GET('/api/v2/stats/', { params: { query: { locale } } }),
    ]);
    page.navigation = navigation;
    if (!answer.data) throw new ApiUnavailable(`API answered ${answer.response.status} to the statistics`);
    page.statistics = answer.data;
  } catch (error) {
    if (!(error instanceof ApiUnavailable)) throw error;
    page.status = 503;
  }
  return page;
}
