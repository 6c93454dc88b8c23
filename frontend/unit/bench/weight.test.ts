import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { PAGE_TYPES } from '../../scripts/bench/pages.ts';
import { attributes, budgetFor, gzipSize, htmlReferences, moduleImports, overBudget, weighPage, type Budgets } from '../../scripts/bench/weight.ts';

const SITE = 'http://portal.test';
const budgets: Budgets = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../budgets.json'), 'utf8'));

/** A fetcher over a fixed set of files; anything else is a 404, as from the server. */
function site(files: Record<string, string>) {
  const asked: string[] = [];
  const fetcher = async (url: string) => {
    asked.push(url);
    const path = new URL(url).pathname + new URL(url).search;
    if (!(path in files)) throw new Error(`${url} answered 404`);
    return files[path]!;
  };
  return { fetcher, asked };
}

/** Text that gzip cannot shrink much: `kb` kilobytes of it, gzipped, and a bit more. */
function incompressible(kb: number): string {
  return `/*${randomBytes(kb * 1000).toString('base64').slice(0, kb * 1000 * 1.3)}*/`;
}

const searchBox = 'export const box = 1;';
const page = (body: string) =>
  `<!doctype html><html><head><link rel="stylesheet" href="/_astro/page.css"><style>main{color:#111}</style>` +
  `<script type="application/ld+json">{"@type":"WebPage","filler":"${'x'.repeat(50_000)}"}</script>` +
  `<script type="module" src="/_astro/SearchBox.abc.js"></script></head><body>${body}</body></html>`;

test('a content page with the search box alone fits the content budget; JSON-LD is data, not script', async () => {
  const { fetcher } = site({ '/': page(''), '/_astro/page.css': 'body{margin:0}', '/_astro/SearchBox.abc.js': searchBox });
  const weight = await weighPage(`${SITE}/`, fetcher);
  assert.equal(weight.js, gzipSize(searchBox));
  assert.equal(weight.jsOnDemand, 0);
  assert.equal(weight.css, gzipSize('body{margin:0}') + gzipSize('main{color:#111}'));
  assert.deepEqual(weight.fonts, []);
  assert.deepEqual(overBudget(weight, 'home', budgets), []);
});

test('a content page over its JavaScript budget fails, naming the page, the size and the scripts', async () => {
  const big = incompressible(11);
  const { fetcher } = site({ '/': page(''), '/_astro/page.css': 'body{margin:0}', '/_astro/SearchBox.abc.js': big });
  const weight = await weighPage(`${SITE}/`, fetcher);
  const problems = overBudget(weight, 'home', budgets);
  assert.equal(problems.length, 1);
  assert.match(problems[0]!, /^home \(http:\/\/portal\.test\/\): 1\d\.\d kB of JavaScript gzipped, over its budget of 10 kB \(SearchBox\.abc\.js 1\d\.\d kB\)$/);
});

test('any other script on a content page fails, inline ones too, even when small', async () => {
  const html = page('<script>document.title = "x"</script><script type="module" src="/_astro/carousel.js"></script>');
  const { fetcher } = site({ '/x/': html, '/_astro/page.css': '', '/_astro/SearchBox.abc.js': searchBox, '/_astro/carousel.js': 'let a=1' });
  const weight = await weighPage(`${SITE}/x/`, fetcher);
  assert.deepEqual(overBudget(weight, 'practice-list', budgets), [
    'practice-list (http://portal.test/x/): scripts other than SearchBox.: inline, carousel.js',
  ]);
});

test('CSS over 20 kB fails', async () => {
  const { fetcher } = site({ '/': page(''), '/_astro/page.css': incompressible(21), '/_astro/SearchBox.abc.js': searchBox });
  const problems = overBudget(await weighPage(`${SITE}/`, fetcher), 'standard', budgets);
  assert.equal(problems.length, 1);
  assert.match(problems[0]!, /of CSS gzipped, over its budget of 20 kB \(inline 0\.\d kB, page\.css 2\d\.\d kB\)$/);
});

test('web fonts fail: @font-face in an imported stylesheet, a font preload', async () => {
  const html = page('').replace('</head>', '<link rel="preload" as="font" href="/fonts/Inter.woff2" crossorigin></head>');
  const { fetcher } = site({
    '/': html,
    '/_astro/page.css': '@import url("./type.css"); body{margin:0}',
    '/_astro/type.css': '@font-face{font-family:Inter;src:url(../fonts/Inter.woff2) format("woff2")}',
    '/_astro/SearchBox.abc.js': searchBox,
  });
  const weight = await weighPage(`${SITE}/`, fetcher);
  assert.deepEqual(weight.fonts, [`${SITE}/fonts/Inter.woff2`, `@font-face in ${SITE}/_astro/type.css`, `${SITE}/fonts/Inter.woff2`]);
  const [problem] = overBudget(weight, 'home', budgets);
  assert.match(problem!, /web fonts .*the portal uses system fonts$/);
});

