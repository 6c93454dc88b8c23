import { ApiUnavailable, apiClient, type Schemas } from '../api/client';
import { loadSections, type Sections } from '../api/site';
import { isLocale, homePath, otherLocale, type Locale } from '../i18n/locales';
import type { PreviewProblem } from '../i18n/preview';
import type { Loaded } from './types';

/**
 * A preview answer as a View, the way the detail loaders (detail.ts) build one from the same JSON:
 * the preview endpoint answers with the public detail endpoint's shape, told apart by `type`.
 */
export function previewLoaded(item: Schemas['PreviewItem']): Loaded {
  const shared = { translations: item.translations, publicUrl: item.url };
  switch (item.type) {
    case 'home':
      return { view: { kind: 'home', home: item }, title: item.project_name, ...shared };
    case 'practice':
      return { view: { kind: 'practice', practice: item }, title: item.title, description: item.summary, ...shared };
    case 'event':
      return { view: { kind: 'event', event: item }, title: item.title, description: item.summary, ...shared };
    case 'partner':
      return { view: { kind: 'partner', partner: item }, title: item.title, ...shared };
  }
}

export type Preview =
  | { status: 200; locale: Locale; path: string; loaded: Loaded; alternatePath: string; sections: Sections }
  | { status: 400 | 403 | 404 | 503; locale: Locale; problem: PreviewProblem };

/** What the API's statuses for a token mean to the editor. */
const PROBLEMS: Record<number, { status: 400 | 403 | 404; problem: PreviewProblem }> = {
  400: { status: 400, problem: 'missingToken' },
  403: { status: 403, problem: 'expiredToken' },
  404: { status: 404, problem: 'pageGone' },
};

/** The draft behind `?token=` (Wagtail's Preview puts `content_type`, `locale` and `token` in the URL). */
export async function loadPreview(url: URL): Promise<Preview> {
  const asked = url.searchParams.get('locale') ?? undefined;
  const locale: Locale = isLocale(asked) ? asked : 'pl';
  const token = url.searchParams.get('token');
  if (!token) return { status: 400, locale, problem: 'missingToken' };
  try {
    const { data, response } = await apiClient().GET('/api/v2/preview/', { params: { query: { token } } });
    if (!data) return { locale, ...(PROBLEMS[response.status] ?? PROBLEMS[404]!) };
    const itemLocale: Locale = isLocale(data.locale) ? data.locale : locale;
    const other = data.translations.find((link) => link.locale === otherLocale(itemLocale));
    return {
      status: 200,
      locale: itemLocale,
      path: data.path,
      loaded: previewLoaded(data),
      alternatePath: other?.path ?? homePath(otherLocale(itemLocale)),
      sections: await loadSections(itemLocale),
    };
  } catch (error) {
    if (!(error instanceof ApiUnavailable)) throw error;
    return { status: 503, locale, problem: 'unavailable' };
  }
}
