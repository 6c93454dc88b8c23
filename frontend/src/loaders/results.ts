import { ApiUnavailable, apiClient, type Schemas } from '../api/client';
import { loadNavigation } from '../api/site';
import type { Locale } from '../i18n/locales';
import { resultsText } from '../i18n/results';
import { portalPage, type PortalPage } from './portal-page';

/** The Results page's path in each language: a portal page of its own, not one of the CMS's. */
export const RESULTS_PATHS: Record<Locale, string> = { pl: '/wyniki/', cs: '/cs/vysledky/' };

/** What the Results route renders: the API's figures (absent when it is away), the status and what the layout needs. */
export interface ResultsPage extends PortalPage {
  status: 200 | 503;
  statistics?: Schemas['Statistics'];
}

/** The Results page of `locale`: one `/api/v2/stats/` (every figure, in that language) and the menus. */
export async function loadResults(locale: Locale): Promise<ResultsPage> {
  const text = resultsText(locale);
  const page: ResultsPage = { status: 200, ...portalPage(locale, RESULTS_PATHS, text.title, text.description) };
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
