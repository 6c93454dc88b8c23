import type { Freshness } from './freshness.ts';
import { percentile } from './freshness.ts';
import type { LighthouseResult } from './lighthouse.ts';
import { PAGE_TYPES, type PageRef } from './pages.ts';
import { budgetFor, KB, type Budgets, type PageWeight } from './weight.ts';
import type { WrkResult } from './wrk.ts';

/** The bench's section of docs/performance.md lies between these lines; everything else there is kept. */
export const SECTION_START = '<!-- make bench-frontend: start (written by frontend/scripts/bench/run.ts) -->';
export const SECTION_END = '<!-- make bench-frontend: end -->';

export interface ServerRow {
  name: string;
  path: string;
  server: 'frontend' | 'cms';
  /** The answer's body, uncompressed (the Node server sends no compression; a proxy in front would). */
  bytes: number;
  c2: WrkResult;
  c16: WrkResult;
}

export interface Report {
  date: Date;
  load: { before: number[]; after: number[]; cores: number };
  node: string;
  chromium: string;
  lighthouseVersion: string;
  wrkVersion: string;
  commit: string;
  budgets: Budgets;
  weights: { page: PageRef; weight: PageWeight; problems: string[] }[];
  lighthouse: { page: PageRef; result: LighthouseResult }[];
  /** How many times each page was measured (the median run is shown), and the load average around those runs. */
  lighthouseRuns: number;
  lighthouseLoad?: { before: number[]; after: number[] };
  server: ServerRow[];
  freshness?: Freshness;
  rounds: number;
  duration: string;
}

const LABELS: Record<string, string> = {
  home: 'home',
  practice: 'practice detail',
  'practice-list': 'practice list',
  event: 'event detail',
  'event-list': 'events list',
  'event-month': 'events, month view',
  partner: 'partner detail',
  'partner-list': 'partners',
  standard: 'standard page',
  search: 'search page',
  'search-results': 'search results',
  map: 'map page',
};

const kb = (bytes: number) => (bytes / KB).toFixed(1);
const ms = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(1));
const loads = (values: number[]) => values.map((value) => value.toFixed(2)).join(', ');

function weightsTable(report: Report): string[] {
  if (!report.weights.length) return [];
  const lines = [
    '### JavaScript and CSS shipped',
    '',
    'Gzipped (zlib level 6) kB of 1,000 bytes, Polish / Czech page. JS: what the HTML loads (`<script src>`, inline',
    'scripts, `modulepreload`, their static imports) + what those scripts can import on demand; CSS: stylesheets and',
    'inline `<style>`. Budgets from `frontend/budgets.json`, checked in `make frontend-test` (`tests/budgets.spec.ts`).',
    '',
    '| page | JS at load | JS on demand | CSS | budget JS / CSS | web fonts | within budget |',
    '| --- | ---: | ---: | ---: | ---: | --- | --- |',
  ];
  for (const type of PAGE_TYPES) {
    const rows = report.weights.filter((entry) => entry.page.type === type);
    if (!rows.length) continue;
    const both = (value: (weight: PageWeight) => number) => rows.map((entry) => kb(value(entry.weight))).join(' / ');
    const budget = budgetFor(report.budgets, type);
    const fonts = rows.some((entry) => entry.weight.fonts.length) ? 'yes' : 'none';
    const ok = rows.every((entry) => entry.problems.length === 0) ? 'yes' : '**no**';
    lines.push(
      `| ${LABELS[type]} | ${both((weight) => weight.js)} | ${both((weight) => weight.jsOnDemand)} | ${both((weight) => weight.css)} | ${budget.jsKb} / ${budget.cssKb} | ${fonts} | ${ok} |`,
    );
  }
  const problems = report.weights.flatMap((entry) => entry.problems);
  lines.push('', ...(problems.length ? problems.map((problem) => `- Over budget: ${problem}`) : ['Every page is within its budget.']), '');
  const pages = report.weights.filter((entry) => entry.page.locale === 'pl').map((entry) => `\`${entry.page.path}\``);
  lines.push(`Polish pages measured: ${pages.join(', ')}; the Czech ones are their translations.`, '');
  return lines;
}

