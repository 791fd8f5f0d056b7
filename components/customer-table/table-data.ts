/**
 * Where customer-table's rows come from when it has a backend: the whole list in memory (client
 * mode, queried with src/query) or pages on demand (server mode, see server-pages.ts).
 */
import type { Backend, CallOptions } from '../../src/backend/backend.js';
import { MAX_PER_PAGE } from '../../src/model/constants.js';
import type { Customer } from '../../src/model/schemas.js';
import type { CustomerQuery } from '../../src/query/types.js';

export type TableMode = 'auto' | 'client' | 'server';

/** Auto mode loads the whole list into memory up to this many customers, else pages from the server. */
export const DEFAULT_CLIENT_THRESHOLD = 5_000;

export type TableSource = { kind: 'client'; customers: readonly Customer[] } | { kind: 'server' };

/** Whether the query excludes anything: tells "no customers yet" from "nothing matches". */
export function hasActiveFilters(query: CustomerQuery): boolean {
  return (
    query.q.trim() !== '' || query.plans.length > 0 || query.status !== 'all' || query.app !== null || query.joined !== null
  );
}

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
