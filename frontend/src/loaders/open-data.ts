import { PUBLIC_API_URL } from 'astro:env/server';
import { ApiUnavailable, apiClient } from '../api/client';
import { loadNavigation, NO_NAVIGATION, type Navigation } from '../api/site';
import { t } from '../i18n/dictionaries';
import { homePath, otherLocale, type Locale } from '../i18n/locales';
import { openDataText } from '../i18n/open-data';
import { OPEN_DATA_PATHS, readCatalog, type Catalog } from '../opendata/catalog';
import type { Breadcrumb, TranslationLink } from './types';

/** What the open-data page shows, with the status it answers and what its layout needs. */
export interface OpenDataPage {
  status: 200 | 503;
  locale: Locale;
  path: string;
  title: string;
  description: string;
  alternates: TranslationLink[];
  navigation: Navigation;
  breadcrumbs: Breadcrumb[];
  catalog?: Catalog;
}

/**
 * The open-data page of `locale`: the CMS's DCAT-AP catalogue read for people, each dataset with its
 * downloads in both languages. The catalogue is the one place that lists them, so a collection the CMS
 * adds appears here without a change to the portal.
 */
export async function loadOpenData(locale: Locale): Promise<OpenDataPage> {
  const text = openDataText(locale);
  const path = OPEN_DATA_PATHS[locale];
  const page: OpenDataPage = {
    status: 200,
    locale,
    path,
    title: text.title,
    description: text.description,
    alternates: [
      { locale, path },
      { locale: otherLocale(locale), path: OPEN_DATA_PATHS[otherLocale(locale)] },
    ],
    navigation: NO_NAVIGATION,
    breadcrumbs: [
      { title: t(locale).home, path: homePath(locale) },
      { title: text.title, path },
    ],
  };
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
