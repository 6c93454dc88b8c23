// `make bench-frontend`: the portal's speed budget (issue 18), measured in one run and written to docs/performance.md.
//
//   node scripts/bench/run.ts [--quick] [--rounds N] [--duration 5s] [--publishes N] [--lighthouse-runs N]
//                             [--keep-lighthouse DIR] [--lighthouse-types map,practice] [--only weights,lighthouse,server,freshness]
//
// Starts the CMS with the demo content (SQLite, `manage.py prepare_demo`), the webhook worker and the built
// frontend on ports of its own (BENCH_PORTS=cms,cmsPages,frontend; default 8310,8311,3310), measures
//   1. the JavaScript and CSS every page type ships in both languages, against frontend/budgets.json;
//   2. Lighthouse (mobile, its default simulated throttling) on six page types in both languages, each page
//      --lighthouse-runs times (default 3; the run with the median Performance is reported; --keep-lighthouse
//      DIR keeps every run's JSON report there, to see where a page's main-thread time goes);
//   3. wrk against the frontend's server (the API's answers cached), a static file and the CMS's own page;
//   4. the time from a publish in the CMS to the changed page being served, through the signed webhook;
// prints the tables and replaces its section of docs/performance.md (the API bench's sections stay), then stops
// everything it started. --quick: short runs for developing (not for the document: it only prints).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { measureFreshness, startPublisher, type Freshness, type Publisher } from './freshness.ts';
import { lighthouse, medianRun, startChromium, type LighthouseResult } from './lighthouse.ts';
import { pagesToMeasure, type PageRef, type PageType } from './pages.ts';
import { renderReport, replaceSection, type ServerRow } from './report.ts';
import { startServers } from './servers.ts';
import { overBudget, weighPage, type Budgets, type PageWeight } from './weight.ts';
import { wrk, type WrkResult } from './wrk.ts';

const frontend = resolve(import.meta.dirname, '../..');
const root = resolve(frontend, '..');
const { values: options } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    rounds: { type: 'string' },
    duration: { type: 'string' },
    publishes: { type: 'string' },
    'lighthouse-runs': { type: 'string' },
    'keep-lighthouse': { type: 'string' },
    'lighthouse-types': { type: 'string' },
    only: { type: 'string' },
    output: { type: 'string', default: join(root, 'docs/performance.md') },
  },
});
const quick = options.quick!;
const rounds = Number(options.rounds ?? (quick ? 1 : 3));
const duration = options.duration ?? (quick ? '2s' : '5s');
const publishes = Number(options.publishes ?? (quick ? 5 : 25));
const lighthouseRuns = Number(options['lighthouse-runs'] ?? (quick ? 1 : 3));
const keepLighthouse = options['keep-lighthouse'] ? resolve(options['keep-lighthouse']) : undefined;
const parts = new Set((options.only ?? 'weights,lighthouse,server,freshness').split(','));
const [cmsPort, cmsPagesPort, frontendPort] = (process.env.BENCH_PORTS ?? '8310,8311,3310').split(',').map(Number);
const LIGHTHOUSE_TYPES = (options['lighthouse-types']?.split(',') ?? ['home', 'practice-list', 'practice', 'event-list', 'search-results', 'map']) as PageType[];
const say = (message: string) => process.stderr.write(`==> ${message}\n`);

const budgets: Budgets = JSON.parse(readFileSync(join(frontend, 'budgets.json'), 'utf8'));
const dist = resolve(frontend, process.env.A4B_FRONTEND_DIST ?? 'dist');
const loadBefore = loadavg();
const started = new Date();
say(`Starting the CMS with the demo content, the webhook worker and the frontend (${dist})`);
const servers = await startServers({ ports: { cms: cmsPort!, cmsPages: cmsPagesPort!, frontend: frontendPort! }, dist, cacheSeconds: 3600 });
let publisher: Publisher | undefined;
const stopOnSignal = () => {
  publisher?.stop();
  void servers.stop().then(() => process.exit(130));
};
process.once('SIGINT', stopOnSignal);
process.once('SIGTERM', stopOnSignal);

