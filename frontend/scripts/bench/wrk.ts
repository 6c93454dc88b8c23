import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface WrkResult {
  rate: number;
  p50: number;
  p99: number;
}

const UNITS: Record<string, number> = { us: 0.001, ms: 1, s: 1000 };

/** Reads req/s and the 50th and 99th percentiles (ms) from wrk's `--latency` report; any error answer fails. */
export function parseWrk(output: string, url: string): WrkResult {
  const errors = /Non-2xx or 3xx responses: (\d+)/.exec(output);
  if (errors) throw new Error(`${url}: ${errors[1]} error answers under wrk`);
  const socketErrors = /Socket errors: (.*)/.exec(output);
  if (socketErrors && /timeout [1-9]/.test(socketErrors[1]!)) throw new Error(`${url}: ${socketErrors[1]} under wrk`);
  const rate = /Requests\/sec:\s+([\d.]+)/.exec(output);
  const percentile = (p: number) => {
    const found = new RegExp(`^\\s+${p}%\\s+([\\d.]+)(us|ms|s)\\s*$`, 'm').exec(output);
    if (!found) throw new Error(`${url}: no ${p}% in wrk's output:\n${output}`);
    return Number(found[1]) * UNITS[found[2]!]!;
  };
  if (!rate) throw new Error(`${url}: no Requests/sec in wrk's output:\n${output}`);
  return { rate: Number(rate[1]), p50: percentile(50), p99: percentile(99) };
}

/** A wrk script asking for `url` with a query no request repeats (`?render=<thread>-<n>`): never a cached page. */
const UNIQUE_QUERY = `
local thread_id = 0
local counter = 0
function setup(thread)
  thread_id = thread_id + 1
  thread:set("tid", thread_id)
end
function request()
  counter = counter + 1
  return wrk.format("GET", wrk.path .. "?render=" .. tostring(tid) .. "-" .. counter)
end
`;

/**
 * `wrk -t2 -c<connections> -d<duration> --latency url`, after a few requests to warm the caches. `unique`: each
 * request with a query of its own, which the portal's pages ignore but its page cache keys on.
 */
export async function wrk(url: string, connections: number, duration: string, { unique = false } = {}): Promise<WrkResult> {
  for (let i = 0; i < 3; i += 1) {
    const response = await fetch(unique ? `${url}?render=warm-${i}` : url);
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
    await response.arrayBuffer();
  }
  const threads = Math.min(2, connections);
  const args = [`-t${threads}`, `-c${connections}`, `-d${duration}`, '--latency'];
  const work = unique ? mkdtempSync(join(tmpdir(), 'a4b-bench-wrk-')) : undefined;
  if (work) {
    writeFileSync(join(work, 'unique.lua'), UNIQUE_QUERY);
    args.push('-s', join(work, 'unique.lua'));
  }
  let output: string;
  try {
    output = execFileSync('wrk', [...args, url], { encoding: 'utf8' });
  } finally {
    if (work) rmSync(work, { recursive: true, force: true });
  }
  const result = parseWrk(output, url);
  // Let requests still queued at the server drain before the next run (as bench/run.py does).
  await new Promise((wait) => setTimeout(wait, (connections / result.rate) * 1000 + 200));
  return result;
}
