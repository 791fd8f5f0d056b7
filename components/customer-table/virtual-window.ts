/**
 * The virtual window of customer-table, as a reactive controller: which rows to render for the
 * scroll position and the viewport, where each goes, and the key each keeps while recycled. It
 * measures the viewport and the row height (`--customer-table-row-height`) with a ResizeObserver,
 * follows the scroller's scroll events, and asks the host to render only when the window moves.
 * The arithmetic is table-window.ts's, the keys row-slots.ts's; this adds the DOM they need.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { assignSlots } from './row-slots.js';
import { rowWindow, scrollTopToShow, type RowWindow, type WindowInput } from './table-window.js';

/** Rows rendered above and below the visible ones. */
const OVERSCAN = 2;
const DEFAULT_ROW_HEIGHT = 56;

export interface WindowElements {
  /** The scrolling box. */
  scroller(): HTMLElement;
  /** The sticky header inside it: rows show below it. */
  header(): HTMLElement;
  /** An empty box one row high, so a change of the row height is observed like a resize. */
  rowHeightProbe(): HTMLElement;
}

export class VirtualWindowController implements ReactiveController {
  /** The rendered rows in order: the window's, plus a kept row outside it. */
  rows: readonly number[] = [];

  readonly #host: ReactiveControllerHost & { readonly hasUpdated: boolean };
  readonly #elements: WindowElements;
  #keys = new Map<number, number>();
  #window: RowWindow = { first: 0, end: 0, height: 0, shift: 0 };
  #total = 0;
  #rowHeight = DEFAULT_ROW_HEIGHT;
  #viewportHeight = 0;
  #scrollTop = 0;
  #toTop = false;
  #observer: ResizeObserver | null = null;

  constructor(host: ReactiveControllerHost & { readonly hasUpdated: boolean }, elements: WindowElements) {
    this.#host = host;
    this.#elements = elements;
    host.addController(this);
  }

  /** The window of the last layout: rows `[first, end)` without a kept row (what to load), and the body's height. */
  get range(): RowWindow {
    return this.#window;
  }

  /** Rows one PageUp/PageDown moves: a viewport, less one row of context. */
  get pageRows(): number {
    return Math.max(1, Math.floor(this.#viewportHeight / this.#rowHeight) - 1);
  }

  /** The key a rendered row keeps for `repeat` while it stays rendered. */
  keyOf(row: number): number | undefined {
    return this.#keys.get(row);
  }

  /** Where a row goes, in px from the top of the body. */
  offsetOf(row: number): number {
    return row * this.#rowHeight - this.#window.shift;
  }

  /** Lays out `total` rows for the scroll position, keeping row `keep` (if any) rendered wherever it is. Call from willUpdate. */
  layout(total: number, keep: number): void {
    this.#total = total;
    if (this.#toTop) this.#scrollTop = 0;
    this.#window = rowWindow(this.#input());
    const { first, end } = this.#window;
    const rows: number[] = [];
    if (keep >= 0 && keep < first) rows.push(keep);
    for (let i = first; i < end; i++) rows.push(i);
    if (keep >= end && keep < total) rows.push(keep);
    this.rows = rows;
    this.#keys = assignSlots(this.#keys, rows);
  }

  /** The next layout starts at the top (a new query), and the scroller follows once rendered. */
  scrollToTop(): void {
    this.#toTop = true;
  }

  /** Scrolls the least needed to bring a row into view; the next layout follows. */
  scrollToShow(row: number): void {
    const top = scrollTopToShow(row, this.#input());
    if (top === this.#scrollTop) return;
    const scroller = this.#elements.scroller();
    scroller.scrollTop = top;
    this.#scrollTop = scroller.scrollTop;
  }

  hostConnected(): void {
    if (this.#host.hasUpdated) this.#observe();
  }

  hostUpdated(): void {
    if (!this.#observer) this.#observe();
    if (this.#toTop) {
      this.#toTop = false;
      const scroller = this.#elements.scroller();
      if (scroller.scrollTop !== 0) scroller.scrollTop = 0;
    }
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observer = null;
    this.#elements.scroller().removeEventListener('scroll', this.#onScroll);
  }

  #input(): WindowInput {
    return {
      total: this.#total,
      rowHeight: this.#rowHeight,
      viewportHeight: this.#viewportHeight,
      scrollTop: this.#scrollTop,
      overscan: OVERSCAN,
    };
  }

  #observe(): void {
    const scroller = this.#elements.scroller();
    scroller.addEventListener('scroll', this.#onScroll, { passive: true });
    this.#observer = new ResizeObserver(() => this.#measure());
    this.#observer.observe(scroller);
    // Its first callback comes before the next paint, so the first painted rows fit the viewport.
    this.#observer.observe(this.#elements.rowHeightProbe());
  }

  #measure(): void {
    const rowHeight = this.#elements.rowHeightProbe().getBoundingClientRect().height || DEFAULT_ROW_HEIGHT;
    const viewportHeight = Math.max(0, this.#elements.scroller().clientHeight - this.#elements.header().offsetHeight);
    if (rowHeight !== this.#rowHeight || viewportHeight !== this.#viewportHeight) {
      this.#rowHeight = rowHeight;
      this.#viewportHeight = viewportHeight;
      this.#host.requestUpdate();
    }
  }

  #onScroll = (): void => {
    this.#scrollTop = this.#elements.scroller().scrollTop;
    const next = rowWindow(this.#input());
    const current = this.#window;
    if (next.first !== current.first || next.end !== current.end || next.shift !== current.shift) this.#host.requestUpdate();
  };
}
