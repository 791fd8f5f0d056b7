/**
 * Running a query: filter (search, plans as of the clock, status, app, date joined), count statuses
 * for the tabs, sort, and page. Client mode (and MemoryBackend, which keeps an index) walks a cached sort order
 * of a `CustomerIndex`; `applyListParams`, for one-off lists, filters first and sorts only what
 * matched.
 */
import { FREE_PLAN_ID } from '../model/constants.js';
import type { Customer, CustomerPage, Status, StatusCounts } from '../model/schemas.js';
import type { CustomerQuery, CustomerSort } from './types.js';
import { createCustomerIndex, searchRows, TOP_APPS, type CustomerIndex } from './customer-index.js';
import { sortOrder, sortRows } from './sort-order.js';
import { isoDateToDay, resolveJoinedRange } from './joined.js';
import type { ValidListParams } from './list-params.js';
import { foldQuery } from './search.js';
import { sortFromParam } from './sort.js';
import { DEFAULT_SORT } from './types.js';

/** What rows must satisfy; `from`/`to` are inclusive `YYYY-MM-DD` UTC dates. */
export interface CustomerFilter {
  q: string;
  plans: readonly string[];
  status: Status | 'all';
  app: string | null;
  from?: string | undefined;
  to?: string | undefined;
}

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

const ACTIVE = 0;
const TRIAL = 1;
const EXPIRED = 2;
const STATUS_CODE: Record<Status, number> = { active: ACTIVE, trial: TRIAL, expired: EXPIRED };

/**
 * Filters and sorts the index. With `useCachedOrder` (client mode, the default) it walks the whole
 * sort order, built once per sort; without, it filters in row order and sorts only the matches,
 * which is cheaper for a one-off query.
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
  const needle = foldQuery(filter.q);
  const { createdDay, inTrial, trialEndMs, onFreePlan, planCode, topApps } = index;
  const searchHits = needle === '' ? null : searchRows(index, needle);

  // The plan filter reads the plan each customer is on at `now` (effectivePlanId): an expired
  // customer is on Free whatever plan it had, anyone else on its own. The index holds the stored
  // plan, built once for every clock, so the test happens per query with the status.
  let planAllowed: Uint8Array | null = null;
  let freeAllowed = false;
  if (filter.plans.length > 0) {
    planAllowed = new Uint8Array(index.planCodes.size);
    for (const plan of filter.plans) {
      const code = index.planCodes.get(plan);
      if (code !== undefined) planAllowed[code] = 1;
      if (plan === FREE_PLAN_ID) freeAllowed = true;
    }
  }
  // An app no customer has matches nobody: -2 never equals a slot.
  const appCode = filter.app === null ? -1 : (index.appCodes.get(filter.app) ?? -2);
  const fromDay = filter.from === undefined ? -Infinity : (isoDateToDay(filter.from) ?? -Infinity);
  const toDay = filter.to === undefined ? Infinity : (isoDateToDay(filter.to) ?? Infinity);
  const wanted = filter.status === 'all' ? -1 : STATUS_CODE[filter.status];
  const nowMs = now.getTime();

  const rows = new Uint32Array(n);
  let total = 0;
  let active = 0;
  let trial = 0;
  let expired = 0;
  for (let k = 0; k < n; k++) {
    const i = order === null ? k : order[k]!;
    if (searchHits !== null && searchHits[i] !== 1) continue;
    // Same rule as customerStatus (src/model/rules.ts), on precomputed columns.
    const status = inTrial[i] === 1 ? (trialEndMs[i]! > nowMs ? TRIAL : EXPIRED) : onFreePlan[i] === 1 ? EXPIRED : ACTIVE;
    if (planAllowed !== null && (status === EXPIRED ? !freeAllowed : planAllowed[planCode[i]!] !== 1)) continue;
    const day = createdDay[i]!;
    if (day < fromDay || day > toDay) continue;
    if (appCode !== -1) {
      let has = false;
      for (let s = i * TOP_APPS, end = s + TOP_APPS; s < end; s++) {
        if (topApps[s] === appCode) {
          has = true;
          break;
        }
      }
      if (!has) continue;
    }
    if (status === ACTIVE) active++;
    else if (status === TRIAL) trial++;
    else expired++;
    if (wanted === -1 || status === wanted) rows[total++] = i;
  }
  const matched = rows.subarray(0, total);
  return {
    rows: order === null ? sortRows(index, matched, sort) : matched,
    total,
    counts: { all: active + trial + expired, active, trial, expired },
  };
}

/** Client mode: every customer matching the query, sorted, with status counts for the tabs. */
export function runQuery(index: CustomerIndex, query: CustomerQuery, now: Date): QueryResult {
  const range = resolveJoinedRange(query.joined, now);
  const result = queryIndex(
    index,
    { q: query.q, plans: query.plans, status: query.status, app: query.app, from: range.from, to: range.to },
    query.sort,
    now,
  );
  const items = new Array<Customer>(result.total);
  for (let k = 0; k < result.total; k++) items[k] = index.customers[result.rows[k]!]!;
  return { items, total: result.total, counts: result.counts };
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
