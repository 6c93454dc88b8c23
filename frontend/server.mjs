// @ts-check
/**
 * The portal's server: a Node HTTP server around Astro's handler (@astrojs/node in `middleware` mode).
 *
 *   node server.mjs [dist]      HOST and PORT from the environment (as the adapter's standalone server read them)
 *
 * A page the bundle keeps in its page cache (src/api/page-cache.ts, filled by src/middleware.ts) is answered here,
 * before Astro's handler: a hit then costs a lookup and a write, not Astro's work per request (a WHATWG Request
 * built from Node's, route matching, the middleware chain, a Response written back), which held a hit to about half
 * the rate of a static file (docs/performance.md). The lookup is the bundle's own, published on `globalThis`
 * (PAGE_HITS), so this server reads the one cache the middleware fills and a publish webhook empties; it keeps no
 * copy and decides nothing about what may be kept. Files of the build's client folder are served as the adapter's
 * standalone server served them; everything else goes to Astro.
 */
import { readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import send from 'send';

/** src/api/page-cache.ts's PAGE_HITS: the same key of the global symbol registry. */
const PAGE_HITS = Symbol.for('a4b.portal.page-hits');

/**
 * @typedef {{ status: number; headers: [string, string][]; body: Uint8Array }} CachedPage
 * @typedef {(method: string, target: string) => CachedPage | undefined} PageHits
 * @typedef {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => unknown} Handler
 */

/**
 * The client folder's files as URL paths (`/_astro/x.js`): fixed by the build, so listed once.
 * @param {string} client
 */
export function clientFiles(client) {
  return new Set(
    readdirSync(client, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => `/${relative(client, join(entry.parentPath, entry.name)).split(sep).join('/')}`),
  );
}

/**
 * The server's request listener: kept pages, then the client folder's files, then Astro's handler.
 * @param {{ astro: Handler; client: string }} options
 */
export function portalListener({ astro, client }) {
  const files = clientFiles(client);
  /** @type {Handler} */
  return (req, res) => {
    const target = req.url ?? '/';
    try {
      decodeURI(target);
    } catch {
      res.writeHead(400).end('Bad request.');
      return;
    }
    const hit = /** @type {PageHits | undefined} */ (Reflect.get(globalThis, PAGE_HITS))?.(req.method ?? 'GET', target);
    if (hit) {
      const headers = hit.headers.flat();
      headers.push('X-Portal-Cache', 'hit', 'Content-Length', String(hit.body.byteLength));
      res.writeHead(hit.status, headers).end(hit.body);
      return;
    }
    const path = target.split('?', 1)[0];
    if ((req.method === 'GET' || req.method === 'HEAD') && files.has(safeDecode(path))) {
      const stream = send(req, path, { root: client });
      // Vite's output under /_astro/ is named by its content's hash: never changes under its name.
      stream.on('headers', () => {
        if (path.startsWith('/_astro/')) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
      });
      stream.on('error', (/** @type {{ status?: number }} */ error) => res.writeHead(error.status ?? 500).end());
      stream.pipe(res);
      return;
    }
    astro(req, res);
  };
}

/** @param {string} path */
function safeDecode(path) {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/**
 * Starts the server on HOST:PORT with the build in `dist`.
 * @param {string} dist
 */
export async function start(dist) {
  const { handler, options } = await import(pathToFileURL(join(dist, 'server/entry.mjs')).href);
  const host = process.env.HOST ?? (options.host === true ? '0.0.0.0' : options.host || 'localhost');
  const port = Number(process.env.PORT ?? options.port ?? 8080);
  const server = createServer(portalListener({ astro: handler, client: join(dist, 'client') }));
  server.listen(port, host, () => process.stdout.write(`The portal is listening on http://${host}:${port}/\n`));
  for (const signal of /** @type {const} */ (['SIGTERM', 'SIGINT'])) {
    process.once(signal, () => server.close(() => process.exit(0)));
  }
  return server;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await start(resolve(import.meta.dirname, process.argv[2] ?? 'dist'));
}
