/**
 * The geometry of the Results page's charts, drawn as SVG on the server (no chart library, no script):
 * horizontal bars, one per row, the label above its bar and the value after it; and a share bar,
 * the parts of a whole side by side. Pure functions, so the unit tests check the numbers.
 */

/** One figure's row: `value` null when the API withheld it (a small count of people). */
export interface ChartRow {
  label: string;
  value: number | null;
}

export interface Bar {
  label: string;
  value: number | null;
  /** Top of the label's line, of the bar, and the bar's length, in the chart's units. */
  labelY: number;
  barY: number;
  barWidth: number;
  /** Where the value's text starts: just after the bar. */
  valueX: number;
}

export interface BarChart {
  width: number;
  height: number;
  barHeight: number;
  bars: Bar[];
}

export const CHART = { width: 600, rowHeight: 46, labelHeight: 20, barHeight: 16, valueSpace: 64, gap: 6 } as const;

/**
 * Bars scaled to the largest value shown: it spans the width less room for its value. A count
 * above zero keeps at least 2 units, so it is not mistaken for zero; withheld and zero have no bar.
 */
export function barChart(rows: ChartRow[], layout = CHART): BarChart {
  const largest = Math.max(0, ...rows.map((row) => row.value ?? 0));
  const span = layout.width - layout.valueSpace;
  const bars = rows.map((row, index) => {
    const value = row.value ?? 0;
    const barWidth = largest > 0 && value > 0 ? Math.max(2, (value / largest) * span) : 0;
    const labelY = index * layout.rowHeight;
    return {
      label: row.label,
      value: row.value,
      labelY,
      barY: labelY + layout.labelHeight,
      barWidth,
      valueX: barWidth + layout.gap,
    };
  });
  return { width: layout.width, height: rows.length * layout.rowHeight, barHeight: layout.barHeight, bars };
}

export interface Segment {
  x: number;
  width: number;
  /** Whole percent of the total; the parts' percentages add up to 100 (largest remainders get the rounding). */
  percent: number;
}

/** The parts of a whole side by side over `width`; empty when nothing is counted or a part is withheld. */
export function shareBar(values: (number | null)[], width: number = CHART.width): Segment[] {
  if (values.some((value) => value === null)) return [];
  const counts = values as number[];
  const total = counts.reduce((sum, value) => sum + value, 0);
  if (total <= 0) return [];
  const percents = wholePercents(counts, total);
  let x = 0;
  return counts.map((value, index) => {
    const segment = { x, width: (value / total) * width, percent: percents[index] ?? 0 };
    x += segment.width;
    return segment;
  });
}

/** Whole percentages that add up to 100: each rounded down, the points left over to the largest remainders. */
export function wholePercents(values: number[], total: number): number[] {
  const exact = values.map((value) => (value / total) * 100);
  const whole = exact.map(Math.floor);
  let left = 100 - whole.reduce((sum, value) => sum + value, 0);
  const order = exact.map((value, index) => ({ index, remainder: value - Math.floor(value) })).sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of order) {
    if (left <= 0) break;
    whole[index] = (whole[index] ?? 0) + 1;
    left -= 1;
  }
  return whole;
}
