import type { Schemas } from '../api/client';
import { seoText } from '../i18n/seo.ts';
import type { Locale } from '../i18n/locales';
import type { Breadcrumb, View } from '../loaders/types';
import { plainText, shorten } from './text.ts';

/** What the head needs to describe a page to search engines and link previews. */
export interface SeoContext {
  view: View;
  locale: Locale;
  title: string;
  /** A description the page's loader chose (the item's summary); otherwise derived from the view. */
  description?: string;
  /** The page's canonical absolute URL; absent on error pages, which have none. */
  url?: string;
  /** The portal's public origin (from the API's `url`s). */
  origin: string;
  siteName: string;
  /** The page in each language it exists in, itself included. */
  alternates: { locale: string; path: string }[];
  /** Where relative media URLs resolve (the API's public origin). */
  apiBase: string;
  /** Home → … → this page, as the route resolved it. */
  breadcrumbs?: Breadcrumb[];
}

const DESCRIPTION_LENGTH = 300;
const OG_LOCALES: Record<string, string> = { pl: 'pl_PL', cs: 'cs_CZ' };

/** The page's description: its summary or intro, the project's aim on the home page, a section's purpose on a list. */
export function describe(view: View, locale: Locale, chosen?: string): string {
  const text = seoText(locale);
  const derived = (() => {
    switch (view.kind) {
      case 'home':
        return view.home.objectives[0] ?? plainText(view.home.intro);
      case 'practice':
        return view.practice.summary;
      case 'event':
        return view.event.summary;
      case 'partner':
        return plainText(view.partner.description);
      case 'standard':
        return view.page.search_description || view.page.intro;
      case 'practices':
        return text.practicesDescription;
      case 'events':
        return text.eventsDescription;
      case 'partners':
        return text.partnersDescription;
      default:
        return '';
    }
  })();
  return shorten(chosen || derived || text.siteDescription, DESCRIPTION_LENGTH);
}

/** The picture that stands for the item: a practice's main image, a partner's logo. */
export function mainImage(view: View): Schemas['Image'] | null {
  if (view.kind === 'practice') return view.practice.main_image;
  if (view.kind === 'partner') return view.partner.logo;
  return null;
}

export interface SharedImage {
  url: string;
  width: number;
  height: number;
  alt: string;
}

/** The largest rendition of the item's image, absolute: link previews fetch it from anywhere. */
export function sharedImage(context: SeoContext): SharedImage | undefined {
  const image = mainImage(context.view);
  if (!image) return undefined;
  const { url, width, height } = image.renditions.large;
  return { url: new URL(url, context.apiBase).href, width, height, alt: image.alt || context.title };
}

export function ogLocale(locale: string): string {
  return OG_LOCALES[locale] ?? locale;
}

export type MetaTag = { property: string; content: string } | { name: string; content: string };

/** Open Graph and Twitter card tags: title, description, canonical URL, languages, and the image with its size. */
export function socialTags(context: SeoContext): MetaTag[] {
  const { view, locale, title, url, siteName, alternates } = context;
  const image = sharedImage(context);
  const tags: MetaTag[] = [
    { property: 'og:site_name', content: siteName },
    { property: 'og:title', content: title },
    { property: 'og:description', content: describe(view, locale, context.description) },
    { property: 'og:type', content: view.kind === 'practice' ? 'article' : 'website' },
    { property: 'og:locale', content: ogLocale(locale) },
    ...alternates
      .filter((alternate) => alternate.locale !== locale)
      .map((alternate) => ({ property: 'og:locale:alternate', content: ogLocale(alternate.locale) })),
  ];
  if (url) tags.push({ property: 'og:url', content: url });
  if (image) {
    tags.push(
      { property: 'og:image', content: image.url },
      { property: 'og:image:width', content: String(image.width) },
      { property: 'og:image:height', content: String(image.height) },
      { property: 'og:image:alt', content: image.alt },
    );
  }
  tags.push({ name: 'twitter:card', content: image ? 'summary_large_image' : 'summary' });
  return tags;
}
