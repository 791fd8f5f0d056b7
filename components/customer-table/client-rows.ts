/**
 * Client mode's rows: the whole list in memory, indexed once and queried with src/query on every
 * new query or clock. Every sort order is built ahead, one per idle period, so the admin's first
 * click on a header is fast.
 */
import type { Customer, StatusCounts } from '../../src/model/schemas.js';
import { SORT_KEYS } from '../../src/model/constants.js';
import { createCustomerIndex, sortOrder, type CustomerIndex } from '../../src/query/customer-index.js';
import { runQuery, type QueryResult } from '../../src/query/run-query.js';
import type { CustomerQuery, CustomerSort } from '../../src/query/types.js';
import type { RowSource } from './row-source.js';

const whenIdle: (callback: () => void) => void =
  typeof requestIdleCallback === 'function' ? (cb) => requestIdleCallback(cb, { timeout: 2000 }) : (cb) => setTimeout(cb, 50);

export class ClientRows implements RowSource {
  readonly mode = 'client';
  readonly error = null;
  /** The list these rows come from (the element keeps this source while the list is the same). */
  readonly customers: readonly Customer[];

  readonly #index: CustomerIndex;
  #result: QueryResult | null = null;
  #query: CustomerQuery | null = null;
  #now: Date | null = null;
  #paused = false;

  constructor(customers: readonly Customer[]) {
    this.customers = customers;
    this.#index = createCustomerIndex(customers);
    this.#prepareSortOrders();
  }

  get total(): number | null {
    return this.#result?.total ?? null;
  }

  get counts(): StatusCounts | null {
    return this.#result?.counts ?? null;
  }

  show(query: CustomerQuery, now: Date): void {
    if (query === this.#query && now === this.#now) return;
    this.#query = query;
    this.#now = now;
    this.#result = runQuery(this.#index, query, now);
  }

  rowAt(index: number): Customer | undefined {
    return this.#result?.items[index];
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

  #prepareSortOrders(): void {
    const sorts: CustomerSort[] = SORT_KEYS.flatMap((key) => [
      { key, dir: 'asc' as const },
      { key, dir: 'desc' as const },
    ]);
    const step = () => {
      const sort = sorts.shift();
      if (!sort || this.#paused) return;
      sortOrder(this.#index, sort);
      whenIdle(step);
    };
    whenIdle(step);
  }
}
