import type { APIRoute } from 'astro';
import { CMS_WEBHOOK_SECRET } from 'astro:env/server';
import { apiCache } from '../../../api/cache';
import { localesTouched, verify } from '../../../api/webhook';

/** The CMS's payloads are a few kilobytes; anything far larger is not one of them. */
const MAX_BODY_BYTES = 1_000_000;

function answer(status: number, body: object): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' },
  });
}

/**
 * The CMS's signed publish webhooks (register with `manage.py register_frontend_webhook`): a request
 * whose signature or timestamp does not verify gets 401 and changes nothing; a verified event drops
 * the cached API answers of the languages it touched (`localesTouched`), so the next page view
 * fetches the published content. Dropping twice is harmless, so a repeated delivery needs no ledger.
 */
export const POST: APIRoute = async ({ request }) => {
  if (!CMS_WEBHOOK_SECRET) return answer(503, { detail: 'No webhook secret configured (CMS_WEBHOOK_SECRET).' });
  if (Number(request.headers.get('Content-Length') ?? 0) > MAX_BODY_BYTES) {
    return answer(413, { detail: 'Payload too large.' });
  }
  const body = new Uint8Array(await request.arrayBuffer());
  if (body.byteLength > MAX_BODY_BYTES) return answer(413, { detail: 'Payload too large.' });
  const signed = {
    secret: CMS_WEBHOOK_SECRET,
    body,
    signature: request.headers.get('X-A4B-Signature'),
    timestamp: request.headers.get('X-A4B-Timestamp'),
  };
  if (!verify(signed)) return answer(401, { detail: 'Bad or stale signature.' });
  let payload: unknown;
  try {
    payload = JSON.parse(new TextDecoder().decode(body));
  } catch {
    return answer(400, { detail: 'The body is not JSON.' });
  }
  const locales = localesTouched(payload);
  if (locales === undefined) return answer(200, { dropped: apiCache.clear(), locales: 'all' });
  if (locales.length === 0) return answer(200, { dropped: 0, locales: [] });
  return answer(200, { dropped: apiCache.dropLocales(locales), locales });
};

export const ALL: APIRoute = () =>
  new Response(JSON.stringify({ detail: 'POST a signed CMS webhook here.' }), {
    status: 405,
    headers: { 'Content-Type': 'application/json', Allow: 'POST' },
  });
