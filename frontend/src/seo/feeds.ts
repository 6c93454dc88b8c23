import { seoText } from '../i18n/seo.ts';
import type { Locale } from '../i18n/locales';

/** A feed the CMS serves (feeds/urls.py), announced in the head so readers and calendars find it. */
export interface FeedLink {
  href: string;
  type: string;
  title: string;
}

/**
 * The locale's practice and event feeds and its event calendar, absolute on the API's public
 * origin (the CMS serves them; a path prefix on that origin is kept).
 */
export function feedLinks(locale: Locale, publicApiUrl: string): FeedLink[] {
  const text = seoText(locale);
  const base = `${publicApiUrl.replace(/\/+$/, '')}/feeds/${locale}`;
  return [
    { href: `${base}/practices.rss`, type: 'application/rss+xml', title: text.feedPracticesRss },
    { href: `${base}/practices.atom`, type: 'application/atom+xml', title: text.feedPracticesAtom },
    { href: `${base}/events.rss`, type: 'application/rss+xml', title: text.feedEventsRss },
    { href: `${base}/events.atom`, type: 'application/atom+xml', title: text.feedEventsAtom },
    { href: `${base}/events.ics`, type: 'text/calendar', title: text.feedEventsCalendar },
  ];
}
