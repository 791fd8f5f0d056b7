/**
 * Client mode's rows: the whole list in memory, queried with src/query on every new query or clock.
 *
 * The first rows paint before the list is indexed: until the CustomerIndex is built, a query is
 * answered by `firstRows` (one pass over the array: the first screen, exact total and counts), and
 * the index is built in slices of a few milliseconds between frames, starting after the first paint.
 * Once it is built, the query runs on it and every sort order is built ahead, one per idle period,
 * so the admin's first click on a header is fast. A row past the first rows asked for before the
 * index is ready is answered as well: from a longer pass over the array when it is near the top,
 * else by building the rest of the index at once. So no answer is ever a placeholder or a guess.
 */
import type { Customer, StatusCounts } from '../../src/model/schemas.js';
import { SORT_KEYS } from '../../src/model/constants.js';
import { CustomerIndexBuild, sortOrder, type CustomerIndex } from '../../src/query/customer-index.js';
import { firstRows } from '../../src/query/first-rows.js';
import { queryFilter, sameQueryFilter } from '../../src/query/customer-filter.js';
import { queryIndex, reorderResult, resultItems, type IndexQueryResult } from '../../src/query/run-query.js';
import type { CustomerQuery, CustomerSort } from '../../src/query/types.js';
import type { RowSource } from './row-source.js';

const whenIdle: (callback: () => void) => void =
  typeof requestIdleCallback === 'function' ? (cb) => requestIdleCallback(cb, { timeout: 2000 }) : (cb) => setTimeout(cb, 50);

/** Rows `firstRows` keeps before the index is built: more than a tall screen shows. */
const FIRST_ROWS = 100;
/** Past this row, a row asked for before the index is built finishes the index instead of a longer pass. */
const FIRST_ROWS_LIMIT = 2_000;

/**
 * Resolves after the next frame is painted (rAF runs before the paint), one task later than the
 * first task queued from that frame: what the page itself queued for after the paint goes first.
 */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    const twoTasks = () => void nextTask().then(nextTask).then(resolve);
    // A hidden page paints no frames and runs no rAF callbacks: start at once.
    if (typeof requestAnimationFrame !== 'function' || document.hidden) twoTasks();
    else requestAnimationFrame(twoTasks);
  });
}

/** A new task as soon as possible: a message, which unlike a timer is never clamped to 4 ms. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * How the index is built: rows per slice, and what the build awaits between slices (a new task).
 * Tests hold `between` to query the table while its index is still being built.
 */
export const indexPacing = {
  rowsPerSlice: 4_000,
  between: nextTask,
};

export interface ClientRowsOptions {
  /** Called when rows changed without a new `show`: the index was built and answers now. */
  onChange?: () => void;
}

/** A query's answer: from the index (every row) or, before it, from `firstRows` (the first ones). */
interface Answer {
  rows: readonly Customer[];
  total: number;
  counts: StatusCounts;
  complete: boolean;
}

export class ClientRows implements RowSource {
  readonly mode = 'client';
  readonly error = null;
  /** The list these rows come from (the element keeps this source while the list is the same). */
  readonly customers: readonly Customer[];

  readonly #onChange: () => void;
  #build: CustomerIndexBuild | null;
  #index: CustomerIndex | null = null;
  #answer: Answer | null = null;
  #query: CustomerQuery | null = null;
  #now: Date | null = null;
  /** The last query run on the index, so a new sort of the same filter at the same clock only reorders it. */
  #lastRun: { query: CustomerQuery; nowMs: number; result: IndexQueryResult } | null = null;
  #paused = false;
  /** Whether the slices or the sort orders are being worked on (so a resume does not start twice). */
  #working = false;

  constructor(customers: readonly Customer[], { onChange }: ClientRowsOptions = {}) {
    this.customers = customers;
    this.#onChange = onChange ?? (() => {});
    this.#build = new CustomerIndexBuild(customers, indexPacing.rowsPerSlice);
    void this.#work();
  }

  get total(): number | null {
    return this.#answer?.total ?? null;
  }

  get counts(): StatusCounts | null {
    return this.#answer?.counts ?? null;
  }

