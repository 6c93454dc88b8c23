import { execFile, spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const frontend = resolve(import.meta.dirname, '../..');
export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];

export interface LighthouseResult {
  url: string;
  scores: Record<Category, number>;
  /** Audits below full marks in Accessibility, Best Practices and SEO, and Performance's metrics, for the report. */
  misses: string[];
  /** Requests the page made to any host but the portal's and the CMS's loopback ports. Must stay empty. */
  foreign: string[];
  metrics: { fcp: number; lcp: number; tbt: number; cls: number };
  /** Performance and Total Blocking Time of every run when the page was measured more than once (`medianRun`). */
  runs?: { performance: number; tbt: number }[];
}

/**
 * Debian's Chromium, headless, started once for every Lighthouse run with every host name but 127.0.0.1 made
 * unresolvable (`--host-resolver-rules`): nothing can leave the machine, whatever a page or Chromium itself asks for.
 */
export async function startChromium(port: number): Promise<{ stop: () => Promise<void>; version: string }> {
  const profile = mkdtempSync(join(tmpdir(), 'a4b-bench-chromium-'));
  const chromium = spawn(
    process.env.CHROME_PATH ?? '/usr/bin/chromium',
    [
      '--headless=new',
      '--no-sandbox',
      `--remote-debugging-port=${port}`,
      `--user-data-dir=${profile}`,
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-default-apps',
      '--disable-sync',
      '--no-first-run',
      '--no-default-browser-check',
      'about:blank',
    ],
    { stdio: 'ignore' },
  );
  const deadline = Date.now() + 30_000;
  let version = '';
  while (!version) {
    if (Date.now() > deadline || chromium.exitCode !== null) throw new Error('Chromium did not start for Lighthouse');
    try {
      version = ((await (await fetch(`http://127.0.0.1:${port}/json/version`)).json()) as { Browser: string }).Browser;
    } catch {
      await new Promise((wait) => setTimeout(wait, 200));
    }
  }
  return {
    version,
    stop: async () => {
      const exited = new Promise((done) => chromium.once('exit', done));
      chromium.kill();
      await exited;
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * One Lighthouse run (the npm package's CLI, its default configuration: mobile emulation, simulated throttling
 * of its mobile preset) against the Chromium on `port`. `allowedHosts` are the machine's servers.
 */
export async function lighthouse(url: string, port: number, allowedHosts: string[], keepAs?: string): Promise<LighthouseResult> {
  const work = mkdtempSync(join(tmpdir(), 'a4b-bench-lighthouse-'));
  const report = join(work, 'report.json');
  try {
    await run(
      join(frontend, 'node_modules/.bin/lighthouse'),
      [url, `--port=${port}`, '--quiet', '--output=json', `--output-path=${report}`, `--only-categories=${CATEGORIES.join(',')}`],
      { cwd: frontend, maxBuffer: 64 * 1024 * 1024 },
    );
    if (keepAs) copyFileSync(report, keepAs);
    return readResult(url, JSON.parse(readFileSync(report, 'utf8')), allowedHosts);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

type Audit = { score: number | null; scoreDisplayMode: string; title: string; displayValue?: string; numericValue?: number; details?: any };

/** The scores, what kept them from 100 and where the page's requests went, from a Lighthouse JSON report. */
export function readResult(url: string, lhr: any, allowedHosts: string[]): LighthouseResult {
  const audits = lhr.audits as Record<string, Audit>;
  if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const scores = Object.fromEntries(CATEGORIES.map((category) => [category, Math.round(lhr.categories[category].score * 100)])) as Record<Category, number>;
  const misses: string[] = [];
  for (const category of CATEGORIES) {
    for (const ref of lhr.categories[category].auditRefs as { id: string; weight: number }[]) {
      const audit = audits[ref.id]!;
      if (ref.weight > 0 && audit.score !== null && audit.score < 1) {
        misses.push(`${category}: ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ''}`);
      }
    }
  }
  const requests = (audits['network-requests']?.details?.items ?? []) as { url: string }[];
  const foreign = requests
    .map((request) => request.url)
    .filter((requestUrl) => /^https?:/.test(requestUrl) && !allowedHosts.includes(new URL(requestUrl).host));
  const metric = (id: string) => audits[id]?.numericValue ?? NaN;
  return {
    url,
    scores,
    misses,
    foreign,
    metrics: {
      fcp: metric('first-contentful-paint'),
      lcp: metric('largest-contentful-paint'),
      tbt: metric('total-blocking-time'),
      cls: metric('cumulative-layout-shift'),
    },
  };
}

/**
 * The run with the median Performance score (ties: the median Total Blocking Time), with every run's score and
 * TBT beside it. Lighthouse's simulated throttling multiplies the machine's own load, which varies on a shared
 * machine: one run can be 5 points off the next, so each page is measured several times.
 */
export function medianRun(results: LighthouseResult[]): LighthouseResult {
  if (!results.length) throw new Error('medianRun needs at least one run');
  const sorted = [...results].sort((a, b) => a.scores.performance - b.scores.performance || b.metrics.tbt - a.metrics.tbt);
  const median = sorted[Math.floor((sorted.length - 1) / 2)]!;
  return { ...median, runs: results.map((result) => ({ performance: result.scores.performance, tbt: result.metrics.tbt })) };
}
