import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The CMS's signed publish webhooks (README "Publish webhooks"), checked exactly as the README's
 * Python `verify()` does: the timestamp must be an integer within `tolerance` seconds of our clock,
 * and the signature `sha256=` + hex HMAC-SHA256 of the timestamp *as received*, a dot and the raw
 * body, keyed with the shared secret, compared in constant time.
 *
 * Plain TypeScript without Astro imports, so `npm test` runs it under Node directly.
 */

/** How far (seconds, either way) a request's timestamp may be from our clock: the CMS's default. */
export const TOLERANCE_SECONDS = 300;

/** What Python's `int()` accepts in base 10: surrounding blanks, a sign, digits with single underscores. */
const PYTHON_INTEGER = /^\s*[+-]?\d+(?:_\d+)*\s*$/;

export interface SignedRequest {
  secret: string;
  body: Uint8Array;
  signature: string | null;
  timestamp: string | null;
}

export function sign(secret: string, timestamp: string, body: Uint8Array): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex')}`;
}

export function verify(
  { secret, body, signature, timestamp }: SignedRequest,
  tolerance = TOLERANCE_SECONDS,
  now = Date.now() / 1000,
): boolean {
  if (!secret || timestamp === null || !PYTHON_INTEGER.test(timestamp)) return false;
  const sentAt = Number(timestamp.trim().replaceAll('_', ''));
  if (!(Math.abs(now - sentAt) <= tolerance)) return false; // a replay of an old request, or a clock far off
  const expected = Buffer.from(sign(secret, timestamp, body));
  const given = Buffer.from(signature ?? '');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * The languages whose cached answers an event may have changed: the item's own and those of its
 * translations (their `translations` links and `up_to_date` flags follow it). Items embed one
 * another only within a language (a practice in its partner's page, the home, event pages, every
 * list), so dropping less than the whole language would leave stale copies behind.
 * `undefined`: no language to go by, drop everything; `[]`: nothing changed (a test delivery).
 */
export function localesTouched(payload: unknown): string[] | undefined {
  if (!payload || typeof payload !== 'object') return undefined;
  const event = payload as { event?: unknown; locale?: unknown; translations?: unknown };
  if (event.event === 'test') return [];
  if (typeof event.locale !== 'string' || !event.locale) return undefined;
  const locales = new Set([event.locale]);
  if (Array.isArray(event.translations)) {
    for (const link of event.translations) {
      if (link && typeof link === 'object' && typeof link.locale === 'string') locales.add(link.locale);
    }
  }
  return [...locales];
}
