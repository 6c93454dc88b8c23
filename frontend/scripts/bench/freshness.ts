import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import type { Servers } from './servers.ts';

export interface Freshness {
  path: string;
  /** Milliseconds from each publish's commit to the first answer of the page that shows it. */
  delays: number[];
  /** How long each publish itself took in the CMS (saving the revision, publishing, queueing the webhooks). */
  publishes: number[];
}

/**
 * Publishes a practice's summary `count` times (scripts/bench/publish.py, as an editor's Publish does) and after
 * each asks the portal for its page every `pollMs` until the new summary is there. The page is in the portal's
 * cache before each publish (asked for and showing the old text), so only the webhook (CMS → worker, polling
 * every 0.5 s → signed POST → the frontend drops its answers) can bring the change.
 */
export async function measureFreshness(servers: Servers, count: number, pollMs = 20): Promise<Freshness> {
  const list = (await (await fetch(`${servers.apiUrl}/api/v2/practices/?locale=pl&limit=100`)).json()) as { results: { id: number; path: string }[] };
  // The last practice: the other measurements read the first.
  const practice = list.results.at(-1)!;
  const pageUrl = new URL(practice.path, servers.frontendUrl).href;
  const publisher = spawn(servers.python, [join(import.meta.dirname, 'publish.py')], {
    env: servers.cmsEnv,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const answers = createInterface({ input: publisher.stdout! })[Symbol.asyncIterator]();
  const page = async () => (await fetch(pageUrl)).text();
  const delays: number[] = [];
  const publishes: number[] = [];
  try {
    for (let i = 0; i < count; i += 1) {
      const summary = `Pomiar aktualności ${i + 1} ${Date.now()}: wspólna obsługa inwestora w Aglomeracji Opolskiej.`;
      if ((await page()).includes(summary)) throw new Error('the new summary was there before its publish');
      const asked = Date.now();
      publisher.stdin!.write(`${JSON.stringify({ page: practice.id, summary })}\n`);
      const answer = await answers.next();
      if (answer.done) throw new Error('the publisher stopped');
      const publishedAt = (JSON.parse(answer.value) as { published_at: number }).published_at;
      publishes.push(publishedAt - asked);
      const deadline = publishedAt + 15_000;
      for (;;) {
        if ((await page()).includes(summary)) {
          delays.push(Date.now() - publishedAt);
          break;
        }
        if (Date.now() > deadline) throw new Error(`publish ${i + 1}: ${pageUrl} did not show the change within 15 s`);
        await new Promise((wait) => setTimeout(wait, pollMs));
      }
      // Apart, as editors' publishes are: the worker's next look for deliveries falls anywhere in its half second.
      await new Promise((wait) => setTimeout(wait, 300 + Math.random() * 500));
    }
  } finally {
    publisher.stdin!.end();
    publisher.kill();
  }
  return { path: practice.path, delays, publishes };
}

/** The p-th percentile (0–100) of the values, nearest rank. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
