/**
 * Server mode's rows: a page cache filled page by page as the admin scrolls, with at most
 * `maxInFlight` requests open. A page that scrolled out of the wanted range is aborted, and a new
 * query aborts everything and drops every answer of the old one, so an older answer never shows.
 */
import type { Backend } from '../../src/backend/backend.js';
import { isAbortError } from '../../src/backend/errors.js';
import type { Customer, StatusCounts } from '../../src/model/schemas.js';
import { queryToListParams } from '../../src/query/list-params.js';
import type { CustomerListParams, CustomerQuery } from '../../src/query/types.js';
import type { RowSource } from './row-source.js';

export interface ServerPagesOptions {
  backend: Backend;
  perPage: number;
  maxInFlight?: number;
  /** Pages kept in memory; the ones farthest from the wanted range go first. */
  maxCachedPages?: number;
  /** Called after every change the element should render (a page arrived, an error). */
  onChange: () => void;
}

export class ServerPages implements RowSource {
  readonly mode = 'server';
  /** Matching rows, once the first page of the current query has answered. */
  total: number | null = null;
  counts: StatusCounts | null = null;
  error: unknown = null;
  readonly backend: Backend;
  readonly perPage: number;

  readonly #maxInFlight: number;
  readonly #maxCachedPages: number;
  readonly #onChange: () => void;
  /** What `show` was last given; null before the first query and after `pause`. */
  #shown: { query: CustomerQuery; now: Date } | null = null;
  #params: CustomerListParams | null = null;
  readonly #pages = new Map<number, readonly Customer[]>();
  readonly #inFlight = new Map<number, AbortController>();
  /** 1-based pages covering the rendered rows, nearest first. */
  #wanted: number[] = [1];

  constructor({ backend, perPage, maxInFlight = 2, maxCachedPages = 40, onChange }: ServerPagesOptions) {
    this.backend = backend;
    this.perPage = perPage;
    this.#maxInFlight = maxInFlight;
    this.#maxCachedPages = maxCachedPages;
    this.#onChange = onChange;
  }

  get inFlight(): number {
    return this.#inFlight.size;
  }

  show(query: CustomerQuery, now: Date): void {
    if (this.#shown?.query === query && this.#shown.now === now) return;
    this.#shown = { query, now };
    this.reset(queryToListParams(query, now, this.perPage));
  }

  /** Starts over for new list params (their page and per_page are ignored); fetches page 1. */
  reset(params: CustomerListParams): void {
    this.#abortAll();
    const { page: _page, per_page: _perPage, ...rest } = params;
    this.#params = rest;
    this.#pages.clear();
    this.total = null;
    this.counts = null;
    this.error = null;
    this.#wanted = [1];
    this.#pump();
  }

  /** The customer at a row, or undefined while its page is loading. */
  rowAt(index: number): Customer | undefined {
    return this.#pages.get(Math.floor(index / this.perPage) + 1)?.[index % this.perPage];
  }

  /** Rows `[first, end)` are rendered: fetch their pages, abort requests for pages no longer wanted. */
  want(first: number, end: number): void {
    const firstPage = Math.floor(first / this.perPage) + 1;
    const lastPage = Math.max(firstPage, Math.floor(Math.max(first, end - 1) / this.perPage) + 1);
    const wanted: number[] = [];
    for (let p = firstPage; p <= lastPage; p++) wanted.push(p);
    if (wanted.join() === this.#wanted.join()) return;
    this.#wanted = wanted;
    for (const [page, controller] of this.#inFlight) {
      if (!wanted.includes(page)) {
        controller.abort();
        this.#inFlight.delete(page);
      }
    }
    this.#pump();
  }

  /** After an error: forget it and fetch the wanted pages again, same query. */
  retry(): void {
    this.error = null;
    this.#pump();
    this.#onChange();
  }

  pause(): void {
    this.#abortAll();
    this.#shown = null;
    this.#params = null;
  }

  #abortAll(): void {
    for (const controller of this.#inFlight.values()) controller.abort();
    this.#inFlight.clear();
  }

  #pump(): void {
    if (this.#params === null || this.error !== null) return;
    for (const page of this.#wanted) {
      if (this.#inFlight.size >= this.#maxInFlight) break;
      if (this.#pages.has(page) || this.#inFlight.has(page)) continue;
      if (this.total !== null && (page - 1) * this.perPage >= this.total) continue;
      this.#fetch(this.#params, page);
    }
  }

  #fetch(params: CustomerListParams, page: number): void {
    const controller = new AbortController();
    this.#inFlight.set(page, controller);
    // Superseded: aborted, or dropped by reset()/want() even when the backend ignores the signal.
    const current = () => this.#inFlight.get(page) === controller && !controller.signal.aborted;
    this.backend.listCustomers({ ...params, page, per_page: this.perPage }, { signal: controller.signal }).then(
      (result) => {
        if (!current()) return;
        this.#inFlight.delete(page);
        this.#pages.set(page, result.items);
        this.total = result.total;
        this.counts = result.counts;
        this.#evict();
        this.#pump();
        this.#onChange();
      },
      (error: unknown) => {
        if (!current() || isAbortError(error)) return;
        this.#inFlight.delete(page);
        this.error = error;
        this.#onChange();
      },
    );
  }

  #evict(): void {
    if (this.#pages.size <= this.#maxCachedPages) return;
    const centre = this.#wanted[0] ?? 1;
    const byDistance = [...this.#pages.keys()].sort((a, b) => Math.abs(b - centre) - Math.abs(a - centre));
    for (const page of byDistance.slice(0, this.#pages.size - this.#maxCachedPages)) this.#pages.delete(page);
  }
}