test('modules are followed: modulepreload, static imports once each, imports on demand counted apart', async () => {
  const html = page('<script type="module" src="/_astro/PointsMap.js"></script>').replace(
    '</head>',
    '<link rel="modulepreload" href="/_astro/leaflet.js"></head>',
  );
  const files = {
    '/m/': html,
    '/_astro/page.css': '',
    '/_astro/SearchBox.abc.js': searchBox,
    '/_astro/PointsMap.js': 'import{L}from"./leaflet.js";import"./leaflet.js";const c=()=>import(`./cluster-map.js`);',
    '/_astro/leaflet.js': 'export const L = 1;',
    '/_astro/cluster-map.js': 'import{L}from"./leaflet.js";const m=["_astro/MarkerCluster.css"];export const c=1;',
    '/_astro/MarkerCluster.css': '.cluster{color:red}',
  };
  const { fetcher, asked } = site(files);
  const weight = await weighPage(`${SITE}/m/`, fetcher);
  assert.deepEqual(
    weight.assets.filter((asset) => asset.kind === 'script').map((asset) => [new URL(asset.url).pathname, asset.via]),
    [
      ['/_astro/SearchBox.abc.js', 'html'],
      ['/_astro/PointsMap.js', 'html'],
      ['/_astro/leaflet.js', 'html'],
      ['/_astro/cluster-map.js', 'on demand'],
    ],
  );
  assert.equal(asked.filter((url) => url.endsWith('/leaflet.js')).length, 1);
  assert.equal(weight.jsOnDemand, gzipSize(files['/_astro/cluster-map.js']));
  assert.ok(weight.assets.some((asset) => asset.url === `${SITE}/_astro/MarkerCluster.css`));
  // The map page's budget allows any scripts within its kB; a content page's only the search box.
  assert.deepEqual(overBudget(weight, 'map', budgets), []);
  assert.match(overBudget(weight, 'home', budgets)[0]!, /scripts other than SearchBox\.: PointsMap\.js, leaflet\.js, cluster-map\.js$/);
});

test('a script the page names but the server does not have is an error, not a smaller page', async () => {
  const { fetcher } = site({ '/': page(''), '/_astro/page.css': '' });
  await assert.rejects(weighPage(`${SITE}/`, fetcher), /SearchBox\.abc\.js answered 404/);
});

test('HTML references: attributes in any quoting, data scripts skipped, relative URLs resolved', () => {
  assert.deepEqual(attributes(`<link rel=stylesheet href='/a.css?x=1&amp;y=2' media="print">`), {
    rel: 'stylesheet',
    href: '/a.css?x=1&y=2',
    media: 'print',
  });
  const refs = htmlReferences(
    `<script src="a.js"></script><script type="importmap">{}</script><script type="text/template"><b></b></script>` +
      `<script>\n</script><LINK REL="Stylesheet" HREF="../s.css"><link rel="icon" href="data:,"><style></style>`,
    `${SITE}/cs/page/`,
  );
  assert.deepEqual(refs.scripts, [`${SITE}/cs/page/a.js`]);
  assert.deepEqual(refs.inlineScripts, []);
  assert.deepEqual(refs.stylesheets, [`${SITE}/cs/s.css`]);
  assert.deepEqual(refs.inlineStyles, []);
});

test('module imports: bare package names are not URLs; a chunk imported both ways loads at once', () => {
  const found = moduleImports(`import x from "react";import{a}from"./a.js";export*from"../b.js";import("./a.js");import('/c.js')`, `${SITE}/_astro/m.js`);
  assert.deepEqual(found, { static: [`${SITE}/_astro/a.js`, `${SITE}/b.js`], onDemand: [`${SITE}/c.js`] });
});

test('budgets.json: every page type has a budget, the content pages (detail pages too) 10 kB of JS and 20 kB of CSS, the map 60 kB, no fonts', () => {
  assert.equal(budgets.fonts, false);
  for (const type of PAGE_TYPES) assert.ok(budgetFor(budgets, type).jsKb > 0, type);
  for (const type of Object.keys(budgets.pages)) assert.ok((PAGE_TYPES as readonly string[]).includes(type), `unknown page type ${type}`);
  assert.deepEqual(budgetFor(budgets, 'home').jsKb, 10);
  for (const type of ['practice', 'event', 'partner']) assert.deepEqual(budgetFor(budgets, type), budgets.content, type);
  assert.deepEqual(budgetFor(budgets, 'search-results').cssKb, 20);
  assert.deepEqual(budgetFor(budgets, 'map').jsKb, 60);
  for (const type of PAGE_TYPES) assert.ok(budgetFor(budgets, type).cssKb <= 20, type);
});
