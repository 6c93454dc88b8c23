import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { portalListener } from '../server.mjs';
import { expect, test } from './fixtures';
import { dist } from './portal-server';
import { deliver } from './webhook-delivery';

/** Headers that belong to one response, not to the page: the rest must be the same on a hit as on the first answer. */
const PER_RESPONSE = new Set(['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding', 'x-portal-cache']);
const pageHeaders = (response: Response) => [...response.headers].filter(([name]) => !PER_RESPONSE.has(name));

test('server.mjs answers a page the bundle kept, as Astro first answered it, until a publish webhook drops it', async () => {
  // The built bundle and server.mjs in this process, so Astro's handler can be watched: exactly what `node server.mjs`
  // runs, read at request time from this environment (the suite's CMS and webhook secret).
  const settings = { API_URL: process.env.A4B_API_URL, PUBLIC_API_URL: process.env.A4B_API_URL, CMS_WEBHOOK_SECRET: process.env.A4B_WEBHOOK_SECRET };
  const saved = Object.fromEntries(Object.keys(settings).map((name) => [name, process.env[name]]));
  Object.assign(process.env, settings);
  const { handler } = await import(pathToFileURL(join(dist, 'server/entry.mjs')).href);
  const astroSaw: string[] = [];
  const astro = (req: IncomingMessage, res: ServerResponse) => {
    astroSaw.push(`${req.method} ${req.url}`);
    return handler(req, res);
  };
  const server = createServer(portalListener({ astro, client: join(dist, 'client') }));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    // A query no one else asks for: the first request is surely rendered.
    const path = `/dobre-praktyki/?server-test=${Date.now()}`;
    const first = await fetch(origin + path);
    expect(first.status).toBe(200);
    expect(first.headers.get('x-portal-cache')).toBe('miss');
    const body = await first.text();
    expect(astroSaw).toEqual([`GET ${path}`]);

    const hit = await fetch(origin + path);
    expect(hit.headers.get('x-portal-cache')).toBe('hit');
    expect(await hit.text()).toBe(body);
    expect(pageHeaders(hit)).toEqual(pageHeaders(first));
    expect(hit.headers.get('content-length')).toBe(String(Buffer.byteLength(body)));
    expect(astroSaw, 'the hit never reached Astro').toHaveLength(1);

    const dropped = await deliver({ event: 'publish', type: 'practice', locale: 'pl', translations: [] }, { to: origin });
    expect(dropped.status).toBe(200);
    expect(dropped.answer.locales).toEqual(['pl']);

    const rendered = await fetch(origin + path);
    expect(rendered.headers.get('x-portal-cache')).toBe('miss');
    expect(await rendered.text()).toBe(body);
    expect(astroSaw).toEqual([`GET ${path}`, 'POST /api/webhooks/cms', `GET ${path}`]);
    expect((await fetch(origin + path)).headers.get('x-portal-cache')).toBe('hit');
    expect(astroSaw).toHaveLength(3);
  } finally {
    server.close();
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
});
