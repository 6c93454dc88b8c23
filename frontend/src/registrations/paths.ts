import type { Locale } from '../i18n/locales';

/**
 * The registration form of each language and its cancellation page: not CMS pages, their own route
 * files (src/pages/rejestracja/, src/pages/cs/registrace/), with the event's id in `?event=` and the
 * personal link's token in `?token=` (the CMS mails links to these paths: registrations/links.py).
 */
export const REGISTRATION_PATHS: Record<Locale, string> = { pl: '/rejestracja/', cs: '/cs/registrace/' };
export const CANCEL_PATHS: Record<Locale, string> = { pl: '/rejestracja/anuluj/', cs: '/cs/registrace/zrusit/' };

export function registrationPath(locale: Locale, eventId?: number): string {
  return eventId === undefined ? REGISTRATION_PATHS[locale] : `${REGISTRATION_PATHS[locale]}?event=${eventId}`;
}

export function cancelPath(locale: Locale, token?: string): string {
  return token === undefined ? CANCEL_PATHS[locale] : `${CANCEL_PATHS[locale]}?token=${encodeURIComponent(token)}`;
}

/** The event id a visitor's URL names: a positive 32-bit integer, or undefined. */
export function eventIdOf(params: URLSearchParams): number | undefined {
  const raw = params.get('event') ?? '';
  if (!/^[1-9]\d{0,9}$/.test(raw)) return undefined;
  const id = Number(raw);
  return id <= 2 ** 31 - 1 ? id : undefined;
}

/** The cancellation token of a link: the signed value the CMS issued, or undefined when absent or absurd. */
export function tokenOf(params: URLSearchParams): string | undefined {
  const raw = params.get('token') ?? '';
  return /^[\w:.-]{10,300}$/.test(raw) ? raw : undefined;
}
