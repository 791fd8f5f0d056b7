/**
 * The dashboard chart's geometry as pure functions (no DOM): the value axis's round ticks, the
 * slot of each bar along the time axis, and the stacked heights of a bar. The element draws what
 * these return, so the numbers a test reads from the chart come from here.
 */

/**
 * Round tick values from 0 up to at least `max`, in steps of 1, 2 or 5 × 10ⁿ (whole numbers only:
 * jobs are counted), about `count` steps. A chart whose values are all 0 still gets the axis 0–1.
 */
export function niceTicks(max: number, count = 4): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw)!);
  const steps = Math.ceil(max / step);
  return Array.from({ length: steps + 1 }, (_, i) => i * step);
}

export interface BarSlot {
  /** Left edge of the bar, in the chart's coordinates. */
  x: number;
  width: number;
  /** Centre of the bar's slot, where its label and tooltip go. */
  center: number;
}

/**
 * Where each of `count` bars (oldest first) goes across a plot `width` wide starting at `start`.
 * Right-to-left, time runs from right to left: the oldest bar is at the right edge, as a reader of
 * Arabic or Hebrew reads a timeline. `gap` is the share of a slot left empty between bars.
 */
export function barSlots(count: number, start: number, width: number, rtl: boolean, gap = 0.25): BarSlot[] {
  const slot = width / Math.max(1, count);
  const bar = slot * (1 - gap);
  return Array.from({ length: count }, (_, i) => {
    const left = start + (rtl ? count - 1 - i : i) * slot;
    return { x: left + (slot - bar) / 2, width: bar, center: left + slot / 2 };
  });
}

export interface StackedBar {
  /** Top of the successful part (it sits on the baseline). */
  successY: number;
  successHeight: number;
  /** Top of the failed part, stacked on the successful one. */
  failedY: number;
  failedHeight: number;
}

/**
 * The two stacked parts of one bar on a plot `height` high whose axis ends at `top`. A part that
 * is not 0 is at least `minHeight` high, so a single failure among thousands of jobs still shows.
 */
export function stackedBar(successful: number, failed: number, top: number, height: number, minHeight = 1): StackedBar {
  const scale = top > 0 ? height / top : 0;
  const part = (value: number) => (value > 0 ? Math.max(minHeight, value * scale) : 0);
  const successHeight = part(successful);
  const failedHeight = part(failed);
  return { successY: height - successHeight, successHeight, failedY: height - successHeight - failedHeight, failedHeight };
}

/**
 * The bars that get a time label when at most `max` labels fit: every n-th, counted back from the
 * newest bar so the latest one is always labelled.
 */
export function labelledIndices(count: number, max: number): number[] {
  const every = Math.max(1, Math.ceil(count / Math.max(1, max)));
  const indices: number[] = [];
  for (let i = count - 1; i >= 0; i -= every) indices.unshift(i);
  return indices;
}
