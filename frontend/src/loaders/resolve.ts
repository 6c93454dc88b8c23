import { ApiUnavailable, apiClient } from '../api/client';
import { loadNavigation, NO_NAVIGATION, type Navigation, type Sections } from '../api/site';
import { t } from '../i18n/dictionaries';
import { homePath, localeOfPath, otherLocale, type Locale } from '../i18n/locales';
import { loadEvent, loadPartner, loadPractice } from './detail';
import { loadHome } from './home';
import { loadIndex } from './sections';
import { loadStandard } from './standard';
import type { Breadcrumb, Loaded, Loader, TranslationLink, View } from './types';

/** The API's page `type` → how its content is loaded. A type missing here shows its title only. */
const LOADERS: Record<string, Loader> = {
  home: loadHome,
  practice: loadPractice,
  event: loadEvent,
  partner: loadPartner,
  index: loadIndex,
  page: loadStandard,
};

/** A resolved path: what to render, with what status, and what the layout's head and header need. */
export interface ResolvedPage {
  status: 200 | 400 | 404 | 503;
  view: View;
  locale: Locale;
  path: string;
  title: string;
  description?: string;
  /** Where the language switch goes: the item's translation, or the other home. */
  alternatePath: string;
  /** This page in every language it exists in, itself first: for hreflang and canonical links. */
  alternates: TranslationLink[];
  /** The portal's public origin as the CMS knows it (FRONTEND_BASE_URL, in every item's `url`). */
  origin: string;
  sections: Sections;
  /** The header's menu and the footer's links, from the CMS's page tree. */
  navigation: Navigation;
  /** Home → … → this page, each with its title and path; empty on the home page and on error pages. */
  breadcrumbs: Breadcrumb[];
}

/**
 * The page behind a portal URL. URLs are exactly the API's `path`s: `/api/v2/pages/find/`
 * names the page and its type, and the type's loader fetches the content.
 */
export async function resolvePage(url: URL): Promise<ResolvedPage> {
  const path = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
  const resolved: ResolvedPage = {
    status: 404,
    view: { kind: 'not-found' },
    locale: localeOfPath(path),
    path,
    title: '',
    alternatePath: homePath(otherLocale(localeOfPath(path))),
    alternates: [],
    origin: url.origin,
    sections: {},
    navigation: NO_NAVIGATION,
    breadcrumbs: [],
  };
  try {
    const api = apiClient();
    const found = await api.GET('/api/v2/pages/find/', { params: { query: { path } } });
    resolved.navigation = await loadNavigation(resolved.locale);
    resolved.sections = resolved.navigation.sections;
    const page = found.data;
    if (page) {
      const locale: Locale = page.locale === 'cs' ? 'cs' : 'pl';
      const loader = LOADERS[page.type];
      const loaded: Loaded | undefined = loader
        ? await loader({ api, page, locale, path, url, sections: resolved.sections })
        : { view: { kind: 'page' } };
      if (loaded) {
        const translations = loaded.translations ?? [];
        const other = translations.find((link) => link.locale === otherLocale(locale));
        Object.assign(resolved, {
          status: loaded.status ?? 200,
          view: loaded.view,
          locale,
          title: loaded.title ?? page.title,
          breadcrumbs: trail(page.breadcrumbs, locale),
          description: loaded.description,
          alternates: loaded.translations ? [{ locale, path }, ...translations] : [],
          alternatePath: other ? `${other.path}${loaded.switchQuery ?? ''}` : homePath(otherLocale(locale)),
          origin: loaded.publicUrl ? new URL(loaded.publicUrl).origin : url.origin,
        });
      }
    }
  } catch (error) {
    if (!(error instanceof ApiUnavailable)) throw error;
    resolved.status = 503;
    resolved.view = { kind: 'unavailable' };
  }
  if (resolved.status === 404) resolved.title = t(resolved.locale).notFoundTitle;
  if (resolved.status === 503) resolved.title = t(resolved.locale).unavailableTitle;
  return resolved;
}

/** The API's trail, the home named as the menu names it; none on the home page itself. */
function trail(crumbs: Breadcrumb[], locale: Locale): Breadcrumb[] {
  if (crumbs.length < 2) return [];
  return crumbs.map((crumb, index) => (index === 0 ? { ...crumb, title: t(locale).home } : crumb));
}
