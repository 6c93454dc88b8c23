import { NO_NAVIGATION, type Navigation } from '../api/site';
import { t } from '../i18n/dictionaries';
import { homePath, otherLocale, type Locale } from '../i18n/locales';
import type { Breadcrumb, TranslationLink } from './types';

/** What a portal page of its own (in no page tree of the CMS: the map, the results, open data) gives its layout. */
export interface PortalPage {
  locale: Locale;
  path: string;
  title: string;
  description: string;
  /** Both languages' versions, for the head's hreflang links. */
  alternates: TranslationLink[];
  /** The language switch's target: the other language's version. */
  switchPath: string;
  navigation: Navigation;
  /** Home › this page. */
  breadcrumbs: Breadcrumb[];
}

/** The page at `paths[locale]`, its twin in the other language and the trail from home; the menus still to load. */
export function portalPage(locale: Locale, paths: Record<Locale, string>, title: string, description: string): PortalPage {
  const path = paths[locale];
  const other = otherLocale(locale);
  return {
    locale,
    path,
    title,
    description,
    alternates: [
      { locale, path },
      { locale: other, path: paths[other] },
    ],
    switchPath: paths[other],
    navigation: NO_NAVIGATION,
    breadcrumbs: [
      { title: t(locale).home, path: homePath(locale) },
      { title, path },
    ],
  };
}