function lighthouseTable(report: Report): string[] {
  if (!report.lighthouse.length) return [];
  const lines = [
    '### Lighthouse',
    '',
    `Lighthouse ${report.lighthouseVersion} (npm, the CLI's default configuration: mobile emulation and the default mobile`,
    "preset's **simulated** throttling, 150 ms RTT, 1.6 Mbps, 4× CPU slowdown), in Debian's Chromium",
    `(${report.chromium}, headless, \`--no-sandbox\`), every host name but 127.0.0.1 unresolvable. Targets: Performance ≥ 95,`,
    'Accessibility 100, Best Practices ≥ 95, SEO 100.',
    '',
    ...(report.lighthouseRuns > 1
      ? [
          `Each page ${report.lighthouseRuns} times; the row is the run with the median Performance, and "runs" lists every run's`,
          'Performance / TBT ms: the simulated throttling scales the main thread\'s work by what else the machine is doing.',
        ]
      : []),
    ...(report.lighthouseLoad
      ? [`Load average (1, 5, 15 min) ${loads(report.lighthouseLoad.before)} before these runs and ${loads(report.lighthouseLoad.after)} after them.`]
      : []),
    '',
    '| page | lang | Performance | Accessibility | Best Practices | SEO | FCP s | LCP s | TBT ms | CLS | requests off the machine | runs |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  const mark = (score: number, target: number) => (score >= target ? String(score) : `**${score}**`);
  for (const { page, result } of report.lighthouse) {
    const { scores, metrics } = result;
    const runs = (result.runs ?? []).map((run) => `${run.performance} / ${run.tbt.toFixed(0)}`).join(', ');
    lines.push(
      `| ${LABELS[page.type]} | ${page.locale} | ${mark(scores.performance, 95)} | ${mark(scores.accessibility, 100)} | ` +
        `${mark(scores['best-practices'], 95)} | ${mark(scores.seo, 100)} | ${(metrics.fcp / 1000).toFixed(1)} | ` +
        `${(metrics.lcp / 1000).toFixed(1)} | ${metrics.tbt.toFixed(0)} | ${metrics.cls.toFixed(3)} | ${result.foreign.length} | ${runs} |`,
    );
  }
  const misses = new Map<string, string[]>();
  for (const { page, result } of report.lighthouse) {
    for (const miss of result.misses) misses.set(miss, [...(misses.get(miss) ?? []), `${LABELS[page.type]} ${page.locale}`]);
  }
  if (misses.size) {
    lines.push('', 'Audits short of full marks (weighted ones only):', '');
    for (const [miss, where] of misses) lines.push(`- ${miss}: ${where.join(', ')}`);
  }
  lines.push('');
  return lines;
}

function serverTable(report: Report): string[] {
  if (!report.server.length) return [];
  const ceiling = report.server[0]!;
  const lines = [
    '### Server',
    '',
    `\`wrk -t2 --latency -d${report.duration}\` with 2 and 16 connections, ${report.rounds} interleaved round(s) over every`,
    "target (req/s: the rounds' mean; p50/p99: the median round's). The frontend is `node server.mjs` (one process:",
    "Astro's handler behind the portal's own Node server) with the API answers of the measured pages already in its",
    'cache (`API_CACHE_SECONDS=3600`; a rendered page asks the CMS nothing); the static file is a stylesheet served by',
    "the same server; the CMS's own page is Wagtail's template rendering of the same practice, served by gunicorn with",
    "2 sync workers, `DEBUG` off, on SQLite. A page from the cache is one the frontend rendered before (kept by",
    'src/middleware.ts while the API answers it was made of are current, a publish webhook ends it; answered by',
    "server.mjs before Astro's handler); a rendered one asks for the same page with a query no request repeats",
    "(`?render=<n>`, which pages ignore and the page cache keys on). kB: the answer's body, uncompressed (the Node server",
    "does not compress; a proxy in front would). Targets: a rendered detail p50 < 20 ms at 2 connections; a page from",
    "the cache ≥ 50 % of the static file's rate.",
    '',
    '| target | path | kB | req/s (c2) | p50 ms (c2) | p99 ms (c2) | req/s (c16) | p50 ms (c16) | p99 ms (c16) | % of the static file (c16) |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const row of report.server) {
    lines.push(
      `| ${row.name} | \`${row.path}\` | ${kb(row.bytes)} | ${row.c2.rate.toFixed(0)} | ${ms(row.c2.p50)} | ${ms(row.c2.p99)} | ` +
        `${row.c16.rate.toFixed(0)} | ${ms(row.c16.p50)} | ${ms(row.c16.p99)} | ${((100 * row.c16.rate) / ceiling.c16.rate).toFixed(0)} % |`,
    );
  }
  lines.push('');
  return lines;
}

function freshnessTable(report: Report): string[] {
  const freshness = report.freshness;
  if (!freshness) return [];
  const seconds = (values: number[], p: number) => (percentile(values, p) / 1000).toFixed(2);
  return [
    '### Freshness under cache',
    '',
    `${freshness.delays.length} publishes of a practice's summary (\`${freshness.path}\`), each as the admin's Publish does`,
    "(`Revision.publish`, in `frontend/scripts/bench/publish.py`), with the page in the portal's cache showing the old",
    "text; the clock runs from the publish's commit to the first answer of the portal showing the new text (asked every",
    "20 ms). The change travels as in production: a webhook delivery queued in the CMS's database, the worker",
    '(`manage.py db_worker`, looking every 0.5 s, as `make demo` runs it) POSTs it signed to `/api/webhooks/cms`, the',
    'frontend drops its cached answers and renders the page afresh. Target: p95 < 2 s.',
    '',
    '| publishes | p50 s | p95 s | max s | publish itself, p50 s |',
    '| ---: | ---: | ---: | ---: | ---: |',
    `| ${freshness.delays.length} | ${seconds(freshness.delays, 50)} | ${seconds(freshness.delays, 95)} | ${seconds(freshness.delays, 100)} | ${seconds(freshness.publishes, 50)} |`,
    '',
  ];
}

/** The bench's section: when and where it ran, then its four tables. */
export function renderReport(report: Report): string {
  const date = report.date.toISOString().slice(0, 16).replace('T', ' ');
  return [
    SECTION_START,
    '## Portal frontend (`make bench-frontend`)',
    '',
    `Measured ${date} UTC at commit ${report.commit}, on this shared ${report.load.cores}-core machine: load average (1, 5, 15 min)`,
    `${loads(report.load.before)} at the start and ${loads(report.load.after)} at the end (other people's tests ran`,
    `beside it). Node ${report.node}, ${report.wrkVersion}. The demo content on SQLite (\`manage.py prepare_demo\`), the`,
    'webhook worker and the built frontend, started by the bench on ports of its own and stopped at its end.',
    '',
    ...weightsTable(report),
    ...lighthouseTable(report),
    ...serverTable(report),
    ...freshnessTable(report),
    SECTION_END,
    '',
  ].join('\n');
}

/** `document` with the bench's section replaced by `section`, or `section` appended when it has none. */
export function replaceSection(document: string, section: string): string {
  const start = document.indexOf(SECTION_START);
  const end = document.indexOf(SECTION_END);
  if (start === -1 || end === -1 || end < start) return `${document.trimEnd()}\n\n${section}`;
  return document.slice(0, start) + section.trimEnd() + document.slice(end + SECTION_END.length);
}
