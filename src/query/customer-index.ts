/**
 * A column-oriented index of customers for client mode: everything a query needs that does not
 * depend on the clock is computed once (folded text, sort keys, dates as numbers, plan and app
 * codes), and whole sort orders are built on first use and cached, so a query is one linear walk.
 */
import { FREE_PLAN_ID, type Customer, type SortKey } from '../model/schemas.js';
import type { CustomerSort } from './types.js';
import { foldText } from './fold.js';
import { utcDay } from './joined.js';
import { sortToParam, type SortParam } from './sort.js';

/** How many top apps a customer lists at most (the schema's limit). */
export const TOP_APPS = 5;

export interface CustomerIndex {
  readonly customers: readonly Customer[];
  readonly size: number;
  readonly ids: Float64Array;
  /** `foldText(name)`, which is also the name sort key. */
  readonly foldedName: readonly string[];
  /** `foldText(external_id)`, '' when there is none. */
  readonly foldedExternalId: readonly string[];
  readonly createdMs: Float64Array;
  /** Days since 1970-01-01 of `created_at`'s UTC date. */
  readonly createdDay: Int32Array;
  readonly tasksUsed: Float64Array;
  readonly connections: Float64Array;
  readonly inTrial: Uint8Array;
  /** `trial_ends_at` in epoch ms, NaN when there is none (a trial without an end has ended). */
  readonly trialEndMs: Float64Array;
  readonly onFreePlan: Uint8Array;
  readonly planCode: Int32Array;
  readonly planCodes: ReadonlyMap<string, number>;
  /** `TOP_APPS` app codes per customer, -1 for an empty slot. */
  readonly topApps: Int32Array;
  readonly appCodes: ReadonlyMap<string, number>;
  /** Whole sort orders (row numbers), built on first use. */
  readonly orders: Map<SortParam, Uint32Array>;
}

export function createCustomerIndex(customers: readonly Customer[]): CustomerIndex {
  const n = customers.length;
  const ids = new Float64Array(n);
  const foldedName = new Array<string>(n);
  const foldedExternalId = new Array<string>(n);
  const createdMs = new Float64Array(n);
  const createdDay = new Int32Array(n);
  const tasksUsed = new Float64Array(n);
  const connections = new Float64Array(n);
  const inTrial = new Uint8Array(n);
  const trialEndMs = new Float64Array(n);
  const onFreePlan = new Uint8Array(n);
  const planCode = new Int32Array(n);
  const planCodes = new Map<string, number>();
  const topApps = new Int32Array(n * TOP_APPS).fill(-1);
  const appCodes = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const c = customers[i]!;
    ids[i] = c.id;
    foldedName[i] = foldText(c.name);
    foldedExternalId[i] = c.external_id === null ? '' : foldText(c.external_id);
    const created = Date.parse(c.created_at);
    createdMs[i] = created;
    createdDay[i] = utcDay(created);
    tasksUsed[i] = c.tasks_used;
    connections[i] = c.connections;
    inTrial[i] = c.in_trial ? 1 : 0;
    trialEndMs[i] = c.trial_ends_at === null ? NaN : Date.parse(c.trial_ends_at);
    onFreePlan[i] = c.plan_id === FREE_PLAN_ID ? 1 : 0;
    planCode[i] = codeOf(planCodes, c.plan_id);
    const apps = c.top_apps;
    for (let k = 0; k < apps.length && k < TOP_APPS; k++) topApps[i * TOP_APPS + k] = codeOf(appCodes, apps[k]!);
  }
  return {
    customers,
    size: n,
    ids,
    foldedName,
    foldedExternalId,
    createdMs,
    createdDay,
    tasksUsed,
    connections,
    inTrial,
    trialEndMs,
    onFreePlan,
    planCode,
    planCodes,
    topApps,
    appCodes,
    orders: new Map(),
  };
}

function codeOf(codes: Map<string, number>, value: string): number {
  let code = codes.get(value);
  if (code === undefined) {
    code = codes.size;
    codes.set(value, code);
  }
  return code;
}

