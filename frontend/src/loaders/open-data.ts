import { PUBLIC_API_URL } from 'astro:env/server';
import { ApiUnavailable, apiClient } from '../api/client';
import { loadNavigation } from '../api/site';
import { t } from '../i18n/dictionaries';
import type { Locale } from '../i18n/locales';
import { openDataText } from '../i18n/open-data';
import { OPEN_DATA_PATHS, readCatalog, type Catalog } from '../opendata/catalog';
import { portalPage, type PortalPage } from './portal-page';

/** What the open-data page shows, with the status it answers and what its layout needs. */
export interface OpenDataPage extends PortalPage {
  status: 200 | 503;
  catalog?: Catalog;
}

/**
 * The open-data page of `locale`: the CMS's DCAT-AP catalogue read for people, each dataset with its
 * downloads in both languages. The catalogue is the one place that lists them, so a collection the CMS
 * adds appears here without a change to the portal.
 */
export async function loadOpenData(locale: Locale): Promise<OpenDataPage> {
  const text = openDataText(locale);
  const page: OpenDataPage = { status: 200, ...portalPage(locale, OPEN_DATA_PATHS, text.title, text.description) };
  try {
    const [navigation, answer] = await Promise.all([
      loadNavigation(locale),
      apiClient().GET('/api/v2/opendata/catalog.jsonld'),
    ]);
    if (!answer.data) throw new ApiUnavailable(`API answered ${answer.response.status} to the catalogue`);
    return { ...page, navigation, catalog: readCatalog(answer.data, locale, PUBLIC_API_URL) };
  } catch (error) {
    if (!(error instanceof ApiUnavailable)) throw error;
    return { ...page, status: 503, title: t(locale).unavailableTitle };
  }
}
