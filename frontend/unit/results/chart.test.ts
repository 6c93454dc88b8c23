import assert from 'node:assert/strict';
import { test } from 'node:test';
import { barChart, CHART, shareBar, wholePercents } from '../../src/results/chart.ts';

test('barChart: the largest value spans the width less room for its number, the others in proportion', () => {
  const chart = barChart([
    { label: 'a', value: 10 },
    { label: 'b', value: 5 },
    { label: 'c', value: 0 },
  ]);
  const span = CHART.width - CHART.valueSpace;
  assert.deepEqual(
    chart.bars.map((bar) => bar.barWidth),
    [span, span / 2, 0],
  );
  assert.equal(chart.height, 3 * CHART.rowHeight);
  assert.equal(chart.bars[1]?.labelY, CHART.rowHeight);
  assert.equal(chart.bars[1]?.barY, CHART.rowHeight + CHART.labelHeight);
  assert.equal(chart.bars[1]?.valueX, span / 2 + CHART.gap);
});

test('barChart: a withheld value has no bar and keeps its null; a tiny one stays visible', () => {
  const chart = barChart([
    { label: 'big', value: 1000 },
    { label: 'one', value: 1 },
    { label: 'withheld', value: null },
  ]);
  assert.equal(chart.bars[1]?.barWidth, 2);
  assert.equal(chart.bars[2]?.barWidth, 0);
  assert.equal(chart.bars[2]?.value, null);
});

test('barChart: nothing counted draws no bars and no room', () => {
  assert.deepEqual(barChart([]).bars, []);
  assert.equal(barChart([]).height, 0);
  assert.deepEqual(
    barChart([{ label: 'a', value: 0 }]).bars.map((bar) => bar.barWidth),
    [0],
  );
});

test('shareBar: parts side by side over the width, with percents adding up to 100', () => {
  const parts = shareBar([1, 2], 300);
  assert.deepEqual(
    parts.map((part) => [part.x, part.width, part.percent]),
    [
      [0, 100, 33],
      [100, 200, 67],
    ],
  );
});

test('shareBar: no bar when nothing is counted or a part is withheld', () => {
  assert.deepEqual(shareBar([0, 0]), []);
  assert.deepEqual(shareBar([3, null]), []);
});

test('wholePercents: the rounding goes to the largest remainders', () => {
  assert.deepEqual(wholePercents([1, 1, 1], 3), [34, 33, 33]);
  assert.deepEqual(wholePercents([0, 12], 12), [0, 100]);
  assert.equal(wholePercents([7, 5, 3, 2], 17).reduce((sum, value) => sum + value, 0), 100);
});
