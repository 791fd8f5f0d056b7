/**
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
