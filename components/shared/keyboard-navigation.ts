/**
 * Keyboard patterns as pure functions, one home for every element: the grid's focus cell, roving
 * focus (tabs, radio groups) and listbox options. Elements call them from their keydown handlers.
 *
 * Keyboard movement of the one focusable cell in a grid (the WAI-ARIA grid pattern): arrows move
 * one cell, Home/End go to the row's ends (with Ctrl, to the first/last row), PageUp/PageDown move
 * a viewport of rows. Row -1 is the header row.
 */

export interface CellPosition {
  /** -1 for the header row, else the 0-based data row. */
  row: number;
  col: number;
}

export interface GridShape {
  rowCount: number;
  colCount: number;
  /** Rows one PageUp/PageDown moves. */
  pageRows: number;
  /** Right-to-left: ArrowLeft moves to the next column. */
  rtl: boolean;
}

/** The cell a key moves to, or null when the key is not a navigation key. Stays inside the grid. */
export function nextCell(
  from: CellPosition,
  key: string,
  ctrlKey: boolean,
  { rowCount, colCount, pageRows, rtl }: GridShape,
): CellPosition | null {
  const lastRow = rowCount - 1;
  const lastCol = colCount - 1;
  const clampRow = (r: number) => Math.max(-1, Math.min(lastRow, r));
  const clampCol = (c: number) => Math.max(0, Math.min(lastCol, c));
  const forward = rtl ? 'ArrowLeft' : 'ArrowRight';
  const backward = rtl ? 'ArrowRight' : 'ArrowLeft';
  switch (key) {
    case forward:
      return { row: from.row, col: clampCol(from.col + 1) };
    case backward:
      return { row: from.row, col: clampCol(from.col - 1) };
    case 'ArrowDown':
      return { row: clampRow(from.row + 1), col: from.col };
    case 'ArrowUp':
      return { row: clampRow(from.row - 1), col: from.col };
    case 'PageDown':
      // From the header, the first page step lands in the data rows.
      return { row: clampRow(Math.max(from.row, 0) + Math.max(1, pageRows)), col: from.col };
    case 'PageUp':
      return { row: from.row <= 0 ? -1 : Math.max(0, from.row - Math.max(1, pageRows)), col: from.col };
    case 'Home':
      return ctrlKey ? { row: -1, col: 0 } : { row: from.row, col: 0 };
    case 'End':
      return ctrlKey ? { row: clampRow(lastRow), col: lastCol } : { row: from.row, col: lastCol };
    default:
      return null;
  }
}

export interface RovingOptions {
  /** `horizontal` (tabs, toolbars): Left/Right, mirrored right-to-left; `vertical`: Up/Down. */
  orientation: 'horizontal' | 'vertical';
  rtl: boolean;
}

/**
 * Roving focus in a one-dimensional widget (the APG tabs and radio group patterns): the index a key
 * moves to, wrapping at both ends, Home/End to the ends; null when the key is not a navigation key.
 */
export function rovingIndex(current: number, count: number, key: string, { orientation, rtl }: RovingOptions): number | null {
  if (count <= 0) return null;
  const forward = orientation === 'vertical' ? 'ArrowDown' : rtl ? 'ArrowLeft' : 'ArrowRight';
  const backward = orientation === 'vertical' ? 'ArrowUp' : rtl ? 'ArrowRight' : 'ArrowLeft';
  switch (key) {
    case forward:
      return (current + 1) % count;
    case backward:
      return (current - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

/**
 * The active option of a listbox (the APG listbox pattern, as driven from a combobox's input):
 * Up/Down move one and wrap, PageUp/PageDown move `pageSize` and stop at the ends; null for other
 * keys. Home and End stay with the text field they are typed in.
 */
export function listboxIndex(current: number, count: number, key: string, pageSize = 8): number | null {
  if (count <= 0) return null;
  const last = count - 1;
  switch (key) {
    case 'ArrowDown':
      return current >= last ? 0 : current + 1;
    case 'ArrowUp':
      return current <= 0 ? last : current - 1;
    case 'PageDown':
      return Math.min(last, current + pageSize);
    case 'PageUp':
      return Math.max(0, current - pageSize);
    default:
      return null;
  }
}
