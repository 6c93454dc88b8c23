import type { APIRoute } from 'astro';
import { renderRobots } from '../seo/sitemap-xml';
import { sitemap } from '../seo/sitemap';

/** robots.txt, pointing at the sitemap on the portal's public origin (the API's `url`s carry it). */
export const GET: APIRoute = async ({ url }) => {
  // Without the API, the address the request came in on is the best guess at the public origin.
  const origin = await sitemap().then(
    (built) => built.origin,
    () => url.origin,
  );
  return new Response(renderRobots(origin), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
