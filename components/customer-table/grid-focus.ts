/**
 * The grid's one focusable cell (the WAI-ARIA grid pattern), as a reactive controller: which cell
 * is in the tab order, arrow/Home/End/PageUp/PageDown moves (the shared `nextCell`), scrolling the
 * cell's row into view, and focusing the cell again when the rows under it changed. Rows are
 * `.row[data-row]` (-1 for the header) and their children the cells, as row-templates.ts draws them.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { nextCell, type CellPosition, type GridShape } from '../shared/keyboard-navigation.js';

export interface GridFocusHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

export interface GridFocusOptions {
  /** Scrolls so a data row is in view before the host renders it (the virtual window does this). */
  scrollToShow(row: number): void;
}

export class GridFocusController implements ReactiveController {
  readonly #host: GridFocusHost;
  readonly #options: GridFocusOptions;
  /** Row -1 is the header. Kept by position across scrolling and sorting. */
  #cell: CellPosition = { row: -1, col: 0 };
  #refocus = false;

  constructor(host: GridFocusHost, options: GridFocusOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** The row of the focusable cell (-1: the header); the virtual window keeps it rendered. */
  get row(): number {
    return this.#cell.row;
  }

  /** 0 for the one cell in the tab order, -1 for every other. */
  tabIndex(row: number, col: number): number {
    return this.#cell.row === row && this.#cell.col === col ? 0 : -1;
  }

  /**
   * The grid now has `rowCount` data rows: a focusable cell below the last one moves up to it, and
   * keeps the focus if it had it. Call from willUpdate.
   */
  fit(rowCount: number): void {
    if (this.#cell.row <= rowCount - 1) return;
    this.#refocus = this.#cell.row >= 0 && this.#hasFocusInBody();
    this.#cell = { row: rowCount - 1, col: this.#cell.col };
  }

  /** The cell an event happened in, or null outside the grid's cells. */
  positionOf(target: EventTarget | null): CellPosition | null {
    const cell = target instanceof Element ? target.closest('.cell') : null;
    const row = cell?.parentElement;
    if (!cell || !row?.matches('.row[data-row]')) return null;
    return { row: Number(row.dataset['row']), col: [...row.children].indexOf(cell) };
  }

  /** Focus entered a cell (Tab, a click): that cell becomes the focusable one. */
  focused(event: FocusEvent): void {
    const at = this.positionOf(event.target);
    if (at && (at.row !== this.#cell.row || at.col !== this.#cell.col)) {
      this.#cell = at;
      this.#host.requestUpdate();
    }
  }

  /** Moves the focusable cell from `at` for a navigation key (and takes the event); other keys are left alone. */
  navigate(event: KeyboardEvent, at: CellPosition, shape: GridShape): void {
    const to = nextCell(at, event.key, event.ctrlKey || event.metaKey, shape);
    if (!to) return;
    event.preventDefault();
    void this.#moveTo(to);
  }

  /** Focuses the cell in the tab order (a state's button that had focus went away). */
  focusCell(): void {
    this.#cellAt(this.#cell)?.focus({ preventScroll: true });
  }

  hostUpdated(): void {
    if (!this.#refocus) return;
    this.#refocus = false;
    this.#cellAt(this.#cell)?.focus({ preventScroll: true });
  }

  /** Makes a cell the focusable one, scrolls its row into view and focuses it once rendered. */
  async #moveTo(to: CellPosition): Promise<void> {
    this.#cell = to;
    if (to.row >= 0) this.#options.scrollToShow(to.row);
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    this.#cellAt(to)?.focus();
  }

  #cellAt({ row, col }: CellPosition): HTMLElement | null {
    return (this.#host.renderRoot.querySelector(`.row[data-row="${row}"]`)?.children[col] as HTMLElement | undefined) ?? null;
  }

  #hasFocusInBody(): boolean {
    const active = (this.#host.renderRoot as ShadowRoot).activeElement;
    return active instanceof HTMLElement && active.closest('.body') !== null;
  }
}
