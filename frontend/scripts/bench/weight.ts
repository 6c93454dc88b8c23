import { gzipSync } from 'node:zlib';

/**
 * What a page makes the browser download besides its HTML, and whether that fits the page's budget
 * (frontend/budgets.json): the size report of `make bench-frontend` and the build check in `make frontend-test`
 * (tests/budgets.spec.ts). Everything here works on fetched text; nothing needs a browser.
 *
 * Counted, gzipped (zlib's default level, what a reverse proxy sends): every `<script src>`, every inline
 * `<script>` that runs (not JSON-LD or other data), `<link rel=modulepreload>`, the modules those import
 * statically (`import … from "./chunk.js"`), the ones they import on demand (`import("./chunk.js")`: the map page
 * loads its clustering that way at once, so budgets hold the sum), every `<link rel=stylesheet>`, inline
 * `<style>` and the stylesheets they `@import`. Web fonts are looked for in all of it: `@font-face`, font files
 * referenced in CSS or preloaded.
 */

export type AssetKind = 'script' | 'style';

export interface Asset {
  kind: AssetKind;
  /** Absolute URL, or `inline` for a script or style element in the HTML. */
  url: string;
  /** How the page reaches it: from the HTML, a static import, or an import on demand. */
  via: 'html' | 'import' | 'on demand';
  bytes: number;
  gzip: number;
}

export interface PageWeight {
  url: string;
  assets: Asset[];
  /** Gzipped bytes of the scripts the page loads at once (HTML and static imports) and of those it may load on demand. */
  js: number;
  jsOnDemand: number;
  css: number;
  /** Where web fonts were found: `@font-face` rules, font files, font preloads. Empty is the rule. */
  fonts: string[];
}

export interface Budget {
  /** Gzipped JavaScript (loaded at once plus on demand), in kB of 1,000 bytes. */
  jsKb: number;
  cssKb: number;
  /** The only script files the page may load (file names start with one of these; no inline scripts), or null for any. */
  onlyScripts?: string[] | null;
  /** Why this page's budget differs from the content pages'. */
  why?: string;
}

export interface Budgets {
  /** Whether any page may use web fonts (`@font-face`, font files). */
  fonts: boolean;
  /** The budget of pages not named in `pages`. */
  content: Budget;
  pages: Record<string, Partial<Budget>>;
}

export const KB = 1000;

const FONT_FILE = /\.(woff2?|ttf|otf|eot)(\?|#|$)/i;
/** Script types a browser runs; JSON-LD, import maps' JSON and templates are data. */
const RUNNABLE_SCRIPT = /^(|module|text\/javascript|application\/javascript)$/i;

/** The attributes of one start tag, names lower-cased, entity `&amp;` decoded (enough for URLs). */
export function attributes(tag: string): Record<string, string> {
  const found: Record<string, string> = {};
  const pattern = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  for (const match of tag.replace(/^<\w+/, '').replace(/\/?>$/, '').matchAll(pattern)) {
    found[match[1]!.toLowerCase()] = (match[2] ?? match[3] ?? match[4] ?? '').replaceAll('&amp;', '&');
  }
  return found;
}

export interface HtmlReferences {
  scripts: string[];
  modulePreloads: string[];
  inlineScripts: string[];
  stylesheets: string[];
  inlineStyles: string[];
  fontPreloads: string[];
}

/** The scripts, stylesheets and font preloads an HTML document references, with URLs resolved against `base`. */
export function htmlReferences(html: string, base: string): HtmlReferences {
  const found: HtmlReferences = { scripts: [], modulePreloads: [], inlineScripts: [], stylesheets: [], inlineStyles: [], fontPreloads: [] };
  const resolve = (href: string) => new URL(href, base).href;
  for (const match of html.matchAll(/(<script\b[^>]*>)([\s\S]*?)<\/script\s*>/gi)) {
    const attrs = attributes(match[1]!);
    if (!RUNNABLE_SCRIPT.test((attrs.type ?? '').trim())) continue;
    if (attrs.src !== undefined) found.scripts.push(resolve(attrs.src));
    else if (match[2]!.trim()) found.inlineScripts.push(match[2]!);
  }
  for (const match of html.matchAll(/<link\b[^>]*>/gi)) {
    const attrs = attributes(match[0]);
    const rel = (attrs.rel ?? '').toLowerCase().split(/\s+/);
    if (!attrs.href) continue;
    if (rel.includes('stylesheet')) found.stylesheets.push(resolve(attrs.href));
    else if (rel.includes('modulepreload')) found.modulePreloads.push(resolve(attrs.href));
    else if (rel.includes('preload') && (attrs.as === 'font' || FONT_FILE.test(attrs.href))) found.fontPreloads.push(resolve(attrs.href));
  }
  for (const match of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi)) {
    if (match[1]!.trim()) found.inlineStyles.push(match[1]!);
  }
  return found;
}

