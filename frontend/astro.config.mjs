// @ts-check
import node from '@astrojs/node';
import { defineConfig, envField } from 'astro/config';

// Server-rendered on every request: content comes from the CMS's public API, so a publish
// shows without a rebuild. URLs are exactly the API's `path`s: Polish without a prefix, Czech under /cs/.
export default defineConfig({
  output: 'server',
  adapter: node({ mode: 'middleware' }),
  trailingSlash: 'ignore',
  i18n: {
    defaultLocale: 'pl',
    locales: ['pl', 'cs'],
    routing: { prefixDefaultLocale: false },
  },
  vite: {
    build: {
      // Scripts are files, never inlined into the HTML: the search box's island is fetched once and kept by
      // the browser (hashed, immutable) instead of riding along in every page, and a CSP can say script-src 'self'.
      assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined),
    },
  },
  env: {
    schema: {
      // Both read from the environment at request time (`secret` is how astro:env does that;
      // neither is confidential), so one build serves the tests, the demo and production.
      // Where the server fetches the API from (may be an internal address).
      API_URL: envField.string({ context: 'server', access: 'secret', default: 'http://127.0.0.1:8000' }),
      // The API's origin as visitors' browsers reach it: feed links, the calendar subscription.
      PUBLIC_API_URL: envField.string({ context: 'server', access: 'secret', default: 'http://127.0.0.1:8000' }),
      // How long API answers are kept in memory (seconds; 0: not kept). The CMS's signed publish webhooks,
      // verified with CMS_WEBHOOK_SECRET (empty: refused), drop them sooner (src/pages/api/webhooks/cms.ts).
      API_CACHE_SECONDS: envField.number({ context: 'server', access: 'secret', default: 60, min: 0 }),
      CMS_WEBHOOK_SECRET: envField.string({ context: 'server', access: 'secret', default: '' }),
      // Origins that may frame the preview route (the CMS admin's; space- or comma-separated).
      // Empty: PUBLIC_API_URL's origin, where the admin lives next to the API.
      CMS_ADMIN_ORIGIN: envField.string({ context: 'server', access: 'secret', default: '' }),
      // Map tiles ({z}/{x}/{y} template) and the attribution their licence asks for (HTML). Empty:
      // maps draw the bundled outline of Poland and Czechia, and nothing leaves the machine.
      MAP_TILE_URL: envField.string({ context: 'server', access: 'secret', default: '' }),
      MAP_ATTRIBUTION: envField.string({ context: 'server', access: 'secret', default: '' }),
      // "Ask about this practice": the secret this server signs each visitor's address with for the API's
      // per-address limits (the CMS's PUBLIC_FORM_VISITOR_SECRET; empty: not sent, the API counts this server),
      // and the trusted proxies in front of this server whose X-Forwarded-For entry is the visitor (0: the peer).
      PUBLIC_FORM_VISITOR_SECRET: envField.string({ context: 'server', access: 'secret', default: '' }),
      NUM_PROXIES: envField.number({ context: 'server', access: 'secret', default: 0, min: 0 }),
    },
  },
});
