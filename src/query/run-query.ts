/**
 * Running a query: filter (search, plans as of the clock, status, app, date joined), count statuses
 * for the tabs, sort, and page. Client mode (and MemoryBackend, which keeps an index) walks a cached sort order
 * of a `CustomerIndex`; `applyListParams`, for one-off lists, filters first and sorts only what
 * matched.
 */
import type { Customer, CustomerPage, StatusCounts } from '../model/schemas.js';
import type { CustomerQuery, CustomerSort } from './types.js';
import { createCustomerIndex, searchRows, type CustomerIndex } from './customer-index.js';
import {
  ACTIVE,
  hasWantedStatus,
  passesFilters,
  queryFilter,
  resolveFilter,
  statusCode,
  TOP_APPS,
  TRIAL,
  type CustomerFilter,
} from './customer-filter.js';
import { sortOrder, sortRows } from './sort-order.js';
import type { ValidListParams } from './list-params.js';
import { sortFromParam } from './sort.js';
import { DEFAULT_SORT } from './types.js';

export type { CustomerFilter } from './customer-filter.js';

export interface IndexQueryResult {
  /** Matching rows of the index, in sort order. */
  rows: Uint32Array;
  /** Matching rows including the status filter. */
  total: number;
  /** Rows matching everything but the status filter, by status. */
  counts: StatusCounts;
}

export interface QueryResult {
  /** Every match, sorted. */
  items: Customer[];
  total: number;
  counts: StatusCounts;
}

/**
 * Filters and sorts the index. With `useCachedOrder` (client mode, the default) it walks the whole
 * sort order, built once per sort; without, it filters in row order and sorts only the matches,
 * which is cheaper for a one-off query. What matches is decided by customer-filter.ts, on the
 * index's columns.
 */
export function queryIndex(
  index: CustomerIndex,
  filter: CustomerFilter,
  sort: CustomerSort,
  now: Date,
  useCachedOrder = true,
): IndexQueryResult {
  const n = index.size;
  const order = useCachedOrder ? sortOrder(index, sort) : null;
  const f = resolveFilter(filter, now);
  const { createdDay, inTrial, trialEndMs, onFreePlan, planCode, topApps } = index;
  const searchHits = f.needle === '' ? null : searchRows(index, f.needle);

  // The filter's plans as the index's plan codes (the stored plan; passesFilters reads it with the status).
  let planListed: Uint8Array | null = null;
  if (f.plans !== null) {
    planListed = new Uint8Array(index.planCodes.size);
    for (const plan of f.plans) {
      const code = index.planCodes.get(plan);
      if (code !== undefined) planListed[code] = 1;
    }
  }
  // An app no customer has matches nobody: -2 never equals a slot.
  const appCode = f.app === null ? -1 : (index.appCodes.get(f.app) ?? -2);
  const nowMs = f.nowMs;

  const rows = new Uint32Array(n);
  let total = 0;
  let active = 0;
  let trial = 0;
  let expired = 0;
  for (let k = 0; k < n; k++) {
    const i = order === null ? k : order[k]!;
    if (searchHits !== null && searchHits[i] !== 1) continue;
    const status = statusCode(inTrial[i] === 1, trialEndMs[i]!, onFreePlan[i] === 1, nowMs);
    const onListedPlan = planListed === null || planListed[planCode[i]!] === 1;
    let hasApp = true;
    if (appCode !== -1) {
      hasApp = false;
      for (let s = i * TOP_APPS, end = s + TOP_APPS; s < end; s++) {
        if (topApps[s] === appCode) {
          hasApp = true;
          break;
        }
      }
    }
    if (!passesFilters(f, status, onListedPlan, createdDay[i]!, hasApp)) continue;
    if (status === ACTIVE) active++;
    else if (status === TRIAL) trial++;
    else expired++;
    if (hasWantedStatus(f, status)) rows[total++] = i;
  }
  const matched = rows.subarray(0, total);
  return {
    rows: order === null ? sortRows(index, matched, sort) : matched,
    total,
    counts: { all: active + trial + expired, active, trial, expired },
  };
}

/**
 * The matches of an earlier result for the same filter at the same clock, in another sort order: one
 * pass over that order keeping the earlier matches, instead of the filter again (a sort click in
 * client mode; the filter's pass is ~7 ms at 100k, this ~1). Total and counts do not depend on the
 * sort, so they are the earlier result's, the same objects.
 */
export function reorderResult(index: CustomerIndex, previous: IndexQueryResult, sort: CustomerSort): IndexQueryResult {
  const order = sortOrder(index, sort);
  if (previous.total === index.size) return { rows: order, total: previous.total, counts: previous.counts };
  const matched = new Uint8Array(index.size);
  for (let k = 0; k < previous.total; k++) matched[previous.rows[k]!] = 1;
  const rows = new Uint32Array(previous.total);
  for (let k = 0, found = 0; found < previous.total; k++) {
    const i = order[k]!;
    if (matched[i] === 1) rows[found++] = i;
  }
  return { rows, total: previous.total, counts: previous.counts };
}

/** The customers of a result, in its order. */
export function resultItems(index: CustomerIndex, result: IndexQueryResult): Customer[] {
  const items = new Array<Customer>(result.total);
  for (let k = 0; k < result.total; k++) items[k] = index.customers[result.rows[k]!]!;
  return items;
}

/** Client mode: every customer matching the query, sorted, with status counts for the tabs. */
export function runQuery(index: CustomerIndex, query: CustomerQuery, now: Date): QueryResult {
  const result = queryIndex(index, queryFilter(query, now), query.sort, now);
  return { items: resultItems(index, result), total: result.total, counts: result.counts };
}

/**
 * One page of `GET /customers` over an in-memory list. A page past the end has no items. Builds a
 * fresh index each call (about 2 ms per 1,000 customers), so for a large list that is queried
 * again and again keep one index and call `queryIndex`, as MemoryBackend does.
 */
export function applyListParams(customers: readonly Customer[], params: ValidListParams, now: Date): CustomerPage {
  const index = createCustomerIndex(customers);
  const result = queryIndex(index, listParamsFilter(params), sortFromParam(params.sort) ?? DEFAULT_SORT, now, false);
  const start = (params.page - 1) * params.per_page;
  const end = Math.min(result.total, start + params.per_page);
  const items: Customer[] = [];
  for (let k = start; k < end; k++) items.push(customers[result.rows[k]!]!);
  return { items, total: result.total, page: params.page, per_page: params.per_page, counts: result.counts };
}

export function listParamsFilter(params: ValidListParams): CustomerFilter {
  return {
    q: params.q ?? '',
    plans: params.plan ?? [],
    status: params.status ?? 'all',
    app: params.app ?? null,
    from: params.joined_from,
    to: params.joined_to,
  };
}
