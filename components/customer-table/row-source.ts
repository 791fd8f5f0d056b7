/**
 * Where customer-table's rows come from, behind one interface for both data modes — Vaadin's
 * array data provider is the model: a list in memory answers the way a server does, so the element
 * never asks which one it has. `ClientRows` (client-rows.ts) queries a whole list in memory;
 * `ServerPages` (server-pages.ts) fetches pages as the admin scrolls. `loadSource` decides which,
 * for a backend and a mode.
 */
import type { Backend, CallOptions } from '../../src/backend/backend.js';
import { MAX_PER_PAGE } from '../../src/model/constants.js';
import type { Customer, StatusCounts } from '../../src/model/schemas.js';
import type { CustomerQuery } from '../../src/query/types.js';
import { ClientRows } from './client-rows.js';
import { ServerPages } from './server-pages.js';

/** `auto`: client mode up to the client threshold, server mode beyond. */
export type TableMode = 'auto' | 'client' | 'server';

/** Auto mode loads the whole list into memory up to this many customers, else pages from the server. */
export const DEFAULT_CLIENT_THRESHOLD = 5_000;

export interface RowSource {
  /** `client`: every customer in memory, queried here; `server`: pages fetched as they are wanted. */
  readonly mode: 'client' | 'server';
  /** Customers matching the query, or null until known. */
  readonly total: number | null;
  /** Status counts for the query without its status filter, or null until known. */
  readonly counts: StatusCounts | null;
  /** Why the rows could not be loaded, or null. */
  readonly error: unknown;
  /** Shows this query on this clock; the rows change only when either is a new object. */
  show(query: CustomerQuery, now: Date): void;
  /** The customer at a row of the query's result, or undefined while it loads. */
  rowAt(index: number): Customer | undefined;
  /** Rows `[first, end)` are rendered: load what they need, drop requests for anything else. */
  want(first: number, end: number): void;
  /** After an error: forget it and ask again, same query. */
  retry(): void;
  /**
   * The element left the page: stop every request and idle work. Server pages are forgotten, so
   * the next `show` fetches them fresh; a list in memory stays.
   */
  pause(): void;
}

/** What `loadSource` found: the whole list (client mode), or that pages must be fetched (server mode). */
export type TableSource = { kind: 'client'; customers: readonly Customer[] } | { kind: 'server' };

/**
 * Decides the data mode and, for client mode, loads every customer (pages of 200, at most two
 * requests at a time). Auto mode asks for the first page and stays in server mode when the total
 * is above `clientThreshold`, so it never downloads a large list.
 */
export async function loadSource(
  backend: Backend,
  mode: Exclude<TableMode, 'server'>,
  clientThreshold: number,
  options: CallOptions,
): Promise<TableSource> {
  const perPage = MAX_PER_PAGE;
  const first = await backend.listCustomers({ page: 1, per_page: perPage }, options);
  if (mode === 'auto' && first.total > clientThreshold) return { kind: 'server' };
  const pageCount = Math.ceil(first.total / perPage);
  const pages: (readonly Customer[])[] = [first.items];
  let next = 2;
  const worker = async () => {
    while (next <= pageCount) {
      const page = next++;
      pages[page - 1] = (await backend.listCustomers({ page, per_page: perPage }, options)).items;
    }
  };
  await Promise.all([worker(), worker()]);
  // Ids are unique; a customer created between two page requests may shift another onto two pages.
  const seen = new Set<number>();
  const customers = pages.flat().filter((c) => !seen.has(c.id) && (seen.add(c.id), true));
  return { kind: 'client', customers };
}

/** What the rows come from now: a list in memory, or a backend's pages of `perPage` rows. */
export type RowsFrom = { kind: 'client'; customers: readonly Customer[] } | { kind: 'server'; backend: Backend; perPage: number };

/**
 * The source for `from`: `current` while it already serves it (same list, or same backend and page
 * size), else a new one, and `current` paused. Null while nothing is known yet.
 */
export function rowSourceFor(current: RowSource | null, from: RowsFrom | null, onChange: () => void): RowSource | null {
  if (from?.kind === 'client' && current instanceof ClientRows && current.customers === from.customers) return current;
  if (from?.kind === 'server' && current instanceof ServerPages && current.backend === from.backend && current.perPage === from.perPage) {
    return current;
  }
  current?.pause();
  if (from === null) return null;
  return from.kind === 'client' ? new ClientRows(from.customers, { onChange }) : new ServerPages({ backend: from.backend, perPage: from.perPage, onChange });
}