let exitCode = 0;
try {
  // Every Python process starts now, together: the working tree may change under a long run (others edit it).
  if (parts.has('freshness')) publisher = await startPublisher(servers);
  if (parts.has('server')) {
    say('Starting the CMS under gunicorn for its own pages');
    await servers.startCmsPages();
  }
  const pages = await pagesToMeasure(servers.apiUrl);
  const at = (page: PageRef) => new URL(page.path, servers.frontendUrl).href;

  const weights: { page: PageRef; weight: PageWeight; problems: string[] }[] = [];
  if (parts.has('weights')) {
    say('Weighing every page type in both languages');
    for (const page of pages) {
      const weight = await weighPage(at(page));
      weights.push({ page, weight, problems: overBudget(weight, page.type, budgets) });
    }
  }

  const lighthouseResults: { page: PageRef; result: LighthouseResult }[] = [];
  let chromiumVersion = '';
  let lighthouseLoad: { before: number[]; after: number[] } | undefined;
  if (parts.has('lighthouse')) {
    const chromium = await startChromium(9300 + (frontendPort! % 100));
    chromiumVersion = chromium.version;
    if (keepLighthouse) mkdirSync(keepLighthouse, { recursive: true });
    const before = loadavg();
    try {
      const hosts = [new URL(servers.frontendUrl).host, new URL(servers.apiUrl).host];
      for (const page of pages.filter((candidate) => LIGHTHOUSE_TYPES.includes(candidate.type))) {
        await fetch(at(page)); // the portal's API answers cached, as for any visitor after the first
        const runs: LighthouseResult[] = [];
        for (let run = 1; run <= lighthouseRuns; run += 1) {
          say(`Lighthouse ${run}/${lighthouseRuns}: ${page.locale} ${page.path}`);
          const keepAs = keepLighthouse && join(keepLighthouse, `${page.type}-${page.locale}-${run}.json`);
          runs.push(await lighthouse(at(page), 9300 + (frontendPort! % 100), hosts, keepAs));
        }
        lighthouseResults.push({ page, result: medianRun(runs) });
      }
    } finally {
      await chromium.stop();
    }
    lighthouseLoad = { before, after: loadavg() };
  }

  const serverRows: ServerRow[] = [];
  if (parts.has('server')) {
    const practice = pages.find((page) => page.type === 'practice' && page.locale === 'pl')!;
    const list = pages.find((page) => page.type === 'practice-list' && page.locale === 'pl')!;
    const home = await (await fetch(at(pages[0]!))).text();
    const stylesheet = /<link rel="stylesheet" href="(\/_astro\/PageView\.[^"]+\.css)"/.exec(home)?.[1];
    if (!stylesheet) throw new Error('no PageView stylesheet on the home page to serve as the static file');
    const targets: { name: string; url: string; unique?: boolean }[] = [
      { name: 'static file (the ceiling)', url: new URL(stylesheet, servers.frontendUrl).href },
      { name: 'practice detail, from the page cache', url: at(practice) },
      { name: 'practice detail, rendered (API answers cached)', url: at(practice), unique: true },
      { name: 'practice list, from the page cache', url: at(list) },
      { name: 'practice list, rendered (API answers cached)', url: at(list), unique: true },
      { name: "the CMS's own page of the practice", url: new URL(practice.path, servers.cmsPagesUrl).href },
    ];
    // The page cache's rows must be hits (a page answers `X-Portal-Cache: hit` from its second request on).
    for (const target of targets.filter((candidate) => candidate.name.endsWith('from the page cache'))) {
      await fetch(target.url);
      const cache = (await fetch(target.url)).headers.get('X-Portal-Cache');
      if (cache !== 'hit') throw new Error(`${target.url} is not served from the page cache (X-Portal-Cache: ${cache})`);
    }
    const results = new Map<string, WrkResult[]>();
    for (let round = 0; round < rounds; round += 1) {
      for (const target of targets) {
        for (const connections of [2, 16]) {
          say(`wrk round ${round + 1}/${rounds}: ${target.name}, ${connections} connections`);
          const key = `${target.name}\0${connections}`;
          results.set(key, [...(results.get(key) ?? []), await wrk(target.url, connections, duration, { unique: target.unique })]);
        }
      }
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
    const summary = (runs: WrkResult[]): WrkResult => ({
      rate: mean(runs.map((run) => run.rate)),
      p50: median(runs.map((run) => run.p50)),
      p99: median(runs.map((run) => run.p99)),
    });
    for (const target of targets) {
      const sample = target.unique ? `${target.url}?render=size` : target.url;
      serverRows.push({
        bytes: (await (await fetch(sample)).arrayBuffer()).byteLength,
        name: target.name,
        path: new URL(target.url).pathname + (target.unique ? '?render=<n>' : ''),
        server: target.url.startsWith(servers.cmsPagesUrl) ? 'cms' : 'frontend',
        c2: summary(results.get(`${target.name}\0${2}`)!),
        c16: summary(results.get(`${target.name}\0${16}`)!),
      });
    }
    await servers.stopCmsPages();
  }

  let freshness: Freshness | undefined;
  if (parts.has('freshness')) {
    say(`Freshness: ${publishes} publishes, each waited for on the portal`);
    freshness = await measureFreshness(servers, publisher!, publishes);
  }

  const report = renderReport({
    date: started,
    load: { before: loadBefore, after: loadavg(), cores: cpus().length },
    node: process.version,
    chromium: chromiumVersion,
    lighthouseVersion: JSON.parse(readFileSync(join(frontend, 'node_modules/lighthouse/package.json'), 'utf8')).version,
    // wrk --version prints its version and exits 1.
    wrkVersion: (spawnSync('wrk', ['--version'], { encoding: 'utf8' }).stdout ?? 'wrk not installed').split('\n')[0]!.replace(/ Copyright.*/, '').trim(),
    commit: execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim(),
    budgets,
    weights,
    lighthouse: lighthouseResults,
    lighthouseRuns,
    lighthouseLoad,
    server: serverRows,
    freshness,
    rounds,
    duration,
  });
  process.stdout.write(report);
  const overBudgetPages = weights.flatMap((entry) => entry.problems);
  for (const problem of overBudgetPages) process.stderr.write(`OVER BUDGET ${problem}\n`);
  if (overBudgetPages.length) exitCode = 1;
  if (!quick && parts.size === 4 && !options['lighthouse-types']) {
    const previous = existsSync(options.output!) ? readFileSync(options.output!, 'utf8') : '';
    writeFileSync(options.output!, replaceSection(previous, report));
    say(`Written to ${options.output}`);
  } else {
    say('A quick or partial run: printed only, docs/performance.md left as it is');
  }
} catch (error) {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  exitCode = 1;
} finally {
  say('Stopping the servers');
  publisher?.stop();
  await servers.stop();
}
process.exit(exitCode);
