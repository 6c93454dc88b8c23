import type { APIRoute } from 'astro';
import { outlineOfPolandAndCzechia } from '../map/outline';

// Written once at build time into the static files: maps fetch it from the portal itself.
export const prerender = true;

export const GET: APIRoute = () =>
  new Response(JSON.stringify(outlineOfPolandAndCzechia()), { headers: { 'Content-Type': 'application/geo+json' } });
