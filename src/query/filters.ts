/**
 * The filters of a query (search, plans, status, app, date joined) as opposed to how it is read
 * (sort, page): whether any is on, and the query with all of them off.
 */
import type { CustomerQuery } from './types.js';

/** Whether the query excludes anything: tells "no customers yet" from "nothing matches". */
export function hasActiveFilters(query: CustomerQuery): boolean {
  return query.q.trim() !== '' || query.plans.length > 0 || query.status !== 'all' || query.app !== null || query.joined !== null;
}

/** Every filter off, back to page 1; the sort stays, since it is how the admin reads the list, not a filter. */
export function withoutFilters(query: CustomerQuery): CustomerQuery {
  return { ...query, q: '', plans: [], status: 'all', app: null, joined: null, page: 1 };
}
