import assert from 'node:assert/strict';
import { test } from 'node:test';
import { medianRun, type LighthouseResult } from '../../scripts/bench/lighthouse.ts';

const run = (performance: number, tbt: number): LighthouseResult => ({
  url: 'http://portal.test/mapa/',
  scores: { performance, accessibility: 100, 'best-practices': 100, seo: 100 },
  misses: [],
  foreign: [],
  metrics: { fcp: 1200, lcp: 1300, tbt, cls: 0 },
});

test('medianRun: the run with the median Performance, every run beside it in the order measured', () => {
  const median = medianRun([run(91, 203), run(99, 20), run(96, 88)]);
  assert.equal(median.scores.performance, 96);
  assert.equal(median.metrics.tbt, 88);
  assert.deepEqual(median.runs, [
    { performance: 91, tbt: 203 },
    { performance: 99, tbt: 20 },
    { performance: 96, tbt: 88 },
  ]);
});

test('medianRun: equal scores are told apart by Total Blocking Time; one run is its own median', () => {
  assert.equal(medianRun([run(98, 10), run(98, 90), run(98, 40)]).metrics.tbt, 40);
  assert.equal(medianRun([run(93, 120)]).scores.performance, 93);
  assert.throws(() => medianRun([]));
});