/** Every row of the index in a sort's order (ties by id ascending), cached on the index. */
export function sortOrder(index: CustomerIndex, sort: CustomerSort): Uint32Array {
  const param = sortToParam(sort);
  let order = index.orders.get(param);
  if (order) return order;
  const asc = ascendingOrder(index, sort.key);
  order = sort.dir === 'asc' ? asc : descendingFrom(asc, index, sort.key);
  index.orders.set(param, order);
  return order;
}

/** Builds every sort order now (e.g. while the browser is idle) so no first click pays for it. */
export function prepareSortOrders(index: CustomerIndex): void {
  for (const key of ['created_at', 'name', 'tasks_used', 'connections'] as const) {
    sortOrder(index, { key, dir: 'asc' });
    sortOrder(index, { key, dir: 'desc' });
  }
}

/** Sorts a subset of rows in place by a sort, ties by id ascending (then row, for duplicate ids). */
export function sortRows(index: CustomerIndex, rows: Uint32Array, sort: CustomerSort): Uint32Array {
  const sign = sort.dir === 'asc' ? 1 : -1;
  const ids = index.ids;
  if (sort.key === 'name') {
    const keys = index.foldedName;
    return rows.sort((a, b) => {
      const x = keys[a]!;
      const y = keys[b]!;
      return x < y ? -sign : x > y ? sign : ids[a]! - ids[b]! || a - b;
    });
  }
  const values = numericColumn(index, sort.key);
  return rows.sort((a, b) => sign * (values[a]! - values[b]!) || ids[a]! - ids[b]! || a - b);
}

function numericColumn(index: CustomerIndex, key: Exclude<SortKey, 'name'>): Float64Array {
  return key === 'created_at' ? index.createdMs : key === 'tasks_used' ? index.tasksUsed : index.connections;
}

const ROW_BITS = 2 ** 21;

function ascendingOrder(index: CustomerIndex, key: SortKey): Uint32Array {
  const n = index.size;
  // Numeric keys: pack (rank of value, rank of id) into one float and use the native numeric sort,
  // several times faster than a comparator. Ranks fit while there are at most 2^21 rows.
  if (key !== 'name' && n <= ROW_BITS) {
    const byId = idOrder(index);
    const idRank = new Uint32Array(n);
    for (let k = 0; k < n; k++) idRank[byId[k]!] = k;
    const values = numericColumn(index, key);
    const distinct = distinctSorted(values);
    const packed = new Float64Array(n);
    for (let i = 0; i < n; i++) packed[i] = rankIn(distinct, values[i]!) * ROW_BITS + idRank[i]!;
    packed.sort();
    const order = new Uint32Array(n);
    for (let k = 0; k < n; k++) order[k] = byId[packed[k]! % ROW_BITS]!;
    return order;
  }
  const rows = new Uint32Array(n);
  for (let i = 0; i < n; i++) rows[i] = i;
  return sortRows(index, rows, { key, dir: 'asc' });
}

function idOrder(index: CustomerIndex): Uint32Array {
  const rows = new Uint32Array(index.size);
  for (let i = 0; i < index.size; i++) rows[i] = i;
  const ids = index.ids;
  return rows.sort((a, b) => ids[a]! - ids[b]! || a - b);
}

function distinctSorted(values: Float64Array): Float64Array {
  const sorted = Float64Array.from(values).sort();
  let m = 0;
  for (let k = 0; k < sorted.length; k++) if (k === 0 || sorted[k] !== sorted[m - 1]) sorted[m++] = sorted[k]!;
  return sorted.subarray(0, m);
}

function rankIn(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Descending by key with ties still by id ascending: reverse, then restore each run of equal keys. */
function descendingFrom(asc: Uint32Array, index: CustomerIndex, key: SortKey): Uint32Array {
  const order = asc.slice().reverse();
  const same =
    key === 'name'
      ? (a: number, b: number) => index.foldedName[a] === index.foldedName[b]
      : ((values: Float64Array) => (a: number, b: number) => values[a] === values[b])(numericColumn(index, key));
  for (let start = 0; start < order.length; ) {
    let end = start + 1;
    while (end < order.length && same(order[start]!, order[end]!)) end++;
    if (end - start > 1) order.subarray(start, end).reverse();
    start = end;
  }
  return order;
}
