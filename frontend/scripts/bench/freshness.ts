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

/** A Django process publishing on request (publish.py): started with the servers, so every Python process of the
 * bench loads the same state of the code. */
export interface Publisher {
  /** Publishes the page's new summary; resolves with the Unix time (ms) when the publish was committed. */
  publish(page: number, summary: string): Promise<number>;
  stop(): void;
}

export async function startPublisher(servers: Servers): Promise<Publisher> {
  const publisher = spawn(servers.python, [join(import.meta.dirname, 'publish.py')], {
    env: servers.cmsEnv,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const answers = createInterface({ input: publisher.stdout! })[Symbol.asyncIterator]();
  const ready = await answers.next();
  if (ready.done) throw new Error('the publisher (scripts/bench/publish.py) did not start');
  return {
    async publish(page, summary) {
      publisher.stdin!.write(`${JSON.stringify({ page, summary })}\n`);
      const answer = await answers.next();
      if (answer.done) throw new Error('the publisher stopped');
      return (JSON.parse(answer.value) as { published_at: number }).published_at;
    },
    stop() {
      publisher.stdin!.end();
      publisher.kill();
    },
  };
}

/**
 * Publishes a practice's summary `count` times (as an editor's Publish does) and after each asks the portal for its
 * page every `pollMs` until the new summary is there. The page is in the portal's cache before each publish (asked
 * for and showing the old text), so only the webhook (CMS → worker, polling every 0.5 s → signed POST → the
 * frontend drops its answers) can bring the change.
 */
export async function measureFreshness(servers: Servers, publisher: Publisher, count: number, pollMs = 20): Promise<Freshness> {
  const list = (await (await fetch(`${servers.apiUrl}/api/v2/practices/?locale=pl&limit=100`)).json()) as { results: { id: number; path: string }[] };
  // The last practice: the other measurements read the first.
  const practice = list.results.at(-1)!;
  const pageUrl = new URL(practice.path, servers.frontendUrl).href;
  const page = async () => (await fetch(pageUrl)).text();
  const delays: number[] = [];
  const publishes: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const summary = `Pomiar aktualności ${i + 1} ${Date.now()}: wspólna obsługa inwestora w Aglomeracji Opolskiej.`;
    if ((await page()).includes(summary)) throw new Error('the new summary was there before its publish');
    const asked = Date.now();
    const publishedAt = await publisher.publish(practice.id, summary);
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
  return { path: practice.path, delays, publishes };
}

/** The p-th percentile (0–100) of the values, nearest rank. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