/** Relative or absolute module specifiers a script imports statically and on demand (bare package names cannot load in a browser). */
export function moduleImports(source: string, base: string): { static: string[]; onDemand: string[] } {
  const url = (specifier: string) => new URL(specifier, base).href;
  const isPath = (specifier: string) => /^(\.{0,2}\/|https?:)/.test(specifier);
  const statics = new Set<string>();
  const onDemand = new Set<string>();
  // `import x from"./a.js"`, `import"./a.js"`, `export{a}from"./a.js"`: minified or not.
  for (const match of source.matchAll(/\b(?:import|export)\s*(?:[\w*{}\s,$]*?\s*from\s*)?["'`]([^"'`]+)["'`]/g)) {
    if (isPath(match[1]!)) statics.add(url(match[1]!));
  }
  for (const match of source.matchAll(/\bimport\s*\(\s*["'`]([^"'`$]+)["'`]\s*\)/g)) {
    if (isPath(match[1]!)) onDemand.add(url(match[1]!));
  }
  for (const found of statics) onDemand.delete(found);
  return { static: [...statics], onDemand: [...onDemand] };
}

/** Stylesheets a stylesheet `@import`s, and the web fonts it declares or references. */
export function cssReferences(css: string, base: string): { imports: string[]; fonts: string[] } {
  const imports = [...css.matchAll(/@import\s+(?:url\(\s*)?["']?([^"')\s;]+)["']?\s*\)?/gi)].map((match) => new URL(match[1]!, base).href);
  const fonts: string[] = [];
  if (/@font-face\b/i.test(css)) fonts.push(`@font-face in ${base}`);
  for (const match of css.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/gi)) {
    if (FONT_FILE.test(match[1]!)) fonts.push(new URL(match[1]!, base).href);
  }
  return { imports, fonts };
}

export function gzipSize(text: string | Uint8Array): number {
  return gzipSync(text).byteLength;
}

export type Fetcher = (url: string) => Promise<string>;

/** Fetches a URL's text; any answer but 200 is an error naming the URL (a page's missing script is a broken page). */
export const fetchText: Fetcher = async (url) => {
  const response = await fetch(url);
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  return response.text();
};

/** Everything `url`'s HTML makes the browser download at once or on demand, measured (see the module's comment). */
export async function weighPage(url: string, fetcher: Fetcher = fetchText): Promise<PageWeight> {
  const html = await fetcher(url);
  const refs = htmlReferences(html, url);
  const assets: Asset[] = [];
  const fonts = [...refs.fontPreloads];
  const seen = new Set<string>();
  const add = (kind: AssetKind, assetUrl: string, via: Asset['via'], text: string) => {
    const bytes = Buffer.byteLength(text);
    assets.push({ kind, url: assetUrl, via, bytes, gzip: gzipSize(text) });
  };

  const queue: { url: string; via: Asset['via'] }[] = [...refs.scripts, ...refs.modulePreloads].map((script) => ({ url: script, via: 'html' }));
  for (const inline of refs.inlineScripts) {
    add('script', 'inline', 'html', inline);
    for (const found of moduleImports(inline, url).static) queue.push({ url: found, via: 'import' });
    for (const found of moduleImports(inline, url).onDemand) queue.push({ url: found, via: 'on demand' });
  }
  // Static imports first, so a chunk both imported and imported on demand counts as loaded at once.
  while (queue.length) {
    queue.sort((a, b) => Number(a.via === 'on demand') - Number(b.via === 'on demand'));
    const next = queue.shift()!;
    if (seen.has(next.url)) continue;
    seen.add(next.url);
    const source = await fetcher(next.url);
    add('script', next.url, next.via, source);
    const imports = moduleImports(source, next.url);
    const via = next.via === 'on demand' ? 'on demand' : 'import';
    for (const found of imports.static) queue.push({ url: found, via });
    for (const found of imports.onDemand) queue.push({ url: found, via: 'on demand' });
    for (const found of source.matchAll(/["'`]((?:\.{0,2}\/|_astro\/)[^"'`\s]+\.css)["'`]/g)) {
      // Vite lists a chunk's stylesheets for its preload helper (`_astro/…` from the site's root); they load with it.
      const path = found[1]!;
      const sheet = new URL(path.startsWith('_astro/') ? `/${path}` : path, next.url).href;
      if (!refs.stylesheets.includes(sheet)) refs.stylesheets.push(sheet);
    }
  }

  const sheets = [...refs.stylesheets];
  for (const inline of refs.inlineStyles) {
    add('style', 'inline', 'html', inline);
    const found = cssReferences(inline, url);
    fonts.push(...found.fonts);
    sheets.push(...found.imports);
  }
  while (sheets.length) {
    const sheet = sheets.shift()!;
    if (seen.has(sheet)) continue;
    seen.add(sheet);
    const css = await fetcher(sheet);
    add('style', sheet, refs.stylesheets.includes(sheet) ? 'html' : 'import', css);
    const found = cssReferences(css, sheet);
    fonts.push(...found.fonts);
    sheets.push(...found.imports);
  }

  const sum = (filter: (asset: Asset) => boolean) => assets.filter(filter).reduce((total, asset) => total + asset.gzip, 0);
  return {
    url,
    assets,
    js: sum((asset) => asset.kind === 'script' && asset.via !== 'on demand'),
    jsOnDemand: sum((asset) => asset.kind === 'script' && asset.via === 'on demand'),
    css: sum((asset) => asset.kind === 'style'),
    fonts,
  };
}

/** The budget of a page type: the content pages' with what budgets.json says for that type. */
export function budgetFor(budgets: Budgets, type: string): Budget {
  return { ...budgets.content, ...budgets.pages[type] };
}

const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} kB`;

/** What is over budget on one page, one sentence each, saying what to look at; empty when it fits. */
export function overBudget(weight: PageWeight, type: string, budgets: Budgets): string[] {
  const budget = budgetFor(budgets, type);
  const where = `${type} (${weight.url})`;
  const problems: string[] = [];
  const js = weight.js + weight.jsOnDemand;
  if (js > budget.jsKb * KB) {
    const scripts = weight.assets.filter((asset) => asset.kind === 'script').map((asset) => `${fileName(asset.url)} ${kb(asset.gzip)}`);
    problems.push(`${where}: ${kb(js)} of JavaScript gzipped, over its budget of ${budget.jsKb} kB (${scripts.join(', ')})`);
  }
  if (weight.css > budget.cssKb * KB) {
    const sheets = weight.assets.filter((asset) => asset.kind === 'style').map((asset) => `${fileName(asset.url)} ${kb(asset.gzip)}`);
    problems.push(`${where}: ${kb(weight.css)} of CSS gzipped, over its budget of ${budget.cssKb} kB (${sheets.join(', ')})`);
  }
  if (budget.onlyScripts) {
    const allowed = budget.onlyScripts;
    const others = weight.assets.filter(
      (asset) => asset.kind === 'script' && !allowed.some((prefix) => fileName(asset.url).startsWith(prefix)),
    );
    if (others.length) {
      problems.push(`${where}: scripts other than ${allowed.join(', ')}: ${others.map((asset) => fileName(asset.url)).join(', ')}`);
    }
  }
  if (!budgets.fonts && weight.fonts.length) problems.push(`${where}: web fonts (${weight.fonts.join(', ')}); the portal uses system fonts`);
  return problems;
}

/** The last path segment of an asset's URL, or `inline`. */
export function fileName(url: string): string {
  return url === 'inline' ? 'inline' : new URL(url).pathname.split('/').pop()!;
}
