/**
 * Windowing arithmetic for a list of fixed-height rows: which rows to render for a scroll position,
 * where each one goes, and where to scroll so a row is visible.
 *
 * Browsers cap an element's height (Chrome near 33.5M px, 600k rows of 56 px), and server mode may
 * hold millions of rows, so past MAX_SCROLL_HEIGHT the scrollbar is scaled: a physical scroll
 * position maps proportionally onto the logical list, and rows are placed relative to the viewport.
 */

export const MAX_SCROLL_HEIGHT = 8_000_000;

export interface WindowInput {
  total: number;
  rowHeight: number;
  /** Height of the part of the viewport that shows rows (below the sticky header). */
  viewportHeight: number;
  scrollTop: number;
  /** Extra rows rendered above and below the visible ones. */
  overscan: number;
}

export interface RowWindow {
  /** First rendered row index (inclusive). */
  first: number;
  /** Last rendered row index (exclusive). */
  end: number;
  /** Height of the scrolled body in px. */
  height: number;
  /** Row `i` is placed at `i * rowHeight - shift` px from the top of the body. */
  shift: number;
}

export function bodyHeight(total: number, rowHeight: number): number {
  return Math.min(total * rowHeight, MAX_SCROLL_HEIGHT);
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, value));
}

/** Logical (unscaled) scroll offset for a physical one. */
function logicalTop({ total, rowHeight, viewportHeight, scrollTop }: WindowInput): number {
  const full = total * rowHeight;
  const height = bodyHeight(total, rowHeight);
  const top = clamp(scrollTop, 0, Math.max(0, height - viewportHeight));
  if (full === height || height <= viewportHeight) return top;
  return (top / (height - viewportHeight)) * (full - viewportHeight);
}

function physicalTop(logical: number, { total, rowHeight, viewportHeight }: WindowInput): number {
  const full = total * rowHeight;
  const height = bodyHeight(total, rowHeight);
  if (full === height || height <= viewportHeight) return logical;
  return (logical / (full - viewportHeight)) * (height - viewportHeight);
}

/**
 * The rows to render: the visible ones plus `overscan` on each side, always the same count (fewer
 * only when the list is shorter), so scrolling recycles rows instead of adding and removing them.
 */
export function rowWindow(input: WindowInput): RowWindow {
  const { total, rowHeight, viewportHeight, overscan } = input;
  const height = bodyHeight(total, rowHeight);
  if (total === 0 || rowHeight <= 0) return { first: 0, end: 0, height, shift: 0 };
  const top = logicalTop(input);
  const count = Math.ceil(Math.max(viewportHeight, rowHeight) / rowHeight) + 1 + 2 * overscan;
  const first = clamp(Math.floor(top / rowHeight) - overscan, 0, Math.max(0, total - count));
  const end = Math.min(total, first + count);
  const physical = clamp(input.scrollTop, 0, Math.max(0, height - viewportHeight));
  return { first, end, height, shift: top - physical };
}

/** The scrollTop that brings row `index` fully into view with the least movement (unchanged if it is visible). */
export function scrollTopToShow(index: number, input: WindowInput): number {
  const { rowHeight, viewportHeight } = input;
  const top = logicalTop(input);
  const rowTop = index * rowHeight;
  const rowBottom = rowTop + rowHeight;
  let target: number;
  if (rowTop < top) target = rowTop;
  else if (rowBottom > top + viewportHeight) target = rowBottom - viewportHeight;
  else return input.scrollTop;
  return physicalTop(Math.max(0, target), input);
}