  show(query: CustomerQuery, now: Date): void {
    if (this.#paused) {
      this.#paused = false;
      void this.#work();
    }
    if (query === this.#query && now === this.#now) return;
    this.#query = query;
    this.#now = now;
    this.#answer = this.#answerFor(query, now, FIRST_ROWS);
  }

  rowAt(index: number): Customer | undefined {
    const answer = this.#answer;
    if (answer === null || index >= answer.total) return undefined;
    if (index >= answer.rows.length && !answer.complete) this.#answerPast(index);
    return this.#answer!.rows[index];
  }

  want(): void {
    // Every row is in memory.
  }

  retry(): void {
    // Nothing can fail.
  }

  pause(): void {
    this.#paused = true;
  }

  #answerFor(query: CustomerQuery, now: Date, count: number): Answer {
    const index = this.#index;
    if (index !== null) {
      const last = this.#lastRun;
      const result =
        last !== null && last.nowMs === now.getTime() && sameQueryFilter(last.query, query)
          ? reorderResult(index, last.result, query.sort)
          : queryIndex(index, queryFilter(query, now), query.sort, now);
      this.#lastRun = { query, nowMs: now.getTime(), result };
      return { rows: resultItems(index, result), total: result.total, counts: result.counts, complete: true };
    }
    const { rows, total, counts } = firstRows(this.customers, query, now, count);
    return { rows, total, counts, complete: rows.length === total };
  }

  /** A row past the first rows before the index is built: a longer pass near the top, else the index now. */
  #answerPast(index: number): void {
    const { total, counts } = this.#answer!;
    if (index < FIRST_ROWS_LIMIT) {
      this.#answer = this.#answerFor(this.#query!, this.#now!, Math.min(FIRST_ROWS_LIMIT, Math.max(2 * index, index + FIRST_ROWS)));
    } else {
      this.#indexed(this.#build!.finish());
    }
    // The same query: total and counts are the same, and stay the same objects for the element.
    Object.assign(this.#answer!, { total, counts });
  }

  /** The index is built: answer from it from now on. */
  #indexed(index: CustomerIndex): void {
    this.#index = index;
    this.#build = null;
    if (this.#query === null || this.#now === null) return;
    const before = this.#answer;
    this.#answer = this.#answerFor(this.#query, this.#now, FIRST_ROWS);
    // Same query, same total and counts: keep the objects, so the element sees nothing changed but the rows.
    if (before !== null && before.total === this.#answer.total && sameCounts(before.counts, this.#answer.counts)) {
      this.#answer.counts = before.counts;
    }
  }

  /** Builds the index a slice at a time (after the first rows are painted), then every sort order. */
  async #work(): Promise<void> {
    if (this.#working) return;
    this.#working = true;
    try {
      if (this.#build !== null) await afterPaint();
      while (this.#build !== null) {
        if (this.#paused) return;
        const index = this.#build.step();
        await indexPacing.between();
        // Each check after a wait: finished meanwhile (a row far down was asked for), or paused.
        if (index === null || this.#build === null || this.#paused) continue;
        // The shown sort's order, then the query on it: two tasks rather than one.
        if (this.#query !== null) sortOrder(index, this.#query.sort);
        await indexPacing.between();
        if (this.#build === null || this.#paused) continue;
        this.#indexed(index);
        this.#onChange();
      }
      if (this.#paused) return;
      await this.#prepareSortOrders();
    } finally {
      this.#working = false;
    }
  }

  async #prepareSortOrders(): Promise<void> {
    const index = this.#index!;
    const sorts: CustomerSort[] = SORT_KEYS.flatMap((key) => [
      { key, dir: 'asc' as const },
      { key, dir: 'desc' as const },
    ]);
    for (const sort of sorts) {
      await new Promise<void>((resolve) => whenIdle(resolve));
      if (this.#paused) return;
      sortOrder(index, sort);
    }
  }
}

function sameCounts(a: StatusCounts, b: StatusCounts): boolean {
  return a.all === b.all && a.active === b.active && a.trial === b.trial && a.expired === b.expired;
}
