import type { APIRoute } from 'astro';
import { sitemap } from '../seo/sitemap';

/** sitemap.xml for search engines: every live page in both languages, with its alternates. */
export const GET: APIRoute = async () => {
  try {
    const { xml } = await sitemap();
    return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
  } catch {
    // The API is down or refused: crawlers retry later; never a half sitemap.
    return new Response('The sitemap is temporarily unavailable.\n', {
      status: 503,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Retry-After': '60' },
    });
  }
};
